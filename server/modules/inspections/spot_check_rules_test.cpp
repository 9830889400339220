#include "modules/inspections/spot_check_rules.hpp"

#include <gtest/gtest.h>

#include <set>

namespace steward::inspections {
namespace {

const SeedRubric& rubric(const std::string& code) {
  for (const auto& r : spot_check_rubrics())
    if (r.code == code) return r;
  throw std::runtime_error("no rubric " + code);
}

std::int64_t max_of(const SeedRubric& r) {
  std::int64_t max = 0;
  for (const auto& s : r.sections)
    for (const auto& i : s.items) max += i.max_centi;
  return max;
}

TEST(SpotCheckRubrics, EachKindHasItsSeedStandardsAtTenPointsEach) {
  EXPECT_EQ(max_of(rubric("SPOT-PHONE")), 7000);  // seed 000 lists 7 telephone standards
  EXPECT_EQ(max_of(rubric("SPOT-BI")), 8000);     // 5 of 岗位形象, 3 of 服务意识
  EXPECT_EQ(max_of(rubric("SPOT-FRONT")), 6000);  // seed 002's reception steps
  std::set<std::string> codes;
  for (const auto& r : spot_check_rubrics()) {
    EXPECT_EQ(max_of(r), r.stated_max_centi) << r.code;
    for (const auto& s : r.sections)
      for (const auto& i : s.items) {
        EXPECT_TRUE(codes.insert(i.code).second) << i.code;
        EXPECT_EQ(i.rule.kind, RuleKind::all_or_nothing) << i.code;
      }
  }
}

TEST(SpotCheckScore, OneFailedPhoneStandardScores85_71) {
  const auto& r = rubric("SPOT-PHONE");
  const Item& polite = r.sections[0].items[6];  // PH-07 礼貌用语
  // 70 - 10 = 60 of 70; 60 / 70 * 100 = 85.714... -> 85.71
  const auto s = spot_score(7000, {{polite, {{}, 0, true}}});
  EXPECT_EQ(s.raw_centi, 6000);
  EXPECT_EQ(s.score_centi, 8571);
  EXPECT_EQ(spot_score(7000, {}).score_centi, 10000);
}

TEST(SpotCheckScore, TwoFailedFrontDeskStepsScore66_67) {
  const auto& r = rubric("SPOT-FRONT");
  // 60 - 20 = 40 of 60 -> 66.666... -> 66.67 (half up)
  const auto s = spot_score(6000, {{r.sections[0].items[0], {{}, 0, true}},
                                   {r.sections[1].items[0], {{}, 0, true}}});
  EXPECT_EQ(s.raw_centi, 4000);
  EXPECT_EQ(s.score_centi, 6667);
}

TEST(MonthlyScore, IsTheMeanOfTheMonthsChecksRoundedHalfUpOnce) {
  EXPECT_EQ(monthly_score({}), std::nullopt);
  EXPECT_EQ(monthly_score({10000}), 10000);
  // (100 + 85.71 + 87.50) / 3 = 273.21 / 3 = 91.07
  EXPECT_EQ(monthly_score({10000, 8571, 8750}), 9107);
  // (85.71 + 85.72) / 2 = 85.715 -> 85.72
  EXPECT_EQ(monthly_score({8571, 8572}), 8572);
  // (66.67 + 66.67 + 66.66) / 3 = 66.666.. -> 66.67
  EXPECT_EQ(monthly_score({6667, 6667, 6666}), 6667);
}

TEST(Quota, MetAtTheQuotaNotBelow) {
  EXPECT_FALSE(quota_met(4, 5));
  EXPECT_TRUE(quota_met(5, 5));
  EXPECT_TRUE(quota_met(0, 0));
}

TEST(MonthRange, FirstDayAndTheFirstDayAfter) {
  EXPECT_EQ(month_range("2026-11")->first, "2026-11-01");
  EXPECT_EQ(month_range("2026-11")->second, "2026-12-01");
  EXPECT_EQ(month_range("2026-12")->second, "2027-01-01");
  EXPECT_EQ(month_range("2026-13"), std::nullopt);
  EXPECT_EQ(month_range("2026-1"), std::nullopt);
  EXPECT_EQ(month_range("abcd-01"), std::nullopt);
}

}  // namespace
}  // namespace steward::inspections
