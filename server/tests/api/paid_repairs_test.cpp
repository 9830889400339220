// Paid repairs (W7), company settings, and technicians' shift summaries and workload (W8),
// through the API as the project manager, a technician and the front desk use them.
#include "tests/api/work_orders_suite.hpp"

namespace steward::testing {
namespace {

class PaidRepairs : public WorkOrders {
 protected:
  std::int64_t price_item(const std::string& name, std::int64_t fen, bool active = true,
                          const std::string& project = "CSHY") {
    auto r = act(project == "CSHY" ? "pm" : "admin", "POST", "/api/v1/price-items",
                 {{"projectId", pid(project)}, {"name", name}, {"unit", "个"}, {"priceFen", fen},
                  {"category", "water"}, {"active", active}});
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body.value("id", std::int64_t{0});
  }
  // A repair dispatched to the demo technician and accepted by them.
  std::int64_t accepted_repair() {
    const auto id = register_order("frontdesk", {{"kind", "repair"}, {"category", "water"}})["id"]
                        .get<std::int64_t>();
    EXPECT_EQ(step("frontdesk", id, "dispatch", {{"assigneeStaffId", staff_of("tech")}}).status, 200u);
    EXPECT_EQ(step("tech", id, "accept").status, 200u);
    return id;
  }
  nlohmann::json order(std::int64_t id) {
    return act("pm", "GET", "/api/v1/work-orders/" + std::to_string(id)).body;
  }
  static bool has_action(const nlohmann::json& o, const std::string& a) {
    for (const auto& x : o["actions"])
      if (x == a) return true;
    return false;
  }
};

TEST_P(PaidRepairs, ARepairCompletedWithChargesIsPricedFromTheListAndPaidOnce) {
  at_time("2026-11-23T10:00:00");
  const auto valve = price_item(unique("更换角阀"), 1250);
  const auto id = accepted_repair();
  auto done = step("tech", id, "complete",
                   {{"result", "更换角阀两个"},
                    {"materials", {{{"name", "角阀"}, {"quantity", 2}, {"unit", "个"}}}},
                    {"charges", {{{"priceItemId", valve}, {"quantity", 1.5}}}}});
  ASSERT_EQ(done.status, 200u) << done.raw;
  const auto& charge = done.body["charge"];
  EXPECT_EQ(charge["totalFen"], 1875);  // 1.5 x 12.50 yuan
  EXPECT_EQ(charge["status"], "unpaid");
  EXPECT_EQ(charge["dueAt"], "2026-11-26T10:00:00+08:00");  // 3 days, the default limit
  EXPECT_EQ(done.body["charges"][0]["unitPriceFen"], 1250);
  EXPECT_EQ(done.body["materials"][0]["name"], "角阀");
  EXPECT_TRUE(has_action(done.body, "pay"));

  // Later price changes do not change what was charged.
  EXPECT_EQ(act("pm", "PATCH", "/api/v1/price-items/" + std::to_string(valve), {{"priceFen", 9900}}).status, 200u);
  EXPECT_EQ(order(id)["charge"]["totalFen"], 1875);

  const std::string pay = "/api/v1/work-orders/" + std::to_string(id) + "/pay";
  auto wrong = act("frontdesk", "POST", pay, {{"method", "wechat"}, {"amountFen", 1800}});
  EXPECT_EQ(wrong.status, 400u);
  EXPECT_TRUE(wrong.body["details"].contains("amountFen"));
  EXPECT_EQ(order(id)["charge"]["status"], "unpaid");
  EXPECT_EQ(act("owner", "POST", pay, {{"method", "cash"}, {"amountFen", 1875}}).status, 403u);

  auto paid = act("frontdesk", "POST", pay, {{"method", "wechat"}, {"amountFen", 1875}, {"receiptNo", "R-001"}});
  ASSERT_EQ(paid.status, 200u) << paid.raw;
  EXPECT_EQ(paid.body["charge"]["status"], "paid");
  EXPECT_EQ(paid.body["charge"]["paidAt"], "2026-11-23T10:00:00+08:00");
  EXPECT_FALSE(has_action(paid.body, "pay"));
  auto twice = act("frontdesk", "POST", pay, {{"method", "wechat"}, {"amountFen", 1875}});
  EXPECT_EQ(twice.status, 409u);
  EXPECT_EQ(twice.body["code"], "work_order.nothing_to_pay");
  const auto timeline = order(id)["timeline"];
  EXPECT_EQ(timeline.back()["action"], "pay");
}

TEST_P(PaidRepairs, AChargeFromAnotherProjectsOrAnInactiveItemIsRefusedAndNothingIsCompleted) {
  at_time("2026-11-23T10:00:00");
  const auto retired = price_item(unique("旧价目"), 500, false);
  const auto foreign = price_item(unique("翠湖价目"), 500, true, "CHTD");
  const auto id = accepted_repair();
  auto r = step("tech", id, "complete",
                {{"result", "x"},
                 {"materials", {{{"name", "胶带"}, {"quantity", 1}}}},
                 {"charges", {{{"priceItemId", retired}, {"quantity", 1}},
                              {{"priceItemId", foreign}, {"quantity", 1}},
                              {{"priceItemId", retired}, {"quantity", 0.001}}}}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["charges[2].quantity"], "must have at most two decimal places");
  r = step("tech", id, "complete",
           {{"result", "x"}, {"materials", {{{"name", "胶带"}, {"quantity", 1}}}},
            {"charges", {{{"priceItemId", retired}, {"quantity", 1}}, {{"priceItemId", foreign}, {"quantity", 1}}}}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("charges[0].priceItemId")) << r.raw;
  EXPECT_TRUE(r.body["details"].contains("charges[1].priceItemId")) << r.raw;
  const auto after = order(id);
  EXPECT_EQ(after["status"], "accepted");
  EXPECT_TRUE(after["materials"].empty());
  EXPECT_TRUE(after["charge"].is_null());
}

TEST_P(PaidRepairs, AnUnpaidChargePastTheLimitIsListedAndExplained) {
  at_time("2026-11-23T10:00:00");
  const auto item = price_item(unique("疏通下水道"), 8000);
  const auto id = accepted_repair();
  ASSERT_EQ(step("tech", id, "complete", {{"result", "已疏通"}, {"charges", {{{"priceItemId", item}, {"quantity", 1}}}}}).status, 200u);
  auto listed = [&](const std::string& query) {
    const auto list = act("pm", "GET", "/api/v1/unpaid-charges?projectId=" + std::to_string(pid("CSHY")) + query).body;
    for (const auto& i : list["items"])
      if (i["orderId"] == id) return i;
    return nlohmann::json();
  };
  EXPECT_FALSE(listed("").is_null());
  EXPECT_TRUE(listed("&overdue=true").is_null());
  at_time("2026-11-26T10:00:00");  // three days later, to the second
  const auto late = listed("&overdue=true");
  ASSERT_FALSE(late.is_null());
  EXPECT_EQ(late["totalFen"], 8000);
  EXPECT_EQ(late["location"], "3栋大堂");
  EXPECT_EQ(late["daysUnpaid"], 3);
  EXPECT_EQ(late["explanation"], "");
  const std::string explain = "/api/v1/work-orders/" + std::to_string(id) + "/charge-explanation";
  EXPECT_EQ(act("tech", "POST", explain, {{"explanation", ""}}).status, 400u);
  auto r = act("tech", "POST", explain, {{"explanation", "业主出差，约定周末付款"}});
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["charge"]["overdue"], true);
  EXPECT_EQ(listed("&overdue=true")["explanation"], "业主出差，约定周末付款");
  // The project manager of 城市花园 sees nothing of another project's unpaid charges.
  EXPECT_EQ(act("pm", "GET", "/api/v1/unpaid-charges?projectId=" + std::to_string(pid("CHTD"))).body["total"], 0);
}

TEST_P(PaidRepairs, TheUnpaidLimitIsACompanySettingOnlyAnAdministratorChanges) {
  at_time("2026-11-23T10:00:00");
  EXPECT_EQ(act("pm", "GET", "/api/v1/settings").status, 403u);
  EXPECT_EQ(act("pm", "PUT", "/api/v1/settings", {{"unpaidChargeDays", 1}}).status, 403u);
  auto bad = act("admin", "PUT", "/api/v1/settings", {{"unpaidChargeDays", 0}, {"webhookUrl", "ftp://x"}});
  EXPECT_EQ(bad.status, 400u);
  EXPECT_TRUE(bad.body["details"].contains("unpaidChargeDays"));
  EXPECT_TRUE(bad.body["details"].contains("webhookUrl"));
  EXPECT_EQ(act("admin", "GET", "/api/v1/settings").body["unpaidChargeDays"], 3);
  auto set = act("admin", "PUT", "/api/v1/settings", {{"unpaidChargeDays", 1}, {"webhookSecret", "s3cret"}});
  ASSERT_EQ(set.status, 200u) << set.raw;
  EXPECT_EQ(set.body["unpaidChargeDays"], 1);
  EXPECT_EQ(set.body["webhookSecretSet"], true);
  EXPECT_FALSE(set.body.contains("webhookSecret"));
  const auto item = price_item(unique("换灯泡"), 1000);
  const auto id = accepted_repair();
  auto done = step("tech", id, "complete", {{"result", "ok"}, {"charges", {{{"priceItemId", item}, {"quantity", 1}}}}});
  EXPECT_EQ(done.body["charge"]["dueAt"], "2026-11-24T10:00:00+08:00");
  EXPECT_EQ(act("admin", "PUT", "/api/v1/settings", {{"unpaidChargeDays", 3}, {"webhookSecret", ""}}).status, 200u);
}

TEST_P(PaidRepairs, AShiftSummaryMustAccountForEveryUnfinishedOrder) {
  at_time("2026-11-25T17:30:00");
  const auto id = accepted_repair();
  const std::string project = std::to_string(pid("CSHY"));
  auto draft = act("tech", "GET", "/api/v1/shift-summaries/draft?projectId=" + project);
  ASSERT_EQ(draft.status, 200u) << draft.raw;
  EXPECT_EQ(draft.body["day"], "2026-11-25");
  nlohmann::json items = nlohmann::json::array();
  bool listed = false;
  for (const auto& i : draft.body["items"]) {
    listed = listed || i["orderId"] == id;
    if (i["orderId"] != id) items.push_back({{"orderId", i["orderId"]}, {"reason", "待配件"}, {"plan", "明早处理"}});
  }
  EXPECT_TRUE(listed);
  auto missing = act("tech", "POST", "/api/v1/shift-summaries", {{"projectId", pid("CSHY")}, {"items", items}});
  EXPECT_EQ(missing.status, 400u);
  EXPECT_NE(missing.body["details"]["items"].get<std::string>().find(order(id)["code"].get<std::string>()),
            std::string::npos) << missing.raw;
  // The supervisor sees who has not handed one in.
  auto before = act("supervisor", "GET", "/api/v1/shift-summaries?projectId=" + project).body;
  bool tech_missing = false;
  for (const auto& m : before["missing"]) tech_missing = tech_missing || m["staffId"] == staff_of("tech");
  EXPECT_TRUE(tech_missing);

  items.push_back({{"orderId", id}, {"reason", "业主不在家"}, {"plan", "约明天上午9点"}});
  auto ok = act("tech", "POST", "/api/v1/shift-summaries", {{"projectId", pid("CSHY")}, {"note", "交班"}, {"items", items}});
  ASSERT_EQ(ok.status, 201u) << ok.raw;
  EXPECT_EQ(ok.body["items"].size(), items.size());
  auto again = act("tech", "POST", "/api/v1/shift-summaries", {{"projectId", pid("CSHY")}, {"note", "更正"}, {"items", items}});
  ASSERT_EQ(again.status, 201u);
  EXPECT_EQ(again.body["id"], ok.body["id"]);  // the day's summary was replaced, not doubled
  auto after = act("supervisor", "GET", "/api/v1/shift-summaries?projectId=" + project +
                                           "&staffId=" + std::to_string(staff_of("tech"))).body;
  ASSERT_EQ(after["items"].size(), 1u);
  EXPECT_EQ(after["items"][0]["note"], "更正");
  EXPECT_TRUE(after["missing"].empty());
  EXPECT_EQ(act("frontdesk", "POST", "/api/v1/shift-summaries",
                {{"projectId", pid("CSHY")}, {"day", "2026-11-20"}, {"items", nlohmann::json::array()}}).status, 400u);
}

TEST_P(PaidRepairs, WorkloadCountsWhatEachTechnicianWasGivenAndFinishedPerDay) {
  at_time("2026-12-07T09:00:00");
  const std::string q = "/api/v1/work-orders/workload?projectId=" + std::to_string(pid("CSHY")) +
                        "&from=2026-12-07&to=2026-12-08";
  auto of_tech = [&] {
    const auto list = act("supervisor", "GET", q).body;
    for (const auto& p : list["items"])
      if (p["staffId"] == staff_of("tech")) return p;
    return nlohmann::json();
  };
  const auto before = of_tech();
  const auto id = accepted_repair();
  accepted_repair();
  ASSERT_EQ(step("tech", id, "complete", {{"result", "ok"}}).status, 200u);
  const auto after = of_tech();
  ASSERT_FALSE(after.is_null());
  auto total = [](const nlohmann::json& p, const char* k) { return p.is_null() ? 0 : p["totals"][k].get<int>(); };
  EXPECT_EQ(total(after, "assigned") - total(before, "assigned"), 2);
  EXPECT_EQ(total(after, "completed") - total(before, "completed"), 1);
  EXPECT_EQ(after["days"][0]["day"], "2026-12-07");
  EXPECT_GE(after["openNow"].get<int>(), 1);
  EXPECT_EQ(act("tech", "GET", q).status, 403u);
  EXPECT_EQ(act("supervisor", "GET", q.substr(0, q.find("&from")) + "&from=2026-01-01&to=2026-12-31").status, 400u);
}

INSTANTIATE_TEST_SUITE_P(Engines, PaidRepairs, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
