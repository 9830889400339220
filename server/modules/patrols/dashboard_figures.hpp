#pragma once
// What the project dashboard (modules/kpi) reads of the patrol tables: coverage today, over the
// last 7 and 30 days, in total and per plan, and the open alarms. Read-only, in the caller's
// transaction. Coverage is computed from the plans' schedules and the checks placed in their
// slots, read per plan by slot start (index patrol_check_plan_slot); alarms by project and
// status (index patrol_alarm_project). No permission check: the dashboard has done it.
#include <cstdint>
#include <nlohmann/json.hpp>

#include "db/query.hpp"

namespace steward::patrols::figures {

nlohmann::json dashboard(db::Session& s, std::int64_t project_id, std::int64_t now);

}  // namespace steward::patrols::figures
