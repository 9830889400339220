#include "modules/auth/auth_service.hpp"

#include "core/crypto.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/auth/roles.hpp"

namespace steward::auth {
namespace {

std::vector<std::int64_t> ids_of(db::Session& s, const std::string& sql, const char* name,
                                 long long value) {
  std::vector<std::int64_t> out;
  for (const auto& r : db::Query(s, sql).bind(name, value).all()) out.push_back(r.first_i64());
  return out;
}

[[noreturn]] void invalid_credentials() {
  throw core::AppError(core::ErrorKind::unauthenticated, "auth.invalid_credentials",
                       "wrong username or password");
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

void revoke_sessions(db::Session& s, std::int64_t user_id, std::int64_t now,
                     const std::string& keep_hash) {
  db::Query(s,
            "UPDATE auth_session SET revoked_at = :now WHERE user_id = :user AND revoked_at IS "
            "NULL AND token_hash <> :keep")
      .bind("now", static_cast<long long>(now))
      .bind("user", static_cast<long long>(user_id))
      .bind("keep", keep_hash)
      .exec();
}

AuthService::AuthService(db::Database& db, const core::Clock& clock, AuthOptions options)
    : db_(db),
      clock_(clock),
      options_(std::move(options)),
      throttle_(options_.account_throttle, options_.address_throttle),
      dummy_hash_(hash_password(core::random_bytes(16), options_.password_cost)),
      sessions_(options_.session_cache) {}

core::Actor AuthService::load_actor(db::Session& s, const db::Row& user) const {
  core::Actor a;
  a.user_id = user.i64("id");
  a.username = user.str("username");
  a.role = user.str("role");
  const Role* role = find_role(a.role);
  if (!role) return a;  // an unknown role grants nothing
  a.permissions = role->permissions;
  switch (role->scope) {
    case RoleScope::company: a.all_projects = true; break;
    case RoleScope::region:
      a.project_ids = ids_of(s, "SELECT id FROM project WHERE region_id = :r", "r",
                             user.opt_i64("region_id").value_or(0));
      break;
    case RoleScope::assigned:
      a.project_ids = ids_of(s, "SELECT project_id FROM user_project WHERE user_id = :u", "u",
                             a.user_id);
      break;
    case RoleScope::owner: {
      const long long customer = user.opt_i64("customer_id").value_or(0);
      a.customer_id = customer;
      a.project_ids = ids_of(s, "SELECT project_id FROM customer WHERE id = :c", "c", customer);
      a.unit_ids = ids_of(s, "SELECT unit_id FROM customer WHERE id = :c", "c", customer);
      break;
    }
  }
  return a;
}

std::optional<core::Actor> AuthService::authenticate(const std::string& token) const {
  if (token.empty() || token.size() > 100) return std::nullopt;
  const std::string hash = core::sha256_hex(token);
  const auto now = clock_.now();
  if (auto cached = sessions_.find(hash, now)) return *cached;
  const auto ticket = sessions_.ticket();  // before the read: see session_cache.hpp
  auto found = db_.read([&](db::Session& s) -> std::optional<std::pair<core::Actor, std::int64_t>> {
    auto user = db::Query(s,
                          "SELECT u.*, x.expires_at AS session_expires_at FROM auth_session x "
                          "JOIN app_user u ON u.id = x.user_id WHERE x.token_hash = :h AND "
                          "x.revoked_at IS NULL AND x.expires_at > :now AND u.active = 1")
                    .bind("h", hash)
                    .bind("now", static_cast<long long>(now))
                    .one();
    if (!user) return std::nullopt;
    return std::pair{load_actor(s, *user), user->i64("session_expires_at")};
  });
  if (!found) return std::nullopt;
  sessions_.put(ticket, hash, found->first, found->second, now);
  return std::move(found->first);
}

LoginResult AuthService::login(const nlohmann::json& body, const std::string& address,
                               const std::string& request_id) {
  json::Input in(body, json::Input::Mode::create);
  const auto username = in.text("username", {.max = 50});
  const auto password = in.text("password", {.max = 200});
  in.finish();
  const std::string account = lower(*username);
  const auto now = clock_.now();
  if (auto wait = throttle_.retry_after(account, address, now)) {
    core::AppError e(core::ErrorKind::too_many_requests, "auth.too_many_attempts",
                     "too many failed logins; try again in " + std::to_string(*wait) + " s");
    e.retry_after = *wait;
    throw e;
  }
  auto user = db_.read([&](db::Session& s) {
    return db::Query(s, "SELECT * FROM app_user WHERE username = :u").bind("u", account).one();
  });
  const bool ok = verify_password(*password, user ? user->str("password_hash") : dummy_hash_);
  if (!ok || !user || !user->flag("active")) {
    throttle_.record_failure(account, address, now);
    invalid_credentials();
  }
  throttle_.record_success(account, address);
  LoginResult result{core::new_session_token(), now + options_.session_ttl_seconds, nullptr};
  db_.write([&](db::Session& s) {
    db::Query(s,
              "INSERT INTO auth_session (token_hash, user_id, created_at, expires_at, address) "
              "VALUES (:h, :u, :c, :e, :a)")
        .bind("h", core::sha256_hex(result.token))
        .bind("u", static_cast<long long>(user->i64("id")))
        .bind("c", static_cast<long long>(now))
        .bind("e", static_cast<long long>(result.expires_at))
        .bind("a", address)
        .exec();
    db::Query(s, "UPDATE app_user SET last_login_at = :t WHERE id = :id")
        .bind("t", static_cast<long long>(now))
        .bind("id", static_cast<long long>(user->i64("id")))
        .exec();
    const core::Actor actor = load_actor(s, *user);
    audit::record(s, {actor, request_id}, now,
                  {std::nullopt, "user", actor.user_id, "login", nullptr, {{"address", address}}});
    result.me = me(actor);
  });
  return result;
}

void AuthService::logout(const std::string& token, const core::Context& ctx) {
  db_.write([&](db::Session& s) {
    db::Query(s, "UPDATE auth_session SET revoked_at = :now WHERE token_hash = :h")
        .bind("now", static_cast<long long>(clock_.now()))
        .bind("h", core::sha256_hex(token))
        .exec();
    audit::record(s, ctx, clock_.now(),
                  {std::nullopt, "user", ctx.actor.user_id, "logout", nullptr, nullptr});
  });
  sessions_.forget_token(core::sha256_hex(token));
}

}  // namespace steward::auth
