#pragma once
// The dashboards' roll-ups (kpi_daily, kpi_status, kpi_customer_month): moved inside the
// transaction of each work-order change, rebuilt from the orders when asked. The work-order write
// path calls facts() before and after the change and track() once (work_order_write.cpp).
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "db/database.hpp"
#include "db/query.hpp"
#include "modules/kpi/rollup_rules.hpp"

namespace steward::kpi::rollups {

// The order's state as the roll-ups see it (read-only on the work-order tables).
OrderFacts facts(db::Session& s, std::int64_t order_id);
// Moves the project's roll-ups from `before` (none: a new order) to `after`.
void track(db::Session& s, std::int64_t project_id, const std::optional<OrderFacts>& before,
           const OrderFacts& after);

// Adds contributions summed over many orders (a bulk import) to the project's roll-ups.
void add(db::Session& s, std::int64_t project_id, const Contributions& c);

// Orders per status now in the projects (an id list we hold), from kpi_status.
std::map<std::string, std::int64_t> orders_by_status(db::Session& s, const std::string& project_ids);

// Recomputes the roll-ups of one project from its orders, in the caller's transaction.
void rebuild_project(db::Session& s, std::int64_t project_id);
// Every project, one transaction each; returns the number of orders read. Run it while nothing
// else writes (at start, or from `steward rollups` with the server stopped).
std::int64_t rebuild_all(db::Database& db);
// At start: rebuilds when migration 0013 found orders written before the roll-ups existed.
void rebuild_if_needed(db::Database& db);

}  // namespace steward::kpi::rollups
