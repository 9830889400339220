#pragma once
// The demo's staff spot checks and campaigns (DOMAIN I6, I7): a month of spot checks of every
// front-desk person (phone answering, the morning-meeting BI check, the front desk), the phone
// quota met on most days and missed on some; and two campaigns in progress: seed 001's five
// phases company-wide, and seed 000's action plan for 东部片区 with tasks per team, some done,
// one late. Made through the services, so every record is validated and audited.
#include <cstdint>

#include "db/database.hpp"

namespace steward::demo {

struct QualitySummary {
  int spot_checks = 0, campaigns = 0, tasks = 0;
};

// Builds them for the 30 days before `now` (the demo company must exist).
QualitySummary build_demo_quality(db::Database& db, std::int64_t now);

}  // namespace steward::demo
