#pragma once
// Staff spot checks (DOMAIN I7): a supervisor, the command centre or the quality department
// checks one person (phone answering, morning-meeting behaviour, front-desk service) with the
// small rubric of the check's kind; each project has a daily quota per kind; a monthly score per
// front-desk person is the mean of the month's checks. The rubrics live in the inspections'
// rubric tables and score with the same rules (spot_check_rules.hpp).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/params.hpp"
#include "db/database.hpp"
#include "exports/table.hpp"
#include "http/router.hpp"

namespace steward::inspections {

class SpotCheckService {
 public:
  SpotCheckService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Installs each built-in spot-check rubric whose code the company lacks.
  void install_builtin() const;

  // The kinds with their daily quota and the latest version of their rubric (spot_check.read).
  nlohmann::json kinds(const core::Actor& actor) const;
  // {"dailyQuota": n}: the company's quota of a kind per project and day (spot_check.manage).
  nlohmann::json update_kind(const core::Context& ctx, const std::string& code,
                             const nlohmann::json& body) const;

  // Records a check of one person, scored at once (spot_check.record).
  nlohmann::json create(const core::Context& ctx, const nlohmann::json& body) const;
  nlohmann::json list(const core::Actor& actor, const core::Params& query) const;
  nlohmann::json get(const core::Actor& actor, std::int64_t id) const;
  // A project's checks of a day per kind against the quota (day defaults to today there).
  nlohmann::json quota(const core::Actor& actor, const core::Params& query) const;
  // The monthly score of every front-desk person of a project (month defaults to this month).
  nlohmann::json monthly(const core::Actor& actor, const core::Params& query) const;
  // The same as a table for a spreadsheet (GET /spot-check-scores/export?format=xlsx|csv).
  exports::Table monthly_table(const core::Actor& actor, const core::Params& query) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

void register_spot_check_routes(http::Router& router, const SpotCheckService& svc);

}  // namespace steward::inspections
