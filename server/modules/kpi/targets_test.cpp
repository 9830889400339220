#include "modules/kpi/targets.hpp"

#include <gtest/gtest.h>

namespace steward::kpi {
namespace {

TEST(KpiTargets, ColoursAPercentAgainstTargetAndMargin) {
  const Target satisfaction{"satisfaction", 8500, 500};
  struct Case { std::int64_t num, den; Colour want; };
  for (const auto& c : std::vector<Case>{
           {17, 20, Colour::green},   // 85.00 %: on the target is green
           {84, 100, Colour::amber},  // 84 %
           {4, 5, Colour::amber},     // 80.00 %: the bottom of the margin is still amber
           {79, 100, Colour::red},    // 79 %
           {0, 3, Colour::red},
           {0, 0, Colour::none}})     // nothing to measure
    EXPECT_EQ(colour(satisfaction, "percent", c.num, c.den), c.want) << c.num << "/" << c.den;
}

TEST(KpiTargets, AHundredPercentTargetIsGreenOnlyWhenEveryOneCounts) {
  const Target all{"handled_12h", 10000, 500};
  EXPECT_EQ(colour(all, "percent", 40, 40), Colour::green);
  EXPECT_EQ(colour(all, "percent", 39, 40), Colour::amber);  // 97.5 %
  EXPECT_EQ(colour(all, "percent", 18, 20), Colour::red);    // 90 %
}

TEST(KpiTargets, ColoursTheMeanInspectionScoreByGrade) {
  const Target score{"inspection_score", 9100, 1100};  // amber = 80-90.99: the grade "good"
  EXPECT_EQ(colour(score, "points", 9100 + 9300, 2), Colour::green);  // mean 92
  EXPECT_EQ(colour(score, "points", 9099, 1), Colour::amber);
  EXPECT_EQ(colour(score, "points", 8000, 1), Colour::amber);
  EXPECT_EQ(colour(score, "points", 7999, 1), Colour::red);
}

TEST(KpiTargets, FiguresInHundredthsRoundHalfUp) {
  EXPECT_EQ(figure("percent", 6, 7), 8571);  // 85.714 %
  EXPECT_EQ(figure("percent", 1, 8), 1250);
  EXPECT_EQ(figure("percent", 2, 3), 6667);
  EXPECT_EQ(figure("points", 9100 + 9250, 2), 9175);
  EXPECT_EQ(figure("percent", 1, 0), 0);
}

}  // namespace
}  // namespace steward::kpi
