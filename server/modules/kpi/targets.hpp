#pragma once
// The company's targets (DOMAIN Q2, S1, S2, W4, W5, W9, I2) and the rule that colours a figure
// green, amber or red. Pure: figures come in as numerator and denominator.
#include <cstdint>
#include <string>
#include <vector>

namespace steward::kpi {

struct TargetDef {
  std::string code;
  std::string unit;  // "percent": numerator/denominator as a share; "points": the mean score
  std::string name_zh, name_en;
};
// In the order the cards are shown.
const std::vector<TargetDef>& target_defs();
const TargetDef* find_target(const std::string& code);

struct Target {
  std::string code;
  std::int64_t target = 0;        // hundredths: 8500 = 85 %, 9100 = 91 points
  std::int64_t amber_margin = 0;  // hundredths below the target that are still amber
};

enum class Colour { none, green, amber, red };
const char* colour_name(Colour c);

// none without a denominator; green at or above the target; amber within the margin below it;
// red below that. Exact integer arithmetic: num/den >= target/10000 (percent) or num/den >=
// target/100 points (a mean of scores kept in hundredths).
Colour colour(const Target& t, const std::string& unit, std::int64_t num, std::int64_t den);
// The figure in hundredths (percent: 8571 = 85.71 %; points: 9250 = 92.50), rounded half up;
// 0 without a denominator.
std::int64_t figure(const std::string& unit, std::int64_t num, std::int64_t den);

}  // namespace steward::kpi
