#pragma once
// Staff spot checks (DOMAIN I7): the small rubric of each kind, transcribed from the seeds as
// data, and the pure rules of a spot check's score, the daily quota and the monthly front-desk
// score. The arithmetic of an item is the inspections' (scoring.hpp): a spot check is a tiny
// inspection of one person.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/inspections/scoring.hpp"
#include "modules/inspections/seed_rubrics.hpp"

namespace steward::inspections {

// The built-in spot-check rubrics (SPOT-PHONE, SPOT-BI, SPOT-FRONT), installed by code into a
// company that lacks them. Their items are pass or fail (all_or_nothing) and weigh the same; the
// seeds give no points, so each rubric is scored on 100 by scaling (see docs/inspections.md).
const std::vector<SeedRubric>& spot_check_rubrics();

// One item of the rubric and what was found on it.
struct SpotFinding {
  Item item;
  Finding finding;
};
struct SpotScore {
  std::int64_t raw_centi = 0;    // the rubric's maximum less the items' deductions (floored)
  std::int64_t max_centi = 0;    // the rubric's maximum
  std::int64_t score_centi = 0;  // raw scaled to 100
};
// The score of a spot check on a rubric of maximum `max_centi` with these (valid) findings.
SpotScore spot_score(std::int64_t max_centi, const std::vector<SpotFinding>& findings);

// Whether a project's day met a kind's quota: `done` checks against `quota` a day (0: none).
inline bool quota_met(std::int64_t done, std::int64_t quota) { return done >= quota; }

// Seed 002 scores every receptionist's service and assesses it monthly, without a formula. Ours:
// the mean of the person's spot-check scores (each on 100) in the month, all kinds alike,
// rounded half up to the hundredth once; nullopt when nobody checked the person that month.
std::optional<std::int64_t> monthly_score(const std::vector<std::int64_t>& scores_centi);

// "2026-11" -> {"2026-11-01", "2026-12-01"} (the first day and the first day after), or nullopt.
std::optional<std::pair<std::string, std::string>> month_range(const std::string& month);

}  // namespace steward::inspections
