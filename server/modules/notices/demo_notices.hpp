#pragma once
// The demo's notice board (DOMAIN S3): for 城市花园 (the owner login's project) a pinned
// service-hours notice with the 24-hour phone, works in progress with their dates, last month's
// complaint outcomes, and a draft not yet published; 翠湖天地 gets its service standard.
#include <cstdint>

#include "db/database.hpp"

namespace steward::notices {

// Made through the service (validated and audited) as of `now`; returns how many notices.
int build_demo_notices(db::Database& db, std::int64_t now);

}  // namespace steward::notices
