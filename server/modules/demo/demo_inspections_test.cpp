// The demo's inspections: four months of the seed 001 scheme at every project, graded, with
// rectifications in every state and some overdue.
#include "modules/demo/demo_inspections.hpp"

#include <gtest/gtest.h>

#include "db/query.hpp"
#include "tests/support/test_env.hpp"

namespace steward::demo {
namespace {

TEST(DemoInspections, FourMonthsOfInspectionsWithRectificationsInEveryState) {
  testing::TestServer server("sqlite");  // the demo company, on SQLite
  auto& app = server.app();
  const auto now = testing::kMonday1000;
  const auto q = build_demo_inspections(app.db(), now);
  EXPECT_EQ(q.inspections, 12);  // 3 projects x 4 months
  EXPECT_GT(q.deductions, 50);
  app.db().read([&](db::Session& s) {
    auto count = [&](const std::string& where) {
      return db::Query(s, "SELECT COUNT(*) FROM inspection WHERE status = 'submitted' AND " + where).scalar();
    };
    EXPECT_EQ(count("1 = 1"), 12);
    EXPECT_EQ(count("grade = 'fail'"), 1);
    EXPECT_GE(count("grade = 'excellent'"), 3);
    EXPECT_GE(count("grade = 'good'"), 3);
    EXPECT_EQ(count("day < '2026-08-01'"), 0);  // the last ~100 days before 2026-11-23
    // The failing one penalised its managers; the excellent ones rewarded them.
    EXPECT_GT(db::Query(s, "SELECT COUNT(*) FROM inspection_payment WHERE amount_yuan < 0").scalar(), 0);
    EXPECT_GT(db::Query(s, "SELECT COUNT(*) FROM inspection_payment WHERE amount_yuan > 0").scalar(), 0);
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM rectification").scalar(), q.rectifications);
    for (const std::string st : {"open", "done", "verified", "rejected"})
      EXPECT_GT(db::Query(s, "SELECT COUNT(*) FROM rectification WHERE status = :s").bind("s", st).scalar(), 0) << st;
    const auto overdue = db::Query(s, "SELECT COUNT(*) FROM rectification WHERE status IN ('open', "
                                      "'rejected') AND due_at < :t")
                             .bind("t", (long long)now)
                             .scalar();
    EXPECT_GT(overdue, 0);
    EXPECT_GT(db::Query(s, "SELECT COUNT(*) FROM rectification WHERE status = 'open' AND due_at > :t")
                  .bind("t", (long long)now)
                  .scalar(),
              0);  // and some still within their deadline
    // The technician's login has one of the open ones to put right.
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM rectification rc JOIN app_user u ON u.staff_id = "
                           "rc.responsible_staff_id WHERE u.username = 'tech' AND rc.status = 'open' AND "
                           "rc.due_at > :t")
                  .bind("t", (long long)now)
                  .scalar(),
              1);
  });
  // The overdue ones escalate when the server's job runs.
  EXPECT_GT(app.inspections().escalate_rectifications(now), 0);
}

}  // namespace
}  // namespace steward::demo
