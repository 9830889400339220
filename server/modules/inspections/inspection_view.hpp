#pragma once
// An inspection as its readers see it: the rubric versions it uses, item by item with what was
// deducted, section and rubric scores, the composite, grade and payments.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "db/query.hpp"

namespace steward::inspections::view {

// Inspections the actor may see: in their projects, or where they are an inspector (mutual
// checks bring inspectors from other projects). alias: the inspection table's alias.
std::string visible(const core::Actor& actor, const std::string& alias);
std::optional<db::Row> find(db::Session& s, const core::Actor& actor, std::int64_t id);
// inspection.manage, or an inspector of this inspection; 403 otherwise.
void require_inspector(db::Session& s, const core::Actor& actor, std::int64_t id);
bool is_inspector(db::Session& s, const core::Actor& actor, std::int64_t id);

struct RubricScore {
  std::int64_t rubric_id = 0, weight_bp = 0, raw_centi = 0, max_centi = 0, score_centi = 0;
};
struct Scored {
  std::vector<RubricScore> rubrics;
  std::int64_t composite_centi = 0;
};
// Scores an inspection from its deductions (the same arithmetic before and after submitting).
Scored score(db::Session& s, std::int64_t id);

// The whole inspection; 404 when the actor may not see it.
nlohmann::json inspection(db::Session& s, const core::Actor& actor, std::int64_t id);
// "SELECT i.*, project_name, scheme_name FROM inspection i ..." for find() and lists.
std::string select_sql();
// The summaries of many inspections (rows of select_sql()), in their order, with a fixed number
// of queries for the lot: the same JSON as summary_of(inspection(...)) of each.
std::vector<nlohmann::json> summaries(db::Session& s, const std::vector<db::Row>& rows);
// The inspection without its rubric tree (lists, audit rows).
nlohmann::json summary_of(const nlohmann::json& inspection);

}  // namespace steward::inspections::view
