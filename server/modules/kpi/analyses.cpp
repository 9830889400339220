// The analyses of issue 6 (W9): monthly complaint analysis, monthly return-visit report of repairs,
// quarterly statistics. docs/dashboards.md "Analyses" has every definition and its arithmetic.
#include "modules/kpi/analyses.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/kpi/analysis_rules.hpp"
#include "modules/kpi/cards.hpp"
#include "modules/kpi/figures.hpp"
#include "modules/kpi/rollup_rules.hpp"
#include "modules/kpi/targets.hpp"

namespace steward::kpi {
namespace {

using ll = long long;
using nlohmann::json;

// A share in percent with two decimals (figure() rounds half up), null without a denominator.
json share(ll num, ll den) { return den > 0 ? json(figure("percent", num, den) / 100.0) : json(); }

json target_figure(const std::map<std::string, Target>& targets, const std::string& code, const Figure& f) {
  const TargetDef* d = find_target(code);
  json j = figure_json(*d, targets.at(code), f);
  j["target"] = targets.at(code).target / 100.0;
  return j;
}

// The project named by ?projectId= (required), in the caller's scope.
ProjectInfo project_param(db::Session& s, const core::Actor& actor, const core::Params& query) {
  const auto id = query.id("projectId");
  if (!id) core::throw_invalid("query parameter projectId is required", {{"projectId", "is required"}});
  if (!actor.sees_project(*id)) core::throw_not_found("project");
  const auto found = projects_of(s, {static_cast<long long>(*id)});
  if (found.empty()) core::throw_not_found("project");
  return found.front();
}

json project_json(const ProjectInfo& p) {
  return {{"id", p.id}, {"code", p.code}, {"name", p.name}, {"regionName", p.region_name}};
}

std::map<std::string, std::pair<std::string, std::string>> category_names(db::Session& s) {
  std::map<std::string, std::pair<std::string, std::string>> names;
  for (const auto& r : db::Query(s, "SELECT code, name, name_en FROM wo_category").all())
    names[r.str("code")] = {r.str("name"), r.str("name_en")};
  return names;
}

struct ClockRow {
  std::string clock;
  ll due_at = 0;
  std::optional<ll> done_at, paused_since;
  bool stopped = false;
  bool late(ll now) const {
    if (done_at) return *done_at > due_at;
    return !stopped && !paused_since && due_at < now;
  }
};

// The orders of kind `kind` of one project whose `column` falls in [from, to), through the index on
// (project_id, column): the rows, and their clocks by order id.
struct MonthOrders {
  std::vector<db::Row> orders;
  std::map<ll, std::vector<ClockRow>> clocks;
};
MonthOrders month_orders(db::Session& s, const std::string& column, ll project, const std::string& kind,
                         ll from, ll to) {
  MonthOrders m;
  const std::string where = " WHERE o.project_id = :p AND o." + column + " >= :a AND o." + column +
                            " < :b AND o.kind = :k AND o.status <> 'cancelled'";
  m.orders = db::Query(s, "SELECT o.id, o.code, o.category, o.status, o.title, o.customer_id, "
                          "o.root_cause, o.valid_complaint, o.result, o.satisfaction, o.reported_at, "
                          "o.completed_at, o.visited_at, o.assignee_staff_id, o.department, "
                          "o.responsible_department FROM work_order o" + where +
                          " ORDER BY o." + column + ", o.id")
                 .bind("p", project).bind("a", from).bind("b", to).bind("k", kind).all();
  for (const auto& r : db::Query(s, "SELECT k.order_id, k.clock, k.due_at, k.done_at, k.stopped, "
                                    "k.paused_since FROM work_order o JOIN wo_clock k ON k.order_id = o.id" +
                                        where)
                           .bind("p", project).bind("a", from).bind("b", to).bind("k", kind).all())
    m.clocks[r.i64("order_id")].push_back({r.str("clock"), r.i64("due_at"), r.opt_i64("done_at"),
                                           r.opt_i64("paused_since"), r.i64("stopped") != 0});
  return m;
}

std::string iso(std::optional<ll> at, int offset) { return at ? core::format_iso8601(*at, offset) : ""; }
json iso_or_null(std::optional<ll> at, int offset) { return at ? json(core::format_iso8601(*at, offset)) : json(); }

std::string masked_phone(const core::FieldCipher& cipher, const std::string& enc, bool clear) {
  if (enc.empty()) return "";
  const std::string phone = cipher.decrypt(enc);
  return clear ? phone : core::mask_phone(phone);
}

std::map<ll, std::string> staff_names(db::Session& s, const std::set<ll>& ids) {
  std::map<ll, std::string> out;
  if (ids.empty()) return out;
  std::vector<long long> list(ids.begin(), ids.end());
  for (const auto& r : db::Query(s, "SELECT id, name FROM staff WHERE id IN (" + db::id_list(list) + ")").all())
    out[r.i64("id")] = r.str("name");
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The monthly complaint analysis.

json AnalysisService::complaints(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "dashboard.read");
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    const ProjectInfo p = project_param(s, actor, query);
    const std::string month = month_param(query, now, p.offset);
    const auto previous = analysis::months_before(month, 3);
    const ll from = analysis::month_start(month, p.offset),
             to = analysis::month_start(analysis::next_month(month), p.offset);
    const ll households = db::Query(s, "SELECT COUNT(*) FROM unit WHERE project_id = :p AND vacant = 0")
                              .bind("p", (ll)p.id).scalar();
    // Per category and month, from the roll-up (registered, not cancelled).
    std::map<std::string, ll> count, before;
    for (const auto& r : db::Query(s, "SELECT substr(day, 1, 7) AS month, category, SUM(value) AS n FROM "
                                      "kpi_daily WHERE project_id = :p AND day >= :from AND day <= :to "
                                      "AND metric = 'complaint' GROUP BY substr(day, 1, 7), category")
                             .bind("p", (ll)p.id).bind("from", previous.front() + "-01")
                             .bind("to", month_end(month)).all())
      (r.str("month") == month ? count : before)[r.str("category")] += r.i64("n");
    ll volume = 0;
    for (const auto& [c, n] : count) volume += n;
    const auto names = category_names(s);
    std::set<std::string> cats;
    for (const auto& [c, n] : count) if (n > 0) cats.insert(c);
    for (const auto& [c, n] : before) if (n > 0) cats.insert(c);
    std::vector<json> rows;
    json warnings = json::array();
    for (const auto& c : cats) {
      const ll n = count[c], prev = before[c];
      const bool warn = analysis::well_above(n, prev);
      const auto nm = names.count(c) ? names.at(c) : std::pair<std::string, std::string>{c, c};
      // the mean of three months in hundredths, half up
      const double mean = static_cast<double>((prev * 100 * 2 + 3) / 6) / 100.0;
      json row{{"category", c}, {"name", nm.first}, {"nameEn", nm.second}, {"count", n},
               {"share", share(n, volume)}, {"previousTotal", prev}, {"average3m", mean}, {"warning", warn}};
      if (warn) warnings.push_back({{"category", c}, {"name", nm.first}, {"nameEn", nm.second},
                                    {"count", n}, {"average3m", mean}});
      rows.push_back(row);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const json& a, const json& b) {
      return a["count"].get<ll>() > b["count"].get<ll>();
    });

    // The month's complaints themselves (index on project, reported_at).
    const auto m = month_orders(s, "reported_at", p.id, "complaint", from, to);
    ll valid = 0, invalid = 0, undecided = 0;
    std::map<std::string, std::vector<std::string>> causes;
    std::map<ll, std::vector<std::string>> by_customer;
    std::vector<const db::Row*> overdue;
    for (const auto& o : m.orders) {
      const auto v = o.opt_i64("valid_complaint");
      (v ? (*v ? valid : invalid) : undecided) += 1;
      causes[o.str("root_cause")].push_back(o.str("code"));
      if (auto c = o.opt_i64("customer_id")) by_customer[*c].push_back(o.str("code"));
      const auto k = m.clocks.find(o.i64("id"));
      if (k != m.clocks.end() &&
          std::any_of(k->second.begin(), k->second.end(), [&](const ClockRow& c) { return c.late(now); }))
        overdue.push_back(&o);
    }
    json root_causes = json::array();
    std::vector<std::pair<std::string, std::vector<std::string>>> cause_list(causes.begin(), causes.end());
    std::stable_sort(cause_list.begin(), cause_list.end(),
                     [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
    ll unrecorded = 0;
    for (const auto& [cause, codes] : cause_list) {
      if (cause.empty()) { unrecorded = static_cast<ll>(codes.size()); continue; }
      root_causes.push_back({{"rootCause", cause}, {"count", codes.size()}, {"orders", codes}});
    }

    // Repeat complainants: the same customer twice or more in the month.
    const bool clear = actor.can("customer.view_contact");
    json repeat = json::array();
    std::vector<long long> repeat_ids;
    for (const auto& [c, codes] : by_customer) if (codes.size() >= 2) repeat_ids.push_back(c);
    if (!repeat_ids.empty()) {
      for (const auto& r : db::Query(s, "SELECT c.id, c.name, c.phone_enc, u.name AS unit, b.name AS "
                                        "building FROM customer c JOIN unit u ON u.id = c.unit_id JOIN "
                                        "building b ON b.id = u.building_id WHERE c.id IN (" +
                                            db::id_list(repeat_ids) + ") ORDER BY c.id").all()) {
        const auto& codes = by_customer[r.i64("id")];
        repeat.push_back({{"customerId", r.i64("id")},
                          {"name", clear ? r.str("name") : analysis::mask_name(r.str("name"))},
                          {"phone", masked_phone(cipher_, r.str("phone_enc"), clear)},
                          {"unit", r.str("building") + " " + r.str("unit")},
                          {"count", codes.size()}, {"orders", codes}});
      }
      std::stable_sort(repeat.begin(), repeat.end(), [](const json& a, const json& b) {
        return a["count"].get<ll>() > b["count"].get<ll>();
      });
    }

    // What was overdue, and why: the late clocks, the root cause at closing, the inventory's
    // last word on it (complaint_check of an overdue day: root cause, next step, note).
    std::map<ll, db::Row> checks;
    for (auto& r : db::Query(s, "SELECT c.order_id, c.day, c.root_cause, c.next_step, c.note FROM work_order o "
                                "JOIN complaint_check c ON c.order_id = o.id WHERE o.project_id = :p AND "
                                "o.reported_at >= :a AND o.reported_at < :b AND o.kind = 'complaint' AND "
                                "c.overdue = 1 ORDER BY c.day")
                       .bind("p", (ll)p.id).bind("a", from).bind("b", to).all())
      checks.insert_or_assign(r.i64("order_id"), r);
    json overdue_list = json::array();
    for (const db::Row* o : overdue) {
      json clocks = json::array();
      for (const auto& k : m.clocks.at(o->i64("id")))
        if (k.late(now))
          clocks.push_back({{"clock", k.clock}, {"dueAt", core::format_iso8601(k.due_at, p.offset)},
                            {"doneAt", iso_or_null(k.done_at, p.offset)},
                            {"lateBySeconds", (k.done_at ? *k.done_at : now) - k.due_at}});
      const auto c = checks.find(o->i64("id"));
      const auto nm = names.count(o->str("category")) ? names.at(o->str("category")).first : o->str("category");
      overdue_list.push_back({{"id", o->i64("id")}, {"code", o->str("code")}, {"category", o->str("category")},
                              {"categoryName", nm}, {"title", o->str("title")}, {"status", o->str("status")},
                              {"responsibleDepartment", o->str("responsible_department")},
                              {"lateClocks", clocks}, {"rootCause", o->str("root_cause")},
                              {"checkRootCause", c == checks.end() ? "" : c->second.str("root_cause")},
                              {"checkNextStep", c == checks.end() ? "" : c->second.str("next_step")},
                              {"checkNote", c == checks.end() ? "" : c->second.str("note")}});
    }

    const auto figs = compute(s, {p}, {month}, now);
    const auto targets = load_targets(s);
    const auto& f = figs.at({p.id, month});
    const auto rate = analysis::rate_per_100(volume, households);
    return json{
        {"project", project_json(p)},
        {"month", month},
        {"asOf", core::format_iso8601(now, p.offset)},
        {"households", households},
        {"volume", volume},
        {"ratePer100", rate ? json(*rate / 100.0) : json()},
        {"categories", rows},
        {"warnings", warnings},
        {"warningRule", "count >= 1.5 x average of the 3 months before, and >= average + 3"},
        {"rootCauses", root_causes},
        {"rootCauseUnrecorded", unrecorded},
        {"validity", {{"valid", valid}, {"invalid", invalid}, {"undecided", undecided}}},
        {"handover24h", target_figure(targets, "handover_24h", f.at("handover_24h"))},
        {"validHandled", target_figure(targets, "valid_complaints_handled", f.at("valid_complaints_handled"))},
        {"repeatComplainants", repeat},
        {"contactMasked", !clear},
        {"overdue", overdue_list},
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The monthly return-visit report of repairs.

json AnalysisService::return_visits(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "dashboard.read");
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    const ProjectInfo p = project_param(s, actor, query);
    const std::string month = month_param(query, now, p.offset);
    const ll from = analysis::month_start(month, p.offset),
             to = analysis::month_start(analysis::next_month(month), p.offset);
    // Repairs completed in the month (index on project, completed_at).
    const auto m = month_orders(s, "completed_at", p.id, "repair", from, to);
    std::map<ll, std::string> comments;
    for (const auto& r : db::Query(s, "SELECT e.order_id, e.note FROM work_order o JOIN wo_event e ON "
                                      "e.order_id = o.id WHERE o.project_id = :p AND o.completed_at >= :a "
                                      "AND o.completed_at < :b AND o.kind = 'repair' AND e.action = 'visit' "
                                      "ORDER BY e.id")
                             .bind("p", (ll)p.id).bind("a", from).bind("b", to).all())
      comments[r.i64("order_id")] = r.str("note");
    std::vector<long long> ids;
    std::set<ll> staff;
    for (const auto& o : m.orders) {
      ids.push_back(o.i64("id"));
      if (auto st = o.opt_i64("assignee_staff_id")) staff.insert(*st);
    }
    std::map<ll, std::vector<json>> reworks;
    if (!ids.empty())
      for (const auto& r : db::Query(s, "SELECT id, code, status, rework_of_id FROM work_order WHERE "
                                        "rework_of_id IN (" + db::id_list(ids) + ") ORDER BY id").all())
        reworks[r.i64("rework_of_id")].push_back({{"id", r.i64("id")}, {"code", r.str("code")},
                                                  {"status", r.str("status")}});
    const auto techs = staff_names(s, staff);
    ll visited = 0, on_time = 0, late = 0, overdue = 0, pending = 0, satisfied = 0, neutral = 0, unhappy = 0;
    json items = json::array(), dissatisfied = json::array(), overdue_list = json::array();
    for (const auto& o : m.orders) {
      const ll id = o.i64("id");
      const ClockRow* visit = nullptr;
      if (m.clocks.count(id))
        for (const auto& k : m.clocks.at(id)) if (k.clock == "visit") visit = &k;
      const std::string sat = o.str("satisfaction");
      const bool was_visited = o.opt_i64("visited_at") && !sat.empty();
      std::string state;
      if (was_visited) {
        ++visited;
        const bool in_time = !visit || !visit->late(now);
        (in_time ? on_time : late) += 1;
        state = in_time ? "on_time" : "late";
        if (sat == "very_satisfied" || sat == "satisfied") ++satisfied;
        else if (sat == "neutral") ++neutral;
        else ++unhappy;
      } else if (visit && visit->late(now)) {
        ++overdue;
        state = "overdue";
      } else {
        ++pending;
        state = "pending";
      }
      const auto st = o.opt_i64("assignee_staff_id");
      const std::string tech = st && techs.count(*st) ? techs.at(*st) : o.str("department");
      json item{{"id", id}, {"code", o.str("code")}, {"title", o.str("title")}, {"category", o.str("category")},
                {"status", o.str("status")}, {"technician", tech},
                {"completedAt", iso(o.opt_i64("completed_at"), p.offset)},
                {"visitDueAt", visit ? json(core::format_iso8601(visit->due_at, p.offset)) : json()},
                {"visitedAt", iso_or_null(o.opt_i64("visited_at"), p.offset)},
                {"visit", state}, {"satisfaction", sat.empty() ? json() : json(sat)},
                {"comment", comments.count(id) ? comments.at(id) : ""},
                {"reworks", reworks.count(id) ? json(reworks.at(id)) : json::array()}};
      items.push_back(item);
      if (was_visited && (sat == "dissatisfied" || sat == "very_dissatisfied")) dissatisfied.push_back(item);
      if (state == "overdue") {
        json od = item;
        od["lateBySeconds"] = now - visit->due_at;
        overdue_list.push_back(od);
      }
    }
    const ll completed = static_cast<ll>(m.orders.size());
    const auto targets = load_targets(s);
    return json{
        {"project", project_json(p)},
        {"month", month},
        {"asOf", core::format_iso8601(now, p.offset)},
        {"completed", completed},
        {"visited", visited},
        {"visitedOnTime", on_time},
        {"visitedLate", late},
        {"overdue", overdue},
        {"pending", pending},
        {"visitRate", target_figure(targets, "return_visit", Figure{visited, completed, overdue})},
        {"onTimeRate", target_figure(targets, "return_visit", Figure{on_time, completed, overdue})},
        {"satisfied", satisfied},
        {"neutral", neutral},
        {"dissatisfiedCount", unhappy},
        {"satisfaction", target_figure(targets, "satisfaction", Figure{satisfied, visited, 0})},
        {"dissatisfied", dissatisfied},
        {"overdueVisits", overdue_list},
        {"items", items},
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Quarterly statistics.

json AnalysisService::quarterly(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "dashboard.read");
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    std::vector<ProjectInfo> projects;
    json scope;
    if (query.text("projectId")) {
      projects.push_back(project_param(s, actor, query));
      scope = {{"kind", "project"}, {"project", project_json(projects.front())}};
    } else {
      std::vector<long long> ids;
      for (const auto& r : db::Query(s, "SELECT id FROM project ORDER BY id").all())
        if (actor.sees_project(r.first_i64())) ids.push_back(r.first_i64());
      projects = projects_of(s, ids);
      scope = {{"kind", actor.all_projects ? "company" : "projects"}, {"projects", projects.size()}};
    }
    std::string quarter;
    if (auto q = query.text("quarter")) {
      quarter = *q;
    } else {
      quarter = analysis::quarter_of(local_month(now, 8 * 3600));
    }
    const auto months = analysis::quarter_months(quarter);
    if (months.empty())
      core::throw_invalid("query parameter quarter must be a quarter YYYY-Qn", {{"quarter", "must be a quarter YYYY-Qn"}});
    const auto figs = compute(s, projects, months, now);
    const auto targets = load_targets(s);
    std::vector<long long> ids;
    for (const auto& p : projects) ids.push_back(p.id);
    // Orders registered by kind, and reworks, from the daily counters of the statistics.
    std::map<std::string, std::map<std::string, ll>> kinds;  // month -> kind -> n
    std::map<std::string, ll> rework, complaints;
    if (!ids.empty()) {
      for (const auto& r : db::Query(s, "SELECT substr(day, 1, 7) AS month, kind, metric, SUM(value) AS n FROM "
                                        "wo_daily_stat WHERE project_id IN (" + db::id_list(ids) + ") AND day >= "
                                        ":from AND day <= :to AND metric IN ('registered', 'rework') GROUP BY "
                                        "substr(day, 1, 7), kind, metric")
                               .bind("from", months.front() + "-01").bind("to", month_end(months.back())).all()) {
        if (r.str("metric") == "rework") rework[r.str("month")] += r.i64("n");
        else kinds[r.str("month")][r.str("kind")] += r.i64("n");
      }
      for (const auto& r : db::Query(s, "SELECT substr(day, 1, 7) AS month, SUM(value) AS n FROM kpi_daily WHERE "
                                        "project_id IN (" + db::id_list(ids) + ") AND day >= :from AND day <= :to "
                                        "AND metric = 'complaint' GROUP BY substr(day, 1, 7)")
                               .bind("from", months.front() + "-01").bind("to", month_end(months.back())).all())
        complaints[r.str("month")] += r.i64("n");
    }
    // Per month and the quarter: each target's figure summed over the projects.
    auto summed = [&](const std::string& code, const std::vector<std::string>& ms) {
      Figure total;
      for (const auto& p : projects)
        for (const auto& mo : ms) {
          auto it = figs.find({p.id, mo});
          if (it == figs.end() || !it->second.count(code)) continue;
          const Figure& f = it->second.at(code);
          total.num += f.num;
          total.den += f.den;
          total.overdue += f.overdue;
        }
      return total;
    };
    json month_rows = json::array();
    json quarter_kinds = json::object();
    ll quarter_rework = 0, quarter_complaints = 0, quarter_orders = 0;
    for (const auto& mo : months) {
      json by_kind = json::object();
      ll total = 0;
      for (const auto& k : {"repair", "complaint", "consultation", "suggestion", "praise"}) {
        const ll n = kinds[mo][k];
        by_kind[k] = n;
        total += n;
        quarter_kinds[k] = quarter_kinds.value(k, ll{0}) + n;
      }
      json targets_json = json::object();
      for (const auto& d : target_defs()) targets_json[d.code] = target_figure(targets, d.code, summed(d.code, {mo}));
      month_rows.push_back({{"month", mo}, {"orders", total}, {"byKind", by_kind}, {"complaints", complaints[mo]},
                            {"rework", rework[mo]}, {"targets", targets_json}});
      quarter_rework += rework[mo];
      quarter_complaints += complaints[mo];
      quarter_orders += total;
    }
    json quarter_targets = json::object();
    for (const auto& d : target_defs()) quarter_targets[d.code] = target_figure(targets, d.code, summed(d.code, months));
    json defs = json::array();
    for (const auto& d : target_defs())
      defs.push_back({{"code", d.code}, {"name", d.name_zh}, {"nameEn", d.name_en}, {"unit", d.unit},
                      {"target", targets.at(d.code).target / 100.0}});
    return json{
        {"quarter", quarter},
        {"months", months},
        {"scope", scope},
        {"asOf", core::format_iso8601(now, 8 * 3600)},
        {"targetDefs", defs},
        {"byMonth", month_rows},
        {"total", {{"orders", quarter_orders}, {"byKind", quarter_kinds}, {"complaints", quarter_complaints},
                   {"rework", quarter_rework}, {"targets", quarter_targets}}},
    };
  });
}

}  // namespace steward::kpi
