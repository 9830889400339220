// The demo's work orders: every state a register holds, and statistics that agree with them.
#include "modules/demo/demo_orders.hpp"

#include <gtest/gtest.h>

#include "db/query.hpp"
#include "modules/demo/demo.hpp"
#include "tests/support/test_env.hpp"

namespace steward::demo {
namespace {

TEST(DemoOrders, TwoWeeksOfOrdersInEveryStateWithTheirTimelinesAndCounters) {
  testing::TestServer server("sqlite");  // the demo company, on SQLite
  auto& app = server.app();
  const int n = build_demo_orders(app.db(), app.cipher(), app.calendar(), testing::kMonday1000, 14);
  EXPECT_GT(n, 100);
  app.db().read([&](db::Session& s) {
    std::set<std::string> statuses;
    for (const auto& r : db::Query(s, "SELECT DISTINCT status FROM work_order").all())
      statuses.insert(r.str("status"));
    for (const char* st : {"registered", "closed", "cancelled", "visited"})
      EXPECT_TRUE(statuses.count(st)) << st;
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM work_order").scalar(), n);
    // Every order has its registration on its timeline, and the counters saw each one.
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM wo_event WHERE action = 'register'").scalar(), n);
    EXPECT_EQ(db::Query(s, "SELECT SUM(value) FROM wo_daily_stat WHERE metric = 'registered'").scalar(), n);
    EXPECT_GT(db::Query(s, "SELECT COUNT(*) FROM work_order WHERE rework_of_id IS NOT NULL").scalar() +
                  db::Query(s, "SELECT COUNT(*) FROM wo_event WHERE action = 'visit'").scalar(),
              0);
    // Paid repairs: a price list per project, charges mostly paid, a few still owed.
    EXPECT_EQ(db::Query(s, "SELECT COUNT(DISTINCT project_id) FROM price_item").scalar(), 3);
    EXPECT_GT(db::Query(s, "SELECT COUNT(*) FROM wo_charge WHERE paid_at IS NOT NULL").scalar(), 0);
    EXPECT_GT(db::Query(s, "SELECT COUNT(*) FROM wo_charge WHERE paid_at IS NULL").scalar(), 0);
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM wo_charge c WHERE total_fen <> (SELECT "
                           "SUM(amount_fen) FROM wo_charge_line l WHERE l.order_id = c.order_id)")
                  .scalar(),
              0);
  });
  EXPECT_THROW(build_demo_orders(app.db(), app.cipher(), app.calendar(), testing::kMonday1000, 1),
               core::AppError);
}

}  // namespace
}  // namespace steward::demo
