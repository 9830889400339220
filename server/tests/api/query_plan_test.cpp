// Every statement the dashboards run, explained by the engine: none may read the large tables
// (orders, their clocks and timeline, the audit trail) from end to end. SQLite: EXPLAIN QUERY
// PLAN must not say "SCAN <table>"; PostgreSQL, with sequential scans priced out: no "Seq Scan".
#include <cctype>
#include <map>
#include <mutex>
#include <regex>
#include <set>

#include "db/query.hpp"
#include "tests/api/dashboards_suite.hpp"

namespace steward::testing {
namespace {

const std::set<std::string> kLarge = {"work_order", "wo_clock", "wo_event", "audit_log", "kpi_daily", "kpi_monthly",
                                      "patrol_check", "patrol_alarm", "patrol_not_needed"};

// The statement with every :name replaced by NULL: the plan, not the values, is under test.
std::string with_nulls(const std::string& sql) {
  static const std::regex param(R"((^|[^:\w]):[A-Za-z_]\w*)");
  return std::regex_replace(sql, param, "$1NULL");
}

// alias -> table for the large tables a statement names ("work_order o" -> o: work_order).
std::map<std::string, std::string> large_tables(const std::string& sql) {
  std::map<std::string, std::string> out;
  static const std::regex ref(R"(\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?)", std::regex::icase);
  for (std::sregex_iterator it(sql.begin(), sql.end(), ref), end; it != end; ++it) {
    const std::string table = (*it)[1];
    if (!kLarge.count(table)) continue;
    out[table] = table;
    const std::string alias = (*it)[2];
    static const std::set<std::string> keywords = {"WHERE", "JOIN", "LEFT", "ON", "GROUP", "ORDER", "LIMIT", "INNER"};
    std::string upper = alias;
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (!alias.empty() && !keywords.count(upper)) out[alias] = table;
  }
  return out;
}

class DashboardPlans : public Dashboards {};

TEST_P(DashboardPlans, NoDashboardStatementScansALargeTable) {
  at_time("2026-12-01T09:00:00");
  const auto cshy = pid("CSHY");
  act("admin", "GET", "/api/v1/projects");  // sessions made before we listen
  act("region", "GET", "/api/v1/projects");
  // A patrol plan, so that the dashboard reads its checks and not-needed marks too.
  const auto cp = act("admin", "POST", "/api/v1/patrol-checkpoints",
                      {{"projectId", cshy}, {"code", "QP-1"}, {"name", "查询计划岗"}, {"kind", "post"}});
  ASSERT_EQ(cp.status, 201u) << cp.raw;
  ASSERT_EQ(act("admin", "POST", "/api/v1/patrol-plans",
                {{"projectId", cshy}, {"name", "查询计划巡查"}, {"assignee", {{"kind", "role"}, {"role", "security"}}},
                 {"schedule", {{"kind", "times"}, {"times", {"09:00"}}, {"slotMinutes", 60}}},
                 {"checkpointIds", {cp.body["id"]}}, {"items", {{{"label", "在岗"}, {"kind", "check"}}}}})
                .status,
            201u);
  std::mutex m;
  std::set<std::string> statements;
  db::observe_statements([&](const std::string& sql) {
    std::lock_guard lock(m);
    statements.insert(sql);
  });
  EXPECT_EQ(act("admin", "GET", "/api/v1/dashboards/projects/" + std::to_string(cshy)).status, 200u);
  EXPECT_EQ(act("admin", "GET", "/api/v1/dashboards/projects/" + std::to_string(cshy) + "?month=2026-11").status, 200u);
  EXPECT_EQ(act("admin", "GET", "/api/v1/dashboards/company").status, 200u);
  EXPECT_EQ(act("region", "GET", "/api/v1/dashboards/company").status, 200u);
  EXPECT_EQ(act("admin", "GET", "/api/v1/work-orders/stats?from=2026-11-01&to=2026-11-30").status, 200u);
  // The analyses (analyses.cpp): roll-ups, and the month's orders through (project, time) indexes.
  const std::string month = "?projectId=" + std::to_string(cshy) + "&month=2026-11";
  EXPECT_EQ(act("admin", "GET", "/api/v1/analyses/complaints" + month).status, 200u);
  EXPECT_EQ(act("admin", "GET", "/api/v1/analyses/return-visits" + month).status, 200u);
  EXPECT_EQ(act("admin", "GET", "/api/v1/analyses/quarterly?quarter=2026-Q4").status, 200u);
  db::observe_statements({});
  const bool pg = server().app().db().engine() == db::Engine::postgresql;
  int explained = 0, overdue_reads = 0;
  for (const auto& sql : statements) {
    const auto tables = large_tables(sql);
    if (tables.empty() || sql.rfind("SELECT", 0) != 0) continue;
    ++explained;
    std::vector<std::string> plan;
    server().app().db().write([&](db::Session& s) {
      if (pg) db::Query(s, "SET LOCAL enable_seqscan = off").exec();
      for (const auto& r : db::Query(s, (pg ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + with_nulls(sql)).all())
        plan.push_back(r.str(pg ? "QUERY PLAN" : "detail"));
    });
    for (const auto& line : plan) {
      for (const auto& [name, table] : tables) {
        const bool full = pg ? line.find("Seq Scan on " + table) != std::string::npos
                             : std::regex_search(line, std::regex("^SCAN " + name + "( |$)"));
        EXPECT_FALSE(full) << table << " scanned by:\n" << sql << "\nplan: " << line;
      }
    }
    // The running clocks past their deadline come from their index alone, without a row read per
    // clock (migration 0023; at ten million orders those reads were most of a dashboard's time).
    if (!pg && sql.find("FROM wo_clock k WHERE") != std::string::npos) {
      ++overdue_reads;
      ASSERT_EQ(plan.size(), 1u) << sql;
      EXPECT_NE(plan[0].find("USING COVERING INDEX wo_clock_open_due"), std::string::npos) << sql << "\n" << plan[0];
    }
  }
  EXPECT_GE(explained, 6) << "the dashboards' statements were not seen";
  if (!pg) EXPECT_GE(overdue_reads, 1) << "the overdue clocks' statement was not seen";
}

INSTANTIATE_TEST_SUITE_P(Engines, DashboardPlans, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
