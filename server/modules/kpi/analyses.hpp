#pragma once
// The monthly and quarterly analyses (DOMAIN W9, S2, Q2; issue 6): the complaint analysis of a
// project's month with early warnings, the return-visit report of its repairs, and the quarter's
// figures against the targets by month. Each is JSON for the page and the same figures as sheets
// for XLSX/CSV. Figures come from the roll-ups where they exist; the lists behind them are read
// through indexes bounded by project and month. See docs/dashboards.md "Analyses".
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/params.hpp"
#include "db/database.hpp"
#include "exports/table.hpp"
#include "http/router.hpp"

namespace steward::kpi {

class AnalysisService {
 public:
  AnalysisService(db::Database& db, const core::Clock& clock, const core::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // ?projectId=&month=YYYY-MM (dashboard.read; 404 outside the caller's projects).
  nlohmann::json complaints(const core::Actor& actor, const core::Params& query) const;
  // ?projectId=&month=YYYY-MM
  nlohmann::json return_visits(const core::Actor& actor, const core::Params& query) const;
  // ?quarter=YYYY-Qn[&projectId=]: one project, or every project the caller sees, summed.
  nlohmann::json quarterly(const core::Actor& actor, const core::Params& query) const;

  // The same reports as sheets (title, columns, rows), for exports::download.
  static std::vector<exports::Table> complaint_tables(const nlohmann::json& report);
  static std::vector<exports::Table> visit_tables(const nlohmann::json& report);
  static std::vector<exports::Table> quarter_tables(const nlohmann::json& report);

 private:
  db::Database& db_;
  const core::Clock& clock_;
  const core::FieldCipher& cipher_;
};

// GET /api/v1/analyses/{complaints,return-visits,quarterly}[/export?format=xlsx|csv]. The
// service is owned by the routes.
void register_analysis_routes(http::Router& router, db::Database& db, const core::Clock& clock,
                              const core::FieldCipher& cipher);

}  // namespace steward::kpi
