#include "modules/kpi/targets.hpp"

namespace steward::kpi {

const std::vector<TargetDef>& target_defs() {
  static const std::vector<TargetDef> v{
      {"satisfaction", "percent", "满意度", "Satisfaction"},
      {"handover_24h", "percent", "投诉24小时内转交率", "Complaints handed over within 24 h"},
      {"return_visit", "percent", "回访率", "Return visits"},
      {"customers_called", "percent", "月度回访客户比例", "Customers called back this month"},
      {"handled_12h", "percent", "12小时内处置率", "Requests handled within 12 h"},
      {"valid_complaints_handled", "percent", "有效投诉处理率", "Valid complaints handled"},
      {"inspection_score", "points", "品质检查得分", "Inspection score"},
  };
  return v;
}

const TargetDef* find_target(const std::string& code) {
  for (const auto& d : target_defs())
    if (d.code == code) return &d;
  return nullptr;
}

const char* colour_name(Colour c) {
  switch (c) {
    case Colour::green: return "green";
    case Colour::amber: return "amber";
    case Colour::red: return "red";
    default: return "none";
  }
}

namespace {

// num/den >= threshold (hundredths of the unit)?
bool at_least(const std::string& unit, std::int64_t num, std::int64_t den, std::int64_t threshold) {
  const std::int64_t scale = unit == "percent" ? 10000 : 1;  // points: num is already hundredths
  return num * scale >= threshold * den;
}

}  // namespace

Colour colour(const Target& t, const std::string& unit, std::int64_t num, std::int64_t den) {
  if (den <= 0) return Colour::none;
  if (at_least(unit, num, den, t.target)) return Colour::green;
  if (at_least(unit, num, den, t.target - t.amber_margin)) return Colour::amber;
  return Colour::red;
}

std::int64_t figure(const std::string& unit, std::int64_t num, std::int64_t den) {
  if (den <= 0) return 0;
  const std::int64_t scaled = num * (unit == "percent" ? 10000 : 1);
  return (2 * scaled + den) / (2 * den);
}

}  // namespace steward::kpi
