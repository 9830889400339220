// The pure rules of the analyses: the early warning at its edges, the rate per 100 households,
// masked names, months and quarters.
#include <gtest/gtest.h>

#include "modules/kpi/analysis_rules.hpp"

namespace steward::kpi::analysis {
namespace {

TEST(AnalysisRules, WellAboveNeedsOneAndAHalfTimesAndThreeMore) {
  // mean 2 (sum 6): 5 is +3 and 2.5x -> warning; 4 is only +2.
  EXPECT_TRUE(well_above(5, 6));
  EXPECT_FALSE(well_above(4, 6));
  // nothing before: 3 new complaints are +3 (and above 0 x 1.5) -> warning; 2 are not.
  EXPECT_TRUE(well_above(3, 0));
  EXPECT_FALSE(well_above(2, 0));
  // mean 10 (sum 30): 14 is +4 but only 1.4x; 15 is exactly 1.5x and +5.
  EXPECT_FALSE(well_above(14, 30));
  EXPECT_TRUE(well_above(15, 30));
  // mean 7/3 = 2.33 (sum 7): 5 is +2.67 (not +3) although 2.1x; 6 is +3.67.
  EXPECT_FALSE(well_above(5, 7));
  EXPECT_TRUE(well_above(6, 7));
  // a falling category never warns.
  EXPECT_FALSE(well_above(1, 30));
}

TEST(AnalysisRules, RatePer100HouseholdsInHundredthsHalfUp) {
  EXPECT_EQ(rate_per_100(3, 4), 7500);       // 75.00 per 100
  EXPECT_EQ(rate_per_100(3, 1958), 15);      // 0.1532 -> 0.15
  EXPECT_EQ(rate_per_100(1, 8), 1250);       // 12.50
  EXPECT_EQ(rate_per_100(1, 3), 3333);       // 33.333 -> 33.33
  EXPECT_EQ(rate_per_100(2, 3), 6667);       // 66.666 -> 66.67
  EXPECT_EQ(rate_per_100(0, 10), 0);
  EXPECT_FALSE(rate_per_100(3, 0).has_value());
}

TEST(AnalysisRules, MaskNameKeepsTheFirstCharacter) {
  EXPECT_EQ(mask_name("张三丰"), "张**");
  EXPECT_EQ(mask_name("李四"), "李*");
  EXPECT_EQ(mask_name("王"), "*");
  EXPECT_EQ(mask_name("Alice"), "A****");
  EXPECT_EQ(mask_name(""), "");
}

TEST(AnalysisRules, MonthsAndQuarters) {
  EXPECT_EQ(months_before("2026-02", 3), (std::vector<std::string>{"2025-11", "2025-12", "2026-01"}));
  EXPECT_EQ(quarter_months("2026-Q4"), (std::vector<std::string>{"2026-10", "2026-11", "2026-12"}));
  EXPECT_EQ(quarter_months("2026-Q1"), (std::vector<std::string>{"2026-01", "2026-02", "2026-03"}));
  EXPECT_TRUE(quarter_months("2026-Q5").empty());
  EXPECT_TRUE(quarter_months("2026-11").empty());
  EXPECT_TRUE(quarter_months("abcd-Q1").empty());
  EXPECT_EQ(quarter_of("2026-11"), "2026-Q4");
  EXPECT_EQ(quarter_of("2026-03"), "2026-Q1");
  EXPECT_EQ(next_month("2026-12"), "2027-01");
  // 00:00 on 1 December at +08:00 is 16:00 UTC on 30 November.
  EXPECT_EQ(month_start("2026-12", 8 * 3600), 1796083200 - 8 * 3600);
}

}  // namespace
}  // namespace steward::kpi::analysis
