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
      add("SELECT 'monthly ' || month || ' ' || metric || ' ' || category AS k, value AS v FROM "
          "kpi_monthly WHERE project_id = :p AND value <> 0");
      add("SELECT 'customers' AS k, customers AS v FROM kpi_customers WHERE project_id = :p");
    });
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  // kpi_monthly as it is kept by its triggers, and as the month sums of kpi_daily.
  std::vector<std::string> rows_of(std::int64_t project, const std::string& sql) {
    std::vector<std::string> rows;
    server().app().db().read([&](db::Session& s) {
      for (const auto& r : db::Query(s, sql).bind("p", (long long)project).all())
        rows.push_back(r.str("k") + " = " + std::to_string(r.i64("v")));
    });
    std::sort(rows.begin(), rows.end());
    return rows;
  }
  std::vector<std::string> monthly(std::int64_t project) {
    return rows_of(project, "SELECT month || ' ' || metric || ' ' || category AS k, value AS v FROM "
                            "kpi_monthly WHERE project_id = :p AND value <> 0");
  }
  std::vector<std::string> month_sums(std::int64_t project) {
    return rows_of(project, "SELECT substr(day, 1, 7) || ' ' || metric || ' ' || category AS k, "
                            "SUM(value) AS v FROM kpi_daily WHERE project_id = :p GROUP BY "
                            "substr(day, 1, 7), metric, category HAVING SUM(value) <> 0");
  }
  long long customer_count(std::int64_t project) {
    return server().app().db().read([&](db::Session& s) {
      auto r = db::Query(s, "SELECT customers FROM kpi_customers WHERE project_id = :p")
                   .bind("p", (long long)project).one();
      return r ? r->i64("customers") : 0LL;
    });
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
  EXPECT_EQ(month_sums(p), monthly(p)) << "kpi_monthly is the month sums of kpi_daily";
  EXPECT_EQ(customer_count(p), (long long)customers.size());
  server().app().db().write([&](db::Session& s) { kpi::rollups::rebuild_project(s, p); });
  EXPECT_EQ(snapshot(p), kept);
  EXPECT_EQ(month_sums(p), monthly(p));
}

// The customer counter follows every change of the register: a new customer, one moved to
// another project, one deleted (triggers of migration 0022, whatever the write path).
TEST_P(Rollups, CustomerCounterFollowsTheRegister) {
  std::vector<std::int64_t> a_customers, b_customers;
  at_time("2026-11-27T08:00:00");
  const auto a = new_project("KPCA", 3, a_customers);
  const auto b = new_project("KPCB", 2, b_customers);
  EXPECT_EQ(customer_count(a), 3);
  EXPECT_EQ(customer_count(b), 2);
  server().app().db().write([&](db::Session& s) {
    db::Query(s, "UPDATE customer SET project_id = :b WHERE id = :c").bind("b", (long long)b)
        .bind("c", (long long)a_customers[0]).exec();
    db::Query(s, "DELETE FROM customer WHERE id = :c").bind("c", (long long)b_customers[0]).exec();
    db::Query(s, "DELETE FROM customer WHERE id = :c").bind("c", (long long)b_customers[1]).exec();
  });
  EXPECT_EQ(customer_count(a), 2);
  EXPECT_EQ(customer_count(b), 1);
  const auto d = act("admin", "GET", "/api/v1/dashboards/projects/" + std::to_string(b));
  ASSERT_EQ(d.status, 200u) << d.raw;
  EXPECT_EQ(d.body["project"]["customers"], 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, Rollups, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
