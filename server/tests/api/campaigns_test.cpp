// Campaigns (专项活动, DOMAIN I6) through the API: seed 001's five dated phases, an action plan of
// tasks per team with owners and deadlines (seed 000), progress and overdue tasks. The figures of
// SeedPhases... and Progress... are the worked example of docs/campaigns.md.
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

class Campaigns : public ApiSuite<Campaigns> {
 protected:
  nlohmann::json seed_phases(int year) {
    const nlohmann::json t = act("quality", "GET", "/api/v1/campaign-templates?year=" + std::to_string(year)).body;
    return t["items"][0]["phases"];
  }
  // A company-wide campaign over seed 001's phases of 2026.
  nlohmann::json company_campaign(const std::string& user = "quality") {
    auto r = act(user, "POST", "/api/v1/campaigns",
                 {{"name", unique("物业基础服务管理品质提升")},
                  {"goal", "提高全员服务意识"},
                  {"slogans", {"服务品质我践行", "行为规范我树立"}},
                  {"startDay", "2026-09-25"},
                  {"endDay", "2026-12-31"},
                  {"companyWide", true},
                  {"phases", seed_phases(2026)}});
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body;
  }
  // A member of a team of the project, and the team.
  std::pair<std::int64_t, std::int64_t> member(const std::string& project, const std::string& team_name) {
    const nlohmann::json teams =
        act("admin", "GET", "/api/v1/teams?pageSize=200&projectId=" + std::to_string(pid(project))).body;
    std::int64_t team = 0;
    for (const auto& t : teams["items"])
      if (t["name"] == team_name) team = t["id"].get<std::int64_t>();
    const nlohmann::json staff =
        act("admin", "GET", "/api/v1/staff?pageSize=200&projectId=" + std::to_string(pid(project))).body;
    for (const auto& s : staff["items"])
      if (s["teamId"] == team) return {s["id"].get<std::int64_t>(), team};
    ADD_FAILURE() << "no member of " << team_name;
    return {0, 0};
  }
  std::int64_t staff_named(const std::string& project, const std::string& name) {
    const nlohmann::json staff =
        act("admin", "GET", "/api/v1/staff?pageSize=200&projectId=" + std::to_string(pid(project))).body;
    for (const auto& s : staff["items"])
      if (s["name"] == name) return s["id"].get<std::int64_t>();
    ADD_FAILURE() << "no staff " << name;
    return 0;
  }
  Reply add_task(const std::string& user, const nlohmann::json& campaign, const nlohmann::json& body) {
    return act(user, "POST", "/api/v1/campaigns/" + std::to_string(campaign["id"].get<std::int64_t>()) + "/tasks", body);
  }
  Reply task_action(const std::string& user, const nlohmann::json& task, const std::string& action,
                    const nlohmann::json& body = nlohmann::json::object()) {
    return act(user, "POST", "/api/v1/campaign-tasks/" + std::to_string(task["id"].get<std::int64_t>()) + "/" + action, body);
  }
  nlohmann::json campaign(const std::string& user, const nlohmann::json& c) {
    return act(user, "GET", "/api/v1/campaigns/" + std::to_string(c["id"].get<std::int64_t>())).body;
  }
};

TEST_P(Campaigns, SeedPhasesAndTheirStateOnTheDayOfAcceptance) {
  at_time("2026-11-27T10:00:00");
  const auto phases = seed_phases(2026);
  ASSERT_EQ(phases.size(), 5u);
  EXPECT_EQ(phases[0]["name"], "发动宣讲阶段");
  EXPECT_EQ(phases[0]["startDay"], "2026-09-25");
  EXPECT_EQ(phases[0]["endDay"], "2026-10-15");
  EXPECT_EQ(phases[3]["startDay"], "2026-11-26");
  EXPECT_EQ(phases[4]["startDay"], "2026-12-29");
  const auto c = company_campaign();
  EXPECT_EQ(c["state"], "running");
  EXPECT_EQ(c["today"], "2026-11-27");
  EXPECT_EQ(c["currentPhase"]["name"], "检查验收阶段");
  std::vector<std::string> states;
  for (const auto& p : c["phases"]) states.push_back(p["state"]);
  EXPECT_EQ(states, (std::vector<std::string>{"done", "done", "done", "current", "upcoming"}));
  EXPECT_EQ(c["slogans"].size(), 2u);
  // Between acceptance (to 11-28) and the summary (from 12-29) no phase is current.
  at_time("2026-12-01T10:00:00");
  const auto later = campaign("quality", c);
  EXPECT_TRUE(later["currentPhase"].is_null());
  EXPECT_EQ(later["state"], "running");
  at_time("2027-01-01T10:00:00");
  EXPECT_EQ(campaign("quality", c)["state"], "finished");
}

TEST_P(Campaigns, ProgressIsTasksDoneOverTasksAndLateOnesAreFlagged) {
  at_time("2026-11-27T10:00:00");
  const auto c = company_campaign();
  const auto [owner, team] = member("CSHY", "客服组");
  // Seed 000: 客服组 trains its staff by a deadline; one task already late, one due on Monday.
  auto late = add_task("pm", c, {{"title", "岗位职责培训"}, {"ownerStaffId", owner}, {"teamId", team},
                                 {"deadline", "2026-11-26"}, {"phaseId", c["phases"][2]["id"]}});
  ASSERT_EQ(late.status, 201u) << late.raw;
  EXPECT_EQ(late.body["overdue"], true);
  EXPECT_EQ(late.body["status"], "open");
  EXPECT_EQ(late.body["team"]["name"], "客服组");
  EXPECT_EQ(late.body["phaseName"], "整改预防阶段");
  auto due = add_task("supervisor", c, {{"title", "微笑服务再培训"}, {"ownerStaffId", owner}, {"deadline", "2026-11-30"}});
  ASSERT_EQ(due.status, 201u) << due.raw;
  EXPECT_EQ(due.body["overdue"], false);
  auto now = campaign("quality", c);
  EXPECT_EQ(now["progress"]["done"], 0);
  EXPECT_EQ(now["progress"]["total"], 2);
  EXPECT_EQ(now["overdueTasks"], 1);
  // Completing needs evidence; then 1 of 2 is 50%, and the late task is no longer overdue.
  EXPECT_EQ(task_action("supervisor", late.body, "complete").status, 400u);
  auto done = task_action("supervisor", late.body, "complete", {{"evidence", "培训签到表及笔记已归档"}});
  ASSERT_EQ(done.status, 200u) << done.raw;
  EXPECT_EQ(done.body["status"], "done");
  EXPECT_EQ(done.body["overdue"], false);
  EXPECT_EQ(done.body["doneBy"]["name"], "陈静");
  EXPECT_EQ(task_action("supervisor", late.body, "complete", {{"evidence", "again"}}).status, 409u);
  now = campaign("pm", c);
  EXPECT_EQ(now["progress"]["done"], 1);
  EXPECT_EQ(now["progress"]["percent"], 50);
  EXPECT_EQ(now["overdueTasks"], 0);
  // A third task: 1 of 3 is 33% (rounded down); reopening the done one gives 0 of 3.
  ASSERT_EQ(add_task("pm", c, {{"title", "案例分析沟通技巧培训"}, {"ownerStaffId", owner}, {"deadline", "2026-12-05"}}).status, 201u);
  EXPECT_EQ(campaign("pm", c)["progress"]["percent"], 33);
  ASSERT_EQ(task_action("pm", late.body, "reopen", {{"reason", "笔记不全"}}).status, 200u);
  now = campaign("pm", c);
  EXPECT_EQ(now["progress"]["done"], 0);
  EXPECT_EQ(now["overdueTasks"], 1);
  // The list shows the same summary.
  const nlohmann::json list = act("pm", "GET", "/api/v1/campaigns?state=running&pageSize=200").body;
  bool found = false;
  for (const auto& x : list["items"])
    if (x["id"] == c["id"]) {
      found = true;
      EXPECT_EQ(x["progress"]["total"], 3);
      EXPECT_EQ(x["phaseCount"], 5);
    }
  EXPECT_TRUE(found);
}

TEST_P(Campaigns, TheOwnerCompletesTheirOwnTaskAndOthersSeeOnlyTheirProjects) {
  at_time("2026-11-27T11:00:00");
  const auto c = company_campaign();
  const auto mine = add_task("supervisor", c, {{"title", "前台服务检查", }, {"ownerStaffId", staff_named("CSHY", "李婷婷")}, {"deadline", "2026-11-28"}});
  ASSERT_EQ(mine.status, 201u) << mine.raw;
  const auto [chtd_owner, chtd_team] = member("CHTD", "安全组");
  const auto theirs = add_task("quality", c, {{"title", "安全员岗位职责培训"}, {"ownerStaffId", chtd_owner}, {"teamId", chtd_team}, {"deadline", "2026-11-28"}});
  ASSERT_EQ(theirs.status, 201u) << theirs.raw;
  // 李婷婷 (frontdesk) owns the first task: she may report it done, not someone else's.
  EXPECT_EQ(task_action("frontdesk", mine.body, "complete", {{"evidence", "已完成"}}).status, 200u);
  const auto other = add_task("supervisor", c, {{"title", "其他"}, {"ownerStaffId", member("CSHY", "维修组").first}, {"deadline", "2026-11-28"}});
  EXPECT_EQ(task_action("frontdesk", other.body, "complete", {{"evidence", "x"}}).status, 403u);
  // 城市花园's manager sees the CSHY tasks only, and 翠湖天地's task is a 404 to him.
  const auto pm_view = campaign("pm", c);
  EXPECT_EQ(pm_view["progress"]["total"], 2);
  EXPECT_EQ(pm_view["progress"]["done"], 1);
  EXPECT_EQ(campaign("quality", c)["progress"]["total"], 3);
  EXPECT_EQ(act("pm", "PATCH", "/api/v1/campaign-tasks/" + std::to_string(theirs.body["id"].get<std::int64_t>()),
                {{"title", "x"}}).status, 404u);
  EXPECT_EQ(add_task("pm", c, {{"title", "x"}, {"ownerStaffId", chtd_owner}, {"deadline", "2026-11-28"}}).status, 400u);
  // A campaign for 翠湖天地 alone is invisible to him.
  auto chtd = act("region", "POST", "/api/v1/campaigns",
                  {{"name", unique("翠湖天地行动")}, {"startDay", "2026-11-01"}, {"endDay", "2026-11-30"},
                   {"projectIds", {pid("CHTD")}}});
  ASSERT_EQ(chtd.status, 201u) << chtd.raw;
  EXPECT_EQ(campaign("region", chtd.body)["projects"][0]["id"], pid("CHTD"));
  EXPECT_EQ(act("pm", "GET", "/api/v1/campaigns/" + std::to_string(chtd.body["id"].get<std::int64_t>())).status, 404u);
  const nlohmann::json list = act("pm", "GET", "/api/v1/campaigns?pageSize=200").body;
  for (const auto& x : list["items"]) EXPECT_NE(x["id"], chtd.body["id"]);
  // A CSHY person cannot own a task of a campaign for CHTD only.
  EXPECT_EQ(add_task("quality", chtd.body, {{"title", "x"}, {"ownerStaffId", staff_named("CSHY", "李婷婷")}, {"deadline", "2026-11-28"}}).status, 400u);
  // A task's deadline and title change; the deadline moves its overdue flag.
  auto moved = act("supervisor", "PATCH", "/api/v1/campaign-tasks/" + std::to_string(other.body["id"].get<std::int64_t>()),
                   {{"deadline", "2026-11-20"}, {"title", "维修组BI检查"}});
  ASSERT_EQ(moved.status, 200u) << moved.raw;
  EXPECT_EQ(moved.body["title"], "维修组BI检查");
  EXPECT_EQ(moved.body["overdue"], true);
}

TEST_P(Campaigns, WhoMayStartOneAndBadInputChangesNothing) {
  at_time("2026-11-27T12:00:00");
  const auto before = act("admin", "GET", "/api/v1/campaigns").body["total"].get<std::int64_t>();
  EXPECT_EQ(act("pm", "POST", "/api/v1/campaigns",
                {{"name", "x"}, {"startDay", "2026-11-01"}, {"endDay", "2026-11-30"}, {"projectIds", {pid("CSHY")}}}).status, 403u);
  auto r = act("region", "POST", "/api/v1/campaigns",
               {{"name", "x"}, {"startDay", "2026-11-01"}, {"endDay", "2026-11-30"}, {"companyWide", true}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("companyWide")) << r.raw;
  auto phases = seed_phases(2026);
  phases[1]["startDay"] = "2026-10-15";  // the day the first phase ends
  r = act("quality", "POST", "/api/v1/campaigns",
          {{"name", "x"}, {"startDay", "2026-09-25"}, {"endDay", "2026-12-31"}, {"companyWide", true}, {"phases", phases}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("phases[1].startDay")) << r.raw;
  r = act("quality", "POST", "/api/v1/campaigns",
          {{"name", "x"}, {"startDay", "2026-09-25"}, {"endDay", "2026-12-30"}, {"companyWide", true}, {"phases", seed_phases(2026)}});
  EXPECT_TRUE(r.body["details"].contains("phases[4].endDay")) << r.raw;
  r = act("quality", "POST", "/api/v1/campaigns", {{"name", "x"}, {"startDay", "2026-12-01"}, {"endDay", "2026-11-30"}, {"companyWide", true}});
  EXPECT_TRUE(r.body["details"].contains("endDay")) << r.raw;
  r = act("quality", "POST", "/api/v1/campaigns", {{"name", "x"}, {"startDay", "2026-02-30"}, {"endDay", "2026-11-30"}, {"companyWide", true}});
  EXPECT_TRUE(r.body["details"].contains("startDay")) << r.raw;
  r = act("quality", "POST", "/api/v1/campaigns", {{"name", "x"}, {"startDay", "2026-11-01"}, {"endDay", "2026-11-30"}});
  EXPECT_TRUE(r.body["details"].contains("projectIds")) << r.raw;
  r = act("quality", "POST", "/api/v1/campaigns", {{"name", "x"}, {"startDay", "2026-11-01"}, {"endDay", "2026-11-30"}, {"companyWide", true}, {"slogans", "one"}});
  EXPECT_TRUE(r.body["details"].contains("slogans")) << r.raw;
  EXPECT_EQ(act("admin", "GET", "/api/v1/campaigns").body["total"], before);
  const auto c = company_campaign();
  r = add_task("pm", c, {{"title", "x"}, {"ownerStaffId", member("CSHY", "客服组").first}, {"deadline", "2026-11-31"}});
  EXPECT_TRUE(r.body["details"].contains("deadline")) << r.raw;
  r = add_task("pm", c, {{"title", "x"}, {"ownerStaffId", member("CSHY", "客服组").first}, {"deadline", "2026-11-30"},
                         {"teamId", member("CHTD", "客服组").second}});
  EXPECT_TRUE(r.body["details"].contains("teamId")) << r.raw;
  EXPECT_EQ(task_action("pm", {{"id", 999999}}, "complete", {{"evidence", "x"}}).status, 404u);
  EXPECT_EQ(campaign("quality", c)["progress"]["total"], 0);
  EXPECT_EQ(act("cleaning", "POST", "/api/v1/campaigns/" + std::to_string(c["id"].get<std::int64_t>()) + "/tasks",
                {{"title", "x"}, {"ownerStaffId", 1}, {"deadline", "2026-11-30"}}).status, 403u);
  EXPECT_EQ(act("owner", "GET", "/api/v1/campaigns").status, 403u);
  EXPECT_EQ(act("quality", "GET", "/api/v1/campaign-templates?year=20x6").status, 400u);
}

TEST_P(Campaigns, EditingKeepsPhasesWithTheirIdsAndTheirTasks) {
  at_time("2026-11-27T13:00:00");
  const auto c = company_campaign();
  const auto owner = member("CSHY", "客服组").first;
  auto t = add_task("pm", c, {{"title", "验收准备"}, {"ownerStaffId", owner}, {"deadline", "2026-11-28"}, {"phaseId", c["phases"][3]["id"]}});
  ASSERT_EQ(t.status, 201u) << t.raw;
  nlohmann::json phases = c["phases"];
  for (auto& p : phases) {
    p.erase("state");
  }
  phases[3]["endDay"] = "2026-11-29";  // acceptance one day longer
  phases.erase(4);                     // no summary phase
  auto r = act("quality", "PUT", "/api/v1/campaigns/" + std::to_string(c["id"].get<std::int64_t>()),
               {{"name", c["name"]}, {"startDay", "2026-09-25"}, {"endDay", "2026-12-31"}, {"companyWide", true}, {"phases", phases}});
  ASSERT_EQ(r.status, 200u) << r.raw;
  ASSERT_EQ(r.body["phases"].size(), 4u);
  EXPECT_EQ(r.body["phases"][3]["id"], c["phases"][3]["id"]);
  EXPECT_EQ(r.body["phases"][3]["endDay"], "2026-11-29");
  EXPECT_EQ(r.body["tasks"][0]["phaseName"], "检查验收阶段");
}

INSTANTIATE_TEST_SUITE_P(Engines, Campaigns, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
