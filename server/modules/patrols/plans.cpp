// Check plans (P1): what is checked (items), where (checkpoints), how often (schedule, grace) and
// by whom (a role, team or person); a plan's due slots on a day.
#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/auth/roles.hpp"
#include "modules/patrols/patrol_repo.hpp"
#include "modules/patrols/patrol_service.hpp"
#include "modules/patrols/slots.hpp"

namespace steward::patrols {
namespace {

using ll = long long;
using json::Input;

struct ItemIn {
  std::optional<std::int64_t> id;
  std::string label, kind;
  std::optional<std::int64_t> metric;
};

struct PlanIn {
  std::optional<std::int64_t> project_id;
  std::string name;
  std::string assignee_kind, assignee_role;
  std::optional<std::int64_t> team_id, user_id;
  std::optional<Schedule> schedule;
  std::int64_t grace = 0;
  std::vector<std::int64_t> checkpoints;
  std::vector<ItemIn> items;
  std::optional<Quota> quota;
  bool active = true;
  std::optional<std::int64_t> starts_on;  // the local day the plan starts on, when given
};

PlanIn read_plan(const nlohmann::json& body, bool creating, core::ErrorDetails& errors) {
  Input in(body, Input::Mode::create);
  PlanIn p;
  if (creating) p.project_id = in.id("projectId");
  else if (in.has("projectId")) in.fail("projectId", "cannot change");
  p.name = in.text("name", {.max = 100}).value_or("");
  if (auto a = in.object("assignee")) {
    const auto kind = a->contains("kind") && (*a)["kind"].is_string() ? (*a)["kind"].get<std::string>() : "";
    p.assignee_kind = kind;
    auto only = [&](const std::set<std::string>& known) {
      for (const auto& [k, v] : a->items())
        if (!known.count(k)) in.fail("assignee." + k, "is not a field of this assignee kind");
    };
    auto positive = [&](const char* key) -> std::optional<std::int64_t> {
      if (!a->contains(key) || !(*a)[key].is_number_integer() || (*a)[key].get<ll>() <= 0) {
        in.fail(std::string("assignee.") + key, "is required (a positive id)");
        return std::nullopt;
      }
      return (*a)[key].get<ll>();
    };
    if (kind == "role") {
      only({"kind", "role"});
      p.assignee_role = a->contains("role") && (*a)["role"].is_string() ? (*a)["role"].get<std::string>() : "";
      if (!auth::find_role(p.assignee_role) || p.assignee_role == "owner")
        in.fail("assignee.role", "must be a staff role");
    } else if (kind == "team") {
      only({"kind", "teamId"});
      p.team_id = positive("teamId");
    } else if (kind == "person") {
      only({"kind", "userId"});
      p.user_id = positive("userId");
    } else {
      in.fail("assignee.kind", "must be role, team or person");
    }
  }
  if (auto sch = in.object("schedule")) p.schedule = parse_schedule(*sch, errors);
  p.grace = in.integer("graceMinutes", {.required = false, .min = 0, .max = 1440}).value_or(0);
  if (auto ids = in.ids("checkpointIds", true, 200)) {
    p.checkpoints = *ids;
    if (ids->empty()) in.fail("checkpointIds", "must name at least one checkpoint");
    std::set<std::int64_t> unique(ids->begin(), ids->end());
    if (unique.size() != ids->size()) in.fail("checkpointIds", "must not repeat a checkpoint");
  }
  const auto n = in.objects("items", 50, [&](Input& item, std::size_t) {
    ItemIn it;
    it.id = item.id("id", false);
    it.label = item.text("label", {.max = 100}).value_or("");
    it.kind = item.choice("kind", {"check", "reading"}).value_or("");
    it.metric = item.id("metricId", false);
    if (it.kind == "reading" && !it.metric) item.fail("metricId", "is required for a reading");
    if (it.kind == "check" && it.metric) item.fail("metricId", "belongs to readings only");
    p.items.push_back(it);
  }, true);
  if (in.has("items") && n == 0 && body["items"].is_array()) in.fail("items", "must have at least one item");
  if (in.has("quota")) {
    if (body["quota"].is_null()) {
      in.object("quota", false);  // read: null clears it
    } else if (auto q = in.object("quota", false)) {
      p.quota = parse_quota(*q, errors);
    }
  }
  p.active = in.boolean("active", false).value_or(true);
  if (auto d = in.text("startsOn", {.required = false, .max = 10})) {
    p.starts_on = parse_day(*d);
    if (!p.starts_on) in.fail("startsOn", "must be a date YYYY-MM-DD");
  }
  try {
    in.finish();
  } catch (const core::AppError& e) {
    for (const auto& [k, v] : e.details()) errors.emplace(k, v);
  }
  return p;
}

// Checks every reference against the project; throws 400 naming the fields.
void check_references(db::Session& s, const PlanIn& p, std::int64_t project, std::int64_t plan_id,
                      core::ErrorDetails& errors) {
  if (p.team_id &&
      !db::Query(s, "SELECT id FROM team WHERE id = :t AND project_id = :p").bind("t", (ll)*p.team_id).bind("p", (ll)project).one())
    errors.emplace("assignee.teamId", "is not a team of the project");
  if (p.user_id &&
      !db::Query(s,
                 "SELECT u.id FROM app_user u JOIN user_project up ON up.user_id = u.id WHERE u.id "
                 "= :u AND up.project_id = :p AND u.active = 1")
           .bind("u", (ll)*p.user_id)
           .bind("p", (ll)project)
           .one())
    errors.emplace("assignee.userId", "is not an active user of the project");
  for (std::size_t i = 0; i < p.checkpoints.size(); ++i)
    if (!db::Query(s, "SELECT id FROM patrol_checkpoint WHERE id = :c AND project_id = :p")
             .bind("c", (ll)p.checkpoints[i])
             .bind("p", (ll)project)
             .one())
      errors.emplace("checkpointIds[" + std::to_string(i) + "]", "is not a checkpoint of the project");
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    const std::string name = "items[" + std::to_string(i) + "]";
    if (p.items[i].metric &&
        !db::Query(s, "SELECT id FROM patrol_metric WHERE id = :m").bind("m", (ll)*p.items[i].metric).one())
      errors.emplace(name + ".metricId", "is not a metric");
    if (p.items[i].id) {
      auto it = db::Query(s, "SELECT kind, metric_id FROM patrol_plan_item WHERE id = :i AND plan_id = :p AND retired = 0")
                    .bind("i", (ll)*p.items[i].id)
                    .bind("p", (ll)plan_id)
                    .one();
      if (!it)
        errors.emplace(name + ".id", "is not an item of this plan");
      else if (it->str("kind") != p.items[i].kind || it->opt_i64("metric_id") != p.items[i].metric)
        errors.emplace(name + ".kind", "an item keeps its kind and metric: add a new item instead");
    }
  }
  if (!errors.empty()) core::throw_invalid("invalid request", errors);
}

void write_parts(db::Session& s, const PlanIn& p, std::int64_t plan_id) {
  db::Query(s, "DELETE FROM patrol_plan_checkpoint WHERE plan_id = :p").bind("p", (ll)plan_id).exec();
  for (std::size_t i = 0; i < p.checkpoints.size(); ++i)
    db::Query(s, "INSERT INTO patrol_plan_checkpoint (plan_id, checkpoint_id, position) VALUES (:p, :c, :i)")
        .bind("p", (ll)plan_id)
        .bind("c", (ll)p.checkpoints[i])
        .bind("i", (ll)i)
        .exec();
  std::vector<ll> kept;
  for (const auto& it : p.items)
    if (it.id) kept.push_back(*it.id);
  db::Query(s, "UPDATE patrol_plan_item SET retired = 1 WHERE plan_id = :p" +
                   (kept.empty() ? std::string() : " AND id NOT IN (" + db::id_list(kept) + ")"))
      .bind("p", (ll)plan_id)
      .exec();
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    const auto& it = p.items[i];
    if (it.id) {
      db::Query(s, "UPDATE patrol_plan_item SET position = :i, label = :l WHERE id = :id")
          .bind("i", (ll)i)
          .bind("l", it.label)
          .bind("id", (ll)*it.id)
          .exec();
    } else {
      db::Query(s,
                "INSERT INTO patrol_plan_item (plan_id, position, label, kind, metric_id, retired) "
                "VALUES (:p, :i, :l, :k, :m, 0)")
          .bind("p", (ll)plan_id)
          .bind("i", (ll)i)
          .bind("l", it.label)
          .bind("k", it.kind)
          .bind("m", it.metric ? std::optional<ll>(*it.metric) : std::nullopt)
          .exec();
    }
  }
}

std::optional<ll> opt(std::optional<std::int64_t> v) { return v ? std::optional<ll>(*v) : std::nullopt; }

// The instant a plan given `startsOn` starts: local midnight of that day, within a year of today
// either way (named in `errors` otherwise).
std::optional<std::int64_t> start_of(db::Session& s, const PlanIn& p, std::int64_t project, std::int64_t now,
                                     core::ErrorDetails& errors) {
  if (!p.starts_on) return std::nullopt;
  const int off = repo::offset_of(s, project);
  const auto today = local_day_of(now, off);
  if (*p.starts_on < today - 365 || *p.starts_on > today + 365) {
    errors.emplace("startsOn", "must be within a year of today");
    return std::nullopt;
  }
  return instant_of(*p.starts_on, 0, off);
}

}  // namespace

nlohmann::json PatrolService::list_plans(const core::Actor& actor, const core::Params& q) const {
  repo::require_any(actor);
  const auto project = q.id("projectId");
  const auto active = q.flag("active");
  return db_.read([&](db::Session& s) {
    std::string where = repo::in_projects(actor, "pl.project_id");
    if (project) where += " AND pl.project_id = " + std::to_string(*project);
    std::string sql = "SELECT id FROM patrol_plan pl WHERE 1 = 1" + where;
    if (active) sql += *active ? " AND pl.active = 1" : " AND pl.active = 0";
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : db::Query(s, sql + " ORDER BY pl.project_id, pl.id").all())
      items.push_back(repo::plan_json(s, *repo::load_plan(s, actor, r.i64("id"))));
    return nlohmann::json{{"items", items}};
  });
}

nlohmann::json PatrolService::get_plan(const core::Actor& actor, std::int64_t id) const {
  repo::require_any(actor);
  return db_.read([&](db::Session& s) {
    auto p = repo::load_plan(s, actor, id);
    if (!p) core::throw_not_found("plan");
    return repo::plan_json(s, *p);
  });
}

nlohmann::json PatrolService::create_plan(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.manage");
  core::ErrorDetails errors;
  auto p = read_plan(body, true, errors);
  if (p.project_id && !ctx.actor.sees_project(*p.project_id))
    errors.emplace("projectId", "is not a project you can see");
  for (const auto& it : p.items)
    if (it.id) errors.emplace("items", "a new plan's items have no id");
  if (!errors.empty()) core::throw_invalid("invalid request", errors);
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    if (!db::Query(s, "SELECT id FROM project WHERE id = :p").bind("p", (ll)*p.project_id).one())
      core::throw_invalid("invalid request", {{"projectId", "is not a project you can see"}});
    // Due from its creation unless it names the day it starts on.
    const auto starts_at = start_of(s, p, *p.project_id, now, errors).value_or(now);
    check_references(s, p, *p.project_id, 0, errors);
    const auto id = db::Query(s,
                              "INSERT INTO patrol_plan (project_id, name, assignee_kind, "
                              "assignee_role, assignee_team_id, assignee_user_id, schedule, "
                              "grace_min, quota, active, starts_at, created_at, updated_at) VALUES "
                              "(:p, :n, :ak, :ar, :at, :au, :s, :g, :q, :a, :st, :c, :u) RETURNING id")
                        .bind("p", (ll)*p.project_id)
                        .bind("n", p.name)
                        .bind("ak", p.assignee_kind)
                        .bind("ar", p.assignee_role)
                        .bind("at", opt(p.team_id))
                        .bind("au", opt(p.user_id))
                        .bind("s", schedule_json(*p.schedule).dump())
                        .bind("g", (ll)p.grace)
                        .bind("q", p.quota ? quota_json(p.quota).dump() : std::string())
                        .bind("a", p.active)
                        .bind("st", (ll)starts_at)
                        .bind("c", (ll)now)
                        .bind("u", (ll)now)
                        .scalar();
    write_parts(s, p, id);
    auto j = repo::plan_json(s, *repo::load_plan(s, ctx.actor, id));
    audit::record(s, ctx, now, {*p.project_id, "patrol_plan", id, "create", nullptr, j});
    return j;
  });
}

nlohmann::json PatrolService::update_plan(const core::Context& ctx, std::int64_t id,
                                          const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.manage");
  core::ErrorDetails errors;
  auto p = read_plan(body, false, errors);
  if (!errors.empty()) core::throw_invalid("invalid request", errors);
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto old = repo::load_plan(s, ctx.actor, id);
    if (!old) core::throw_not_found("plan");
    const auto before = repo::plan_json(s, *old);
    // startsOn moves the start; without it the plan keeps the start it had.
    const auto starts_at = start_of(s, p, old->project_id(), now, errors).value_or(old->starts_at());
    check_references(s, p, old->project_id(), id, errors);
    db::Query(s,
              "UPDATE patrol_plan SET name = :n, assignee_kind = :ak, assignee_role = :ar, "
              "assignee_team_id = :at, assignee_user_id = :au, schedule = :s, grace_min = :g, "
              "quota = :q, active = :a, starts_at = :st, updated_at = :u WHERE id = :id")
        .bind("n", p.name)
        .bind("ak", p.assignee_kind)
        .bind("ar", p.assignee_role)
        .bind("at", opt(p.team_id))
        .bind("au", opt(p.user_id))
        .bind("s", schedule_json(*p.schedule).dump())
        .bind("g", (ll)p.grace)
        .bind("q", p.quota ? quota_json(p.quota).dump() : std::string())
        .bind("a", p.active)
        .bind("st", (ll)starts_at)
        .bind("u", (ll)now)
        .bind("id", (ll)id)
        .exec();
    write_parts(s, p, id);
    auto j = repo::plan_json(s, *repo::load_plan(s, ctx.actor, id));
    audit::record(s, ctx, now, {old->project_id(), "patrol_plan", id, "update", before, j});
    return j;
  });
}

nlohmann::json PatrolService::plan_slots(const core::Actor& actor, std::int64_t id,
                                         const core::Params& q) const {
  repo::require_any(actor);
  const auto date = q.text("date");
  const auto day = date ? parse_day(*date) : std::nullopt;
  if (!day) core::throw_invalid("invalid query", {{"date", "is required: a date YYYY-MM-DD"}});
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    auto p = repo::load_plan(s, actor, id);
    if (!p) core::throw_not_found("plan");
    nlohmann::json items = nlohmann::json::array();
    if (p->row.flag("active"))
      for (const auto& sc : evaluate(s, *p, *day, *day, now)) items.push_back(slot_json(sc));
    return nlohmann::json{{"date", *date}, {"items", items}};
  });
}

}  // namespace steward::patrols
