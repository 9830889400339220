// The notice board (DOMAIN S3) through the API: who writes and publishes, who sees what on the
// owners' board (their own project's published notices within their days), bad input, audit.
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

class Notices : public ApiSuite<Notices> {
 protected:
  void SetUp() override { at_time("2026-12-02T10:00:00"); }

  nlohmann::json notice(const std::string& user, nlohmann::json body) {
    if (!body.contains("projectId")) body["projectId"] = pid("CSHY");
    if (!body.contains("kind")) body["kind"] = "service_standard";
    if (!body.contains("body")) body["body"] = "报修30分钟内响应";
    auto r = act(user, "POST", "/api/v1/notices", body);
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body;
  }
  Reply action(const std::string& user, const nlohmann::json& n, const std::string& what) {
    return act(user, "POST", "/api/v1/notices/" + std::to_string(n["id"].get<std::int64_t>()) + "/" + what,
               nlohmann::json::object());
  }
  std::vector<std::string> board_titles(const std::string& token) {
    auto r = server().request("GET", "/api/v1/notice-board", nullptr, token);
    EXPECT_EQ(r.status, 200u) << r.raw;
    std::vector<std::string> out;
    for (const auto& n : r.body["items"]) out.push_back(n["title"]);
    return out;
  }
  static bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  }
  // An owner login for the first customer of another project.
  std::string owner_of(const std::string& code) {
    const nlohmann::json c =
        act("admin", "GET", "/api/v1/customers?pageSize=1&projectId=" + std::to_string(pid(code))).body;
    const auto name = unique("owner-" + std::string(code == "XSTY" ? "xsty" : "other") + "-");
    auto r = act("admin", "POST", "/api/v1/users",
                 {{"username", name}, {"displayName", "业主"}, {"password", "owner-pass-1"}, {"role", "owner"},
                  {"customerId", c["items"][0]["id"]}});
    EXPECT_EQ(r.status, 201u) << r.raw;
    return server().login(name, "owner-pass-1");
  }
};

TEST_P(Notices, PmPublishesAndTheOwnerSeesItOnTheBoard) {
  const auto title = unique("电梯保养公告");
  auto n = notice("pm", {{"title", title}, {"kind", "works"}, {"validFrom", "2026-12-01"}, {"validTo", "2026-12-10"}});
  EXPECT_EQ(n["status"], "draft");
  EXPECT_FALSE(n["onBoard"].get<bool>());
  EXPECT_FALSE(has(board_titles(token("owner")), title));  // a draft is invisible to owners
  auto r = action("pm", n, "publish");
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["status"], "published");
  EXPECT_TRUE(r.body["onBoard"].get<bool>());
  EXPECT_FALSE(r.body["publishedAt"].is_null());
  EXPECT_TRUE(has(board_titles(token("owner")), title));
  // Withdrawn: off the board again, and publishing twice is a conflict.
  EXPECT_EQ(action("pm", r.body, "publish").status, 409u);
  EXPECT_EQ(action("pm", n, "withdraw").status, 200u);
  EXPECT_FALSE(has(board_titles(token("owner")), title));
  // Every step is in the audit trail.
  auto audit = act("admin", "GET", "/api/v1/audit?entity=notice&id=" + std::to_string(n["id"].get<std::int64_t>()));
  ASSERT_EQ(audit.status, 200u) << audit.raw;
  EXPECT_EQ(audit.body["total"], 3);
}

TEST_P(Notices, WhoMayWrite) {
  for (const std::string user : {"supervisor", "quality", "admin"}) {
    auto n = notice(user, {{"title", unique("标准")}});
    EXPECT_EQ(n["status"], "draft") << user;
  }
  for (const std::string user : {"frontdesk", "tech", "security", "owner", "region"}) {
    auto r = act(user, "POST", "/api/v1/notices",
                 {{"projectId", pid("CSHY")}, {"kind", "other"}, {"title", "x"}, {"body", "y"}});
    EXPECT_EQ(r.status, 403u) << user << r.raw;
  }
  EXPECT_EQ(act("owner", "GET", "/api/v1/notices").status, 403u);
  // A project manager writes only for their own projects; another project's notice is not found.
  auto r = act("pm", "POST", "/api/v1/notices",
               {{"projectId", pid("XSTY")}, {"kind", "other"}, {"title", "x"}, {"body", "y"}});
  EXPECT_EQ(r.status, 404u) << r.raw;
  auto other = notice("admin", {{"projectId", pid("XSTY")}, {"title", unique("西山")}});
  EXPECT_EQ(act("pm", "GET", "/api/v1/notices/" + std::to_string(other["id"].get<std::int64_t>())).status, 404u);
  EXPECT_EQ(action("pm", other, "publish").status, 404u);
}

TEST_P(Notices, OwnersSeeTheirOwnProjectsValidNoticesOnly) {
  const auto mine = unique("城市花园公告"), theirs = unique("西山庭院公告"), expired = unique("过期公告"),
             later = unique("未开始公告");
  notice("pm", {{"title", mine}, {"publish", true}, {"pinned", true}});
  notice("admin", {{"projectId", pid("XSTY")}, {"title", theirs}, {"publish", true}});
  notice("pm", {{"title", expired}, {"validTo", "2026-12-01"}, {"publish", true}});
  notice("pm", {{"title", later}, {"validFrom", "2026-12-03"}, {"publish", true}});
  auto cshy = board_titles(token("owner"));
  EXPECT_TRUE(has(cshy, mine));
  EXPECT_FALSE(has(cshy, theirs));
  EXPECT_FALSE(has(cshy, expired));
  EXPECT_FALSE(has(cshy, later));
  EXPECT_EQ(cshy.front(), mine);  // pinned first
  const auto xsty = owner_of("XSTY");
  auto other = board_titles(xsty);
  EXPECT_TRUE(has(other, theirs));
  EXPECT_FALSE(has(other, mine));
  // The validity is the project's local day: at 00:30 on 3 December (+08:00) the later one shows.
  at_time("2026-12-03T00:30:00");
  EXPECT_TRUE(has(board_titles(token("owner")), later));
  // Owners' board carries no staff names.
  auto r = act("owner", "GET", "/api/v1/notice-board");
  ASSERT_FALSE(r.body["items"].empty());
  EXPECT_FALSE(r.body["items"][0].contains("publishedBy"));
}

TEST_P(Notices, BadInputNamesTheFieldAndChangesNothing) {
  const auto before = act("pm", "GET", "/api/v1/notices?pageSize=1").body["total"].get<std::int64_t>();
  auto post = [&](nlohmann::json b) { return act("pm", "POST", "/api/v1/notices", b); };
  const auto p = pid("CSHY");
  auto r = post({{"projectId", p}, {"kind", "gossip"}, {"title", "t"}, {"body", "b"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("kind")) << r.raw;
  r = post({{"projectId", p}, {"kind", "other"}, {"title", ""}, {"body", "b"}});
  EXPECT_TRUE(r.body["details"].contains("title")) << r.raw;
  r = post({{"projectId", p}, {"kind", "other"}, {"title", "t"}, {"body", "b"}, {"validFrom", "2026-13-01"}});
  EXPECT_TRUE(r.body["details"].contains("validFrom")) << r.raw;
  r = post({{"projectId", p}, {"kind", "other"}, {"title", "t"}, {"body", "b"}, {"validFrom", "2026-12-05"},
            {"validTo", "2026-12-01"}});
  EXPECT_TRUE(r.body["details"].contains("validTo")) << r.raw;
  r = post({{"projectId", p}, {"kind", "works"}, {"title", "t"}, {"body", "b"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["validFrom"], "is required for works: when they start and end") << r.raw;
  r = post({{"projectId", p}, {"kind", "other"}, {"title", "t"}, {"body", "b"}, {"colour", "red"}});
  EXPECT_TRUE(r.body["details"].contains("colour")) << r.raw;
  EXPECT_EQ(act("pm", "GET", "/api/v1/notices?pageSize=1").body["total"], before);
  EXPECT_EQ(act("pm", "GET", "/api/v1/notices?status=lost").status, 400u);
  // An edit keeps the rules: a notice of works cannot lose its end.
  auto n = notice("pm", {{"title", unique("施工")}, {"kind", "works"}, {"validFrom", "2026-12-01"},
                         {"validTo", "2026-12-09"}});
  r = act("pm", "PATCH", "/api/v1/notices/" + std::to_string(n["id"].get<std::int64_t>()), {{"validTo", nullptr}});
  EXPECT_EQ(r.status, 400u) << r.raw;
  EXPECT_TRUE(r.body["details"].contains("validTo")) << r.raw;
  r = act("pm", "PATCH", "/api/v1/notices/" + std::to_string(n["id"].get<std::int64_t>()),
          {{"validTo", "2026-12-20"}, {"pinned", true}});
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["validTo"], "2026-12-20");
  EXPECT_TRUE(r.body["pinned"].get<bool>());
}

INSTANTIATE_TEST_SUITE_P(Engines, Notices, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
