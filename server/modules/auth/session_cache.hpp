#pragma once
// Sessions already resolved, kept in memory for a short while so that a request does not read
// its session, user, role and projects from the database every time (issue 6, speed).
//
// Correctness rests on two rules:
//  - Whoever changes what an Actor is made of (a session, an account, its projects, a project's
//    region, an owner's customer record) calls forget_* AFTER the change is committed.
//  - A miss takes a ticket() BEFORE it reads the database, and put() keeps the result only when
//    nothing was forgotten since: a read that raced a change never lands in the cache.
// An entry lives until its session expires or for `seconds`, whichever is first; that bound is
// also how long a change made by another process (`steward user passwd`) can go unseen.
// Thread-safe: one mutex, held only to look up or change the map.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/actor.hpp"

namespace steward::auth {

struct SessionCacheLimits {
  std::int64_t seconds = 30;     // 0: no caching at all
  std::size_t capacity = 10000;  // sessions held at most
};

class SessionCache {
 public:
  explicit SessionCache(SessionCacheLimits limits = {}) : limits_(limits) {}

  std::shared_ptr<const core::Actor> find(const std::string& token_hash, std::int64_t now);
  std::uint64_t ticket() const;
  void put(std::uint64_t ticket, const std::string& token_hash, core::Actor actor,
           std::int64_t session_expires_at, std::int64_t now);

  void forget_token(const std::string& token_hash);
  void forget_user(std::int64_t user_id);
  void forget_all();
  std::size_t size() const;

 private:
  struct Entry {
    std::shared_ptr<const core::Actor> actor;
    std::int64_t until = 0;  // valid while now < until
  };
  void make_room(std::int64_t now);

  SessionCacheLimits limits_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::uint64_t generation_ = 0;  // bumped by every forget_*
};

}  // namespace steward::auth
