#include "modules/auth/auth_routes.hpp"

#include "core/time.hpp"
#include "modules/auth/roles.hpp"

namespace steward::auth {
namespace {

constexpr const char* kCookie = "steward_session";

std::string cookie_value(const std::string& header, const std::string& name) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    const auto first = part.find_first_not_of(' ');
    if (first != std::string::npos) part.erase(0, first);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return "";
}

std::string session_cookie(const std::string& token, std::int64_t max_age) {
  return std::string(kCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age);
}

nlohmann::json roles_json() {
  nlohmann::json items = nlohmann::json::array();
  for (const Role& r : all_roles())
    items.push_back({{"code", r.code}, {"name", r.name_zh}, {"nameEn", r.name_en},
                     {"permissions", r.permissions}});
  return {{"items", items}, {"total", items.size()}};
}

}  // namespace

std::string token_of(const http::Request& request) {
  const std::string auth = request.header("authorization");
  if (auth.rfind("Bearer ", 0) == 0) return auth.substr(7);
  return cookie_value(request.header("cookie"), kCookie);
}

void register_routes(http::Router& router, AuthService& auth, const UserService& users,
                     audit::AuditService& audit) {
  router.post("/api/v1/auth/login", [&auth](http::Request& req) {
    auto result = auth.login(req.json(), req.remote_address, req.request_id);
    auto res = http::ok({{"token", result.token},
                         {"expiresAt", core::format_iso8601(result.expires_at)},
                         {"user", result.me}});
    res.headers.emplace_back("Set-Cookie",
                             session_cookie(result.token, auth.options().session_ttl_seconds));
    return res;
  }, http::Access::open);
  router.post("/api/v1/auth/logout", [&auth](http::Request& req) {
    auth.logout(token_of(req), {req.user(), req.request_id});
    auto res = http::no_content();
    res.headers.emplace_back("Set-Cookie", session_cookie("", 0));
    return res;
  });
  router.get("/api/v1/me", [&auth](http::Request& req) { return http::ok(auth.me(req.user())); });
  router.post("/api/v1/me/password", [&auth](http::Request& req) {
    auth.change_own_password({req.user(), req.request_id}, token_of(req), req.json());
    return http::no_content();
  });
  router.get("/api/v1/roles", [](http::Request& req) {
    req.user();
    return http::ok(roles_json());
  });
  router.get("/api/v1/users",
             [&users](http::Request& req) { return http::ok(users.list(req.user(), req.query)); });
  router.post("/api/v1/users", [&users](http::Request& req) {
    return http::created(users.create({req.user(), req.request_id}, req.json()));
  });
  router.get("/api/v1/users/{id}",
             [&users](http::Request& req) { return http::ok(users.get(req.user(), req.id())); });
  router.patch("/api/v1/users/{id}", [&users](http::Request& req) {
    return http::ok(users.update({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.get("/api/v1/audit", [&audit](http::Request& req) {
    const auto entity = req.query.text("entity");
    if (!entity) core::throw_invalid("query parameter entity is required", {{"entity", "is required"}});
    return http::ok(audit.history(req.user(), *entity, req.query.id("id"), req.query.page()));
  });
}

}  // namespace steward::auth
