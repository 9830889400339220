// Inspections through the API (DOMAIN I1-I5), as the quality department and a project use them.
// The arithmetic of the first two tests is the worked example of docs/inspections.md.
#include "core/time.hpp"
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

class Inspections : public ApiSuite<Inspections> {
 protected:
  // The built-in scheme of seed 001, or a scheme of the given rubric weights.
  std::int64_t builtin_scheme() {
    auto r = act("quality", "GET", "/api/v1/inspection-schemes");
    for (const auto& s : r.body["items"])
      if (s["rubrics"].size() == 4) return s["id"].get<std::int64_t>();
    ADD_FAILURE() << r.raw;
    return 0;
  }
  std::int64_t scheme_of(const nlohmann::json& rubrics) {
    auto r = act("quality", "POST", "/api/v1/inspection-schemes",
                 {{"name", unique("方案")}, {"rubrics", rubrics}});
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body.value("id", std::int64_t{0});
  }
  nlohmann::json inspect(std::int64_t scheme, const std::string& project, const std::string& day,
                         const std::string& user = "quality") {
    auto r = act(user, "POST", "/api/v1/inspections",
                 {{"schemeId", scheme}, {"targetKind", "project"}, {"targetId", pid(project)},
                  {"method", "unannounced"}, {"day", day}});
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body;
  }
  // The item of the inspection with this code.
  static nlohmann::json item(const nlohmann::json& insp, const std::string& code) {
    for (const auto& r : insp["rubrics"])
      for (const auto& s : r["sections"])
        for (const auto& i : s["items"])
          if (i["code"] == code) return i;
    ADD_FAILURE() << "no item " << code;
    return nlohmann::json::object();
  }
  static nlohmann::json rubric(const nlohmann::json& insp, const std::string& code) {
    for (const auto& r : insp["rubrics"])
      if (r["code"] == code) return r;
    return nullptr;
  }
  Reply deduct(const nlohmann::json& insp, const std::string& code, nlohmann::json body,
               const std::string& user = "quality") {
    body["itemId"] = item(insp, code)["id"];
    return act(user, "POST", "/api/v1/inspections/" + std::to_string(insp["id"].get<std::int64_t>()) + "/deductions", body);
  }
  Reply submit(const nlohmann::json& insp, const std::string& user = "quality") {
    return act(user, "POST", "/api/v1/inspections/" + std::to_string(insp["id"].get<std::int64_t>()) + "/submit");
  }
  // What each person of the project earns, by name.
  static std::map<std::string, std::int64_t> paid(const nlohmann::json& insp) {
    std::map<std::string, std::int64_t> out;
    for (const auto& p : insp["payments"]) out[p["name"]] += p["amount"].get<std::int64_t>();
    return out;
  }
  // The names of the project's staff in a role.
  std::vector<std::string> staff_in(const std::string& project, const std::string& role) {
    std::vector<std::string> out;
    const auto list = act("admin", "GET", "/api/v1/staff?pageSize=200&projectId=" + std::to_string(pid(project))).body;
    for (const auto& s : list["items"])
      if (s["role"] == role) out.push_back(s["name"]);
    return out;
  }
};

TEST_P(Inspections, TheSeedRubricsAreBuiltInAndAddUpAsTheSeedsSay) {
  at_time("2026-11-23T09:00:00");
  auto list = act("quality", "GET", "/api/v1/rubrics");
  ASSERT_EQ(list.status, 200u) << list.raw;
  std::map<std::string, double> max;
  for (const auto& r : list.body["items"]) max[r["code"]] = r["max"].get<double>();
  EXPECT_EQ(max["CS-SUPERVISION"], 100.0);
  EXPECT_EQ(max["FAC-SUPERVISION"], 20.0);
  EXPECT_EQ(max["ONSITE-SERVICE"], 65.0);
  EXPECT_EQ(max["CLUBHOUSE"], 44.0);
  auto scheme = act("quality", "GET", "/api/v1/inspection-schemes/" + std::to_string(builtin_scheme())).body;
  EXPECT_EQ(scheme["rubrics"][0]["code"], "CS-SUPERVISION");
  EXPECT_EQ(scheme["rubrics"][0]["weight"], 25.0);
  EXPECT_EQ(act("frontdesk", "GET", "/api/v1/rubrics").status, 403u);
  EXPECT_EQ(act("region", "GET", "/api/v1/rubrics").status, 200u);
}

// docs/inspections.md, worked example 1: the seed 001 scheme, four rubrics at 25% each.
TEST_P(Inspections, WorkedExampleOneExcellentWithTheCompositeRoundedHalfUp) {
  at_time("2026-11-23T09:00:00");
  auto insp = inspect(builtin_scheme(), "CSHY", "2026-11-23");
  EXPECT_EQ(insp["score"], 100.0);
  EXPECT_EQ(insp["status"], "open");
  EXPECT_EQ(deduct(insp, "CS-03", {{"amounts", {2, 1.5}}, {"note", "2条需求未派工、未回访"}}).status, 200u);
  EXPECT_EQ(deduct(insp, "CS-07", {{"amounts", {2, 2, 2}}, {"note", "未佩工牌、饰品、长发"}}).status, 200u);
  EXPECT_EQ(deduct(insp, "CS-10", {{"amounts", {0.5}}}).status, 200u);
  EXPECT_EQ(deduct(insp, "FAC-03", {{"amounts", {1, 0.3}}}).status, 200u);
  EXPECT_EQ(deduct(insp, "ONS-01", {{"occurrences", 3}}).status, 200u);
  EXPECT_EQ(deduct(insp, "ONS-10", {{"occurrences", 1}}).status, 200u);
  auto last = deduct(insp, "CLB-07", {{"failed", true}, {"note", "pH 8.5"}});
  ASSERT_EQ(last.status, 200u) << last.raw;
  EXPECT_EQ(item(last.body, "CS-07")["score"], 0.0);  // 6 points off 5: never below zero
  EXPECT_EQ(item(last.body, "CS-03")["score"], 6.5);
  EXPECT_EQ(rubric(last.body, "CS-SUPERVISION")["score"], 91.0);
  EXPECT_EQ(rubric(last.body, "FAC-SUPERVISION")["raw"], 18.7);
  EXPECT_EQ(rubric(last.body, "FAC-SUPERVISION")["score"], 93.5);
  EXPECT_EQ(rubric(last.body, "ONSITE-SERVICE")["raw"], 64.2);
  EXPECT_EQ(rubric(last.body, "ONSITE-SERVICE")["score"], 98.77);  // 98.769.. rounds up
  EXPECT_EQ(rubric(last.body, "CLUBHOUSE")["score"], 90.91);       // 90.909.. rounds up
  EXPECT_EQ(rubric(last.body, "CS-SUPERVISION")["sections"][0]["raw"], 36.5);  // 内部管理 45 - 8.5
  EXPECT_EQ(last.body["score"], 93.55);  // 93.545 rounds half up
  EXPECT_TRUE(last.body["payments"].empty());  // nothing is paid before submitting

  auto done = submit(insp);
  ASSERT_EQ(done.status, 200u) << done.raw;
  EXPECT_EQ(done.body["status"], "submitted");
  EXPECT_EQ(done.body["score"], 93.55);
  EXPECT_EQ(done.body["grade"], "excellent");
  EXPECT_EQ(done.body["bonus"], false);
  auto pay = paid(done.body);
  EXPECT_EQ(pay["刘建国"], 1000);  // the project manager
  EXPECT_EQ(pay["陈静"], 600);     // a department head (supervisor)
  EXPECT_EQ(pay.size(), 1 + staff_in("CSHY", "supervisor").size());
  EXPECT_EQ(pay.count("城市花园服务中心"), 0u);  // no team bonus below 96

  auto again = submit(insp);
  EXPECT_EQ(again.status, 409u);
  EXPECT_EQ(again.body["code"], "inspection.already_submitted");
  auto late = deduct(insp, "CS-01", {{"amounts", {1}}});
  EXPECT_EQ(late.status, 409u);
  EXPECT_EQ(late.body["code"], "inspection.submitted");
}

// docs/inspections.md, worked example 2: the customer-service rubric alone; 79.00 fails.
TEST_P(Inspections, WorkedExampleTwoFailsAtSeventyNineAndPenalisesTheManagers) {
  at_time("2026-11-24T09:00:00");
  const auto scheme = scheme_of({{{"code", "CS-SUPERVISION"}, {"weight", 100}}});
  auto insp = inspect(scheme, "CSHY", "2026-11-24");
  EXPECT_EQ(deduct(insp, "CS-03", {{"amounts", {2, 2, 2, 2}}}).status, 200u);  // 10 - 8 = 2
  EXPECT_EQ(deduct(insp, "CS-07", {{"amounts", {2, 2, 2}}}).status, 200u);     // 5 - 6 -> 0
  EXPECT_EQ(deduct(insp, "CS-09", {{"amounts", {2, 2, 2, 2}}}).status, 200u);  // 5 - 8 -> 0
  auto r = deduct(insp, "CS-11", {{"amounts", {1.5, 1.5}}});                    // 5 - 3 = 2
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["score"], 79.0);
  EXPECT_EQ(r.body["grade"], "fail");
  auto done = submit(insp).body;
  EXPECT_EQ(done["grade"], "fail");
  auto pay = paid(done);
  EXPECT_EQ(pay["刘建国"], -500);
  EXPECT_EQ(pay["陈静"], -300);

  // One more half point back (CS-11 at 1.5 + 1.0): 79.50 still fails; at 80.00 it is good.
  auto edge = inspect(scheme, "CSHY", "2026-11-24");
  deduct(edge, "CS-03", {{"amounts", {2, 2, 2, 2}}});
  deduct(edge, "CS-07", {{"amounts", {2, 2, 2}}});
  deduct(edge, "CS-09", {{"amounts", {2, 2, 2, 2}}});
  EXPECT_EQ(deduct(edge, "CS-11", {{"amounts", {1.5, 1}}}).body["score"], 79.5);
  auto good = deduct(edge, "CS-11", {{"amounts", {1, 1}}}).body;  // replaces the item's deduction
  EXPECT_EQ(good["score"], 80.0);
  EXPECT_EQ(good["grade"], "good");
  auto fixed = submit(edge).body;
  EXPECT_EQ(fixed["grade"], "good");
  EXPECT_TRUE(fixed["payments"].empty());  // 80 to 90: neither reward nor penalty
}

TEST_P(Inspections, NinetySixEarnsTheTeamBonus) {
  at_time("2026-11-24T10:00:00");
  const auto scheme = scheme_of({{{"code", "CS-SUPERVISION"}, {"weight", 100}}});
  auto insp = inspect(scheme, "CSHY", "2026-11-24");
  deduct(insp, "CS-01", {{"amounts", {2, 2}}});
  auto done = submit(insp).body;
  EXPECT_EQ(done["score"], 96.0);
  EXPECT_EQ(done["bonus"], true);
  EXPECT_EQ(paid(done)["城市花园服务中心"], 3000);
  EXPECT_EQ(paid(done)["刘建国"], 1000);
}

TEST_P(Inspections, ARectificationGoesFromDeductionToVerification) {
  at_time("2026-11-25T09:00:00");
  const auto scheme = scheme_of({{{"code", "CS-SUPERVISION"}, {"weight", 100}}});
  auto insp = inspect(scheme, "CSHY", "2026-11-25");
  auto d = deduct(insp, "CS-11", {{"amounts", {2}}, {"note", "钥匙无台帐"}}).body;
  const auto deduction = item(d, "CS-11")["deduction"]["id"];
  const auto staff = act("supervisor", "GET", "/api/v1/me").body["staffId"];
  nlohmann::json body = {{"deductionId", deduction}, {"responsibleStaffId", staff},
                         {"deadline", "2026-11-28"}, {"requirement", "建立钥匙清单台帐"}};
  auto early = act("quality", "POST", "/api/v1/rectifications", body);
  EXPECT_EQ(early.status, 409u);  // submit first
  EXPECT_EQ(early.body["code"], "inspection.not_submitted");
  submit(insp);
  auto bad = act("quality", "POST", "/api/v1/rectifications",
                 {{"deductionId", deduction}, {"responsibleStaffId", staff}, {"deadline", "2026-11-20"}});
  EXPECT_EQ(bad.status, 400u);
  EXPECT_TRUE(bad.body["details"].contains("deadline")) << bad.raw;
  auto rect = act("quality", "POST", "/api/v1/rectifications", body);
  ASSERT_EQ(rect.status, 201u) << rect.raw;
  const auto id = std::to_string(rect.body["id"].get<std::int64_t>());
  EXPECT_EQ(rect.body["status"], "open");
  EXPECT_EQ(rect.body["dueAt"], "2026-11-29T00:00:00+08:00");
  EXPECT_EQ(rect.body["overdue"], false);
  EXPECT_EQ(act("quality", "POST", "/api/v1/rectifications", body).status, 409u);  // one per deduction

  EXPECT_EQ(act("quality", "POST", "/api/v1/rectifications/" + id + "/verify").status, 409u);  // not done
  EXPECT_EQ(act("supervisor", "POST", "/api/v1/rectifications/" + id + "/complete", nlohmann::json::object()).status, 400u);
  auto done = act("supervisor", "POST", "/api/v1/rectifications/" + id + "/complete", {{"evidence", "台帐已建立,见照片"}});
  ASSERT_EQ(done.status, 200u) << done.raw;
  EXPECT_EQ(done.body["status"], "done");
  EXPECT_EQ(act("supervisor", "POST", "/api/v1/rectifications/" + id + "/verify").status, 403u);
  auto rejected = act("quality", "POST", "/api/v1/rectifications/" + id + "/reject", {{"reason", "台帐缺借出记录"}});
  EXPECT_EQ(rejected.body["status"], "rejected");
  at_time("2026-11-29T09:00:00");  // past the deadline and not done again: overdue
  auto overdue = act("quality", "GET", "/api/v1/rectifications?overdue=true&inspectionId=" + std::to_string(insp["id"].get<std::int64_t>()));
  ASSERT_EQ(overdue.body["total"], 1) << overdue.raw;
  EXPECT_EQ(overdue.body["items"][0]["overdue"], true);
  act("pm", "POST", "/api/v1/rectifications/" + id + "/complete", {{"evidence", "已补借出记录"}});
  auto verified = act("quality", "POST", "/api/v1/rectifications/" + id + "/verify");
  ASSERT_EQ(verified.status, 200u) << verified.raw;
  EXPECT_EQ(verified.body["status"], "verified");
  EXPECT_EQ(verified.body["overdue"], false);
  auto again = act("quality", "GET", "/api/v1/inspections/" + std::to_string(insp["id"].get<std::int64_t>())).body;
  EXPECT_EQ(item(again, "CS-11")["deduction"]["rectificationId"], rect.body["id"]);
  // Every step wrote its audit row.
  auto audit = act("admin", "GET", "/api/v1/audit?entity=rectification&id=" + id);
  ASSERT_EQ(audit.status, 200u) << audit.raw;
  std::vector<std::string> actions;
  for (const auto& a : audit.body["items"]) actions.push_back(a["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"verify", "complete", "reject", "complete", "create"}));
}

TEST_P(Inspections, TheSameItemFailingAgainWithinNinetyDaysIsRecurring) {
  at_time("2026-11-26T09:00:00");
  const auto scheme = scheme_of({{{"code", "CS-SUPERVISION"}, {"weight", 100}}});
  auto first = inspect(scheme, "CHTD", "2026-08-01");
  deduct(first, "CS-13", {{"amounts", {1}}});
  submit(first);
  auto second = inspect(scheme, "CHTD", "2026-10-15");  // 75 days later
  deduct(second, "CS-13", {{"amounts", {0.5}}});
  deduct(second, "CS-14", {{"amounts", {0.5}}});
  auto s2 = submit(second).body;
  EXPECT_EQ(item(s2, "CS-13")["deduction"]["recurring"], true);
  EXPECT_EQ(item(s2, "CS-14")["deduction"]["recurring"], false);
  auto third = inspect(scheme, "CHTD", "2027-02-01");  // 109 days after the second
  deduct(third, "CS-13", {{"amounts", {0.5}}});
  EXPECT_EQ(item(submit(third).body, "CS-13")["deduction"]["recurring"], false);
}

TEST_P(Inspections, AProjectSeesOnlyItsOwnInspections) {
  at_time("2026-11-26T10:00:00");
  auto other = inspect(builtin_scheme(), "CHTD", "2026-11-26");
  const auto path = "/api/v1/inspections/" + std::to_string(other["id"].get<std::int64_t>());
  EXPECT_EQ(act("quality", "GET", path).status, 200u);
  EXPECT_EQ(act("pm", "GET", path).status, 404u);
  EXPECT_EQ(deduct(other, "CS-01", {{"amounts", {1}}}, "pm").status, 404u);
  EXPECT_EQ(act("pm", "POST", path + "/submit").status, 404u);
  const auto mine = act("pm", "GET", "/api/v1/inspections?pageSize=200").body;
  for (const auto& i : mine["items"])
    EXPECT_NE(i["projectId"], pid("CHTD"));
  // A self-check of their own project is theirs to do; an inspection of the company's is not.
  auto self = act("pm", "POST", "/api/v1/inspections",
                  {{"schemeId", builtin_scheme()}, {"kind", "self_check"}, {"targetKind", "project"},
                   {"targetId", pid("CSHY")}, {"method", "open"}, {"day", "2026-11-26"}});
  EXPECT_EQ(self.status, 201u) << self.raw;
  EXPECT_EQ(act("pm", "POST", "/api/v1/inspections",
                {{"schemeId", builtin_scheme()}, {"targetKind", "project"}, {"targetId", pid("CSHY")},
                 {"method", "open"}, {"day", "2026-11-26"}}).status, 403u);
  EXPECT_EQ(act("pm", "POST", "/api/v1/inspections",
                {{"schemeId", builtin_scheme()}, {"kind", "self_check"}, {"targetKind", "project"},
                 {"targetId", pid("CHTD")}, {"method", "open"}, {"day", "2026-11-26"}}).status, 400u);
  EXPECT_EQ(act("region", "POST", path + "/submit").status, 403u);  // read only
}

TEST_P(Inspections, BadInputNamesTheFieldAndChangesNothing) {
  at_time("2026-11-27T09:00:00");
  const auto before = act("quality", "GET", "/api/v1/inspections").body["total"];
  auto bad = act("quality", "POST", "/api/v1/inspections",
                 {{"schemeId", builtin_scheme()}, {"targetKind", "building"}, {"targetId", pid("CSHY")},
                  {"method", "guess"}, {"day", "2026-02-30"}});
  EXPECT_EQ(bad.status, 400u);
  for (const char* field : {"targetKind", "method", "day"})
    EXPECT_TRUE(bad.body["details"].contains(field)) << field << ": " << bad.raw;
  EXPECT_EQ(act("quality", "GET", "/api/v1/inspections").body["total"], before);

  auto insp = inspect(builtin_scheme(), "CSHY", "2026-11-27");
  struct Case {
    const char* code;
    nlohmann::json body;
    const char* field;
  } cases[] = {
      {"CS-01", {{"amounts", {2.5}}}, "amounts"},                   // above 0.5-2
      {"CS-01", {{"amounts", {0.4}}}, "amounts"},                   // below
      {"CS-01", {{"amounts", {1, 1, 1, 1, 1}}}, "amounts"},         // 5 missing of 4 check points
      {"CS-01", {{"amounts", {1.234}}}, "amounts"},                 // three decimals
      {"CS-01", {{"occurrences", 2}}, "amounts"},                   // wrong kind of finding
      {"ONS-01", {{"occurrences", 0}}, "occurrences"},
      {"CLB-01", {{"failed", false}}, "failed"},
      {"CS-01", {{"amounts", {1}}, {"colour", "red"}}, "colour"},   // unknown field
  };
  for (const auto& c : cases) {
    auto r = deduct(insp, c.code, c.body);
    EXPECT_EQ(r.status, 400u) << c.body.dump();
    EXPECT_TRUE(r.body["details"].contains(c.field)) << c.body.dump() << " -> " << r.raw;
  }
  auto unchanged = act("quality", "GET", "/api/v1/inspections/" + std::to_string(insp["id"].get<std::int64_t>())).body;
  EXPECT_EQ(unchanged["score"], 100.0);
  EXPECT_EQ(unchanged["deductionCount"], 0);

  auto weights = act("quality", "POST", "/api/v1/inspection-schemes",
                     {{"name", unique("方案")},
                      {"rubrics", {{{"code", "CS-SUPERVISION"}, {"weight", 25}}, {{"code", "CLUBHOUSE"}, {"weight", 70}}}}});
  EXPECT_EQ(weights.status, 400u);
  EXPECT_TRUE(weights.body["details"].contains("rubrics")) << weights.raw;
  auto rubric = act("quality", "POST", "/api/v1/rubrics",
                    {{"code", unique("R")}, {"name", "坏细则"},
                     {"sections", {{{"name", "一"}, {"items", {{{"code", "A"}, {"name", "a"}, {"max", 5}, {"rule", "range"}, {"deductMin", 2}, {"deductMax", 1}}}}}}}});
  EXPECT_EQ(rubric.status, 400u);
  EXPECT_TRUE(rubric.body["details"].contains("sections[0].items[0].deductMax")) << rubric.raw;
  EXPECT_TRUE(rubric.body["details"].contains("sections[0].items[0].checkPoints")) << rubric.raw;
  auto rankings = act("quality", "GET", "/api/v1/inspection-rankings?from=2026-11-01");
  EXPECT_EQ(rankings.status, 400u);
  EXPECT_TRUE(rankings.body["details"].contains("to")) << rankings.raw;
}

TEST_P(Inspections, EditingAUsedRubricMakesANewVersionAndPastResultsStay) {
  at_time("2026-11-27T10:00:00");
  const auto code = unique("RUB");
  auto sections = [](double max) {
    return nlohmann::json::array(
        {{{"name", "现场"},
          {"items", {{{"code", "A"}, {"name", "地面"}, {"max", max}, {"rule", "all_or_nothing"}},
                     {{"code", "B"}, {"name", "着装"}, {"max", 10}, {"rule", "per_occurrence"}, {"deductEach", 0.5}}}}}});
  };
  auto created = act("quality", "POST", "/api/v1/rubrics", {{"code", code}, {"name", "测试细则"}, {"sections", sections(10)}});
  ASSERT_EQ(created.status, 201u) << created.raw;
  const auto v1 = created.body["id"].get<std::int64_t>();
  EXPECT_EQ(created.body["max"], 20.0);
  // Not used yet: edited in place.
  auto edited = act("quality", "PUT", "/api/v1/rubrics/" + std::to_string(v1), {{"name", "测试细则"}, {"sections", sections(15)}});
  ASSERT_EQ(edited.status, 200u) << edited.raw;
  EXPECT_EQ(edited.body["id"], v1);
  EXPECT_EQ(edited.body["version"], 1);
  const auto scheme = scheme_of({{{"code", code}, {"weight", 100}}});
  auto insp = inspect(scheme, "CSHY", "2026-11-27");
  deduct(insp, "A", {{"failed", true}});
  auto past = submit(insp).body;
  EXPECT_EQ(past["score"], 40.0);  // 10 of 25
  auto v2 = act("quality", "PUT", "/api/v1/rubrics/" + std::to_string(v1), {{"name", "测试细则(修订)"}, {"sections", sections(5)}});
  ASSERT_EQ(v2.status, 200u) << v2.raw;
  EXPECT_NE(v2.body["id"], v1);
  EXPECT_EQ(v2.body["version"], 2);
  EXPECT_EQ(act("quality", "PUT", "/api/v1/rubrics/" + std::to_string(v1), {{"name", "x"}, {"sections", sections(5)}}).status, 409u);
  auto still = act("quality", "GET", "/api/v1/inspections/" + std::to_string(insp["id"].get<std::int64_t>())).body;
  EXPECT_EQ(still["score"], 40.0);
  EXPECT_EQ(still["rubrics"][0]["version"], 1);
  EXPECT_EQ(still["rubrics"][0]["max"], 25.0);
  auto next = inspect(scheme, "CSHY", "2026-11-27");
  EXPECT_EQ(next["rubrics"][0]["version"], 2);
  EXPECT_EQ(next["rubrics"][0]["max"], 15.0);
  EXPECT_EQ(act("quality", "GET", "/api/v1/rubrics?code=" + code).body["total"], 2);
}

TEST_P(Inspections, RankingsOrderProjectsAndShowTheChange) {
  at_time("2026-11-28T09:00:00");
  const auto scheme = scheme_of({{{"code", "CS-SUPERVISION"}, {"weight", 100}}});
  auto one = [&](const std::string& project, const std::string& day, double off) {
    auto i = inspect(scheme, project, day);
    if (off > 0) deduct(i, "CS-03", {{"amounts", {off}}});
    return submit(i).body;
  };
  one("CSHY", "2025-05-10", 2);    // previous period: CSHY 98, CHTD 99
  one("CHTD", "2025-05-12", 1);
  one("CSHY", "2025-06-05", 1);    // this period: CSHY 99, CHTD 98.25 (mean of 98 and 98.5)
  one("CHTD", "2025-06-06", 2);
  one("CHTD", "2025-06-20", 1.5);
  auto r = act("quality", "GET", "/api/v1/inspection-rankings?from=2025-06-01&to=2025-06-30&schemeId=" + std::to_string(scheme));
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["previousFrom"], "2025-05-02");
  EXPECT_EQ(r.body["previousTo"], "2025-05-31");
  ASSERT_EQ(r.body["items"].size(), 2u) << r.raw;
  const auto& top = r.body["items"][0];
  EXPECT_EQ(top["projectId"], pid("CSHY"));
  EXPECT_EQ(top["rank"], 1);
  EXPECT_EQ(top["score"], 99.0);
  EXPECT_EQ(top["previousRank"], 2);
  EXPECT_EQ(top["change"], 1.0);
  EXPECT_EQ(top["rankChange"], 1);
  const auto& second = r.body["items"][1];
  EXPECT_EQ(second["score"], 98.25);
  EXPECT_EQ(second["inspections"], 2);
  EXPECT_EQ(second["change"], -0.75);
  EXPECT_EQ(second["rankChange"], -1);
  // The project manager of CSHY ranks only what they can see.
  auto pm = act("pm", "GET", "/api/v1/inspection-rankings?from=2025-06-01&to=2025-06-30&schemeId=" + std::to_string(scheme));
  ASSERT_EQ(pm.body["items"].size(), 1u);
  EXPECT_EQ(pm.body["items"][0]["projectId"], pid("CSHY"));
}

TEST_P(Inspections, ACompanyChangesItsGradesAndRewards) {
  at_time("2026-11-28T10:00:00");
  auto settings = act("quality", "GET", "/api/v1/inspection-settings").body;
  EXPECT_EQ(settings["failBelow"], 80.0);
  EXPECT_EQ(settings["rewards"].size(), 8u);
  auto bad = act("quality", "PUT", "/api/v1/inspection-settings",
                 {{"failBelow", 90}, {"excellentAbove", 85}, {"bonusFrom", 96}, {"recurrenceDays", 90}, {"rewards", settings["rewards"]}});
  EXPECT_EQ(bad.status, 400u);
  EXPECT_TRUE(bad.body["details"].contains("excellentAbove")) << bad.raw;
  auto rewards = settings["rewards"];
  rewards.push_back({{"outcome", "excellent"}, {"position", "team_leader"}, {"amount", 200}});
  auto changed = act("quality", "PUT", "/api/v1/inspection-settings",
                     {{"failBelow", 85}, {"excellentAbove", 94.99}, {"bonusFrom", 98}, {"recurrenceDays", 60}, {"rewards", rewards}});
  ASSERT_EQ(changed.status, 200u) << changed.raw;
  const auto scheme = scheme_of({{{"code", "CS-SUPERVISION"}, {"weight", 100}}});
  auto insp = inspect(scheme, "XSTY", "2026-11-28");
  deduct(insp, "CS-03", {{"amounts", {2, 2, 2, 2}}});
  deduct(insp, "CS-04", {{"amounts", {2, 2, 2, 2}}});  // 100 - 8 - 5 = 87
  EXPECT_EQ(submit(insp).body["grade"], "good");
  EXPECT_EQ(act("pm", "PUT", "/api/v1/inspection-settings", changed.body).status, 403u);
  // Back to the defaults for the other tests of this server.
  auto restore = act("quality", "PUT", "/api/v1/inspection-settings", settings);
  ASSERT_EQ(restore.status, 200u) << restore.raw;
}

INSTANTIATE_TEST_SUITE_P(Engines, Inspections, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
