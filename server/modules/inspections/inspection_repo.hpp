#pragma once
// The SQL of the inspection tables that more than one use case shares, and the JSON of a rubric.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/context.hpp"
#include "db/query.hpp"
#include "modules/inspections/scoring.hpp"

namespace steward::inspections::repo {

// " AND <alias>.project_id IN (...)" for a caller who does not see every project, else "".
std::string scope(const core::Actor& actor, const std::string& alias);

struct RubricItem {
  std::int64_t id = 0;
  Item item;
};
struct RubricSection {
  std::int64_t id = 0;
  std::string name;
  std::vector<RubricItem> items;
};
struct Rubric {
  std::int64_t id = 0, version = 0, max_centi = 0;
  std::string code, name, source;
  bool built_in = false, latest = false;
  std::vector<RubricSection> sections;
};
std::optional<Rubric> load_rubric(db::Session& s, std::int64_t id);
// Writes a rubric version with its sections and items; returns its id.
std::int64_t insert_rubric(db::Session& s, const Rubric& r, std::optional<std::int64_t> by,
                           std::int64_t now);
// Writes the sections and items of rubric `id`.
void insert_contents(db::Session& s, std::int64_t id, const Rubric& r);
std::int64_t max_of(const Rubric& r);
// Whether any inspection uses this rubric version.
bool rubric_used(db::Session& s, std::int64_t id);

nlohmann::json item_json(const RubricItem& item);
nlohmann::json rubric_json(const Rubric& r, bool used);

// Points as a JSON number (92.5); storage stays in hundredths.
inline double points(std::int64_t centi) { return static_cast<double>(centi) / 100.0; }

// A day "YYYY-MM-DD" that exists, or nullopt.
std::optional<std::int64_t> day_start(const std::string& day);  // epoch seconds at 00:00 UTC
std::string day_of(std::int64_t epoch_utc);                      // inverse of day_start

GradeRules grade_rules(db::Session& s);
std::int64_t recurrence_days(db::Session& s);
std::vector<RewardRule> reward_rules(db::Session& s);

void audit(db::Session& s, const core::Context& ctx, std::int64_t now,
           std::optional<std::int64_t> project_id, const std::string& entity, std::int64_t id,
           const std::string& action, const nlohmann::json& before, const nlohmann::json& after);

}  // namespace steward::inspections::repo
