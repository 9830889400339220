#include "modules/inspections/scoring.hpp"

#include <cstdio>

namespace steward::inspections {

std::string to_string(RuleKind kind) {
  switch (kind) {
    case RuleKind::range: return "range";
    case RuleKind::per_occurrence: return "per_occurrence";
    case RuleKind::all_or_nothing: return "all_or_nothing";
  }
  return "range";
}

std::optional<RuleKind> rule_kind(const std::string& text) {
  for (auto k : {RuleKind::range, RuleKind::per_occurrence, RuleKind::all_or_nothing})
    if (to_string(k) == text) return k;
  return std::nullopt;
}

std::string format_centi(std::int64_t centi) {
  char buf[32];
  const char* sign = centi < 0 ? "-" : "";
  const long long a = centi < 0 ? -centi : centi;
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", sign, a / 100, a % 100);
  return buf;
}

std::optional<FindingError> check_finding(const Item& item, const Finding& f) {
  switch (item.rule.kind) {
    case RuleKind::range: {
      if (f.occurrences != 0 || f.failed)
        return FindingError{"amounts", "this item deducts per missing point: give amounts"};
      if (f.amounts_centi.empty())
        return FindingError{"amounts", "must list one amount per missing point"};
      if (item.check_points > 0 && (std::int64_t)f.amounts_centi.size() > item.check_points)
        return FindingError{"amounts", "lists more missing points than the item's " +
                                           std::to_string(item.check_points) + " check points"};
      for (auto a : f.amounts_centi)
        if (a < item.rule.min_centi || a > item.rule.max_centi)
          return FindingError{"amounts", "each amount must be between " +
                                             format_centi(item.rule.min_centi) + " and " +
                                             format_centi(item.rule.max_centi)};
      return std::nullopt;
    }
    case RuleKind::per_occurrence:
      if (!f.amounts_centi.empty() || f.failed)
        return FindingError{"occurrences", "this item deducts per occurrence: give occurrences"};
      if (f.occurrences < 1 || f.occurrences > 1000)
        return FindingError{"occurrences", "must be between 1 and 1000"};
      return std::nullopt;
    case RuleKind::all_or_nothing:
      if (!f.amounts_centi.empty() || f.occurrences != 0)
        return FindingError{"failed", "this item is all or nothing: give failed: true"};
      if (!f.failed) return FindingError{"failed", "must be true to record a deduction"};
      return std::nullopt;
  }
  return std::nullopt;
}

std::int64_t deduction_centi(const Item& item, const Finding& f) {
  switch (item.rule.kind) {
    case RuleKind::range: {
      std::int64_t sum = 0;
      for (auto a : f.amounts_centi) sum += a;
      return sum;
    }
    case RuleKind::per_occurrence: return item.rule.fixed_centi * f.occurrences;
    case RuleKind::all_or_nothing: return f.failed ? item.max_centi : 0;
  }
  return 0;
}

std::int64_t item_score_centi(const Item& item, const Finding& f) {
  const auto left = item.max_centi - deduction_centi(item, f);
  return left < 0 ? 0 : left;
}

std::int64_t scale_to_100(std::int64_t raw_centi, std::int64_t max_centi) {
  if (max_centi <= 0) return 0;
  if (max_centi == 10000) return raw_centi;
  // raw/max * 10000 hundredths, half up: floor((2 * raw * 10000 + max) / (2 * max)).
  return (2 * raw_centi * 10000 + max_centi) / (2 * max_centi);
}

bool weights_complete(const std::vector<Weighted>& parts) {
  if (parts.empty()) return false;
  std::int64_t sum = 0;
  for (const auto& p : parts) {
    if (p.weight_bp <= 0) return false;
    sum += p.weight_bp;
  }
  return sum == 10000;
}

std::int64_t composite_centi(const std::vector<Weighted>& parts) {
  std::int64_t sum = 0;  // in centi-points times basis points
  for (const auto& p : parts) sum += p.score_centi * p.weight_bp;
  return (sum + 5000) / 10000;  // half up; never negative
}

std::string to_string(Grade g) {
  switch (g) {
    case Grade::fail: return "fail";
    case Grade::good: return "good";
    case Grade::excellent: return "excellent";
  }
  return "fail";
}

std::optional<Grade> grade_of(const std::string& text) {
  for (auto g : {Grade::fail, Grade::good, Grade::excellent})
    if (to_string(g) == text) return g;
  return std::nullopt;
}

std::optional<FindingError> check_grade_rules(const GradeRules& r) {
  auto in_range = [](std::int64_t v) { return v >= 0 && v <= 10000; };
  if (!in_range(r.fail_below_centi)) return FindingError{"failBelow", "must be between 0 and 100"};
  if (!in_range(r.excellent_above_centi))
    return FindingError{"excellentAbove", "must be between 0 and 100"};
  if (!in_range(r.bonus_from_centi)) return FindingError{"bonusFrom", "must be between 0 and 100"};
  if (r.excellent_above_centi < r.fail_below_centi)
    return FindingError{"excellentAbove", "must not be below failBelow"};
  if (r.bonus_from_centi <= r.excellent_above_centi)
    return FindingError{"bonusFrom", "must be above excellentAbove"};
  return std::nullopt;
}

Grade grade(std::int64_t score, const GradeRules& r) {
  if (score < r.fail_below_centi) return Grade::fail;
  if (score <= r.excellent_above_centi) return Grade::good;
  return Grade::excellent;
}

bool earns_bonus(std::int64_t score, const GradeRules& r) { return score >= r.bonus_from_centi; }

const std::vector<RewardRule>& default_reward_rules() {
  static const std::vector<RewardRule> rules = {
      {"fail", "project_manager", -500},    {"fail", "deputy_manager", -400},
      {"fail", "department_head", -300},    {"fail", "team_leader", -100},
      {"excellent", "project_manager", 1000}, {"excellent", "deputy_manager", 800},
      {"excellent", "department_head", 600},  {"bonus", "team", 3000},
  };
  return rules;
}

std::vector<Payment> payments(std::int64_t score, const GradeRules& grades,
                              const std::vector<RewardRule>& rules,
                              const std::vector<Person>& people, const std::string& team_name) {
  const std::string outcome = to_string(grade(score, grades));
  const bool bonus = earns_bonus(score, grades);
  std::vector<Payment> out;
  for (const auto& rule : rules) {
    if (rule.amount_yuan == 0) continue;
    if (!(rule.outcome == outcome || (bonus && rule.outcome == "bonus"))) continue;
    if (rule.position == "team") {
      out.push_back({{std::nullopt, team_name, "team"}, rule.outcome, rule.amount_yuan});
      continue;
    }
    for (const auto& p : people)
      if (p.position == rule.position) out.push_back({p, rule.outcome, rule.amount_yuan});
  }
  return out;
}

}  // namespace steward::inspections
