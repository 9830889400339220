#pragma once
// The demo's patrols (DOMAIN P1-P4, seeds 000 and 003) at 城市花园 (CSHY): the clubhouse
// restrooms cleaned every 20 minutes and checked by the supervisor every 2 hours, the sauna every
// 30 minutes, the security supervisor's daily round of every post, the environment supervisor's
// weekly round, the night round of public lighting, and the pool's water tested by the supervisor
// (2 a day) and the lifeguards (4 per shift, before opening and after closing). A week of records
// before `now`, with some missed slots, a few findings, one pool alarm treated and closed and one
// still open (the pool stopped). Checkpoints and plans go through the service; the records are
// inserted in batches, with the same placement and limit rules, to keep the demo fast.
#include <cstdint>

#include "db/database.hpp"

namespace steward::patrols {

class PatrolService;

struct PatrolDemoSummary {
  int checkpoints = 0, plans = 0, checks = 0, readings = 0, alarms = 0;
};

PatrolDemoSummary build_demo_patrols(db::Database& db, const PatrolService& service, std::int64_t now);

}  // namespace steward::patrols
