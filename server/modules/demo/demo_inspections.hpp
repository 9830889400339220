#pragma once
// The demo's inspections (DOMAIN I2-I5): each project inspected by the quality department with
// the seed 001 scheme in each of the last four months — scored item by item, most good or
// excellent, one failing — with the rewards and penalties they earned, and rectifications of
// their findings in every state (open, done, verified, rejected), some past their deadline.
// Made through the inspection service on a clock that steps through the days, so every record is
// validated and audited like one entered by hand.
#include <cstdint>

#include "db/database.hpp"

namespace steward::demo {

struct InspectionSummary {
  int inspections = 0, deductions = 0, rectifications = 0;
};

// Builds them for the ~100 days before `now` (the demo company must exist).
InspectionSummary build_demo_inspections(db::Database& db, std::int64_t now);

}  // namespace steward::demo
