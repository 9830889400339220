#pragma once
// Inspections (DOMAIN I1-I5): rubrics (versioned), schemes that weigh them, inspections scored
// item by item and fixed by submitting, the grade and the rewards and penalties it earns,
// rectifications of deductions, and rankings of projects by period. Each use case is one
// transaction with an audit row; operational rows carry project_id and every query filters by the
// caller's projects (404 outside them).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/params.hpp"
#include "db/database.hpp"
#include "exports/table.hpp"

namespace steward::inspections {

class InspectionService {
 public:
  InspectionService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Installs the seed rubrics and the seed scheme into a company that has no rubric yet.
  void install_builtin() const;

  // Rubrics (rubric.manage to change; inspection.read to see).
  nlohmann::json list_rubrics(const core::Actor& actor, const core::Params& query) const;
  nlohmann::json get_rubric(const core::Actor& actor, std::int64_t id) const;
  nlohmann::json create_rubric(const core::Context& ctx, const nlohmann::json& body) const;
  // Replaces sections and items; a version an inspection used is kept and a new version made.
  nlohmann::json update_rubric(const core::Context& ctx, std::int64_t id,
                               const nlohmann::json& body) const;

  // Schemes (inspection.manage to change).
  nlohmann::json list_schemes(const core::Actor& actor) const;
  nlohmann::json get_scheme(const core::Actor& actor, std::int64_t id) const;
  nlohmann::json create_scheme(const core::Context& ctx, const nlohmann::json& body) const;
  nlohmann::json update_scheme(const core::Context& ctx, std::int64_t id,
                               const nlohmann::json& body) const;

  // The company's grade boundaries, recurrence window and reward table.
  nlohmann::json settings(const core::Actor& actor) const;
  nlohmann::json update_settings(const core::Context& ctx, const nlohmann::json& body) const;

  // Inspections.
  nlohmann::json create_inspection(const core::Context& ctx, const nlohmann::json& body) const;
  nlohmann::json list_inspections(const core::Actor& actor, const core::Params& query) const;
  nlohmann::json get_inspection(const core::Actor& actor, std::int64_t id) const;
  // Records (or replaces) the deduction of one item; 409 once submitted.
  nlohmann::json record_deduction(const core::Context& ctx, std::int64_t id,
                                  const nlohmann::json& body) const;
  // Takes a deduction back while the inspection is open (409 once submitted); its photos stay
  // with the inspection.
  nlohmann::json remove_deduction(const core::Context& ctx, std::int64_t id,
                                  std::int64_t deduction_id) const;
  // Fixes the scores, the grade, recurring flags and the payments; 409 on a second submit.
  nlohmann::json submit(const core::Context& ctx, std::int64_t id) const;

  // Rectifications.
  nlohmann::json create_rectification(const core::Context& ctx, const nlohmann::json& body) const;
  nlohmann::json list_rectifications(const core::Actor& actor, const core::Params& query) const;
  nlohmann::json get_rectification(const core::Actor& actor, std::int64_t id) const;
  // complete (evidence), verify, reject (reason).
  nlohmann::json act_rectification(const core::Context& ctx, std::int64_t id,
                                   const std::string& action, const nlohmann::json& body) const;

  // Overdue rectifications escalate (periodic job): at the deadline the responsible person, the
  // project's supervisors and manager and the quality department are told (level 1); three days
  // later the manager and the quality department again (level 2). Each level once. Returns the
  // notifications written.
  int escalate_rectifications(std::int64_t now) const;

  // Payroll: an inspection's rewards and penalties as a table; a month's across projects.
  exports::Table payments_table(const core::Actor& actor, std::int64_t id) const;
  nlohmann::json month_payments(const core::Actor& actor, const core::Params& query) const;
  exports::Table month_payments_table(const core::Actor& actor, const core::Params& query) const;

  // Rubric files: one version as the JSON document or an XLSX workbook; import of either (a new
  // rubric, or an edit of the code's latest version under the versioning rules). `code`
  // imports the file under another code (a copy).
  nlohmann::json rubric_document(const core::Actor& actor, std::int64_t id) const;
  std::string rubric_xlsx(const core::Actor& actor, std::int64_t id) const;
  nlohmann::json import_rubric(const core::Context& ctx, const std::string& bytes, bool is_json,
                               const std::optional<std::string>& code) const;

  // Projects (or, with by=zone, zones) ranked by composite score for a period, with the change
  // from the previous period.
  nlohmann::json rankings(const core::Actor& actor, const core::Params& query) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace steward::inspections
