// The demo's spot checks and campaigns: a month of checks of every front-desk person with the
// phone quota met on most days, and two campaigns running with tasks done, open and late.
#include "modules/demo/demo_quality.hpp"

#include <gtest/gtest.h>

#include "db/query.hpp"
#include "tests/support/test_env.hpp"

namespace steward::demo {
namespace {

TEST(DemoQuality, AMonthOfSpotChecksAndTwoCampaignsInProgress) {
  testing::TestServer server("sqlite");  // the demo company, on SQLite
  auto& app = server.app();
  const auto q = build_demo_quality(app.db(), testing::kMonday1000);
  EXPECT_GT(q.spot_checks, 300);
  EXPECT_EQ(q.campaigns, 2);
  app.db().read([&](db::Session& s) {
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM spot_check").scalar(), q.spot_checks);
    // Every front-desk person of 城市花园 was checked, on 30 days.
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM staff st JOIN project p ON p.id = st.project_id WHERE "
                           "p.code = 'CSHY' AND st.role = 'front_desk' AND NOT EXISTS (SELECT 1 FROM "
                           "spot_check sc WHERE sc.staff_id = st.id)")
                  .scalar(),
              0);
    EXPECT_EQ(db::Query(s, "SELECT COUNT(DISTINCT day) FROM spot_check").scalar(), 30);
    // The phone quota (5) is met on most days at 城市花园, missed on some.
    const auto met = db::Query(s, "SELECT COUNT(*) FROM (SELECT sc.day FROM spot_check sc JOIN project p ON "
                                  "p.id = sc.project_id WHERE p.code = 'CSHY' AND sc.kind = 'phone' GROUP "
                                  "BY sc.day HAVING COUNT(*) >= 5) x")
                         .scalar();
    EXPECT_GT(met, 15);
    EXPECT_LT(met, 30);
    EXPECT_GT(db::Query(s, "SELECT COUNT(*) FROM spot_check WHERE score_centi < 10000").scalar(), 0);
    EXPECT_GT(db::Query(s, "SELECT COUNT(*) FROM campaign_task WHERE status = 'done'").scalar(), 0);
    EXPECT_GT(db::Query(s, "SELECT COUNT(*) FROM campaign_task WHERE status = 'open' AND due_at < :t")
                  .bind("t", (long long)testing::kMonday1000)
                  .scalar(),
              0);
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM campaign_task").scalar(), q.tasks);
  });
}

}  // namespace
}  // namespace steward::demo
