#include "modules/patrols/patrol_repo.hpp"

#include <cmath>

#include "core/error.hpp"
#include "core/time.hpp"

namespace steward::patrols::repo {
namespace {
using ll = long long;

const std::string kPlanSelect =
    "SELECT pl.*, p.name AS project_name, p.code AS project_code, p.time_zone, t.name AS "
    "team_name, u.display_name AS user_display FROM patrol_plan pl JOIN project p ON p.id = "
    "pl.project_id LEFT JOIN team t ON t.id = pl.assignee_team_id LEFT JOIN app_user u ON u.id "
    "= pl.assignee_user_id";

Plan complete(db::Session& s, db::Row row) {
  core::ErrorDetails ignored;
  auto schedule = parse_schedule(nlohmann::json::parse(row.str("schedule")), ignored);
  const auto quota_text = row.str("quota");
  std::optional<Quota> quota;
  if (!quota_text.empty()) quota = parse_quota(nlohmann::json::parse(quota_text), ignored);
  Plan p{std::move(row), schedule.value_or(Schedule{}), quota, {}, {}};
  p.items = db::Query(s,
                      "SELECT it.*, m.code AS metric_code, m.name AS metric_name, m.unit AS "
                      "metric_unit, m.decimals AS metric_decimals, m.builtin AS metric_builtin "
                      "FROM patrol_plan_item it LEFT JOIN patrol_metric m ON m.id = it.metric_id "
                      "WHERE it.plan_id = :p AND it.retired = 0 ORDER BY it.position, it.id")
                .bind("p", (ll)p.id())
                .all();
  p.checkpoints = db::Query(s,
                            "SELECT c.* FROM patrol_plan_checkpoint pc JOIN patrol_checkpoint c ON "
                            "c.id = pc.checkpoint_id WHERE pc.plan_id = :p ORDER BY pc.position")
                      .bind("p", (ll)p.id())
                      .all();
  return p;
}

}  // namespace

std::string in_projects(const core::Actor& actor, const std::string& column) {
  if (actor.all_projects) return "";
  return " AND " + column + " IN (" +
         db::id_list({actor.project_ids.begin(), actor.project_ids.end()}) + ")";
}

void require_any(const core::Actor& actor) {
  if (!actor.can("patrol.read") && !actor.can("patrol.perform")) core::throw_forbidden("patrol.read");
}

int offset_of(db::Session& s, std::int64_t project_id) {
  auto r = db::Query(s, "SELECT time_zone FROM project WHERE id = :p").bind("p", (ll)project_id).one();
  return r ? core::zone_offset_seconds(r->str("time_zone")).value_or(8 * 3600) : 8 * 3600;
}

std::string iso(std::int64_t t, int offset) { return core::format_iso8601(t, offset); }

nlohmann::json iso_or_null(std::optional<std::int64_t> t, int offset) {
  return t ? nlohmann::json(iso(*t, offset)) : nlohmann::json();
}

nlohmann::json value_json(std::optional<std::int64_t> scaled, int decimals) {
  if (!scaled) return nullptr;
  // Round to the metric's decimals so 0.55 is not shown as 0.5500000000000001.
  const double p = std::pow(10.0, decimals);
  return std::round(unscale(*scaled, decimals) * p) / p;
}

std::string display_name(db::Session& s, const core::Actor& actor) {
  if (auto u = db::Query(s, "SELECT display_name FROM app_user WHERE id = :id").bind("id", (ll)actor.user_id).one())
    if (!u->str("display_name").empty()) return u->str("display_name");
  return actor.username;
}

std::vector<std::int64_t> users_with_roles(db::Session& s, std::int64_t project_id,
                                           const std::vector<std::string>& roles) {
  std::string list;
  for (const auto& r : roles) list += (list.empty() ? "'" : ", '") + r + "'";  // our constants
  std::vector<std::int64_t> out;
  for (const auto& r : db::Query(s,
                                 "SELECT u.id FROM app_user u JOIN user_project up ON up.user_id = "
                                 "u.id WHERE up.project_id = :p AND u.active = 1 AND u.role IN (" +
                                     list + ") ORDER BY u.id")
                           .bind("p", (ll)project_id)
                           .all())
    out.push_back(r.first_i64());
  return out;
}

std::optional<db::Row> find_checkpoint(db::Session& s, const core::Actor& actor, std::int64_t id) {
  return db::Query(s,
                   "SELECT c.*, p.name AS project_name, p.code AS project_code FROM "
                   "patrol_checkpoint c JOIN project p ON p.id = c.project_id WHERE c.id = :id" +
                       in_projects(actor, "c.project_id"))
      .bind("id", (ll)id)
      .one();
}

std::string prefix(const std::string& text, std::size_t n) {
  std::size_t i = 0, count = 0;
  while (i < text.size() && count < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++count;
  }
  return text.substr(0, std::min(i, text.size()));
}

std::string qr_text(const std::string& project_code, const std::string& code) {
  return "steward:cp:" + project_code + ":" + code;
}

nlohmann::json metric_json(const db::Row& r) {
  return {{"id", r.i64("id")},     {"code", r.str("code")},         {"name", r.str("name")},
          {"unit", r.str("unit")}, {"decimals", r.i64("decimals")}, {"builtin", r.flag("builtin")}};
}

nlohmann::json checkpoint_json(db::Session& s, const db::Row& r, bool with_limits) {
  auto hhmm = [&](const char* col) {
    auto v = r.opt_i64(col);
    return v ? nlohmann::json(core::format_hhmm(static_cast<int>(*v))) : nlohmann::json();
  };
  nlohmann::json j{{"id", r.i64("id")},
                   {"projectId", r.i64("project_id")},
                   {"projectName", r.str("project_name")},
                   {"code", r.str("code")},
                   {"name", r.str("name")},
                   {"kind", r.str("kind")},
                   {"place", r.str("place")},
                   {"opensAt", hhmm("opens_min")},
                   {"closesAt", hhmm("closes_min")},
                   {"active", r.flag("active")},
                   {"stopped", r.flag("stopped")},
                   {"qr", qr_text(r.str("project_code"), r.str("code"))}};
  if (with_limits) {
    j["limits"] = nlohmann::json::array();
    for (const auto& l : db::Query(s,
                                   "SELECT l.*, m.code AS metric_code, m.decimals FROM patrol_limit "
                                   "l JOIN patrol_metric m ON m.id = l.metric_id WHERE "
                                   "l.checkpoint_id = :c ORDER BY m.id, l.period")
                             .bind("c", r.i64("id"))
                             .all()) {
      const int d = static_cast<int>(l.i64("decimals"));
      j["limits"].push_back({{"metricId", l.i64("metric_id")},
                             {"metricCode", l.str("metric_code")},
                             {"period", l.str("period")},
                             {"low", value_json(l.opt_i64("low_scaled"), d)},
                             {"high", value_json(l.opt_i64("high_scaled"), d)}});
    }
  }
  return j;
}

std::optional<Limit> limit_for(db::Session& s, std::int64_t checkpoint_id, std::int64_t metric_id,
                               const std::string& period) {
  for (const auto& p : {period, std::string("always")}) {
    auto r = db::Query(s,
                       "SELECT low_scaled, high_scaled FROM patrol_limit WHERE checkpoint_id = :c "
                       "AND metric_id = :m AND period = :p")
                 .bind("c", (ll)checkpoint_id)
                 .bind("m", (ll)metric_id)
                 .bind("p", p)
                 .one();
    if (r) return Limit{p, r->opt_i64("low_scaled"), r->opt_i64("high_scaled")};
  }
  return std::nullopt;
}

std::optional<Plan> load_plan(db::Session& s, const core::Actor& actor, std::int64_t id) {
  auto row = db::Query(s, kPlanSelect + " WHERE pl.id = :id" + in_projects(actor, "pl.project_id"))
                 .bind("id", (ll)id)
                 .one();
  if (!row) return std::nullopt;
  return complete(s, std::move(*row));
}

std::vector<Plan> active_plans(db::Session& s, const std::string& where_sql) {
  std::vector<Plan> out;
  for (auto& r : db::Query(s, kPlanSelect + " WHERE pl.active = 1" + where_sql + " ORDER BY pl.id").all())
    out.push_back(complete(s, std::move(r)));
  return out;
}

nlohmann::json plan_json(db::Session& s, const Plan& p) {
  const auto& r = p.row;
  nlohmann::json assignee{{"kind", r.str("assignee_kind")}};
  if (r.str("assignee_kind") == "role") {
    assignee["role"] = r.str("assignee_role");
    assignee["name"] = r.str("assignee_role");
  } else if (r.str("assignee_kind") == "team") {
    assignee["teamId"] = r.i64("assignee_team_id");
    assignee["name"] = r.str("team_name");
  } else {
    assignee["userId"] = r.i64("assignee_user_id");
    assignee["name"] = r.str("user_display");
  }
  nlohmann::json cps = nlohmann::json::array();
  for (const auto& c : p.checkpoints)
    cps.push_back({{"id", c.i64("id")}, {"code", c.str("code")}, {"name", c.str("name")}, {"place", c.str("place")}});
  nlohmann::json items = nlohmann::json::array();
  for (const auto& it : p.items) {
    nlohmann::json metric;
    if (auto m = it.opt_i64("metric_id"))
      metric = {{"id", *m},
                {"code", it.str("metric_code")},
                {"name", it.str("metric_name")},
                {"unit", it.str("metric_unit")},
                {"decimals", it.i64("metric_decimals")},
                {"builtin", it.flag("metric_builtin")}};
    items.push_back({{"id", it.i64("id")},
                     {"label", it.str("label")},
                     {"kind", it.str("kind")},
                     {"metricId", it.opt_i64("metric_id") ? nlohmann::json(*it.opt_i64("metric_id")) : nlohmann::json()},
                     {"metric", metric}});
  }
  (void)s;
  return {{"id", p.id()},
          {"projectId", p.project_id()},
          {"projectName", r.str("project_name")},
          {"name", r.str("name")},
          {"assignee", assignee},
          {"schedule", schedule_json(p.schedule)},
          {"graceMinutes", p.grace()},
          {"checkpoints", cps},
          {"items", items},
          {"quota", quota_json(p.quota)},
          {"active", r.flag("active")},
          {"startsAt", iso(p.starts_at(), p.offset())}};
}

int Plan::offset() const { return core::zone_offset_seconds(row.str("time_zone")).value_or(8 * 3600); }

bool assigned_to(db::Session& s, const Plan& p, const core::Actor& actor) {
  if (!actor.sees_project(p.project_id())) return false;
  const auto kind = p.row.str("assignee_kind");
  if (kind == "role") return actor.role == p.row.str("assignee_role");
  if (kind == "person") return p.row.opt_i64("assignee_user_id") == actor.user_id;
  auto r = db::Query(s,
                     "SELECT 1 FROM app_user u JOIN staff st ON st.id = u.staff_id WHERE u.id = :u "
                     "AND st.team_id = :t")
               .bind("u", (ll)actor.user_id)
               .bind("t", p.row.i64("assignee_team_id"))
               .one();
  return r.has_value();
}

}  // namespace steward::patrols::repo
