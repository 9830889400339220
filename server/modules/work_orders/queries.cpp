// Reading orders: one with its timeline, lists with filters sorted by the next deadline, and the
// statistics from the daily counters (W9, Q2).
#include <map>

#include "core/time.hpp"
#include "core/error.hpp"
#include "db/query.hpp"
#include "modules/auth/roles.hpp"
#include "modules/work_orders/charges.hpp"
#include "modules/work_orders/dates.hpp"
#include "modules/work_orders/work_order.hpp"
#include "modules/work_orders/work_order_repo.hpp"
#include "modules/work_orders/work_order_service.hpp"
#include "modules/work_orders/work_order_view.hpp"

namespace steward::work_orders {
namespace {

using ll = long long;

struct Where {
  std::string sql;
  std::vector<std::pair<std::string, db::Value>> binds;
  int filters = 0;  // clauses from the query's parameters (after the actor's scope)
  void add(const std::string& clause) {
    sql += (sql.empty() ? " WHERE " : " AND ") + clause;
    ++filters;
  }
  void add(const std::string& clause, const std::string& name, db::Value v) {
    add(clause);
    binds.emplace_back(name, std::move(v));
  }
  void bind_to(db::Query& q) const {
    for (const auto& [n, v] : binds) q.bind(n, v);
  }
};

std::string in_list(const std::vector<std::int64_t>& ids) {
  return db::id_list({ids.begin(), ids.end()});
}

void scope(Where& w, const core::Actor& actor) {
  if (actor.is_owner())
    w.add("o.customer_id = :own", "own", (ll)*actor.customer_id);
  else if (!actor.all_projects)
    w.add("o.project_id IN (" + in_list(actor.project_ids) + ")");
}

void choice_filter(Where& w, const core::Params& q, const std::string& param,
                   const std::string& column, const std::vector<std::string>& allowed) {
  auto v = q.text(param);
  if (!v) return;
  if (std::find(allowed.begin(), allowed.end(), *v) == allowed.end())
    core::throw_invalid("query parameter " + param + " is not a known value", {{param, "is not a known value"}});
  w.add(column + " = :" + param, param, *v);
}

// A day of the from/to filter is a local day of each order's project: it starts at midnight at
// the project's offset. The projects nearly always share their zone, and then one bound serves
// every order (and the reported_at index); otherwise the bound is per group of projects.
void day_filter(Where& w, db::Session& s, const core::Params& q, const std::string& param, bool end) {
  const auto midnight_utc = core::parse_iso8601(date_param(q, param) + "T00:00:00Z");
  const std::int64_t bound = *midnight_utc + (end ? 86400 : 0);
  const std::string op = end ? " < :" : " >= :";
  std::map<int, std::vector<long long>> by_offset;
  for (const auto& p : db::Query(s, "SELECT id, time_zone FROM project").all())
    by_offset[core::zone_offset_seconds(p.str("time_zone")).value_or(8 * 3600)].push_back(p.i64("id"));
  if (by_offset.size() <= 1) {
    const int offset = by_offset.empty() ? 8 * 3600 : by_offset.begin()->first;
    w.add("o.reported_at" + op + param, param, (ll)(bound - offset));
    return;
  }
  std::string any;
  int k = 0;
  for (const auto& [offset, ids] : by_offset) {
    const std::string name = param + std::to_string(k++);
    any += std::string(any.empty() ? "" : " OR ") + "(o.project_id IN (" + db::id_list(ids) +
           ") AND o.reported_at" + op + name + ")";
    w.binds.emplace_back(name, (ll)(bound - offset));
  }
  w.add("(" + any + ")");
}

constexpr const char* kOpenStatuses = "('registered', 'dispatched', 'accepted', 'in_progress', 'waiting')";

// The number of a project's open orders, the list's usual view, from the status roll-up kept in
// the same transaction as every change (kpi_status), when no other filter narrows it (the two
// filters of `w` are the project and `open`): at ten million orders, counting the index entries
// (ten thousand open orders in the largest project) was half of the list's time (perf).
// nullopt: the list counts.
std::optional<ll> open_total_from_rollup(db::Session& s, const core::Actor& actor, const core::Params& q,
                                         const Where& w) {
  const auto project = q.id("projectId");
  const auto open = q.flag("open");
  if (!project || !open || !*open || w.filters != 2 || actor.is_owner()) return std::nullopt;
  if (!actor.all_projects &&
      std::find(actor.project_ids.begin(), actor.project_ids.end(), *project) == actor.project_ids.end())
    return std::nullopt;
  return db::Query(s, std::string("SELECT COALESCE(SUM(value), 0) FROM kpi_status WHERE project_id = :p AND "
                                  "status IN ") + kOpenStatuses)
      .bind("p", (ll)*project)
      .scalar();
}

Where list_filters(db::Session& s, const core::Actor& actor, const core::Params& q, std::int64_t now) {
  Where w;
  scope(w, actor);
  w.filters = 0;
  const std::pair<const char*, const char*> ids[] = {
      {"projectId", "o.project_id"},  {"zoneId", "o.zone_id"},         {"buildingId", "o.building_id"},
      {"unitId", "o.unit_id"},        {"assigneeStaffId", "o.assignee_staff_id"},
      {"customerId", "o.customer_id"}, {"reworkOfId", "o.rework_of_id"}};
  for (const auto& [param, column] : ids)
    if (auto id = q.id(param)) w.add(std::string(column) + " = :" + param, param, (ll)*id);
  choice_filter(w, q, "status", "o.status", statuses());
  choice_filter(w, q, "kind", "o.kind", kinds());
  choice_filter(w, q, "priority", "o.priority", priorities());
  choice_filter(w, q, "channel", "o.channel", channels());
  if (auto c = q.text("category")) w.add("o.category = :category", "category", *c);
  if (q.text("from")) day_filter(w, s, q, "from", false);
  if (q.text("to")) day_filter(w, s, q, "to", true);
  if (auto open = q.flag("open"); open && *open)
    w.add(std::string("o.status IN ") + kOpenStatuses);
  if (auto overdue = q.flag("overdue"); overdue && *overdue)
    w.add("o.next_due_at < :now", "now", (ll)now);
  if (auto text = q.text("q")) {
    w.add("(o.code LIKE :q1 OR o.title LIKE :q2 OR o.reporter_name LIKE :q3)");
    for (const char* n : {"q1", "q2", "q3"}) w.binds.emplace_back(n, "%" + *text + "%");
  }
  return w;
}

}  // namespace

nlohmann::json WorkOrderService::get(const core::Actor& actor, std::int64_t id) const {
  core::require(actor, "work_order.read");
  const auto cal = calendar_.calendar();
  return db_.read([&](db::Session& s) {
    auto o = repo::find_order(s, actor, id);
    if (!o) core::throw_not_found("work order");
    auto j = order_json(*o, repo::clocks(s, id), *cal, actor, cipher_, clock_.now());
    nlohmann::json timeline = nlohmann::json::array();
    for (const auto& e : repo::events(s, id)) timeline.push_back(event_json(e, offset_of(*o)));
    j["timeline"] = timeline;
    add_charge_details(s, j, id, actor, clock_.now(), offset_of(*o));
    auto reworks = db::Query(s, "SELECT id, code FROM work_order WHERE rework_of_id = :id ORDER BY id")
                       .bind("id", (ll)id)
                       .all();
    j["reworks"] = nlohmann::json::array();
    for (const auto& r : reworks) j["reworks"].push_back({{"id", r.i64("id")}, {"code", r.str("code")}});
    return j;
  });
}

nlohmann::json WorkOrderService::list(const core::Actor& actor, const core::Params& q) const {
  core::require(actor, "work_order.read");
  const auto now = clock_.now();
  const auto page = q.page();
  const auto cal = calendar_.calendar();
  return db_.read([&](db::Session& s) {
    const Where w = list_filters(s, actor, q, now);
    auto total = open_total_from_rollup(s, actor, q, w);
    if (!total) {
      db::Query count(s, "SELECT COUNT(*) FROM work_order o" + w.sql);
      w.bind_to(count);
      total = count.scalar();
    }
    // Orders with a running deadline first, soonest first; then the newest. The page's ids come
    // from the order table (its indexes) alone; only those 20 rows get their joins and clocks
    // (docs/performance.md). `o.next_due_at IS NULL` matches the open-orders index (0016).
    db::Query page_ids(s, "SELECT o.id FROM work_order o" + w.sql +
                              " ORDER BY o.next_due_at IS NULL, o.next_due_at, o.id DESC "
                              "LIMIT :limit OFFSET :offset");
    w.bind_to(page_ids);
    page_ids.bind("limit", page.size).bind("offset", (ll)page.offset());
    std::vector<long long> ids;
    for (const auto& r : page_ids.all()) ids.push_back(r.first_i64());
    std::map<std::int64_t, db::Row> found;
    if (!ids.empty())
      for (auto& o : db::Query(s, repo::order_select() + " WHERE o.id IN (" + db::id_list(ids) + ")").all())
        found.emplace(o.i64("id"), std::move(o));
    auto clocks = repo::clocks_of(s, ids);
    nlohmann::json items = nlohmann::json::array();
    for (const auto id : ids)
      if (auto it = found.find(id); it != found.end())
        items.push_back(order_json(it->second, clocks[id], *cal, actor, cipher_, now));
    return nlohmann::json{{"items", items}, {"total", *total}};
  });
}

nlohmann::json WorkOrderService::categories() const {
  return db_.read([](db::Session& s) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : db::Query(s, "SELECT * FROM wo_category WHERE active = 1 ORDER BY sort_order").all())
      items.push_back({{"code", r.str("code")}, {"name", r.str("name")}, {"nameEn", r.str("name_en")}});
    return nlohmann::json{{"items", items}, {"total", items.size()}};
  });
}

}  // namespace steward::work_orders
