#include "modules/kpi/rollups.hpp"

#include <spdlog/spdlog.h>

#include "core/time.hpp"

namespace steward::kpi::rollups {
namespace {

using ll = long long;

const char* kOrderColumns =
    "SELECT o.id, o.kind, o.category, o.status, o.satisfaction, o.reported_at, o.completed_at, "
    "o.visited_at, o.customer_id, o.valid_complaint, p.time_zone FROM work_order o JOIN project p "
    "ON p.id = o.project_id";

OrderFacts read_order(const db::Row& r) {
  OrderFacts f;
  f.kind = r.str("kind");
  f.category = r.str("category");
  f.status = r.str("status");
  f.satisfaction = r.is_null("satisfaction") ? "" : r.str("satisfaction");
  f.reported_at = r.i64("reported_at");
  f.completed_at = r.opt_i64("completed_at");
  f.visited_at = r.opt_i64("visited_at");
  f.customer_id = r.opt_i64("customer_id");
  if (auto v = r.opt_i64("valid_complaint")) f.valid = *v != 0;
  f.offset = core::zone_offset_seconds(r.str("time_zone")).value_or(8 * 3600);
  return f;
}

ClockFact read_clock(const db::Row& r) {
  return {r.str("clock"), r.i64("start_at"), r.i64("due_at"), r.opt_i64("done_at"), r.flag("stopped")};
}

void apply(db::Session& s, std::int64_t project_id, const Contributions& d) {
  for (const auto& [key, v] : d.daily) {
    const auto& [day, metric, category] = key;
    db::Query(s,
              "INSERT INTO kpi_daily (project_id, day, metric, category, value) VALUES (:p, :d, "
              ":m, :c, :v) ON CONFLICT (project_id, day, metric, category) DO UPDATE SET value = "
              "kpi_daily.value + excluded.value")
        .bind("p", (ll)project_id).bind("d", day).bind("m", metric).bind("c", category)
        .bind("v", (ll)v).exec();
  }
  for (const auto& [key, v] : d.status)
    db::Query(s,
              "INSERT INTO kpi_status (project_id, kind, status, value) VALUES (:p, :k, :s, :v) ON "
              "CONFLICT (project_id, kind, status) DO UPDATE SET value = kpi_status.value + "
              "excluded.value")
        .bind("p", (ll)project_id).bind("k", key.first).bind("s", key.second).bind("v", (ll)v)
        .exec();
  for (const auto& [key, v] : d.customers) {
    db::Query(s,
              "INSERT INTO kpi_customer_month (project_id, month, customer_id, visits) VALUES (:p, "
              ":m, :c, :v) ON CONFLICT (project_id, month, customer_id) DO UPDATE SET visits = "
              "kpi_customer_month.visits + excluded.visits")
        .bind("p", (ll)project_id).bind("m", key.first).bind("c", (ll)key.second).bind("v", (ll)v)
        .exec();
    if (v < 0)
      db::Query(s, "DELETE FROM kpi_customer_month WHERE project_id = :p AND month = :m AND "
                   "customer_id = :c AND visits <= 0")
          .bind("p", (ll)project_id).bind("m", key.first).bind("c", (ll)key.second).exec();
  }
}

}  // namespace

OrderFacts facts(db::Session& s, std::int64_t order_id) {
  auto row = db::Query(s, std::string(kOrderColumns) + " WHERE o.id = :id").bind("id", (ll)order_id).one();
  if (!row) return {};
  OrderFacts f = read_order(*row);
  for (const auto& r : db::Query(s, "SELECT clock, start_at, due_at, done_at, stopped FROM wo_clock "
                                    "WHERE order_id = :o")
                           .bind("o", (ll)order_id)
                           .all())
    f.clocks.push_back(read_clock(r));
  return f;
}

void track(db::Session& s, std::int64_t project_id, const std::optional<OrderFacts>& before,
           const OrderFacts& after) {
  const Contributions d =
      before ? difference(contributions(after), contributions(*before)) : contributions(after);
  if (!d.empty()) apply(s, project_id, d);
}

void add(db::Session& s, std::int64_t project_id, const Contributions& c) {
  if (!c.empty()) apply(s, project_id, c);
}

std::map<std::string, std::int64_t> orders_by_status(db::Session& s, const std::string& project_ids) {
  std::map<std::string, std::int64_t> out;
  if (project_ids.empty()) return out;
  for (const auto& r : db::Query(s, "SELECT status, SUM(value) AS n FROM kpi_status WHERE project_id "
                                    "IN (" + project_ids + ") GROUP BY status").all())
    if (r.i64("n") != 0) out[r.str("status")] = r.i64("n");
  return out;
}

void rebuild_project(db::Session& s, std::int64_t project_id) {
  // kpi_monthly follows kpi_daily by its triggers (migration 0022); its rows, zero now, go too.
  for (const char* table : {"kpi_daily", "kpi_monthly", "kpi_status", "kpi_customer_month"})
    db::Query(s, std::string("DELETE FROM ") + table + " WHERE project_id = :p")
        .bind("p", (ll)project_id).exec();
  Contributions total;
  constexpr std::size_t kBatch = 500;
  ll after_id = 0;
  for (;;) {
    // Orders in batches by id through the project's index; their clocks by order id.
    auto rows = db::Query(s, std::string(kOrderColumns) + " WHERE o.project_id = :p AND o.id > "
                             ":after ORDER BY o.id LIMIT " + std::to_string(kBatch))
                    .bind("p", (ll)project_id).bind("after", after_id).all();
    if (rows.empty()) break;
    std::map<ll, OrderFacts> batch;
    std::vector<ll> ids;
    for (const auto& r : rows) {
      ids.push_back(r.i64("id"));
      batch.emplace(r.i64("id"), read_order(r));
    }
    after_id = ids.back();
    for (const auto& r : db::Query(s, "SELECT order_id, clock, start_at, due_at, done_at, stopped "
                                      "FROM wo_clock WHERE order_id IN (" + db::id_list(ids) + ")")
                             .all())
      batch[r.i64("order_id")].clocks.push_back(read_clock(r));
    for (const auto& [id, f] : batch) accumulate(total, contributions(f));
    if (rows.size() < kBatch) break;
  }
  apply(s, project_id, total);
}

std::int64_t rebuild_all(db::Database& db) {
  std::vector<ll> projects;
  db.read([&](db::Session& s) {
    for (const auto& r : db::Query(s, "SELECT id FROM project ORDER BY id").all())
      projects.push_back(r.first_i64());
  });
  for (ll p : projects) db.write([&](db::Session& s) { rebuild_project(s, p); });
  std::int64_t orders = 0;
  db.write([&](db::Session& s) {
    db::Query(s, "DELETE FROM kpi_rollup_state WHERE name = 'rebuild'").exec();
    orders = db::Query(s, "SELECT COUNT(*) FROM work_order").scalar();
  });
  return orders;
}

void rebuild_if_needed(db::Database& db) {
  const bool needed = db.read([&](db::Session& s) {
    return db::Query(s, "SELECT value FROM kpi_rollup_state WHERE name = 'rebuild'").one().has_value();
  });
  if (!needed) return;
  spdlog::info("rebuilding the dashboards' roll-ups from the work orders");
  const auto n = rebuild_all(db);
  spdlog::info("roll-ups rebuilt from {} work orders", n);
}

}  // namespace steward::kpi::rollups
