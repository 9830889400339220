#pragma once
// A rectification as the board and the responsible person see it, whichever its source: a
// deduction of an inspection, or a not-ok item of a patrol check (DOMAIN I4, P4). Who sees which:
// readers of inspections see the rectifications of their projects (and the inspectors those of
// their inspections); a person who only works on rectifications (rectification.work without
// inspection.read: technicians, front desk) sees only those they are responsible for.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "db/query.hpp"

namespace steward::inspections::rect {

// 403 unless the actor reads inspections or works on rectifications.
void require_read(const core::Actor& actor);
// "SELECT ... FROM rectification rc ..." with the source's names; rc is the rectification.
std::string select_sql();
// The rectifications the actor may see (a clause on rc, starting with " AND", or "").
std::string visible(const core::Actor& actor);
// Only those the actor is responsible for (their login's staff record).
std::string mine(const core::Actor& actor);
std::optional<db::Row> find(db::Session& s, const core::Actor& actor, std::int64_t id);
bool open_status(const std::string& status);

// The rectifications (rows of select_sql()) with their photos, in one query for the lot.
std::vector<nlohmann::json> to_json(db::Session& s, const std::vector<db::Row>& rows, std::int64_t now);
nlohmann::json to_json(db::Session& s, const db::Row& row, std::int64_t now);

}  // namespace steward::inspections::rect
