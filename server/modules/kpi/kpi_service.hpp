#pragma once
// Targets and dashboards (DOMAIN Q2, W9, S2; issue 6). Reads the roll-ups kept by the work-order
// write path (rollups.hpp), the index of running clocks and the inspection figures; never scans
// the orders. See docs/dashboards.md.
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/params.hpp"
#include "db/database.hpp"

namespace steward::kpi {

class KpiService {
 public:
  KpiService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // The company's targets (dashboard.read); target.manage changes one.
  nlohmann::json targets(const core::Actor& actor) const;
  nlohmann::json update_target(const core::Context& ctx, const std::string& code,
                               const nlohmann::json& body) const;

  // One project: the targets as cards with a 12-month trend, open orders by clock state, what is
  // overdue now, complaints by category, inspections and rectifications. ?month=YYYY-MM.
  nlohmann::json project_dashboard(const core::Actor& actor, std::int64_t project_id,
                                   const core::Params& query) const;
  // Projects ranked, and the grid of project x target. ?regionId=&month=YYYY-MM.
  nlohmann::json company_dashboard(const core::Actor& actor, const core::Params& query) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace steward::kpi
