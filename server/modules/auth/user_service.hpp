#pragma once
// User accounts: who may log in, with which role, over which projects.
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/params.hpp"
#include "db/database.hpp"
#include "modules/auth/password.hpp"
#include "modules/auth/session_cache.hpp"

namespace steward::auth {

class UserService {
 public:
  // `sessions`: the server's session cache, told after every change of an account (none in
  // tools that serve no requests).
  UserService(db::Database& db, const core::Clock& clock, PasswordCost cost,
              SessionCache* sessions = nullptr)
      : db_(db), clock_(clock), cost_(cost), sessions_(sessions) {}

  nlohmann::json list(const core::Actor& actor, const core::Params& query) const;
  nlohmann::json get(const core::Actor& actor, std::int64_t id) const;
  nlohmann::json create(const core::Context& ctx, const nlohmann::json& body) const;
  // PATCH: any field; a new password ends the user's sessions, and so does deactivation. Their
  // cached sessions are forgotten after every change (role, projects, region, customer...).
  nlohmann::json update(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const;

 private:
  std::optional<nlohmann::json> find(db::Session& s, const core::Actor& actor,
                                     std::int64_t id) const;
  db::Database& db_;
  const core::Clock& clock_;
  PasswordCost cost_;
  SessionCache* sessions_;
};

}  // namespace steward::auth
