// The project dashboard and the region/company dashboard (issue 6). Every figure comes from the
// roll-ups, an index range or the small inspection tables; docs/dashboards.md has the formulas.
#include <algorithm>
#include <limits>

#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/inspections/dashboard_figures.hpp"
#include "modules/patrols/dashboard_figures.hpp"
#include "modules/kpi/cards.hpp"
#include "modules/kpi/figures.hpp"
#include "modules/kpi/kpi_service.hpp"
#include "modules/kpi/rollup_rules.hpp"

namespace steward::kpi {
namespace {

using ll = long long;
constexpr std::int64_t kDueSoon = 4 * 3600;  // "due soon": within 4 hours
constexpr int kOverdueList = 10;

// Orders on the board by status (roll-up) and by the state of their next deadline (index on
// project, next_due_at: only orders with a running clock have one).
nlohmann::json open_orders(db::Session& s, const ProjectInfo& p, std::int64_t now) {
  nlohmann::json by_status = nlohmann::json::object();
  ll total = 0;
  for (const auto& r : db::Query(s, "SELECT status, SUM(value) AS n FROM kpi_status WHERE "
                                    "project_id = :p GROUP BY status").bind("p", (ll)p.id).all()) {
    if (!on_board(r.str("status")) || r.i64("n") == 0) continue;
    by_status[r.str("status")] = r.i64("n");
    total += r.i64("n");
  }
  auto count = [&](const char* where, std::int64_t a, std::int64_t b) {
    return db::Query(s, std::string("SELECT COUNT(*) FROM work_order WHERE project_id = :p AND ") + where)
        .bind("p", (ll)p.id).bind("a", (ll)a).bind("b", (ll)b).scalar();
  };
  const ll overdue = count("next_due_at >= :a AND next_due_at < :b", 0, now);
  const ll soon = count("next_due_at >= :a AND next_due_at < :b", now, now + kDueSoon);
  const ll later = count("next_due_at >= :a AND next_due_at < :b", now + kDueSoon,
                         std::numeric_limits<ll>::max());
  return {{"total", total}, {"byStatus", by_status},
          {"byClock", {{"overdue", overdue}, {"dueSoon", soon}, {"onTrack", later},
                       {"noRunningClock", std::max<ll>(0, total - overdue - soon - later)}}}};
}

nlohmann::json overdue_now(db::Session& s, const ProjectInfo& p, std::int64_t now) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : db::Query(s, "SELECT id, code, kind, category, status, title, next_due_at "
                                    "FROM work_order WHERE project_id = :p AND next_due_at < :now "
                                    "ORDER BY next_due_at LIMIT " + std::to_string(kOverdueList))
                           .bind("p", (ll)p.id).bind("now", (ll)now).all())
    items.push_back({{"id", r.i64("id")}, {"code", r.str("code")}, {"kind", r.str("kind")},
                     {"category", r.str("category")}, {"status", r.str("status")},
                     {"title", r.str("title")},
                     {"dueAt", core::format_iso8601(r.i64("next_due_at"), p.offset)},
                     {"lateBySeconds", now - r.i64("next_due_at")}});
  return items;
}

nlohmann::json complaint_pareto(db::Session& s, const ProjectInfo& p, const std::string& month) {
  std::vector<std::pair<std::string, ll>> rows;
  ll total = 0;
  for (const auto& r : db::Query(s, "SELECT category, value FROM kpi_monthly WHERE project_id = :p "
                                    "AND month = :m AND metric = 'complaint'")
                           .bind("p", (ll)p.id).bind("m", month).all())
    if (r.i64("value") > 0) {
      rows.emplace_back(r.str("category"), r.i64("value"));
      total += r.i64("value");
    }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::map<std::string, std::pair<std::string, std::string>> names;
  for (const auto& r : db::Query(s, "SELECT code, name, name_en FROM wo_category").all())
    names[r.str("code")] = {r.str("name"), r.str("name_en")};
  nlohmann::json items = nlohmann::json::array();
  ll running = 0;
  for (const auto& [cat, n] : rows) {
    running += n;
    items.push_back({{"category", cat}, {"name", names[cat].first}, {"nameEn", names[cat].second},
                     {"count", n}, {"share", figure("percent", n, total) / 100.0},
                     {"cumulativeShare", figure("percent", running, total) / 100.0}});
  }
  return {{"month", month}, {"total", total}, {"items", items}};
}

nlohmann::json inspections_card(db::Session& s, const ProjectInfo& p, const std::vector<std::string>& months,
                                std::int64_t now) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& i : inspections::figures::submitted(s, p.id, months.front() + "-01", month_end(months.back())))
    list.push_back({{"id", i.id}, {"day", i.day}, {"score", i.score_centi / 100.0}, {"grade", i.grade},
                    {"target", i.target_name}});
  const auto rc = inspections::figures::rectifications(s, p.id, now);
  return {{"inspections", list},
          {"rectifications", {{"open", rc.open}, {"overdue", rc.overdue}}}};
}

std::vector<long long> visible(const core::Actor& actor, db::Session& s, std::optional<std::int64_t> region) {
  std::vector<long long> ids;
  db::Query q(s, region ? "SELECT id FROM project WHERE region_id = :r ORDER BY id"
                        : "SELECT id FROM project ORDER BY id");
  if (region) q.bind("r", (ll)*region);
  for (const auto& r : q.all())
    if (actor.sees_project(r.first_i64())) ids.push_back(r.first_i64());
  return ids;
}

}  // namespace

nlohmann::json KpiService::project_dashboard(const core::Actor& actor, std::int64_t project_id,
                                             const core::Params& query) const {
  core::require(actor, "dashboard.read");
  if (!actor.sees_project(project_id)) core::throw_not_found("project");
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    const auto found = projects_of(s, {static_cast<long long>(project_id)});
    if (found.empty()) core::throw_not_found("project");
    const ProjectInfo& p = found.front();
    const auto months = twelve_months(month_param(query, now, p.offset));
    const auto figures = compute(s, found, months, now);
    const auto targets = load_targets(s);
    nlohmann::json cards = nlohmann::json::array();
    for (const auto& d : target_defs()) cards.push_back(card_json(d, targets.at(d.code), p, figures, months));
    return nlohmann::json{
        {"project", {{"id", p.id}, {"code", p.code}, {"name", p.name}, {"regionId", p.region_id},
                     {"regionName", p.region_name}, {"customers", p.customers}}},
        {"month", months.back()},
        {"asOf", core::format_iso8601(now, p.offset)},
        {"cards", cards},
        {"openOrders", open_orders(s, p, now)},
        {"overdue", overdue_now(s, p, now)},
        {"complaintsByCategory", complaint_pareto(s, p, months.back())},
        {"quality", inspections_card(s, p, months, now)},
        {"patrols", patrols::figures::dashboard(s, p.id, now)},
    };
  });
}

nlohmann::json KpiService::company_dashboard(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "dashboard.read");
  const auto now = clock_.now();
  const auto region = query.id("regionId");
  return db_.read([&](db::Session& s) {
    const auto projects = projects_of(s, visible(actor, s, region));
    const std::string month = month_param(query, now, 8 * 3600);
    const auto figures = compute(s, projects, {month}, now);
    const auto targets = load_targets(s);
    struct Ranked { nlohmann::json row; int green = 0, red = 0; ll attainment = 0; };
    std::vector<Ranked> rows;
    for (const auto& p : projects) {
      Ranked r;
      nlohmann::json cells = nlohmann::json::object();
      const auto& figs = figures.at({p.id, month});
      for (const auto& d : target_defs()) {
        const auto& t = targets.at(d.code);
        const Figure f = figs.count(d.code) ? figs.at(d.code) : Figure{};
        cells[d.code] = figure_json(d, t, f);
        const Colour c = colour(t, d.unit, f.num, f.den);
        r.green += c == Colour::green;
        r.red += c == Colour::red;
        if (f.den > 0 && t.target > 0)  // share of the target reached, capped at 100 %
          r.attainment += std::min<ll>(10000, figure(d.unit, f.num, f.den) * 10000 / t.target);
      }
      r.row = {{"id", p.id}, {"code", p.code}, {"name", p.name}, {"regionId", p.region_id},
               {"regionName", p.region_name}, {"cells", cells}, {"green", r.green}, {"red", r.red}};
      rows.push_back(std::move(r));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Ranked& a, const Ranked& b) {
      if (a.green != b.green) return a.green > b.green;
      if (a.red != b.red) return a.red < b.red;
      return a.attainment > b.attainment;
    });
    nlohmann::json items = nlohmann::json::array(), defs = nlohmann::json::array();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      rows[i].row["rank"] = i + 1;
      items.push_back(rows[i].row);
    }
    for (const auto& d : target_defs())
      defs.push_back({{"code", d.code}, {"name", d.name_zh}, {"nameEn", d.name_en}, {"unit", d.unit},
                      {"target", targets.at(d.code).target / 100.0},
                      {"amberMargin", targets.at(d.code).amber_margin / 100.0}});
    return nlohmann::json{{"month", month}, {"targets", defs}, {"items", items}, {"total", items.size()}};
  });
}

}  // namespace steward::kpi
