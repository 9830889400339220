#pragma once
// Logging in and out, and turning a session token into an Actor (DOMAIN O3/O4 scopes).
// Tokens are 256 random bits; only their SHA-256 is stored. Failed logins are slowed and then
// refused per account and per address (LoginThrottle).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "db/database.hpp"
#include "modules/auth/login_throttle.hpp"
#include "modules/auth/password.hpp"
#include "modules/auth/session_cache.hpp"

namespace steward::auth {

struct AuthOptions {
  std::int64_t session_ttl_seconds = 12 * 3600;
  PasswordCost password_cost{};
  ThrottlePolicy account_throttle{};
  ThrottlePolicy address_throttle{.free_failures = 20, .lock_failures = 50};
  SessionCacheLimits session_cache{};
};

struct LoginResult {
  std::string token;
  std::int64_t expires_at = 0;
  nlohmann::json me;
};

class AuthService {
 public:
  AuthService(db::Database& db, const core::Clock& clock, AuthOptions options);

  LoginResult login(const nlohmann::json& body, const std::string& address,
                    const std::string& request_id);
  void logout(const std::string& token, const core::Context& ctx);
  std::optional<core::Actor> authenticate(const std::string& token) const;
  nlohmann::json me(const core::Actor& actor) const;
  // The caller changes their own password; their other sessions end.
  void change_own_password(const core::Context& ctx, const std::string& token,
                           const nlohmann::json& body);
  const AuthOptions& options() const { return options_; }
  // Resolved sessions; whoever changes an account, its projects or its sessions forgets them.
  SessionCache& sessions() const { return sessions_; }

 private:
  core::Actor load_actor(db::Session& s, const db::Row& user) const;
  db::Database& db_;
  const core::Clock& clock_;
  AuthOptions options_;
  LoginThrottle throttle_;
  std::string dummy_hash_;  // verified when the account does not exist, so timing tells nothing
  mutable SessionCache sessions_;
};

// Ends every session of a user (password changed or account deactivated), except `keep_hash`.
void revoke_sessions(db::Session& s, std::int64_t user_id, std::int64_t now,
                     const std::string& keep_hash = "");

}  // namespace steward::auth
