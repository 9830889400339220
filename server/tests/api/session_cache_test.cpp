// The server keeps resolved sessions in memory (auth/session_cache.hpp). Every test here first
// makes a request with the session (so it is cached), then changes what the session stands for,
// and checks that the very next request sees the change: a missed invalidation is a security bug.
// The suite moves the clock, so every test logs in afresh and makes the accounts it changes.
#include "db/query.hpp"
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

constexpr const char* kPassword = "cache-password";

class SessionCacheApi : public ApiSuite<SessionCacheApi> {
 protected:
  void SetUp() override { admin_ = server().login("admin"); }

  Reply as_admin(const std::string& method, const std::string& target,
                 const nlohmann::json& body = nullptr) {
    return server().request(method, target, body, admin_);
  }
  Reply with(const std::string& token, const std::string& target) {
    return server().request("GET", target, nullptr, token);
  }
  std::int64_t project_id(const std::string& code) {
    const Reply r = as_admin("GET", "/api/v1/projects?q=" + code);
    for (const auto& p : r.body["items"])
      if (p["code"] == code) return p["id"].get<std::int64_t>();
    ADD_FAILURE() << "no project " << code << ": " << r.raw;
    return 0;
  }
  std::int64_t region_of(const std::string& code) {
    return as_admin("GET", path_id("/api/v1/projects", project_id(code)))
        .body.value("regionId", std::int64_t{0});
  }
  // A new account with the given settings; answers its id.
  std::int64_t new_user(const std::string& name, nlohmann::json settings) {
    settings["username"] = name;
    settings["displayName"] = "缓存测试";
    settings["password"] = kPassword;
    auto r = as_admin("POST", "/api/v1/users", settings);
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body.value("id", std::int64_t{0});
  }
  std::int64_t new_supervisor(const std::string& name, const std::string& project_code) {
    return new_user(name, {{"role", "supervisor"}, {"projectIds", {project_id(project_code)}}});
  }
  // Logs in and makes one request, so that the session is in the cache.
  std::string cached_session(const std::string& name) {
    const auto token = server().login(name, kPassword);
    EXPECT_EQ(with(token, "/api/v1/me").status, 200u);
    EXPECT_EQ(with(token, "/api/v1/me").status, 200u);
    return token;
  }
  std::set<std::string> my_projects(const std::string& token) {
    std::set<std::string> codes;
    const Reply me = with(token, "/api/v1/me");
    for (const auto& p : me.body["projects"])
      codes.insert(p["code"].get<std::string>());
    return codes;
  }
  Reply patch_user(std::int64_t id, const nlohmann::json& body) {
    auto r = as_admin("PATCH", path_id("/api/v1/users", id), body);
    EXPECT_EQ(r.status, 200u) << r.raw;
    return r;
  }

  std::string admin_;
};

TEST_P(SessionCacheApi, LogoutEndsACachedSessionAtOnce) {
  const auto name = unique("cachelogout");
  new_supervisor(name, "CSHY");
  const auto token = cached_session(name);
  const auto other = cached_session(name);
  EXPECT_EQ(server().request("POST", "/api/v1/auth/logout", nullptr, token).status, 204u);
  auto r = with(token, "/api/v1/me");
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(r.body["code"], "auth.required");
  EXPECT_EQ(with(other, "/api/v1/me").status, 200u) << "another session of the user stays";
}

TEST_P(SessionCacheApi, DeactivatingAUserEndsTheirCachedSessionsAtOnce) {
  const auto name = unique("cacheleaver");
  const auto id = new_supervisor(name, "CSHY");
  const auto phone = cached_session(name);
  const auto desk = cached_session(name);
  patch_user(id, {{"active", false}});
  EXPECT_EQ(with(phone, "/api/v1/me").status, 401u);
  EXPECT_EQ(with(desk, "/api/v1/work-orders").status, 401u);
  // Coming back does not revive the ended sessions.
  patch_user(id, {{"active", true}});
  EXPECT_EQ(with(phone, "/api/v1/me").status, 401u);
  EXPECT_EQ(with(server().login(name, kPassword), "/api/v1/me").status, 200u);
}

TEST_P(SessionCacheApi, APasswordResetEndsCachedSessionsAtOnce) {
  const auto name = unique("cachereset");
  const auto id = new_supervisor(name, "CSHY");
  const auto token = cached_session(name);
  patch_user(id, {{"password", "another-password"}});
  EXPECT_EQ(with(token, "/api/v1/me").status, 401u);
}

TEST_P(SessionCacheApi, ChangingOnesOwnPasswordEndsTheOtherCachedSessionsAtOnce) {
  const auto name = unique("cacheself");
  new_supervisor(name, "CSHY");
  const auto here = cached_session(name);
  const auto elsewhere = cached_session(name);
  auto r = server().request("POST", "/api/v1/me/password",
                            {{"currentPassword", kPassword}, {"newPassword", "second-password"}},
                            here);
  ASSERT_EQ(r.status, 204u) << r.raw;
  EXPECT_EQ(with(elsewhere, "/api/v1/me").status, 401u);
  EXPECT_EQ(with(here, "/api/v1/me").status, 200u);
}

TEST_P(SessionCacheApi, ARoleChangeIsSeenByTheNextRequest) {
  const auto name = unique("cacherole");
  const auto id = new_supervisor(name, "CSHY");
  const auto token = cached_session(name);
  EXPECT_EQ(with(token, "/api/v1/users").status, 403u) << "a supervisor may not read accounts";
  patch_user(id, {{"role", "project_manager"}});
  auto me = with(token, "/api/v1/me");
  EXPECT_EQ(me.body["role"], "project_manager");
  EXPECT_EQ(with(token, "/api/v1/users").status, 200u);
  patch_user(id, {{"role", "cleaning"}});
  EXPECT_EQ(with(token, "/api/v1/users").status, 403u);
  EXPECT_EQ(with(token, "/api/v1/customers").status, 403u) << "cleaning staff see no customers";
}

TEST_P(SessionCacheApi, AProjectAssignmentChangeIsSeenByTheNextRequest) {
  const auto name = unique("cachemove");
  const auto id = new_supervisor(name, "CSHY");
  const auto cshy = project_id("CSHY"), chtd = project_id("CHTD");
  const auto token = cached_session(name);
  EXPECT_EQ(with(token, path_id("/api/v1/projects", cshy)).status, 200u);
  EXPECT_EQ(with(token, path_id("/api/v1/projects", chtd)).status, 404u);
  patch_user(id, {{"projectIds", {chtd}}});
  EXPECT_EQ(with(token, path_id("/api/v1/projects", cshy)).status, 404u);
  EXPECT_EQ(with(token, path_id("/api/v1/projects", chtd)).status, 200u);
  EXPECT_EQ(my_projects(token), (std::set<std::string>{"CHTD"}));
}

TEST_P(SessionCacheApi, ARegionManagerSeesAProjectThatJoinsOrLeavesTheirRegionAtOnce) {
  const auto name = unique("cacheregion");
  const auto east = region_of("CSHY"), other = region_of("XSTY");
  ASSERT_NE(east, other);
  new_user(name, {{"role", "region_manager"}, {"regionId", east}});
  const auto token = cached_session(name);
  const auto before = with(token, "/api/v1/projects").body.value("total", -1);
  std::string code = "RC";  // project codes are capital letters only
  for (char digit : unique("")) code.push_back(static_cast<char>('A' + (digit - '0')));
  auto r = as_admin("POST", "/api/v1/projects",
                    {{"regionId", east}, {"name", unique("缓存新项目")}, {"code", code}});
  ASSERT_EQ(r.status, 201u) << r.raw;
  const auto created = r.body["id"].get<std::int64_t>();
  EXPECT_EQ(with(token, "/api/v1/projects").body["total"], before + 1);
  EXPECT_EQ(with(token, path_id("/api/v1/projects", created)).status, 200u);
  EXPECT_EQ(as_admin("PATCH", path_id("/api/v1/projects", created), {{"regionId", other}}).status,
            200u);
  EXPECT_EQ(with(token, path_id("/api/v1/projects", created)).status, 404u);
  EXPECT_EQ(with(token, "/api/v1/projects").body["total"], before);
}

TEST_P(SessionCacheApi, AnOwnersCustomerRecordMovedToAnotherUnitIsSeenAtOnce) {
  const auto cshy = project_id("CSHY");
  const auto units = as_admin("GET", "/api/v1/units?pageSize=2&projectId=" + std::to_string(cshy))
                         .body["items"];
  ASSERT_EQ(units.size(), 2u);
  const auto first = units[0]["id"].get<std::int64_t>(), second = units[1]["id"].get<std::int64_t>();
  auto r = as_admin("POST", "/api/v1/customers",
                    {{"projectId", cshy},
                     {"unitId", first},
                     {"name", "缓存业主"},
                     {"kind", "owner"},
                     {"phone", "13700000999"}});
  ASSERT_EQ(r.status, 201u) << r.raw;
  const auto customer = r.body["id"].get<std::int64_t>();
  const auto name = unique("cacheowner");
  new_user(name, {{"role", "owner"}, {"customerId", customer}});
  const auto token = cached_session(name);
  EXPECT_EQ(with(token, path_id("/api/v1/units", first)).status, 200u);
  EXPECT_EQ(with(token, path_id("/api/v1/units", second)).status, 404u);
  r = as_admin("PATCH", path_id("/api/v1/customers", customer), {{"unitId", second}});
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(with(token, path_id("/api/v1/units", first)).status, 404u);
  EXPECT_EQ(with(token, path_id("/api/v1/units", second)).status, 200u);
}

TEST_P(SessionCacheApi, ACachedSessionEndsWhenItExpires) {
  const auto name = unique("cacheexpiry");
  new_supervisor(name, "CSHY");
  const auto token = server().login(name, kPassword);
  server().clock().advance(12 * 3600 - 10);
  EXPECT_EQ(with(token, "/api/v1/me").status, 200u);  // cached now, 10 s before it expires
  server().clock().advance(9);
  EXPECT_EQ(with(token, "/api/v1/me").status, 200u);
  server().clock().advance(1);
  auto r = with(token, "/api/v1/me");
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(r.body["code"], "auth.required");
}

// Another process (`steward user passwd`, an SQL console) changes the database behind the
// server's back: the server cannot know, and its cache holds a session for 30 s at most.
TEST_P(SessionCacheApi, ChangesMadeBehindTheServersBackAreSeenWithinThirtySeconds) {
  const auto name = unique("cacheoutside");
  const auto id = new_supervisor(name, "CSHY");
  const auto token = cached_session(name);
  server().app().db().write([&](db::Session& s) {
    db::Query(s, "UPDATE app_user SET active = 0 WHERE id = :id")
        .bind("id", static_cast<long long>(id))
        .exec();
  });
  server().clock().advance(29);
  EXPECT_EQ(with(token, "/api/v1/me").status, 200u) << "the session is served from the cache";
  server().clock().advance(1);
  EXPECT_EQ(with(token, "/api/v1/me").status, 401u);
}

INSTANTIATE_TEST_SUITE_P(Engines, SessionCacheApi, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
