// The dashboards' roll-ups kept step by step equal a rebuild from the orders, after a random
// sequence of registrations and steps across a month boundary (seeded, so a failure repeats).
#include <algorithm>
#include <random>

#include "db/query.hpp"
#include "modules/kpi/rollups.hpp"
#include "tests/api/dashboards_suite.hpp"

namespace steward::testing {
namespace {

class Rollups : public Dashboards {
 protected:
  std::vector<std::string> snapshot(std::int64_t project) {
    std::vector<std::string> rows;
    server().app().db().read([&](db::Session& s) {
      auto add = [&](const std::string& sql) {
        for (const auto& r : db::Query(s, sql).bind("p", (long long)project).all())
          rows.push_back(r.str("k") + " = " + std::to_string(r.i64("v")));
      };
      add("SELECT 'daily ' || day || ' ' || metric || ' ' || category AS k, value AS v FROM kpi_daily "
          "WHERE project_id = :p AND value <> 0");
      add("SELECT 'status ' || kind || ' ' || status AS k, value AS v FROM kpi_status WHERE "
          "project_id = :p AND value <> 0");
      add("SELECT 'customer ' || month || ' ' || CAST(customer_id AS TEXT) AS k, visits AS v FROM "
          "kpi_customer_month WHERE project_id = :p");
    });
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  nlohmann::json body_for(const std::string& action, std::mt19937& rng) {
    static const std::vector<std::string> levels{"very_satisfied", "satisfied", "neutral",
                                                 "dissatisfied", "very_dissatisfied"};
    if (action == "dispatch") return {{"department", "工程部"}};
    if (action == "handover") return {{"responsibleDepartment", "秩序部"}};
    if (action == "complete" || action == "answer") return {{"result", "已处理"}};
    if (action == "wait") return {{"reason", "parts"}};
    if (action == "visit") return {{"method", "phone"}, {"satisfaction", levels[rng() % levels.size()]}};
    if (action == "close") return {{"valid", rng() % 3 != 0}};
    if (action == "cancel") return {{"reason", "重复登记"}};
    return nlohmann::json::object();
  }
};

TEST_P(Rollups, StepByStepEqualsARebuildFromTheOrders) {
  std::vector<std::int64_t> customers;
  at_time("2026-11-27T08:00:00");
  const auto p = new_project("KPIB", 4, customers);
  std::mt19937 rng(20261130);
  static const std::vector<std::string> kinds{"repair", "complaint", "consultation", "repair", "complaint"};
  std::vector<std::int64_t> orders;
  std::int64_t t = at("2026-11-28T09:00:00");
  int steps_taken = 0;
  for (int i = 0; i < 70; ++i) {
    t += 600 + static_cast<std::int64_t>(rng() % (14 * 3600));
    at_time(core::format_iso8601(t).substr(0, 19));  // a fresh session at the new time
    if (orders.size() < 4 || rng() % 4 == 0) {
      std::optional<std::int64_t> c;
      if (rng() % 2) c = customers[rng() % customers.size()];
      orders.push_back(order(p, kinds[rng() % kinds.size()], rng() % 2 ? "noise" : "water", c));
      continue;
    }
    const auto id = orders[rng() % orders.size()];
    const auto o = act("admin", "GET", "/api/v1/work-orders/" + std::to_string(id)).body;
    std::vector<std::string> actions;
    for (const auto& a : o["actions"]) actions.push_back(a.get<std::string>());
    if (actions.empty()) continue;
    const auto action = actions[rng() % actions.size()];
    auto r = action == "rework" ? act("admin", "POST", "/api/v1/work-orders/" + std::to_string(id) + "/rework",
                                      {{"reason", "又漏水"}})
                                : step(id, action, body_for(action, rng));
    if (r.status == 201u) orders.push_back(r.body["id"].get<std::int64_t>());
    if (r.status < 300) ++steps_taken;
  }
  EXPECT_GT(steps_taken, 20);
  const auto kept = snapshot(p);
  ASSERT_FALSE(kept.empty());
  server().app().db().write([&](db::Session& s) { kpi::rollups::rebuild_project(s, p); });
  EXPECT_EQ(snapshot(p), kept);
}

INSTANTIATE_TEST_SUITE_P(Engines, Rollups, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
