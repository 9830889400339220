#include "modules/kpi/figures.hpp"

#include <cstdio>

#include "core/time.hpp"
#include "modules/inspections/dashboard_figures.hpp"
#include "modules/kpi/rollup_rules.hpp"

namespace steward::kpi {
namespace {

using ll = long long;

std::vector<long long> ids_of(const std::vector<ProjectInfo>& projects) {
  std::vector<long long> ids;
  for (const auto& p : projects) ids.push_back(p.id);
  return ids;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::string month_end(const std::string& month) {
  const int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2));
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int d = m == 2 && leap(y) ? 29 : days[m - 1];
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::vector<std::string> twelve_months(const std::string& last) {
  int y = std::stoi(last.substr(0, 4)), m = std::stoi(last.substr(5, 2));
  std::vector<std::string> out(12);
  for (int i = 11; i >= 0; --i) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    out[i] = buf;
    if (--m == 0) m = 12, --y;
  }
  return out;
}

std::vector<ProjectInfo> projects_of(db::Session& s, const std::vector<long long>& ids) {
  std::vector<ProjectInfo> out;
  if (ids.empty()) return out;
  const std::string list = db::id_list(ids);
  std::map<ll, ll> customers;  // kept by triggers on customer (migration 0022)
  for (const auto& r : db::Query(s, "SELECT project_id, customers FROM kpi_customers WHERE "
                                    "project_id IN (" + list + ")").all())
    customers[r.i64("project_id")] = r.i64("customers");
  for (const auto& r : db::Query(s, "SELECT p.id, p.code, p.name, p.time_zone, p.region_id, "
                                    "rg.name AS region_name FROM project p JOIN region rg ON rg.id "
                                    "= p.region_id WHERE p.id IN (" + list + ") ORDER BY p.code").all()) {
    ProjectInfo p;
    p.id = r.i64("id");
    p.code = r.str("code");
    p.name = r.str("name");
    p.region_id = r.i64("region_id");
    p.region_name = r.str("region_name");
    p.offset = core::zone_offset_seconds(r.str("time_zone")).value_or(8 * 3600);
    p.customers = customers[p.id];
    out.push_back(p);
  }
  return out;
}

std::map<std::string, Target> load_targets(db::Session& s) {
  std::map<std::string, Target> out;
  for (const auto& r : db::Query(s, "SELECT code, target, amber_margin FROM kpi_target").all())
    out[r.str("code")] = {r.str("code"), r.i64("target"), r.i64("amber_margin")};
  return out;
}

Figures compute(db::Session& s, const std::vector<ProjectInfo>& projects,
                const std::vector<std::string>& months, std::int64_t now) {
  Figures out;
  if (projects.empty() || months.empty()) return out;
  const auto ids = ids_of(projects);
  const std::string list = db::id_list(ids), from = months.front() + "-01",
                    to = month_end(months.back());
  std::map<std::pair<ll, std::string>, std::map<std::string, ll>> sums;
  // The month sums of kpi_daily (kpi_monthly, kept by triggers on kpi_daily): one row per
  // project, month and metric instead of one per day.
  for (const auto& r : db::Query(s, "SELECT project_id, month, metric, value FROM kpi_monthly WHERE "
                                    "project_id IN (" + list + ") AND month >= :from AND month <= :to "
                                    "AND category = ''")
                           .bind("from", months.front()).bind("to", months.back()).all())
    sums[{r.i64("project_id"), r.str("month")}][r.str("metric")] += r.i64("value");
  // Running clocks past their deadline, through the partial index on (project, clock, due).
  // A clock counts in the month it (or, for resolve, its order) started, and no deadline comes
  // before its start, so only deadlines since the first month began (in the earliest time zone,
  // +14:00) can count: the range read grows with the months asked for, not with the years of
  // stuck orders behind them.
  const ll earliest = core::parse_iso8601(from + "T00:00:00+14:00").value_or(0);
  std::map<ll, int> offsets;
  for (const auto& p : projects) offsets[p.id] = p.offset;
  // Read from the index wo_clock_open_due alone (migration 0023); only a resolve clock's order is
  // looked up, since only a complaint's counts.
  const std::string running = "k.project_id IN (" + list + ") AND k.done_at IS NULL AND k.stopped = 0 AND "
                              "k.paused_since IS NULL AND k.due_at >= :earliest AND k.due_at < :now";
  auto overdue = [&](ll project, const std::string& clock, ll started) {
    const std::string code = clock == "handle" ? "handled_12h" : clock == "handover" ? "handover_24h"
                             : clock == "visit" ? "return_visit" : "valid_complaints_handled";
    auto& f = out[{project, local_month(started, offsets[project])}][code];
    f.overdue += 1;
    f.den += 1;
  };
  for (const auto& r : db::Query(s, "SELECT k.project_id, k.clock, k.start_at FROM wo_clock k WHERE k.clock IN "
                                    "('handle', 'handover', 'visit') AND " + running)
                           .bind("earliest", earliest).bind("now", (ll)now).all())
    overdue(r.i64("project_id"), r.str("clock"), r.i64("start_at"));
  for (const auto& r : db::Query(s, "SELECT k.project_id, o.reported_at FROM wo_clock k JOIN work_order o ON "
                                    "o.id = k.order_id WHERE k.clock = 'resolve' AND o.kind = 'complaint' AND " + running)
                           .bind("earliest", earliest).bind("now", (ll)now).all())
    overdue(r.i64("project_id"), "resolve", r.i64("reported_at"));
  std::map<std::pair<ll, std::string>, ll> called;
  for (const auto& r : db::Query(s, "SELECT project_id, month, COUNT(*) AS n FROM kpi_customer_month "
                                    "WHERE project_id IN (" + list + ") AND month >= :from AND "
                                    "month <= :to GROUP BY project_id, month")
                           .bind("from", months.front()).bind("to", months.back()).all())
    called[{r.i64("project_id"), r.str("month")}] = r.i64("n");
  const auto scores = inspections::figures::month_scores(s, ids, from, to);
  for (const auto& p : projects)
    for (const auto& m : months) {
      auto& figs = out[{p.id, m}];
      auto& n = sums[{p.id, m}];
      auto on_time = [&](const std::string& code, const std::string& clock) {
        auto& f = figs[code];
        f.num += n[clock + ".on_time"];
        f.den += n[clock + ".on_time"] + n[clock + ".late"];
      };
      figs["satisfaction"] = {n["satisfaction.satisfied"], n["satisfaction.rated"], 0};
      on_time("handover_24h", "handover");
      on_time("return_visit", "visit");
      on_time("handled_12h", "handle");
      figs["valid_complaints_handled"].num += n["complaint.handled"];
      figs["valid_complaints_handled"].den += n["complaint.handled"];
      figs["customers_called"] = {called[{p.id, m}], p.customers, 0};
      auto sc = scores.find({p.id, m});
      figs["inspection_score"] = sc == scores.end() ? Figure{} : Figure{sc->second.sum_centi, sc->second.count, 0};
    }
  return out;
}

}  // namespace steward::kpi
