// The demo's patrols: the seed plans run with a week of records before now, with missed slots,
// late checks, findings, one alarm treated and closed and one open.
#include "modules/patrols/demo_patrols.hpp"

#include <gtest/gtest.h>

#include "db/query.hpp"
#include "modules/auth/roles.hpp"
#include "modules/patrols/patrol_service.hpp"
#include "tests/support/test_env.hpp"

namespace steward::patrols {
namespace {

TEST(DemoPatrols, TheSeedPlansRunWithAWeekOfRecords) {
  testing::TestServer server("sqlite");  // the demo company, on SQLite
  auto& app = server.app();
  server.clock().set(testing::kMonday1000);
  const auto d = build_demo_patrols(app.db(), app.patrols(), testing::kMonday1000);
  EXPECT_EQ(d.plans, 8);
  EXPECT_EQ(d.checkpoints, 17);
  EXPECT_GT(d.checks, 800);
  EXPECT_EQ(d.alarms, 2);
  const auto& admin = auth::system_actor();
  const auto pid = app.db().read([](db::Session& s) { return db::Query(s, "SELECT id FROM project WHERE code = 'CSHY'").scalar(); });
  // Last week (Monday 16th to Sunday 22nd): most slots done, some missed, some late.
  const auto c = app.patrols().coverage(
      admin, core::Params({{"projectId", std::to_string(pid)}, {"from", "2026-11-16"}, {"to", "2026-11-22"}}));
  const auto& t = c["totals"];
  EXPECT_GT(t["due"].get<int>(), 800);
  EXPECT_GT(t["missed"].get<int>(), 0);
  EXPECT_GT(t["late"].get<int>(), 0);
  EXPECT_GT(t["coverage"].get<double>(), 80.0);
  // Missed are the slots the demo skips (1 in 19), not late checks of back-to-back slots that
  // went to the next slot and left their own missed (they were 102 of 883).
  EXPECT_LT(t["missed"].get<int>() * 100, t["due"].get<int>() * 7) << t.dump();
  EXPECT_LT(t["coverage"].get<double>(), 100.0);
  EXPECT_EQ(c["byPlan"].size(), 8u);
  // The plans started with their week of records, so thirty days count only that week: no slot
  // from before a plan existed pulls the dashboard's figure down.
  const auto month = app.patrols().coverage(
      admin, core::Params({{"projectId", std::to_string(pid)}, {"from", "2026-10-25"}, {"to", "2026-11-23"}}));
  EXPECT_GT(month["totals"]["coverage"].get<double>(), 80.0) << month["totals"].dump();
  const auto plans = app.patrols().list_plans(admin, core::Params(std::map<std::string, std::string>{}));
  for (const auto& p : plans["items"])
    EXPECT_EQ(p["startsAt"], "2026-11-16T00:00:00+08:00") << p["name"];
  // Every post was covered by the security round on most days.
  app.db().read([&](db::Session& s) {
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM patrol_alarm WHERE status = 'closed'").scalar(), 1);
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM patrol_alarm WHERE status = 'open'").scalar(), 1);
    EXPECT_EQ(db::Query(s, "SELECT stopped FROM patrol_checkpoint WHERE code = 'CH-POOL'").scalar(), 1);
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM patrol_treatment").scalar(), 1);
    EXPECT_GT(db::Query(s, "SELECT COUNT(*) FROM patrol_result WHERE ok = 0").scalar(), 0);
    // Every demo check is the only one of its slot: none was placed in the next slot.
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM (SELECT plan_id, checkpoint_id, slot_start FROM patrol_check WHERE "
                           "slot_start IS NOT NULL GROUP BY plan_id, checkpoint_id, slot_start HAVING COUNT(*) > 1) twice")
                  .scalar(),
              0);
    // Readings out of limits are exactly the two alarms' readings.
    EXPECT_EQ(db::Query(s, "SELECT COUNT(*) FROM patrol_reading WHERE within_limits = 0").scalar(), 2);
    return 0;
  });
  // The open alarm shows in the list; the supervisor's quota of 2 a day was met on most days.
  const auto alarms = app.patrols().list_alarms(admin, core::Params(std::map<std::string, std::string>{{"status", "open"}}));
  ASSERT_EQ(alarms["items"].size(), 1u);
  EXPECT_EQ(alarms["items"][0]["metric"]["code"], "ph");
  const auto short_days = app.patrols().shortfalls(
      admin, core::Params({{"projectId", std::to_string(pid)}, {"from", "2026-11-16"}, {"to", "2026-11-22"}}));
  EXPECT_LT(short_days["items"].size(), 7u + 14u);
  // Due now (Monday 10:00) for the cleaner: the restrooms' 10:00 slots.
  core::Actor cleaning = admin;
  app.db().read([&](db::Session& s) {
    cleaning.user_id = db::Query(s, "SELECT id FROM app_user WHERE username = 'cleaning'").scalar();
    return 0;
  });
  cleaning.role = "cleaning";
  cleaning.permissions = auth::find_role("cleaning")->permissions;
  const auto due = app.patrols().due_now(cleaning);
  EXPECT_GE(due["items"].size(), 2u);
}

}  // namespace
}  // namespace steward::patrols
