#include "modules/auth/session_cache.hpp"

#include <algorithm>

namespace steward::auth {

std::shared_ptr<const core::Actor> SessionCache::find(const std::string& token_hash,
                                                      std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return nullptr;
  if (now >= it->second.until) {
    entries_.erase(it);
    return nullptr;
  }
  return it->second.actor;
}

std::uint64_t SessionCache::ticket() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void SessionCache::put(std::uint64_t ticket, const std::string& token_hash, core::Actor actor,
                       std::int64_t session_expires_at, std::int64_t now) {
  if (limits_.seconds <= 0 || limits_.capacity == 0) return;
  const std::int64_t until = std::min(session_expires_at, now + limits_.seconds);
  if (now >= until) return;
  auto shared = std::make_shared<const core::Actor>(std::move(actor));
  std::lock_guard lock(mutex_);
  if (ticket != generation_) return;  // something changed while the caller read the database
  if (entries_.size() >= limits_.capacity && !entries_.count(token_hash)) make_room(now);
  entries_[token_hash] = Entry{std::move(shared), until};
}

// Drops the expired entries; if most are still live (many sessions at once), drops them all,
// so that a full cache costs one sweep per `capacity / 4` insertions at most.
void SessionCache::make_room(std::int64_t now) {
  for (auto it = entries_.begin(); it != entries_.end();)
    it = now >= it->second.until ? entries_.erase(it) : std::next(it);
  if (entries_.size() > limits_.capacity * 3 / 4) entries_.clear();
}

void SessionCache::forget_token(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  ++generation_;
  entries_.erase(token_hash);
}

void SessionCache::forget_user(std::int64_t user_id) {
  std::lock_guard lock(mutex_);
  ++generation_;
  for (auto it = entries_.begin(); it != entries_.end();)
    it = it->second.actor->user_id == user_id ? entries_.erase(it) : std::next(it);
}

void SessionCache::forget_all() {
  std::lock_guard lock(mutex_);
  ++generation_;
  entries_.clear();
}

std::size_t SessionCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace steward::auth
