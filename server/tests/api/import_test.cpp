// `steward import-orders` (issue 7, docs/import.md) on every engine: a file of a previous system's
// history becomes orders whose clocks, timeline, audit rows, counters and dashboard figures are
// what the server's own steps would have made; a bad row imports nothing and is named by line and
// column; importing the same file again adds nothing.
#include <sstream>

#include "db/query.hpp"
#include "modules/kpi/rollups.hpp"
#include "modules/work_orders/order_import.hpp"
#include "tests/api/dashboards_suite.hpp"

namespace steward::testing {
namespace {

const char* const kHeader =
    "\xEF\xBB\xBF" "原单号,项目编号,类型,类别,楼栋,房号,位置,联系电话,标题,描述,状态,报事时间,响应时间,完成时间,"
    "回访时间,关闭时间,满意度,有效投诉\r\n";

// Six orders of November 2026 (+08:00) whose figures are counted by hand in the test.
std::string history(const std::string& project) {
  std::string csv = kHeader;
  auto row = [&](const std::string& line) { csv += line + "\r\n"; };
  // R1: handled in 30 min, called back the same day, satisfied; its owner by phone.
  row("OLD-1," + project + ",报修,water,1栋,1-101,,13800001001,厨房漏水,,已关闭,2026-11-10 09:00,"
      "2026-11-10 09:30,2026-11-10 11:00,2026-11-10 15:00,2026-11-10 16:00,满意,");
  // R2: first handled after 24 h (handle late); its return visit never made (overdue now).
  row("OLD-2," + project + ",repair,electricity,1栋,1-102,,,跳闸,,completed,2026-11-12T09:00:00+08:00,"
      "2026-11-13T09:00:00+08:00,2026-11-13T10:00:00+08:00,,,,");
  // C1: a common area, a description with a comma, quotes and a line break; valid; dissatisfied.
  row("OLD-3," + project + ",投诉,noise,,,1栋大堂,13900000000,夜间噪音,\"楼上装修, 晚上十点后\r\n"
      "仍在施工 \"\"很吵\"\"\",closed,2026-11-15 10:00,2026-11-15 11:00,2026-11-16 10:00,"
      "2026-11-16 14:00,2026-11-16 15:00,不满意,是");
  // Q1: answered in 30 minutes (no separate first response: handled by the answer).
  row("OLD-4," + project + ",咨询,other,,,前台,,停车办理,,已关闭,2026-11-20 10:00,,2026-11-20 10:30,,"
      "2026-11-20 11:00,,");
  // X1: cancelled: counted nowhere.
  row("OLD-5," + project + ",报修,lighting,1栋,1-103,,,灯不亮,,cancelled,2026-11-21 10:00,,,,"
      "2026-11-21 11:00,,");
  // O1: still open: its 12 hours ran out at 22:00 on 30 November.
  row("OLD-6," + project + ",报修,lighting,1栋,1-103,,,灯不亮,,registered,2026-11-30 10:00,,,,,,");
  return csv;
}

// A card's numerator over denominator (the colours are the dashboards test's subject).
void expect_counts(const nlohmann::json& card, std::int64_t num, std::int64_t den, const std::string& what) {
  EXPECT_EQ(card["numerator"], num) << what;
  EXPECT_EQ(card["denominator"], den) << what;
}

class Import : public Dashboards {
 protected:
  static std::string next_code() {  // project codes are capital letters only
    static int n = 0;
    return std::string("IMP") + static_cast<char>('A' + n++);
  }

  work_orders::ImportReport run(const std::string& csv) {
    std::istringstream in(csv);
    work_orders::ImportOptions options;
    options.source = "history.csv";
    options.batch = 4;  // more than one batch
    const auto cal = server().app().calendar().calendar();
    return work_orders::import_orders(server().app().db(), server().app().cipher(), *cal, in, options,
                                      at("2026-12-01T09:00:00"));
  }

  std::int64_t scalar(const std::string& sql, std::int64_t project) {
    return server().app().db().read(
        [&](db::Session& s) { return db::Query(s, sql).bind("p", (long long)project).scalar(); });
  }

  std::vector<std::string> rollups(std::int64_t project) {
    std::vector<std::string> rows;
    server().app().db().read([&](db::Session& s) {
      for (const char* sql :
           {"SELECT 'daily ' || day || ' ' || metric || ' ' || category AS k, value AS v FROM kpi_daily "
            "WHERE project_id = :p AND value <> 0",
            "SELECT 'status ' || kind || ' ' || status AS k, value AS v FROM kpi_status WHERE "
            "project_id = :p AND value <> 0",
            "SELECT 'customer ' || month || ' ' || CAST(customer_id AS TEXT) AS k, visits AS v FROM "
            "kpi_customer_month WHERE project_id = :p"})
        for (const auto& r : db::Query(s, sql).bind("p", (long long)project).all())
          rows.push_back(r.str("k") + " = " + std::to_string(r.i64("v")));
    });
    std::sort(rows.begin(), rows.end());
    return rows;
  }
};

TEST_P(Import, HistoryBecomesOrdersWithTheServersClocksCountersAndFigures) {
  std::vector<std::int64_t> customers;
  at_time("2026-11-01T08:00:00");
  const std::string code = next_code();
  const auto p = new_project(code, 3, customers);
  const auto report = run(history(code));
  ASSERT_TRUE(report.problems.empty()) << report.problems[0].line << " " << report.problems[0].field
                                       << ": " << report.problems[0].message;
  EXPECT_EQ(report.rows, 6);
  EXPECT_EQ(report.imported, 6);

  EXPECT_EQ(scalar("SELECT COUNT(*) FROM work_order WHERE project_id = :p", p), 6);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM wo_event WHERE project_id = :p AND action = 'import'", p), 6);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM wo_event WHERE project_id = :p", p), 6);  // one each
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE project_id = :p AND entity = 'work_order' "
                   "AND action = 'import'", p), 6);
  EXPECT_EQ(scalar("SELECT SUM(value) FROM wo_daily_stat WHERE project_id = :p AND metric = 'registered'", p), 6);
  EXPECT_EQ(scalar("SELECT SUM(value) FROM wo_daily_stat WHERE project_id = :p AND metric = 'clock.handle.breached'", p), 1);
  // Past deadlines do not page anyone: their reminders and breach notices count as sent.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM wo_clock WHERE project_id = :p AND breach_notified = 0 AND "
                   "due_at <= " + std::to_string(at("2026-12-01T09:00:00")), p), 0);

  at_time("2026-12-01T09:00:00");
  auto list = act("admin", "GET", "/api/v1/work-orders?projectId=" + std::to_string(p) + "&pageSize=50");
  ASSERT_EQ(list.status, 200u) << list.raw;
  ASSERT_EQ(list.body["total"], 6);
  std::map<std::string, nlohmann::json> by_title;
  for (const auto& o : list.body["items"]) by_title[o["title"]] = o;
  const auto c1 = act("admin", "GET", "/api/v1/work-orders/" + std::to_string(by_title["夜间噪音"]["id"].get<std::int64_t>())).body;
  EXPECT_EQ(c1["description"], "楼上装修, 晚上十点后\r\n仍在施工 \"很吵\"");
  EXPECT_EQ(c1["status"], "closed");
  EXPECT_EQ(c1["code"], code + "-20261115-0001");
  EXPECT_EQ(c1["reportedAt"], "2026-11-15T10:00:00+08:00");
  const auto r1 = act("admin", "GET", "/api/v1/work-orders/" + std::to_string(by_title["厨房漏水"]["id"].get<std::int64_t>())).body;
  EXPECT_EQ(r1["customerId"], customers[0]) << "linked to the unit's owner by the phone";
  ASSERT_EQ(r1["timeline"].size(), 1u) << r1.dump();
  EXPECT_EQ(r1["timeline"][0]["action"], "import");
  EXPECT_EQ(r1["status"], "closed");
  EXPECT_EQ(r1["satisfaction"], "satisfied");

  // The dashboard: counted by hand.
  auto d = act("admin", "GET", "/api/v1/dashboards/projects/" + std::to_string(p) + "?month=2026-11");
  ASSERT_EQ(d.status, 200u) << d.raw;
  expect_counts(card_of(d.body, "handled_12h"), 3, 5, "R1 C1 Q1 in time, R2 late, O1 overdue");
  expect_counts(card_of(d.body, "return_visit"), 2, 3, "R1 C1 called back, R2 overdue");
  expect_counts(card_of(d.body, "satisfaction"), 1, 2, "C1 dissatisfied");
  expect_counts(card_of(d.body, "customers_called"), 1, 3, "R1's owner of three customers");
  expect_counts(card_of(d.body, "handover_24h"), 1, 1, "C1 handed over in an hour");
  expect_counts(card_of(d.body, "valid_complaints_handled"), 1, 1, "C1");

  // The roll-ups written while importing are what a rebuild from the orders gives.
  const auto imported = rollups(p);
  server().app().db().write([&](db::Session& s) { kpi::rollups::rebuild_project(s, p); });
  EXPECT_EQ(imported, rollups(p));
  EXPECT_FALSE(imported.empty());
}

TEST_P(Import, ABadRowIsNamedByLineAndColumnAndNothingIsImported) {
  std::vector<std::int64_t> customers;
  at_time("2026-11-01T08:00:00");
  const std::string code = next_code();
  const auto p = new_project(code, 3, customers);
  std::string csv = history(code);
  csv += "OLD-7," + code + ",报修,water,1栋,1-101,,,漏水,,已登记,2026-11-31 10:00,,,,,,\r\n";    // line 9
  csv += "OLD-8," + code + ",报修,沙发,1栋,9-999,,,漏水,,已登记,2026-11-30 10:00,,,,,,\r\n";     // line 10
  csv += "OLD-1," + code + ",报修,water,1栋,1-101,,,漏水,,closed,2026-11-30 10:00,,,,,,\r\n";     // line 11
  const auto report = run(csv);
  std::string listed;
  for (const auto& pr : report.problems) listed += std::to_string(pr.line) + " " + pr.field + ": " + pr.message + "\n";
  ASSERT_EQ(report.problems.size(), 4u) << listed;
  auto has = [&](long line, const std::string& field) {
    for (const auto& pr : report.problems)
      if (pr.line == line && pr.field == field) return true;
    return false;
  };
  EXPECT_TRUE(has(9, "reportedAt")) << "30 days has November";  // lines: header 1, C1 spans 4-5
  EXPECT_TRUE(has(10, "category"));
  EXPECT_TRUE(has(10, "unit"));
  EXPECT_TRUE(has(11, "completedAt")) << "closed needs its completion";
  EXPECT_EQ(report.imported, 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM work_order WHERE project_id = :p", p), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM kpi_status WHERE project_id = :p AND value <> 0", p), 0);

  // A header that is not the import's.
  const auto header = run("externalId,project,kind,colour\r\nA,B,C,D\r\n");
  EXPECT_TRUE(!header.problems.empty() && header.problems[0].line == 1 && header.problems[0].field == "colour");
}

TEST_P(Import, TheSameFileTwiceAddsNothing) {
  std::vector<std::int64_t> customers;
  at_time("2026-11-01T08:00:00");
  const std::string code = next_code();
  const auto p = new_project(code, 3, customers);
  ASSERT_EQ(run(history(code)).imported, 6);
  const auto before = rollups(p);
  const auto again = run(history(code) + "OLD-9," + code + ",建议,other,,,大堂,,增加座椅,,registered,2026-11-30 10:00,,,,,,\r\n");
  EXPECT_TRUE(again.problems.empty());
  EXPECT_EQ(again.imported, 1) << "only the new row";
  EXPECT_EQ(again.skipped, 6);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM work_order WHERE project_id = :p", p), 7);
  EXPECT_NE(before, rollups(p));
  server().app().db().write([&](db::Session& s) { kpi::rollups::rebuild_project(s, p); });
  EXPECT_EQ(scalar("SELECT SUM(value) FROM kpi_status WHERE project_id = :p", p), 7);
}

TEST_P(Import, ExternalIdsAreKeptOnTheOrderPerProject) {
  std::vector<std::int64_t> customers;
  at_time("2026-11-01T08:00:00");
  const std::string a = next_code(), b = next_code();
  const auto pa = new_project(a, 3, customers);
  const auto pb = new_project(b, 3, customers);
  ASSERT_EQ(run(history(a)).imported, 6);
  // The same previous-system numbers in another project are other orders.
  const auto other = run(history(b));
  EXPECT_EQ(other.imported, 6);
  EXPECT_EQ(other.skipped, 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM work_order WHERE project_id = :p AND external_ref LIKE 'OLD-%'", pa), 6);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM work_order WHERE project_id = :p AND external_ref LIKE 'OLD-%'", pb), 6);
  // One order per project and external id, whoever writes it.
  EXPECT_THROW(server().app().db().write([&](db::Session& s) {
    db::Query(s, "UPDATE work_order SET external_ref = 'OLD-1' WHERE project_id = :p AND external_ref = 'OLD-2'")
        .bind("p", (long long)pa)
        .exec();
  }),
               std::exception);
}

INSTANTIATE_TEST_SUITE_P(Engines, Import, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
