#include "modules/campaigns/campaign_rules.hpp"

#include <gtest/gtest.h>

namespace steward::campaigns {
namespace {

TEST(CampaignRules, PhaseStateOnItsFirstAndLastDay) {
  EXPECT_EQ(phase_state("2026-11-25", "2026-11-26", "2026-11-28"), "upcoming");
  EXPECT_EQ(phase_state("2026-11-26", "2026-11-26", "2026-11-28"), "current");
  EXPECT_EQ(phase_state("2026-11-28", "2026-11-26", "2026-11-28"), "current");
  EXPECT_EQ(phase_state("2026-11-29", "2026-11-26", "2026-11-28"), "done");
  EXPECT_EQ(campaign_state("2026-09-24", "2026-09-25", "2026-12-31"), "planned");
  EXPECT_EQ(campaign_state("2026-12-31", "2026-09-25", "2026-12-31"), "running");
  EXPECT_EQ(campaign_state("2027-01-01", "2026-09-25", "2026-12-31"), "finished");
}

TEST(CampaignRules, SeedPhasesAreInOrderWithTheGapBeforeTheSummary) {
  const auto p = seed_phases(2026);
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0].name, "发动宣讲阶段");
  EXPECT_EQ(p[4].start, "2026-12-29");
  EXPECT_EQ(check_phases("2026-09-25", "2026-12-31", p), std::nullopt);
  // On 2026-12-01 no phase is current: acceptance ended 11-28, the summary starts 12-29.
  int current = 0;
  for (const auto& ph : p) current += phase_state("2026-12-01", ph.start, ph.end) == "current";
  EXPECT_EQ(current, 0);
  EXPECT_EQ(phase_state("2026-11-27", p[3].start, p[3].end), "current");
}

TEST(CampaignRules, PhasesThatOverlapOrLeaveTheCampaignAreRefused) {
  auto p = seed_phases(2026);
  p[1].start = "2026-10-15";  // the day 发动宣讲 ends
  auto e = check_phases("2026-09-25", "2026-12-31", p);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->index, 1u);
  EXPECT_EQ(e->field, "startDay");
  EXPECT_EQ(check_phases("2026-10-01", "2026-12-31", seed_phases(2026))->field, "startDay");
  EXPECT_EQ(check_phases("2026-09-25", "2026-12-30", seed_phases(2026))->index, 4u);
  EXPECT_EQ(check_phases("2026-01-01", "2026-12-31", {{"x", "2026-05-02", "2026-05-01"}})->field, "endDay");
}

TEST(CampaignRules, ProgressRoundsDownAndOverdueIsAfterTheDeadlineDay) {
  EXPECT_EQ(progress(2, 3).percent, 66);
  EXPECT_EQ(progress(3, 3).percent, 100);
  EXPECT_EQ(progress(0, 0).percent, 0);
  EXPECT_EQ(progress(1, 8).percent, 12);
  EXPECT_FALSE(overdue("open", "2026-09-06", "2026-09-06"));
  EXPECT_TRUE(overdue("open", "2026-09-07", "2026-09-06"));
  EXPECT_FALSE(overdue("done", "2026-09-07", "2026-09-06"));
}

}  // namespace
}  // namespace steward::campaigns
