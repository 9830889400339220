// Logging in and out, sessions, throttling of wrong passwords, password changes and accounts.
// This suite moves the server's clock, so it never reuses a session across tests: each test logs
// in afresh, and accounts whose password or state a test changes are created by that test.
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

constexpr const char* kDemoPassword = "steward-demo";

class Auth : public ApiSuite<Auth> {
 protected:
  Reply login(const std::string& username, const std::string& password) {
    return server().request("POST", "/api/v1/auth/login",
                            {{"username", username}, {"password", password}});
  }
  Reply me(const std::string& token) {
    return server().request("GET", "/api/v1/me", nullptr, token);
  }
  std::string admin() { return server().login("admin"); }
  std::int64_t cshy() {
    auto r = server().request("GET", "/api/v1/projects?q=CSHY", nullptr, admin());
    return r.body["items"].at(0)["id"].get<std::int64_t>();
  }

  // A supervisor of CSHY made for one test; answers its id.
  std::int64_t new_user(const std::string& username, const std::string& password) {
    auto r = server().request("POST", "/api/v1/users",
                              {{"username", username},
                               {"displayName", "测试用户"},
                               {"password", password},
                               {"role", "supervisor"},
                               {"projectIds", {cshy()}}},
                              admin());
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body.value("id", std::int64_t{0});
  }
};

TEST_P(Auth, LoginAnswersATokenAndAnHttpOnlySameSiteCookie) {
  auto r = login("admin", kDemoPassword);
  ASSERT_EQ(r.status, 200u) << r.raw;
  const std::string token = r.body["token"];
  EXPECT_GE(token.size(), 32u);
  EXPECT_EQ(r.body["user"]["username"], "admin");
  EXPECT_EQ(r.body["user"]["role"], "admin");
  EXPECT_FALSE(r.body["expiresAt"].get<std::string>().empty());
  const std::string cookie = r.headers["set-cookie"];
  EXPECT_EQ(cookie.rfind("steward_session=" + token + ";", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/"), std::string::npos) << cookie;
  EXPECT_EQ(me(token).body["username"], "admin");
  // Usernames are not case-sensitive.
  EXPECT_EQ(login("ADMIN", kDemoPassword).status, 200u);
}

TEST_P(Auth, AWrongPasswordAndAnUnknownUserGetTheSameAnswer) {
  auto wrong = login("supervisor", "not-the-password");
  EXPECT_EQ(wrong.status, 401u);
  EXPECT_EQ(wrong.body["code"], "auth.invalid_credentials");
  EXPECT_TRUE(wrong.headers["set-cookie"].empty());
  auto unknown = login("nobody-here", "not-the-password");
  EXPECT_EQ(unknown.status, 401u);
  EXPECT_EQ(unknown.body["code"], "auth.invalid_credentials");
  EXPECT_EQ(unknown.body["message"], wrong.body["message"]);
  auto missing = server().request("POST", "/api/v1/auth/login", {{"username", "admin"}});
  EXPECT_EQ(missing.status, 400u);
  EXPECT_EQ(missing.body["details"]["password"], "is required");
}

TEST_P(Auth, TheCookieAloneAuthenticates) {
  const auto token = login("tech", kDemoPassword).body["token"].get<std::string>();
  auto r = server().request("GET", "/api/v1/me", nullptr, "",
                            {{"Cookie", "theme=dark; steward_session=" + token}});
  EXPECT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["username"], "tech");
  r = server().request("GET", "/api/v1/me", nullptr, "", {{"Cookie", "steward_session=forged"}});
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(r.body["code"], "auth.required");
}

TEST_P(Auth, LogoutEndsTheSession) {
  const auto token = server().login("command");
  ASSERT_EQ(me(token).status, 200u);
  auto r = server().request("POST", "/api/v1/auth/logout", nullptr, token);
  EXPECT_EQ(r.status, 204u);
  EXPECT_NE(r.headers["set-cookie"].find("Max-Age=0"), std::string::npos)
      << r.headers["set-cookie"];
  r = me(token);
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(r.body["code"], "auth.required");
  // Another session of the same user is not affected.
  EXPECT_EQ(me(server().login("command")).status, 200u);
}

// Five failures are free; each further one makes the account wait (2 s, then doubling).
TEST_P(Auth, RepeatedWrongPasswordsMakeTheAccountWaitEvenForTheRightOne) {
  for (int i = 1; i <= 6; ++i) {
    auto r = login("cleaning", "wrong-" + std::to_string(i));
    ASSERT_EQ(r.status, 401u) << "attempt " << i << ": " << r.raw;
  }
  auto r = login("cleaning", kDemoPassword);
  EXPECT_EQ(r.status, 429u) << r.raw;
  EXPECT_EQ(r.body["code"], "auth.too_many_attempts");
  ASSERT_FALSE(r.headers["retry-after"].empty());
  const auto wait = std::stoll(r.headers["retry-after"]);
  EXPECT_GT(wait, 0);
  EXPECT_LE(wait, 60);
  // Other accounts are not held up.
  EXPECT_EQ(login("clubhouse", kDemoPassword).status, 200u);
  server().clock().advance(wait - 1);
  EXPECT_EQ(login("cleaning", kDemoPassword).status, 429u);
  server().clock().advance(1);
  r = login("cleaning", kDemoPassword);
  EXPECT_EQ(r.status, 200u) << r.raw;
  // A success clears the account's record: the next mistake is free again.
  EXPECT_EQ(login("cleaning", "wrong-again").status, 401u);
  EXPECT_EQ(login("cleaning", kDemoPassword).status, 200u);
}

TEST_P(Auth, ASessionEndsAfterItsLifetime) {
  const auto token = server().login("frontdesk");
  server().clock().advance(12 * 3600 - 1);
  EXPECT_EQ(me(token).status, 200u);
  server().clock().advance(2);
  auto r = me(token);
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(r.body["code"], "auth.required");
  EXPECT_EQ(me(server().login("frontdesk")).status, 200u);
}

TEST_P(Auth, ChangingOnesOwnPasswordEndsTheOtherSessions) {
  const auto name = unique("pwself");
  new_user(name, "first-password");
  const auto here = server().login(name, "first-password");
  const auto elsewhere = server().login(name, "first-password");
  auto r = server().request(
      "POST", "/api/v1/me/password",
      {{"currentPassword", "wrong-password"}, {"newPassword", "second-password"}}, here);
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["currentPassword"], "is wrong");
  r = server().request("POST", "/api/v1/me/password",
                       {{"currentPassword", "first-password"}, {"newPassword", "short"}}, here);
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("newPassword"));
  EXPECT_EQ(me(elsewhere).status, 200u) << "a refused change must end nothing";

  r = server().request("POST", "/api/v1/me/password",
                       {{"currentPassword", "first-password"}, {"newPassword", "second-password"}},
                       here);
  EXPECT_EQ(r.status, 204u) << r.raw;
  EXPECT_EQ(me(here).status, 200u);
  EXPECT_EQ(me(elsewhere).status, 401u);
  EXPECT_EQ(login(name, "first-password").status, 401u);
  EXPECT_EQ(login(name, "second-password").status, 200u);
}

TEST_P(Auth, AnAdministratorsPasswordResetEndsTheUsersSessions) {
  const auto name = unique("pwreset");
  const auto id = new_user(name, "first-password");
  const auto token = server().login(name, "first-password");
  auto r = server().request("PATCH", path_id("/api/v1/users", id), {{"password", "reset-password"}},
                            admin());
  EXPECT_EQ(r.status, 200u) << r.raw;
  EXPECT_FALSE(r.body.contains("password"));
  EXPECT_EQ(me(token).status, 401u);
  EXPECT_EQ(login(name, "first-password").status, 401u);
  EXPECT_EQ(login(name, "reset-password").status, 200u);
  // A change that does not touch the password leaves the sessions alone.
  const auto again = server().login(name, "reset-password");
  r = server().request("PATCH", path_id("/api/v1/users", id), {{"displayName", "改名"}}, admin());
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(me(again).status, 200u);
}

TEST_P(Auth, ADeactivatedUserCannotLogIn) {
  const auto name = unique("leaver");
  const auto id = new_user(name, "leaver-password");
  const auto token = server().login(name, "leaver-password");
  auto r = server().request("PATCH", path_id("/api/v1/users", id), {{"active", false}}, admin());
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["active"], false);
  EXPECT_EQ(me(token).status, 401u);
  r = login(name, "leaver-password");
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(r.body["code"], "auth.invalid_credentials");
  r = server().request("PATCH", path_id("/api/v1/users", id), {{"active", true}}, admin());
  EXPECT_EQ(login(name, "leaver-password").status, 200u);
}

TEST_P(Auth, AProjectManagerSeesTheirProjectAndRolePermissions) {
  const auto token = server().login("pm");
  auto r = me(token);
  ASSERT_EQ(r.status, 200u);
  EXPECT_EQ(r.body["role"], "project_manager");
  EXPECT_EQ(r.body["displayName"], "刘建国");
  ASSERT_EQ(r.body["projects"].size(), 1u);
  EXPECT_EQ(r.body["projects"][0]["code"], "CSHY");
  EXPECT_TRUE(r.body["staffId"].is_number());
  EXPECT_TRUE(r.body["customerId"].is_null());
  auto roles = server().request("GET", "/api/v1/roles", nullptr, token);
  ASSERT_EQ(roles.status, 200u);
  nlohmann::json expected;
  for (const auto& role : roles.body["items"])
    if (role["code"] == "project_manager") expected = role["permissions"];
  ASSERT_FALSE(expected.is_null());
  auto permissions = r.body["permissions"];
  std::sort(permissions.begin(), permissions.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(permissions, expected);
  EXPECT_NE(std::find(permissions.begin(), permissions.end(), "org.manage"), permissions.end());
  EXPECT_EQ(std::find(permissions.begin(), permissions.end(), "user.manage"), permissions.end());
  // An administrator sees every project.
  EXPECT_EQ(me(admin()).body["projects"].size(), 3u);
}

TEST_P(Auth, AccountsAreValidatedBeforeAnythingIsCreated) {
  const auto token = admin();
  const auto before = server().request("GET", "/api/v1/users", nullptr, token).body["total"];
  auto create = [&](nlohmann::json body) {
    body.emplace("displayName", "新用户");
    body.emplace("password", "long-enough-password");
    return server().request("POST", "/api/v1/users", body, token);
  };
  auto r = create({{"username", unique("nopro")}, {"role", "supervisor"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["projectIds"], "must name at least one project for this role");
  r = create({{"username", unique("nocus")}, {"role", "owner"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["customerId"], "is required for an owner");
  r = create({{"username", unique("noreg")}, {"role", "region_manager"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["regionId"], "is required for a region manager");
  for (const char* bad : {"Bad Name", "UPPER", "名字", "a", "semi;colon"}) {
    r = create({{"username", bad}, {"role", "quality"}});
    EXPECT_EQ(r.status, 400u) << bad;
    EXPECT_TRUE(r.body["details"].contains("username")) << bad << " " << r.raw;
  }
  r = create({{"username", "pm"}, {"role", "quality"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["username"], "is already used");
  r = create({{"username", unique("short")}, {"role", "quality"}, {"password", "1234567"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("password"));
  r = create({{"username", unique("badrole")}, {"role", "emperor"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("role"));
  r = create({{"username", unique("ghost")}, {"role", "supervisor"}, {"projectIds", {999999}}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["projectIds"], "holds a project that does not exist");
  EXPECT_EQ(server().request("GET", "/api/v1/users", nullptr, token).body["total"], before);
  // A project manager may read accounts but not make them.
  r = server().request("POST", "/api/v1/users",
                       {{"username", unique("bypm")},
                        {"displayName", "x"},
                        {"password", "long-enough-password"},
                        {"role", "supervisor"},
                        {"projectIds", {cshy()}}},
                       server().login("pm"));
  EXPECT_EQ(r.status, 403u);
}

TEST_P(Auth, AccountsAreFoundByNameWhateverTheCase) {
  const auto token = admin();
  for (const char* q : {"pm", "PM", "Pm"}) {
    auto r = server().request("GET", std::string("/api/v1/users?q=") + q, nullptr, token);
    ASSERT_EQ(r.status, 200u);
    bool found = false;
    for (const auto& u : r.body["items"]) found = found || u["username"] == "pm";
    EXPECT_TRUE(found) << q << ": " << r.raw.substr(0, 300);
  }
  auto r = server().request("GET", "/api/v1/users?q=_", nullptr, token);
  ASSERT_EQ(r.status, 200u);
  for (const auto& u : r.body["items"])
    EXPECT_NE((u["username"].get<std::string>() + u["displayName"].get<std::string>()).find('_'),
              std::string::npos)
        << "an underscore is a character, not a wildcard: " << u["username"];
}

INSTANTIATE_TEST_SUITE_P(Engines, Auth, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
