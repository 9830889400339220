#pragma once
// The scoring rules of an inspection (DOMAIN I1, I2): pure, no I/O. Points are integer
// hundredths (centi-points: 0.5 points = 50), weights integer basis points (25% = 2500), money
// integer yuan. No floating point anywhere on the way from a deduction to a grade.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace steward::inspections {

// How an item loses points.
enum class RuleKind {
  range,           // per missing check point, an amount the inspector picks in [min, max]
  per_occurrence,  // a fixed amount per occurrence
  all_or_nothing,  // the item scores its maximum or zero
};
std::string to_string(RuleKind kind);
std::optional<RuleKind> rule_kind(const std::string& text);

struct DeductionRule {
  RuleKind kind = RuleKind::range;
  std::int64_t min_centi = 0;    // range: the smallest amount per missing point
  std::int64_t max_centi = 0;    // range: the largest amount per missing point
  std::int64_t fixed_centi = 0;  // per_occurrence: the amount per occurrence
};

struct Item {
  std::string code;  // stable across versions ("CS-03"): recurring findings compare it
  std::string name;
  std::string standard;           // the standard and what to check
  std::int64_t max_centi = 0;     // the item's maximum
  std::int64_t check_points = 0;  // range: how many check points the standard lists
  DeductionRule rule;
};

// What the inspector recorded on one item.
struct Finding {
  std::vector<std::int64_t> amounts_centi;  // range: one amount per missing point
  std::int64_t occurrences = 0;             // per_occurrence
  bool failed = false;                      // all_or_nothing
};

// Why a finding does not fit its item, or nullopt: the field and what is wrong, for a 400.
struct FindingError {
  std::string field;
  std::string message;
};
std::optional<FindingError> check_finding(const Item& item, const Finding& finding);

// The points a (valid) finding takes off, before the floor at zero.
std::int64_t deduction_centi(const Item& item, const Finding& finding);
// The item's score: its maximum less the deduction, never below zero.
std::int64_t item_score_centi(const Item& item, const Finding& finding);

// Scales a rubric's raw score to 100 points when its maximum is not 100:
// raw * 100 / max, rounded to the hundredth, halves away from zero (round half up; scores are
// never negative). A maximum of 100 returns raw unchanged.
std::int64_t scale_to_100(std::int64_t raw_centi, std::int64_t max_centi);

struct Weighted {
  std::int64_t score_centi = 0;  // a rubric's score on 100
  std::int64_t weight_bp = 0;    // its weight in basis points
};
// The weights add up to exactly 100% (10000 basis points), each above 0.
bool weights_complete(const std::vector<Weighted>& parts);
// Sum of score * weight / 10000, rounded half up to the hundredth (one rounding, at the end).
std::int64_t composite_centi(const std::vector<Weighted>& parts);

enum class Grade { fail, good, excellent };
std::string to_string(Grade grade);
std::optional<Grade> grade_of(const std::string& text);

// A company's grade boundaries. Defaults: below 80 fails, 80 to 90 inclusive is good, above 90 is
// excellent, 96 or more earns the team bonus.
struct GradeRules {
  std::int64_t fail_below_centi = 8000;
  std::int64_t excellent_above_centi = 9000;
  std::int64_t bonus_from_centi = 9600;
};
// Why the boundaries are unusable (fail_below <= excellent_above <= bonus_from, within 0..100).
std::optional<FindingError> check_grade_rules(const GradeRules& rules);
Grade grade(std::int64_t score_centi, const GradeRules& rules = {});
bool earns_bonus(std::int64_t score_centi, const GradeRules& rules = {});

// Who a reward or penalty goes to, by position in the project.
inline constexpr const char* kPositions[] = {"project_manager", "deputy_manager",
                                             "department_head", "team_leader", "team"};
struct RewardRule {
  std::string outcome;   // "fail", "good", "excellent" or "bonus" (96 or more)
  std::string position;  // one of kPositions; "team" is the project's team as a whole
  std::int64_t amount_yuan = 0;  // negative: a penalty
};
// Seed 001: fail: project manager -500, deputy -400, department heads -300, team leaders -100;
// excellent: +1000, +800, +600; 96 or more: the team +3000.
const std::vector<RewardRule>& default_reward_rules();

struct Person {
  std::optional<std::int64_t> staff_id;  // none for the team line
  std::string name;
  std::string position;
};
struct Payment {
  Person person;
  std::string outcome;
  std::int64_t amount_yuan = 0;
};
// The amounts an inspection's score earns each person (and the team), in the order of the rules
// and then of the people.
std::vector<Payment> payments(std::int64_t score_centi, const GradeRules& grades,
                              const std::vector<RewardRule>& rules,
                              const std::vector<Person>& people, const std::string& team_name);

// "92.50" from 9250.
std::string format_centi(std::int64_t centi);

}  // namespace steward::inspections
