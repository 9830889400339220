// Statistics from the daily counters kept as orders change (W9, Q2): never a scan of the orders.
#include "core/time.hpp"
#include "core/error.hpp"
#include "db/query.hpp"
#include "modules/kpi/rollups.hpp"
#include "modules/work_orders/dates.hpp"
#include "modules/work_orders/work_order_service.hpp"

namespace steward::work_orders {
namespace {

using ll = long long;

double share(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// The projects the statistics cover: one project, a region's, or all in the caller's scope.
std::string project_scope(db::Session& s, const core::Actor& actor, const core::Params& q) {
  std::vector<long long> ids;
  if (auto p = q.id("projectId")) {
    if (!actor.sees_project(*p)) core::throw_not_found("project");
    ids.push_back(*p);
  } else {
    std::string sql = "SELECT id FROM project";
    if (auto r = q.id("regionId")) sql += " WHERE region_id = " + std::to_string(*r);
    for (const auto& row : db::Query(s, sql).all())
      if (actor.sees_project(row.first_i64())) ids.push_back(row.first_i64());
  }
  return db::id_list(ids);
}

}  // namespace

std::string date_param(const core::Params& q, const std::string& key) {
  auto v = q.text(key);
  if (!v || v->size() != 10 || !core::parse_iso8601(*v + "T00:00:00Z"))
    core::throw_invalid("query parameter " + key + " must be a date YYYY-MM-DD",
                        {{key, "must be a date YYYY-MM-DD"}});
  return *v;
}

nlohmann::json WorkOrderService::stats(const core::Actor& actor, const core::Params& q) const {
  core::require(actor, "work_order.stats");
  const std::string from = date_param(q, "from"), to = date_param(q, "to");
  return db_.read([&](db::Session& s) {
    const std::string projects = project_scope(s, actor, q);
    std::map<std::string, std::int64_t> total;
    nlohmann::json by_kind = nlohmann::json::object(), by_category = nlohmann::json::object();
    db::Query sums(s, "SELECT kind, category, metric, SUM(value) AS n FROM wo_daily_stat WHERE "
                      "project_id IN (" + projects + ") AND day >= :from AND day <= :to "
                      "GROUP BY kind, category, metric");
    for (const auto& r : sums.bind("from", from).bind("to", to).all()) {
      const auto n = r.i64("n");
      const std::string metric = r.str("metric"), kind = r.str("kind");
      total[metric] += n;
      total[kind + "/" + metric] += n;
      if (metric == "registered") {
        by_kind[kind] = by_kind.value(kind, 0) + n;
        by_category[r.str("category")] = by_category.value(r.str("category"), 0) + n;
      }
    }
    nlohmann::json by_status = nlohmann::json::object();
    for (const auto& [status, n] : kpi::rollups::orders_by_status(s, projects)) by_status[status] = n;
    nlohmann::json clocks = nlohmann::json::object();
    for (const char* c : {"handle", "onsite", "contact", "handover", "acknowledge", "feedback", "resolve", "visit"}) {
      const auto met = total["clock." + std::string(c) + ".met"];
      const auto late = total["clock." + std::string(c) + ".breached"];
      clocks[c] = {{"met", met}, {"breached", late}, {"onTimeRate", share(met, met + late)}};
    }
    const auto completed_repairs = total["repair/completed"];
    const auto visits_due = completed_repairs + total["complaint/valid_complaint"];
    return nlohmann::json{
        {"from", from}, {"to", to},
        {"registered", total["registered"]},
        {"byKind", by_kind},
        {"byCategory", by_category},
        {"byStatus", by_status},
        {"clocks", clocks},
        {"visited", total["visited"]},
        {"returnVisitRate", share(total["repair/visited"] + total["complaint/visited"], visits_due)},
        {"satisfactionRate", share(total["satisfied"], total["visited"])},
        {"reworks", total["rework"]},
        {"reworkRate", share(total["rework"], completed_repairs)},
        {"validComplaints", total["valid_complaint"]},
        {"complaintsHandedOverIn24h", clocks["handover"]["onTimeRate"]},
    };
  });
}

}  // namespace steward::work_orders
