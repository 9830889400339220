#pragma once
// Checks and alarms as their readers see them, and who may see which check.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "db/query.hpp"

namespace steward::patrols::view {

// Checks the actor may see: with patrol.read those of their projects; with patrol.perform only,
// their own. alias: the patrol_check table's alias.
std::string visible(const core::Actor& actor, const std::string& alias);
std::optional<db::Row> find_check(db::Session& s, const core::Actor& actor, std::int64_t id);
nlohmann::json check(db::Session& s, std::int64_t id);
// An alarm in the actor's projects, or nullopt.
std::optional<db::Row> find_alarm(db::Session& s, const core::Actor& actor, std::int64_t id);
nlohmann::json alarm(db::Session& s, std::int64_t id, bool details);
// What an alarm found, as a work order or a rectification tells it: "读数超标: 余氯 0.70 mg/L
// (标准 0.30-0.60)", from the alarm as alarm() shows it.
std::string alarm_finding(const nlohmann::json& alarm);

}  // namespace steward::patrols::view
