// Work orders through the API, as the front desk, a technician, an owner and a manager use them.
#include <mutex>
#include <set>

#include "db/query.hpp"

#include "tests/api/work_orders_suite.hpp"

namespace steward::testing {
namespace {

TEST_P(WorkOrders, AComplaintOnTheEveOfNationalDayGetsItsDeadlinesFromTheOfficialCalendar) {
  at_time("2026-09-30T17:00:00");
  auto o = register_order("frontdesk", {{"kind", "complaint"}, {"category", "noise"}});
  EXPECT_EQ(clock(o, "handover")["dueAt"], "2026-10-01T17:00:00+08:00");
  EXPECT_EQ(clock(o, "feedback")["dueAt"], "2026-10-09T17:00:00+08:00");
  EXPECT_EQ(clock(o, "handle")["dueAt"], "2026-10-01T05:00:00+08:00");
  EXPECT_EQ(clock(o, "onsite"), nullptr);  // repairs only
  EXPECT_EQ(o["nextDueAt"], "2026-10-01T05:00:00+08:00");
}

TEST_P(WorkOrders, ANormalRepairOnFridayEveningIsContactedOnTheMakeUpSaturday) {
  at_time("2026-10-09T17:30:00");
  auto o = register_order("frontdesk", {{"kind", "repair"}, {"category", "doors_windows"}});
  EXPECT_EQ(clock(o, "contact")["dueAt"], "2026-10-10T17:30:00+08:00");
  at_time("2026-10-11T08:00:00");
  auto sunday = register_order("frontdesk", {{"kind", "repair"}, {"category", "doors_windows"}});
  EXPECT_EQ(clock(sunday, "contact")["dueAt"], "2026-10-12T18:00:00+08:00");
}

TEST_P(WorkOrders, TheCodeIsReadableAndCountsPerProjectAndDay) {
  at_time("2026-11-22T09:00:00");
  auto a = register_order("frontdesk", {{"kind", "consultation"}, {"category", "fees"}});
  auto b = register_order("frontdesk", {{"kind", "consultation"}, {"category", "fees"}});
  const std::string ca = a["code"], cb = b["code"];
  EXPECT_EQ(ca.substr(0, 14), "CSHY-20261122-");
  EXPECT_EQ(std::stoi(cb.substr(14)), std::stoi(ca.substr(14)) + 1);
}

TEST_P(WorkOrders, ARepairGoesFromRegistrationToClosureWithEveryStepOnItsTimeline) {
  at_time("2026-11-23T10:00:00");
  // Common facilities: resolved within 3 working days, paused while waiting for parts.
  auto o = register_order("frontdesk", {{"kind", "repair"}, {"category", "facilities"}});
  const auto id = o["id"].get<std::int64_t>();
  EXPECT_EQ(clock(o, "resolve")["dueAt"], "2026-11-26T10:00:00+08:00");
  EXPECT_EQ(step("frontdesk", id, "dispatch", {{"assigneeStaffId", staff_of("tech")}}).status, 200u);
  EXPECT_EQ(step("tech", id, "accept").status, 200u);
  EXPECT_EQ(step("tech", id, "contact", {{"appointmentAt", "2026-11-23T14:00:00+08:00"}}).status, 200u);
  server().clock().set(at("2026-11-23T14:00:00"));
  EXPECT_EQ(step("tech", id, "arrive").status, 200u);
  EXPECT_EQ(step("tech", id, "wait", {{"reason", "parts"}}).status, 200u);
  at_time("2026-11-24T10:00:00");  // sessions last 12 hours: log in again
  EXPECT_EQ(step("tech", id, "resume").status, 200u);
  auto done = step("tech", id, "complete", {{"result", "更换门机板"}});
  ASSERT_EQ(done.status, 200u) << done.raw;
  EXPECT_EQ(done.body["status"], "completed");
  EXPECT_EQ(clock(done.body, "resolve")["state"], "met");
  // Waiting from Monday 14:00 to Tuesday 10:00 took 5 working hours off the clock.
  EXPECT_EQ(clock(done.body, "resolve")["dueAt"], "2026-11-26T15:00:00+08:00");
  EXPECT_EQ(clock(done.body, "visit")["state"], "running");  // due a working day after completion
  EXPECT_EQ(clock(done.body, "visit")["dueAt"], "2026-11-25T10:00:00+08:00");
  auto visited = step("frontdesk", id, "visit", {{"method", "phone"}, {"satisfaction", "very_satisfied"}});
  EXPECT_EQ(visited.body["status"], "visited");
  EXPECT_EQ(step("frontdesk", id, "close").body["status"], "closed");

  auto full = act("pm", "GET", "/api/v1/work-orders/" + std::to_string(id)).body;
  std::vector<std::string> actions;
  for (const auto& e : full["timeline"]) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"register", "dispatch", "accept", "contact", "arrive",
                                               "wait", "resume", "complete", "visit", "close"}));
  EXPECT_EQ(full["timeline"][2]["actorName"], "孙志强");  // the demo technician
  EXPECT_EQ(full["satisfaction"], "very_satisfied");
}

TEST_P(WorkOrders, AnActionOutOfTurnAnswers409AndChangesNothing) {
  at_time("2026-11-23T10:00:00");
  auto o = register_order("frontdesk", {{"kind", "repair"}, {"category", "water"}});
  const auto id = o["id"].get<std::int64_t>();
  auto r = step("frontdesk", id, "visit", {{"method", "phone"}, {"satisfaction", "satisfied"}});
  EXPECT_EQ(r.status, 409u);
  EXPECT_EQ(r.body["code"], "work_order.invalid_transition");
  auto after = act("frontdesk", "GET", "/api/v1/work-orders/" + std::to_string(id)).body;
  EXPECT_EQ(after["status"], "registered");
  EXPECT_EQ(after["timeline"].size(), 1u);
  EXPECT_EQ(step("frontdesk", id, "fly").status, 404u);
}

TEST_P(WorkOrders, OnlyTheAssignedTechnicianWorksTheOrder) {
  at_time("2026-11-23T10:00:00");
  auto o = register_order("frontdesk", {{"kind", "repair"}, {"category", "water"}});
  const auto id = o["id"].get<std::int64_t>();
  step("frontdesk", id, "dispatch", {{"department", "工程部"}});
  auto r = step("tech", id, "accept");
  EXPECT_EQ(r.status, 403u);
  EXPECT_EQ(r.body["code"], "work_order.not_assignee");
  EXPECT_EQ(step("security", id, "dispatch", {{"department", "x"}}).status, 403u);
}

TEST_P(WorkOrders, ReportedAtMayBeEarlierButNeverInTheFutureNorMoreThanAWeekBack) {
  at_time("2026-11-23T10:00:00");
  nlohmann::json base{{"projectId", pid("CSHY")}, {"kind", "repair"}, {"category", "water"},
                      {"channel", "phone"}, {"location", "泵房"}, {"title", "漏水"}};
  auto with = [&](const char* when) {
    auto b = base;
    b["reportedAt"] = when;
    return act("frontdesk", "POST", "/api/v1/work-orders", b);
  };
  EXPECT_EQ(with("2026-11-23T11:00:00+08:00").body["details"]["reportedAt"], "must not be in the future");
  EXPECT_EQ(with("2026-11-15T09:00:00+08:00").status, 400u);
  EXPECT_EQ(with("yesterday").status, 400u);
  auto earlier = with("2026-11-23T08:00:00+08:00");
  ASSERT_EQ(earlier.status, 201u);
  EXPECT_EQ(clock(earlier.body, "handle")["dueAt"], "2026-11-23T20:00:00+08:00");
}

TEST_P(WorkOrders, BadRegistrationsNameTheFieldAndStoreNothing) {
  at_time("2026-11-23T10:00:00");
  const auto before = count_of("/api/v1/work-orders");
  auto r = act("frontdesk", "POST", "/api/v1/work-orders",
               {{"projectId", pid("CSHY")}, {"kind", "repair"}, {"category", "unicorns"},
                {"channel", "pigeon"}, {"title", "x"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("channel"));
  EXPECT_TRUE(r.body["details"].contains("location"));  // neither a unit nor a place
  auto other = act("frontdesk", "POST", "/api/v1/work-orders",
                   {{"projectId", pid("CSHY")}, {"kind", "repair"}, {"category", "unicorns"},
                    {"channel", "phone"}, {"title", "x"}, {"location", "大门"}});
  EXPECT_EQ(other.body["details"]["category"], "is not a category of the dictionary");
  auto elsewhere = act("frontdesk", "POST", "/api/v1/work-orders",
                       {{"projectId", pid("CHTD")}, {"kind", "repair"}, {"category", "water"},
                        {"channel", "phone"}, {"title", "x"}, {"location", "大门"}});
  EXPECT_EQ(elsewhere.status, 404u);
  EXPECT_EQ(count_of("/api/v1/work-orders"), before);
}

TEST_P(WorkOrders, AComplaintIsClosedOnlyWithItsValidityAndAValidOneOnlyAfterTheCallBack) {
  at_time("2026-11-23T10:00:00");
  auto o = register_order("frontdesk", {{"kind", "complaint"}, {"category", "service"}});
  const auto id = o["id"].get<std::int64_t>();
  EXPECT_EQ(step("frontdesk", id, "handover", {{"responsibleDepartment", "安全组"}}).status, 200u);
  EXPECT_EQ(step("supervisor", id, "accept").status, 200u);
  EXPECT_EQ(step("frontdesk", id, "feedback", {{"note", "已致电业主说明处理进度"}}).status, 200u);
  EXPECT_EQ(step("supervisor", id, "complete", {{"result", "已约谈当班秩序员"}}).status, 200u);
  EXPECT_EQ(step("frontdesk", id, "close").status, 400u);  // valid: required
  auto early = step("frontdesk", id, "close", {{"valid", true}});
  EXPECT_EQ(early.status, 409u);
  EXPECT_EQ(early.body["code"], "work_order.visit_required");
  step("frontdesk", id, "visit", {{"method", "phone"}, {"satisfaction", "satisfied"}});
  auto closed = step("frontdesk", id, "close", {{"valid", true}, {"rootCause", "夜班巡逻不到位"}});
  EXPECT_EQ(closed.body["status"], "closed");
  EXPECT_EQ(closed.body["validComplaint"], true);
  EXPECT_EQ(clock(closed.body, "handover")["state"], "met");
}

TEST_P(WorkOrders, ADissatisfiedCallBackTellsTheSupervisorAndTheProjectManager) {
  at_time("2026-11-23T10:00:00");
  const auto before = act("pm", "GET", "/api/v1/notifications/unread-count").body["unread"].get<int>();
  auto o = register_order("frontdesk", {{"kind", "repair"}, {"category", "lighting"}});
  const auto id = o["id"].get<std::int64_t>();
  step("frontdesk", id, "dispatch", {{"assigneeStaffId", staff_of("tech")}});
  step("tech", id, "accept");
  step("tech", id, "arrive");
  auto done = step("tech", id, "complete", {{"result", "换灯管"}}).body;
  // Never explicitly contacted, but done: completing meets the promises still open.
  EXPECT_EQ(clock(done, "contact")["state"], "met");
  EXPECT_EQ(clock(done, "visit")["state"], "running");
  step("frontdesk", id, "visit", {{"method", "phone"}, {"satisfaction", "dissatisfied"}, {"comment", "还是不亮"}});
  EXPECT_EQ(act("pm", "GET", "/api/v1/notifications/unread-count").body["unread"], before + 1);
  auto list = act("supervisor", "GET", "/api/v1/notifications?unread=true").body;
  ASSERT_FALSE(list["items"].empty());
  EXPECT_EQ(list["items"][0]["kind"], "dissatisfied");
  EXPECT_EQ(list["items"][0]["orderId"], id);
  // ... and the repair can be reopened as a rework linked to it.
  auto rework = act("frontdesk", "POST", "/api/v1/work-orders/" + std::to_string(id) + "/rework",
                    {{"reason", "回访不满意, 灯仍不亮"}});
  ASSERT_EQ(rework.status, 201u) << rework.raw;
  EXPECT_EQ(rework.body["reworkOfId"], id);
  EXPECT_EQ(rework.body["status"], "registered");
}

TEST_P(WorkOrders, RemindersAtThreeQuartersAndOverdueAtTheBreach) {
  at_time("2026-11-23T10:00:00");
  auto o = register_order("frontdesk", {{"kind", "repair"}, {"category", "water"}, {"priority", "emergency"}});
  const auto id = o["id"].get<std::int64_t>();
  step("frontdesk", id, "dispatch", {{"assigneeStaffId", staff_of("tech")}});
  const auto tech_before = act("tech", "GET", "/api/v1/notifications/unread-count").body["unread"].get<int>();
  server().app().work_orders().escalate(at("2026-11-23T10:23:00"));  // onsite: 30 min, 75% = 22.5
  EXPECT_EQ(act("tech", "GET", "/api/v1/notifications/unread-count").body["unread"], tech_before + 1);
  const auto pm_before = act("pm", "GET", "/api/v1/notifications/unread-count").body["unread"].get<int>();
  server().clock().set(at("2026-11-23T10:31:00"));
  server().app().work_orders().escalate(at("2026-11-23T10:31:00"));
  EXPECT_EQ(act("pm", "GET", "/api/v1/notifications/unread-count").body["unread"], pm_before + 1);
  server().app().work_orders().escalate(at("2026-11-23T10:32:00"));  // told once, not every minute
  EXPECT_EQ(act("pm", "GET", "/api/v1/notifications/unread-count").body["unread"], pm_before + 1);
  auto overdue = act("pm", "GET", "/api/v1/work-orders?overdue=true&projectId=" +
                                      std::to_string(pid("CSHY")) + "&pageSize=200").body;
  bool listed = false;
  for (const auto& item : overdue["items"]) listed = listed || item["id"] == id;
  EXPECT_TRUE(listed);
  auto view = act("pm", "GET", "/api/v1/work-orders/" + std::to_string(id)).body;
  EXPECT_EQ(view["overdue"], true);
  EXPECT_EQ(clock(view, "onsite")["state"], "breached");
  EXPECT_EQ(clock(view, "onsite")["lateBySeconds"], 60);
}

TEST_P(WorkOrders, AnOwnerReportsForTheirOwnUnitSeesOnlyTheirOwnOrdersAndRatesThem) {
  at_time("2026-11-23T10:00:00");
  auto me = act("owner", "GET", "/api/v1/me").body;
  auto units = act("owner", "GET", "/api/v1/units").body;
  ASSERT_EQ(units["total"], 1);
  const auto unit = units["items"][0]["id"].get<std::int64_t>();
  auto mine = act("owner", "POST", "/api/v1/work-orders",
                  {{"projectId", pid("CSHY")}, {"kind", "repair"}, {"category", "water"},
                   {"unitId", unit}, {"title", "厨房水管漏水"}});  // no channel: the app
  ASSERT_EQ(mine.status, 201u) << mine.raw;
  EXPECT_EQ(mine.body["channel"], "app");
  EXPECT_EQ(mine.body["customerId"], me["customerId"]);
  auto other_unit = act("owner", "POST", "/api/v1/work-orders",
                        {{"projectId", pid("CSHY")}, {"kind", "repair"}, {"category", "water"},
                         {"channel", "app"}, {"unitId", unit + 1}, {"title", "x"}});
  EXPECT_EQ(other_unit.status, 400u);
  auto someone_else = register_order("frontdesk", {{"kind", "repair"}, {"category", "water"}});
  EXPECT_EQ(act("owner", "GET", "/api/v1/work-orders/" + someone_else["id"].dump()).status, 404u);
  const auto list2 = act("owner", "GET", "/api/v1/work-orders?pageSize=200").body;

  for (const auto& item : list2["items"])
    EXPECT_EQ(item["customerId"], me["customerId"]);

  const auto id = mine.body["id"].get<std::int64_t>();
  step("frontdesk", id, "dispatch", {{"assigneeStaffId", staff_of("tech")}});
  step("tech", id, "accept");
  step("tech", id, "arrive");
  step("tech", id, "complete", {{"result", "更换水管接头"}});
  auto offered = act("owner", "GET", "/api/v1/work-orders/" + std::to_string(id)).body["actions"];
  EXPECT_EQ(offered, nlohmann::json::array({"rate"}));  // not the staff's rework or close
  auto rated = act("owner", "POST", "/api/v1/work-orders/" + std::to_string(id) + "/rate",
                   {{"satisfaction", "very_satisfied"}, {"comment", "师傅很专业"}});
  ASSERT_EQ(rated.status, 200u) << rated.raw;
  EXPECT_EQ(rated.body["status"], "visited");
  EXPECT_EQ(rated.body["timeline"].is_null(), true);
  EXPECT_EQ(step("owner", id, "close").status, 403u);
}

TEST_P(WorkOrders, AProjectManagerSeesNothingOfAnotherProject) {
  at_time("2026-11-23T10:00:00");
  auto r = act("admin", "POST", "/api/v1/work-orders",
               {{"projectId", pid("CHTD")}, {"kind", "repair"}, {"category", "water"},
                {"channel", "phone"}, {"location", "地库"}, {"title", "积水"}});
  ASSERT_EQ(r.status, 201u);
  const auto id = r.body["id"].get<std::int64_t>();
  EXPECT_EQ(act("pm", "GET", "/api/v1/work-orders/" + std::to_string(id)).status, 404u);
  EXPECT_EQ(step("pm", id, "cancel", {{"reason", "x"}}).status, 404u);
  const auto list3 = act("pm", "GET", "/api/v1/work-orders?pageSize=200").body;

  for (const auto& item : list3["items"])
    EXPECT_EQ(item["projectCode"], "CSHY");
}

TEST_P(WorkOrders, ChangingARuleMovesTheDeadlinesOfOpenOrdersOnly) {
  at_time("2026-11-23T10:00:00");
  auto open = register_order("frontdesk", {{"kind", "repair"}, {"category", "greening"}});
  auto done = register_order("frontdesk", {{"kind", "repair"}, {"category", "greening"}});
  step("frontdesk", done["id"], "cancel", {{"reason", "业主自行处理"}});
  EXPECT_EQ(clock(open, "contact")["dueAt"], "2026-11-24T10:00:00+08:00");
  std::int64_t rule = 0;
  const auto list4 = act("admin", "GET", "/api/v1/sla-rules?pageSize=200").body;

  for (const auto& r : list4["items"])
    if (r["clock"] == "contact") rule = r["id"];
  ASSERT_NE(rule, 0);
  ASSERT_EQ(act("pm", "PATCH", "/api/v1/sla-rules/" + std::to_string(rule), {{"amount", 2}}).status, 403u);
  auto changed = act("admin", "PATCH", "/api/v1/sla-rules/" + std::to_string(rule), {{"amount", 2}});
  ASSERT_EQ(changed.status, 200u) << changed.raw;
  auto reopened = act("frontdesk", "GET", "/api/v1/work-orders/" + open["id"].dump()).body;
  EXPECT_EQ(clock(reopened, "contact")["dueAt"], "2026-11-25T10:00:00+08:00");
  auto cancelled = act("frontdesk", "GET", "/api/v1/work-orders/" + done["id"].dump()).body;
  EXPECT_EQ(clock(cancelled, "contact")["dueAt"], "2026-11-24T10:00:00+08:00");
  EXPECT_EQ(clock(cancelled, "contact")["state"], "stopped");
  act("admin", "PATCH", "/api/v1/sla-rules/" + std::to_string(rule), {{"amount", 1}});
}

TEST_P(WorkOrders, TheDateFilterTakesTheDayOfEachOrdersProjectZone) {
  at_time("2026-12-10T10:00:00");
  const std::string project = "/api/v1/projects/" + std::to_string(pid("XSTY"));
  const auto zone = act("admin", "GET", project).body["timeZone"];
  ASSERT_EQ(act("admin", "PATCH", project, {{"timeZone", "UTC"}}).status, 200u);
  // 23:30 on 10 December in UTC, which is already 07:30 on the 11th in Beijing (a day of its own,
  // so the statistics of 1 December stay as their test expects).
  at_time("2026-12-11T07:30:00");
  const auto late = register_order("admin", {{"projectId", pid("XSTY")}, {"kind", "repair"}, {"category", "water"}})["id"]
                        .get<std::int64_t>();
  const auto beijing = register_order("admin", {{"kind", "repair"}, {"category", "water"}})["id"].get<std::int64_t>();  // CSHY
  auto ids = [&](const std::string& filter) {
    std::set<std::int64_t> out;
    const auto page = act("admin", "GET", "/api/v1/work-orders?pageSize=100&" + filter).body;
    for (const auto& o : page["items"]) out.insert(o["id"].get<std::int64_t>());
    return out;
  };
  const auto xsty = "projectId=" + std::to_string(pid("XSTY")) + "&";
  EXPECT_TRUE(ids(xsty + "from=2026-12-10&to=2026-12-10").count(late));
  EXPECT_FALSE(ids(xsty + "from=2026-12-11&to=2026-12-11").count(late));
  EXPECT_FALSE(ids(xsty + "to=2026-12-09").count(late));
  // Across projects in two zones, each order by its own project's day.
  const auto first = ids("from=2026-12-10&to=2026-12-10");
  EXPECT_TRUE(first.count(late));
  EXPECT_FALSE(first.count(beijing));
  const auto second = ids("from=2026-12-11&to=2026-12-11");
  EXPECT_FALSE(second.count(late));
  EXPECT_TRUE(second.count(beijing));
  EXPECT_EQ(act("admin", "GET", "/api/v1/work-orders?from=2026-12-1x").body["details"]["from"],
            "must be a date YYYY-MM-DD");
  ASSERT_EQ(act("admin", "PATCH", project, {{"timeZone", zone}}).status, 200u);
}

TEST_P(WorkOrders, StatisticsCountFromTheDailyCounters) {
  at_time("2026-12-01T10:00:00");
  const std::string q = "/api/v1/work-orders/stats?projectId=" + std::to_string(pid("XSTY")) +
                        "&from=2026-12-01&to=2026-12-01";
  auto make = [&](const char* kind, const char* category) {
    auto r = act("admin", "POST", "/api/v1/work-orders",
                 {{"projectId", pid("XSTY")}, {"kind", kind}, {"category", category},
                  {"channel", "phone"}, {"location", "大门"}, {"title", "统计"}});
    EXPECT_EQ(r.status, 201u);
    return r.body["id"].get<std::int64_t>();
  };
  const auto a = make("repair", "water");
  make("repair", "lift");
  make("complaint", "noise");
  step("admin", a, "dispatch", {{"department", "工程部"}});
  step("admin", a, "accept");
  step("admin", a, "arrive");
  step("admin", a, "complete", {{"result", "ok"}});
  step("admin", a, "visit", {{"method", "phone"}, {"satisfaction", "neutral"}});
  auto s = act("admin", "GET", q).body;
  EXPECT_EQ(s["registered"], 3);
  EXPECT_EQ(s["byKind"]["repair"], 2);
  EXPECT_EQ(s["byCategory"]["noise"], 1);
  EXPECT_EQ(s["visited"], 1);
  EXPECT_DOUBLE_EQ(s["returnVisitRate"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(s["satisfactionRate"].get<double>(), 0.0);  // neutral is not satisfied
  EXPECT_EQ(s["clocks"]["resolve"]["met"], 1);
  EXPECT_EQ(act("frontdesk", "GET", q).status, 403u);
}

TEST_P(WorkOrders, TheDailyComplaintInventoryWantsACauseAndANextStepForAnOverdueComplaint) {
  at_time("2026-12-02T09:00:00");
  auto o = register_order("frontdesk", {{"kind", "complaint"}, {"category", "parking"}});
  const auto id = o["id"].get<std::int64_t>();
  const std::string list = "/api/v1/complaint-inventory?projectId=" + std::to_string(pid("CSHY"));
  auto find = [&](const nlohmann::json& inv) {
    for (const auto& item : inv["items"])
      if (item["order"]["id"] == id) return item;
    return nlohmann::json();
  };
  auto today = act("frontdesk", "GET", list).body;
  EXPECT_EQ(today["day"], "2026-12-02");
  ASSERT_FALSE(find(today).is_null());
  EXPECT_TRUE(find(today)["check"].is_null());
  EXPECT_EQ(act("frontdesk", "POST", "/api/v1/complaint-inventory", {{"orderId", id}, {"note", "已联系车主"}}).status, 201u);
  EXPECT_EQ(find(act("frontdesk", "GET", list).body)["check"]["by"], "李婷婷");

  at_time("2026-12-03T10:00:00");  // a day later: not handed over in 24 hours, overdue
  auto bare = act("frontdesk", "POST", "/api/v1/complaint-inventory", {{"orderId", id}});
  EXPECT_EQ(bare.status, 400u);
  EXPECT_TRUE(bare.body["details"].contains("rootCause"));
  EXPECT_TRUE(bare.body["details"].contains("nextStep"));
  EXPECT_TRUE(find(act("frontdesk", "GET", list).body)["check"].is_null());  // nothing stored
  auto full = act("frontdesk", "POST", "/api/v1/complaint-inventory",
                  {{"orderId", id}, {"rootCause", "秩序组人手不足"}, {"nextStep", "今日内转交并约谈车主"}});
  EXPECT_EQ(full.status, 201u) << full.raw;
  EXPECT_EQ(find(act("frontdesk", "GET", list).body)["check"]["rootCause"], "秩序组人手不足");
  EXPECT_EQ(act("security", "GET", list).status, 403u);
}

TEST_P(WorkOrders, AnOrderForAKnownCustomerCarriesTheirNameAndPhone) {
  at_time("2026-11-23T10:00:00");
  const auto customer = act("pm", "GET", "/api/v1/customers?projectId=" + std::to_string(pid("CSHY")) +
                                             "&pageSize=1").body["items"][0];
  auto o = register_order("frontdesk", {{"kind", "repair"}, {"category", "water"},
                                        {"customerId", customer["id"]}});
  EXPECT_EQ(o["reporterName"], customer["name"]);
  EXPECT_EQ(o["reporterPhone"], customer["phone"]);  // the front desk may see contact data
  const std::string phone = customer["phone"];
  auto masked = act("security", "GET", "/api/v1/work-orders/" + std::to_string(o["id"].get<std::int64_t>()));
  EXPECT_EQ(masked.body["reporterPhone"], phone.substr(0, 3) + "****" + phone.substr(7));
}

// A project's open orders are counted from the status roll-up (queries.cpp), not by reading
// them, and the total is still their number: after a registration and a cancellation, for a
// manager who sees the project, and where another filter makes the list count them itself.
TEST_P(WorkOrders, TheTotalOfAProjectsOpenOrdersComesFromTheRollupAndIsTheirNumber) {
  at_time("2026-11-23T10:00:00");
  const auto p = pid("CSHY");
  const std::string open = "/api/v1/work-orders?projectId=" + std::to_string(p) + "&open=true";
  auto counted = [&] {
    return server().app().db().read([&](db::Session& s) {
      return db::Query(s, "SELECT COUNT(*) FROM work_order WHERE project_id = :p AND status IN "
                          "('registered', 'dispatched', 'accepted', 'in_progress', 'waiting')")
          .bind("p", p)
          .scalar();
    });
  };
  act("pm", "GET", "/api/v1/me");  // sessions made before we listen
  std::mutex m;
  std::vector<std::string> statements;
  db::observe_statements([&](const std::string& sql) {
    std::lock_guard lock(m);
    statements.push_back(sql);
  });
  const auto before = count_of(open);
  db::observe_statements({});
  for (const auto& sql : statements) EXPECT_EQ(sql.find("COUNT(*) FROM work_order"), std::string::npos) << sql;
  EXPECT_EQ(before, counted());

  register_order("frontdesk", {{"kind", "repair"}, {"category", "greening"}});
  auto gone = register_order("frontdesk", {{"kind", "repair"}, {"category", "greening"}});
  step("frontdesk", gone["id"], "cancel", {{"reason", "业主自行处理"}});
  EXPECT_EQ(count_of(open), before + 1);
  EXPECT_EQ(act("pm", "GET", open).body["total"], before + 1);
  EXPECT_EQ(count_of(open + "&kind=repair") + count_of(open + "&kind=complaint") +
                count_of(open + "&kind=consultation") + count_of(open + "&kind=suggestion") +
                count_of(open + "&kind=praise"),
            before + 1);
  EXPECT_EQ(counted(), before + 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, WorkOrders, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
