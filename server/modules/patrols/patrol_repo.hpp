#pragma once
// The patrol module's shared SQL and JSON: scope clauses, loading a plan with its schedule,
// items and checkpoints, checkpoints with their limits, and the people to notify.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "db/query.hpp"
#include "modules/patrols/schedule.hpp"

namespace steward::patrols::repo {

// " AND <column> IN (...)" for an actor who does not see every project.
std::string in_projects(const core::Actor& actor, const std::string& column);
// patrol.read or patrol.perform; 403 otherwise.
void require_any(const core::Actor& actor);
int offset_of(db::Session& s, std::int64_t project_id);
std::string iso(std::int64_t t, int offset);
nlohmann::json iso_or_null(std::optional<std::int64_t> t, int offset);
nlohmann::json value_json(std::optional<std::int64_t> scaled, int decimals);
std::string display_name(db::Session& s, const core::Actor& actor);
// Active users of the project with one of the roles (our constants).
std::vector<std::int64_t> users_with_roles(db::Session& s, std::int64_t project_id,
                                           const std::vector<std::string>& roles);

// A checkpoint row (with project_name, project_code) in the actor's projects.
std::optional<db::Row> find_checkpoint(db::Session& s, const core::Actor& actor, std::int64_t id);
nlohmann::json checkpoint_json(db::Session& s, const db::Row& r, bool with_limits);
std::string qr_text(const std::string& project_code, const std::string& code);

struct Limit {
  std::string period;
  std::optional<std::int64_t> low, high;
};
// The limit of a metric at a checkpoint for a period, falling back to "always".
std::optional<Limit> limit_for(db::Session& s, std::int64_t checkpoint_id, std::int64_t metric_id,
                               const std::string& period);

struct Plan {
  db::Row row;
  Schedule schedule;
  std::optional<Quota> quota;
  std::vector<db::Row> items;        // not retired, in order (with metric columns)
  std::vector<db::Row> checkpoints;  // in order
  std::int64_t id() const { return row.i64("id"); }
  std::int64_t project_id() const { return row.i64("project_id"); }
  int grace() const { return static_cast<int>(row.i64("grace_min")); }
  int offset() const;  // the project's zone
  // When the plan starts to be due: its creation, or local midnight of the day it was given to
  // start on (startsOn). A slot that ended before it and a quota period that began before it are
  // not due, so coverage does not count the time before the plan existed.
  std::int64_t starts_at() const { return row.i64("starts_at"); }
  bool due(const Slot& slot) const { return slot.end > starts_at(); }
};
std::optional<Plan> load_plan(db::Session& s, const core::Actor& actor, std::int64_t id);
// Every active plan of the projects (no scope check: callers pass what the actor may see).
std::vector<Plan> active_plans(db::Session& s, const std::string& where_sql);
nlohmann::json plan_json(db::Session& s, const Plan& p);
// Whether the plan's assignee is this user (role, team through their staff record, or person).
bool assigned_to(db::Session& s, const Plan& p, const core::Actor& actor);

nlohmann::json metric_json(const db::Row& r);
// The first `n` code points of UTF-8 text.
std::string prefix(const std::string& text, std::size_t n);

}  // namespace steward::patrols::repo
