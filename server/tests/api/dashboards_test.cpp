// Targets and dashboards (issue 6) on a fixed data set with a pinned clock: every card's
// numerator, denominator and colour counted by hand, the month boundary in +08:00, who sees what.
#include "tests/api/dashboards_suite.hpp"

namespace steward::testing {
namespace {

const nlohmann::json kDispatch{{"department", "工程部"}};
const nlohmann::json kHandover{{"responsibleDepartment", "秩序部"}};
const nlohmann::json kDone{{"result", "已处理"}};
nlohmann::json visit(const std::string& level) { return {{"method", "phone"}, {"satisfaction", level}}; }

class DashboardFigures : public Dashboards {
 protected:
  // The data set, once per engine (tests of the suite share the server).
  std::int64_t project() {
    static std::map<std::string, std::int64_t> built;
    auto& p = built[GetParam()];
    if (p) return p;
    std::vector<std::int64_t> c;
    at_time("2026-10-01T08:00:00");
    p = new_project("KPIA", 5, c);
    // October: a repair reached, done and called back the same day.
    at_time("2026-10-15T09:00:00");
    auto h = order(p, "repair", "other", c[2]);
    at_time("2026-10-15T09:30:00"); steps(h, {{"dispatch", kDispatch}, {"accept", {}}});
    at_time("2026-10-15T10:30:00"); steps(h, {{"complete", kDone}});
    at_time("2026-10-15T14:00:00"); steps(h, {{"visit", visit("satisfied")}, {"close", {}}});
    // C1: a complaint handed over in an hour, satisfied.
    at_time("2026-11-02T09:00:00");
    auto c1 = order(p, "complaint", "noise", c[0]);
    at_time("2026-11-02T10:00:00"); steps(c1, {{"handover", kHandover}});
    at_time("2026-11-03T09:00:00"); steps(c1, {{"accept", {}}});
    at_time("2026-11-03T10:00:00"); steps(c1, {{"complete", kDone}});
    at_time("2026-11-03T15:00:00"); steps(c1, {{"visit", visit("satisfied")}, {"close", {{"valid", true}}}});
    // C2: handed over after 25 hours (late for the 24 h handover and the 12 h handling), dissatisfied.
    at_time("2026-11-05T09:00:00");
    auto c2 = order(p, "complaint", "noise", c[1]);
    at_time("2026-11-06T10:00:00"); steps(c2, {{"handover", kHandover}});
    at_time("2026-11-06T11:00:00"); steps(c2, {{"accept", {}}});
    at_time("2026-11-06T15:00:00"); steps(c2, {{"complete", kDone}});
    at_time("2026-11-06T16:00:00"); steps(c2, {{"visit", visit("dissatisfied")}, {"close", {{"valid", true}}}});
    // C3: handled, then closed as not valid: no return visit due, not a valid complaint.
    at_time("2026-11-10T09:00:00");
    auto c3 = order(p, "complaint", "parking");
    at_time("2026-11-10T09:30:00"); steps(c3, {{"handover", kHandover}});
    at_time("2026-11-11T08:00:00"); steps(c3, {{"accept", {}}});
    at_time("2026-11-11T09:00:00"); steps(c3, {{"complete", kDone}, {"close", {{"valid", false}}}});
    // R1: the same customer as C1 called back again.
    at_time("2026-11-12T09:00:00");
    auto r1 = order(p, "repair", "other", c[0]);
    at_time("2026-11-12T09:10:00"); steps(r1, {{"dispatch", kDispatch}});
    at_time("2026-11-12T10:00:00"); steps(r1, {{"accept", {}}});
    at_time("2026-11-12T11:00:00"); steps(r1, {{"complete", kDone}});
    at_time("2026-11-12T15:00:00"); steps(r1, {{"visit", visit("very_satisfied")}, {"close", {}}});
    // R2: completed on Friday at noon and never called back: due Monday 12:00.
    at_time("2026-11-20T09:00:00");
    auto r2 = order(p, "repair", "other");
    at_time("2026-11-20T10:00:00"); steps(r2, {{"dispatch", kDispatch}});
    at_time("2026-11-20T10:30:00"); steps(r2, {{"accept", {}}});
    at_time("2026-11-20T12:00:00"); steps(r2, {{"complete", kDone}});
    // Q1: a consultation nobody answered: 12 hours ran out at 21:00.
    at_time("2026-11-25T09:00:00");
    order(p, "consultation", "other");
    // C4: 00:30 on 1 December locally is still 30 November in UTC: it belongs to December.
    at_time("2026-12-01T00:30:00");
    auto c4 = order(p, "complaint", "noise");
    at_time("2026-12-01T08:00:00"); steps(c4, {{"handover", kHandover}});
    return p;
  }

  nlohmann::json dashboard(const std::string& query) {
    const auto id = project();
    at_time("2026-12-01T09:00:00");
    auto r = act("admin", "GET", "/api/v1/dashboards/projects/" + std::to_string(id) + query);
    EXPECT_EQ(r.status, 200u) << r.raw;
    return r.body;
  }
};

void expect_figure(const nlohmann::json& f, std::int64_t num, std::int64_t den, const char* colour,
                   const std::string& what) {
  EXPECT_EQ(f["numerator"], num) << what;
  EXPECT_EQ(f["denominator"], den) << what;
  EXPECT_EQ(f["colour"], colour) << what;
}

TEST_P(DashboardFigures, NovemberCardsMatchTheHandCount) {
  const auto d = dashboard("?month=2026-11");
  EXPECT_EQ(d["month"], "2026-11");
  expect_figure(card_of(d, "handled_12h"), 4, 6, "red", "C1 C3 R1 R2 in time, C2 late, Q1 overdue");
  EXPECT_EQ(card_of(d, "handled_12h")["overdueOpen"], 1);
  EXPECT_DOUBLE_EQ(card_of(d, "handled_12h")["value"].get<double>(), 66.67);
  expect_figure(card_of(d, "handover_24h"), 2, 3, "red", "C2 handed over after 25 h");
  expect_figure(card_of(d, "return_visit"), 3, 4, "red", "C1 C2 R1 called back, R2 overdue, C3 not valid");
  EXPECT_EQ(card_of(d, "return_visit")["overdueOpen"], 1);
  expect_figure(card_of(d, "satisfaction"), 2, 3, "red", "C2 dissatisfied");
  expect_figure(card_of(d, "customers_called"), 2, 5, "green", "two of five customers called back");
  expect_figure(card_of(d, "valid_complaints_handled"), 2, 2, "green", "C1 C2; C3 was not valid");
  expect_figure(card_of(d, "inspection_score"), 0, 0, "none", "no inspection");
  EXPECT_TRUE(card_of(d, "inspection_score")["value"].is_null());
  EXPECT_EQ(card_of(d, "satisfaction")["target"], 85.0);
  const auto link = card_of(d, "handover_24h")["link"];
  EXPECT_EQ(link["path"], "/work-orders");
  EXPECT_EQ(link["query"]["kind"], "complaint");
  EXPECT_EQ(link["query"]["from"], "2026-11-01");
  EXPECT_EQ(link["query"]["to"], "2026-11-30");
}

TEST_P(DashboardFigures, TheTrendKeepsOctoberAndTwelveMonths) {
  const auto d = dashboard("?month=2026-11");
  const auto trend = card_of(d, "customers_called")["trend"];
  ASSERT_EQ(trend.size(), 12u);
  EXPECT_EQ(trend[0]["month"], "2025-12");
  EXPECT_EQ(trend[10]["month"], "2026-10");
  expect_figure(trend[10], 1, 5, "green", "October: one of five is exactly 20 %");
  expect_figure(card_of(d, "handled_12h")["trend"][10], 1, 1, "green", "October handling");
  expect_figure(card_of(d, "return_visit")["trend"][10], 1, 1, "green", "October visit");
  expect_figure(card_of(d, "satisfaction")["trend"][9], 0, 0, "none", "September: nothing");
}

TEST_P(DashboardFigures, AComplaintAfterMidnightLocalBelongsToDecember) {
  const auto d = dashboard("?month=2026-12");
  expect_figure(card_of(d, "handover_24h"), 1, 1, "green", "C4");
  expect_figure(card_of(d, "handled_12h"), 1, 1, "green", "C4 handed over at 08:00");
  EXPECT_EQ(d["complaintsByCategory"]["total"], 1);
  EXPECT_EQ(d["complaintsByCategory"]["items"][0]["category"], "noise");
  const auto nov = dashboard("?month=2026-11")["complaintsByCategory"];
  EXPECT_EQ(nov["total"], 3);
  ASSERT_EQ(nov["items"].size(), 2u);
  EXPECT_EQ(nov["items"][0]["category"], "noise");
  EXPECT_EQ(nov["items"][0]["count"], 2);
  EXPECT_EQ(nov["items"][0]["name"], "噪音");
  EXPECT_DOUBLE_EQ(nov["items"][0]["share"].get<double>(), 66.67);
  EXPECT_EQ(nov["items"][1]["category"], "parking");
  EXPECT_DOUBLE_EQ(nov["items"][1]["cumulativeShare"].get<double>(), 100.0);
}

TEST_P(DashboardFigures, OpenOrdersByClockStateAndTheOverdueList) {
  const auto d = dashboard("");
  EXPECT_EQ(d["month"], "2026-12");  // the current month by default
  const auto open = d["openOrders"];
  EXPECT_EQ(open["total"], 3);  // R2 awaiting its visit, Q1, C4
  EXPECT_EQ(open["byStatus"], (nlohmann::json{{"completed", 1}, {"dispatched", 1}, {"registered", 1}}));
  EXPECT_EQ(open["byClock"], (nlohmann::json{{"overdue", 2}, {"dueSoon", 0}, {"onTrack", 1}, {"noRunningClock", 0}}));
  ASSERT_EQ(d["overdue"].size(), 2u);
  EXPECT_EQ(d["overdue"][0]["kind"], "repair");  // R2's visit was due first
  EXPECT_EQ(d["overdue"][0]["dueAt"], "2026-11-23T12:00:00+08:00");
  EXPECT_EQ(d["overdue"][0]["lateBySeconds"], 8 * 86400 - 3 * 3600);
  EXPECT_EQ(d["overdue"][1]["kind"], "consultation");
  EXPECT_EQ(d["overdue"][1]["lateBySeconds"], 5 * 86400 + 12 * 3600);
  EXPECT_EQ(d["quality"]["rectifications"]["open"], 0);
}

TEST_P(DashboardFigures, AnEditedTargetRecoloursTheCard) {
  const auto id = project();
  at_time("2026-12-01T09:00:00");
  EXPECT_EQ(act("pm", "PATCH", "/api/v1/targets/satisfaction", {{"target", 70}}).status, 403u);
  auto bad = act("quality", "PATCH", "/api/v1/targets/satisfaction", {{"target", 101}});
  EXPECT_EQ(bad.status, 400u);
  EXPECT_TRUE(bad.body["details"].contains("target")) << bad.raw;
  EXPECT_EQ(act("quality", "PATCH", "/api/v1/targets/nothing", {{"target", 70}}).status, 404u);
  auto ok = act("quality", "PATCH", "/api/v1/targets/satisfaction", {{"target", 70}, {"amberMargin", 5}});
  ASSERT_EQ(ok.status, 200u) << ok.raw;
  EXPECT_EQ(ok.body["target"], 70.0);
  const auto d = act("admin", "GET", "/api/v1/dashboards/projects/" + std::to_string(id) + "?month=2026-11").body;
  expect_figure(card_of(d, "satisfaction"), 2, 3, "amber", "66.67 % is within 5 points of 70 %");
  EXPECT_EQ(act("admin", "PATCH", "/api/v1/targets/satisfaction", {{"target", 85}}).status, 200u);
  const auto targets = act("pm", "GET", "/api/v1/targets").body;
  EXPECT_EQ(targets["total"], 7);
  EXPECT_EQ(targets["items"][0]["target"], 85.0);
}

TEST_P(DashboardFigures, TheCompanyGridRanksWhatEachUserMaySee) {
  const auto id = project();
  at_time("2026-12-01T09:00:00");
  auto all = act("admin", "GET", "/api/v1/dashboards/company?month=2026-11");
  ASSERT_EQ(all.status, 200u) << all.raw;
  EXPECT_EQ(all.body["targets"].size(), 7u);
  nlohmann::json mine;
  std::int64_t last_rank = 0;
  for (const auto& row : all.body["items"]) {
    EXPECT_EQ(row["rank"], last_rank + 1);
    last_rank = row["rank"].get<std::int64_t>();
    if (row["id"] == id) mine = row;
  }
  ASSERT_FALSE(mine.is_null());
  expect_figure(mine["cells"]["handover_24h"], 2, 3, "red", "grid cell");
  expect_figure(mine["cells"]["customers_called"], 2, 5, "green", "grid cell");
  EXPECT_EQ(mine["green"], 2);
  auto pm = act("pm", "GET", "/api/v1/dashboards/company");
  ASSERT_EQ(pm.status, 200u);
  ASSERT_EQ(pm.body["items"].size(), 1u);
  EXPECT_EQ(pm.body["items"][0]["code"], "CSHY");
  EXPECT_EQ(act("pm", "GET", "/api/v1/dashboards/projects/" + std::to_string(id)).status, 404u);
  EXPECT_EQ(act("frontdesk", "GET", "/api/v1/dashboards/projects/" + std::to_string(pid("CSHY"))).status, 403u);
  EXPECT_EQ(act("region", "GET", "/api/v1/dashboards/projects/" + std::to_string(pid("CSHY"))).status, 200u);
  auto bad = act("admin", "GET", "/api/v1/dashboards/company?month=2026-13");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_TRUE(bad.body["details"].contains("month"));
}

INSTANTIATE_TEST_SUITE_P(Engines, DashboardFigures, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
