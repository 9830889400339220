// Checkpoints (P1): places that are checked, their QR labels and check-in by code; metrics and the
// limits of a facility's readings.
#include <algorithm>

#include "core/error.hpp"
#include "core/time.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/patrols/patrol_repo.hpp"
#include "modules/patrols/patrol_service.hpp"
#include "modules/patrols/slots.hpp"

namespace steward::patrols {
namespace {

using ll = long long;
using json::Input;

const std::vector<std::string> kKinds{"post", "room", "facility", "area", "equipment", "other"};
const std::vector<std::string> kPeriods{"always", "open_morning", "open_afternoon", "closed"};

bool code_ok(const std::string& c) {
  return !c.empty() && c.size() <= 32 && std::all_of(c.begin(), c.end(), [](unsigned char ch) {
           return std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.';
         });
}

struct CheckpointInput {
  std::optional<std::int64_t> project_id;
  std::string code, name, kind, place;
  std::optional<int> opens, closes;
  bool active = true;
};

CheckpointInput read_checkpoint(const nlohmann::json& body, bool creating) {
  Input in(body, Input::Mode::create);
  CheckpointInput c;
  if (creating) c.project_id = in.id("projectId");
  else if (in.has("projectId")) in.fail("projectId", "cannot change");
  c.code = in.text("code", {.max = 32}).value_or("");
  if (in.has("code") && !c.code.empty() && !code_ok(c.code))
    in.fail("code", "must be 1-32 letters, digits, '-', '_' or '.'");
  c.name = in.text("name", {.max = 50}).value_or("");
  c.kind = in.choice("kind", kKinds).value_or("");
  c.place = in.text("place", {.required = false, .min = 0, .max = 100}).value_or("");
  auto time = [&](const char* key, bool end) -> std::optional<int> {
    if (!in.has(key) || body.at(key).is_null()) {
      if (in.has(key)) in.text(key, {.required = false, .min = 0});  // mark as read
      return std::nullopt;
    }
    auto t = in.text(key, {.max = 5});
    if (!t) return std::nullopt;
    if (end && *t == "24:00") return 1440;
    auto m = core::parse_hhmm(*t);
    if (!m) in.fail(key, end ? "must be a time HH:MM (24:00 allowed)" : "must be a time HH:MM");
    return m;
  };
  c.opens = time("opensAt", false);
  c.closes = time("closesAt", true);
  if (c.opens.has_value() != c.closes.has_value()) in.fail("closesAt", "opensAt and closesAt go together");
  else if (c.opens && *c.closes == *c.opens) in.fail("closesAt", "must differ from opensAt (before it: open past midnight)");
  c.active = in.boolean("active", false).value_or(true);
  in.finish();
  return c;
}

// Codes are compared upper-cased (they are ASCII): "cs-pool-01" finds "CS-POOL-01".
std::string upper_code(std::string c) {
  for (auto& ch : c)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return c;
}

void refuse_taken_code(db::Session& s, std::int64_t project_id, const std::string& code,
                       std::int64_t except_id) {
  if (db::Query(s, "SELECT id FROM patrol_checkpoint WHERE project_id = :p AND UPPER(code) = :c AND id <> :id")
          .bind("p", (ll)project_id)
          .bind("c", upper_code(code))
          .bind("id", (ll)except_id)
          .one())
    core::throw_conflict("patrol.code_taken", "another checkpoint of the project has this code",
                         {{"code", "is taken in this project"}});
}

std::optional<ll> opt(std::optional<int> v) {
  return v ? std::optional<ll>(*v) : std::nullopt;
}

}  // namespace

nlohmann::json PatrolService::list_checkpoints(const core::Actor& actor, const core::Params& q) const {
  repo::require_any(actor);
  const auto project = q.id("projectId");
  const auto kind = q.text("kind");
  const auto text = q.text("q");
  if (kind && std::find(kKinds.begin(), kKinds.end(), *kind) == kKinds.end())
    core::throw_invalid("invalid query", {{"kind", "must be one of post, room, facility, area, equipment, other"}});
  return db_.read([&](db::Session& s) {
    std::string sql =
        "SELECT c.*, p.name AS project_name, p.code AS project_code FROM patrol_checkpoint c JOIN "
        "project p ON p.id = c.project_id WHERE 1 = 1" + repo::in_projects(actor, "c.project_id");
    if (project) sql += " AND c.project_id = :p";
    if (kind) sql += " AND c.kind = :k";
    if (text) sql += " AND (c.code LIKE :q1 OR c.name LIKE :q2 OR c.place LIKE :q3)";
    db::Query query(s, sql + " ORDER BY c.project_id, c.code");
    if (project) query.bind("p", (ll)*project);
    if (kind) query.bind("k", *kind);
    if (text)
      for (const char* k : {"q1", "q2", "q3"}) query.bind(k, "%" + *text + "%");
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : query.all()) items.push_back(repo::checkpoint_json(s, r, false));
    return nlohmann::json{{"items", items}};
  });
}

nlohmann::json PatrolService::get_checkpoint(const core::Actor& actor, std::int64_t id) const {
  repo::require_any(actor);
  return db_.read([&](db::Session& s) {
    auto r = repo::find_checkpoint(s, actor, id);
    if (!r) core::throw_not_found("checkpoint");
    return repo::checkpoint_json(s, *r, true);
  });
}

nlohmann::json PatrolService::create_checkpoint(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.manage");
  const auto c = read_checkpoint(body, true);
  if (!ctx.actor.sees_project(*c.project_id))
    core::throw_invalid("invalid request", {{"projectId", "is not a project you can see"}});
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    if (!db::Query(s, "SELECT id FROM project WHERE id = :p").bind("p", (ll)*c.project_id).one())
      core::throw_invalid("invalid request", {{"projectId", "is not a project you can see"}});
    refuse_taken_code(s, *c.project_id, c.code, 0);
    const auto id = db::Query(s,
                              "INSERT INTO patrol_checkpoint (project_id, code, name, kind, place, "
                              "opens_min, closes_min, active, stopped, created_at, updated_at) VALUES "
                              "(:p, :code, :name, :kind, :place, :o, :c, :a, 0, :t1, :t2) RETURNING id")
                        .bind("p", (ll)*c.project_id)
                        .bind("code", c.code)
                        .bind("name", c.name)
                        .bind("kind", c.kind)
                        .bind("place", c.place)
                        .bind("o", opt(c.opens))
                        .bind("c", opt(c.closes))
                        .bind("a", c.active)
                        .bind("t1", (ll)now)
                        .bind("t2", (ll)now)
                        .scalar();
    auto j = repo::checkpoint_json(s, *repo::find_checkpoint(s, ctx.actor, id), true);
    audit::record(s, ctx, now, {*c.project_id, "patrol_checkpoint", id, "create", nullptr, j});
    return j;
  });
}

nlohmann::json PatrolService::update_checkpoint(const core::Context& ctx, std::int64_t id,
                                                const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.manage");
  const auto c = read_checkpoint(body, false);
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto r = repo::find_checkpoint(s, ctx.actor, id);
    if (!r) core::throw_not_found("checkpoint");
    const auto before = repo::checkpoint_json(s, *r, true);
    refuse_taken_code(s, r->i64("project_id"), c.code, id);
    db::Query(s,
              "UPDATE patrol_checkpoint SET code = :code, name = :name, kind = :kind, place = "
              ":place, opens_min = :o, closes_min = :c, active = :a, updated_at = :t WHERE id = :id")
        .bind("code", c.code)
        .bind("name", c.name)
        .bind("kind", c.kind)
        .bind("place", c.place)
        .bind("o", opt(c.opens))
        .bind("c", opt(c.closes))
        .bind("a", c.active)
        .bind("t", (ll)now)
        .bind("id", (ll)id)
        .exec();
    auto j = repo::checkpoint_json(s, *repo::find_checkpoint(s, ctx.actor, id), true);
    audit::record(s, ctx, now, {r->i64("project_id"), "patrol_checkpoint", id, "update", before, j});
    return j;
  });
}

nlohmann::json PatrolService::set_limits(const core::Context& ctx, std::int64_t id,
                                         const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.manage");
  struct In {
    std::int64_t metric = 0;
    std::string period;
    std::optional<double> low, high;
    std::size_t index = 0;
  };
  std::vector<In> items;
  Input in(body, Input::Mode::create);
  in.objects("items", 50, [&](Input& item, std::size_t i) {
    In x;
    x.index = i;
    x.metric = item.id("metricId").value_or(0);
    x.period = item.choice("period", kPeriods).value_or("");
    x.low = item.number("low", false);
    x.high = item.number("high", false);
    items.push_back(x);
  }, true);
  in.finish();
  core::ErrorDetails errors;
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto r = repo::find_checkpoint(s, ctx.actor, id);
    if (!r) core::throw_not_found("checkpoint");
    const auto before = repo::checkpoint_json(s, *r, true);
    struct Scaled {
      std::int64_t metric;
      std::string period;
      std::optional<ll> low, high;
    };
    std::vector<Scaled> rows;
    for (const auto& x : items) {
      const std::string p = "items[" + std::to_string(x.index) + "]";
      auto m = db::Query(s, "SELECT decimals FROM patrol_metric WHERE id = :m").bind("m", (ll)x.metric).one();
      if (!m) {
        if (x.metric) errors.emplace(p + ".metricId", "is not a metric");
        continue;
      }
      const int d = static_cast<int>(m->i64("decimals"));
      Scaled sc{x.metric, x.period, std::nullopt, std::nullopt};
      if (x.low) {
        auto v = scale_value(*x.low, d);
        if (!v) errors.emplace(p + ".low", "has more than " + std::to_string(d) + " decimals");
        else sc.low = *v;
      }
      if (x.high) {
        auto v = scale_value(*x.high, d);
        if (!v) errors.emplace(p + ".high", "has more than " + std::to_string(d) + " decimals");
        else sc.high = *v;
      }
      if (!x.low && !x.high) errors.emplace(p + ".low", "low or high is required");
      if (sc.low && sc.high && *sc.low > *sc.high) errors.emplace(p + ".high", "must not be below low");
      for (const auto& other : rows)
        if (other.metric == sc.metric && other.period == sc.period)
          errors.emplace(p + ".period", "is given twice for this metric");
      rows.push_back(sc);
    }
    if (!errors.empty()) core::throw_invalid("invalid request", errors);
    db::Query(s, "DELETE FROM patrol_limit WHERE checkpoint_id = :c").bind("c", (ll)id).exec();
    for (const auto& x : rows)
      db::Query(s,
                "INSERT INTO patrol_limit (checkpoint_id, metric_id, period, low_scaled, "
                "high_scaled) VALUES (:c, :m, :p, :lo, :hi)")
          .bind("c", (ll)id)
          .bind("m", (ll)x.metric)
          .bind("p", x.period)
          .bind("lo", x.low)
          .bind("hi", x.high)
          .exec();
    auto j = repo::checkpoint_json(s, *r, true);
    audit::record(s, ctx, now, {r->i64("project_id"), "patrol_checkpoint", id, "limits", before, j});
    return j;
  });
}

nlohmann::json PatrolService::checkpoint_by_code(const core::Actor& actor, const std::string& raw,
                                                 const core::Params& q) const {
  repo::require_any(actor);
  // Typed codes may carry spaces around them.
  const auto first = raw.find_first_not_of(" \t");
  const std::string typed = first == std::string::npos ? "" : raw.substr(first, raw.find_last_not_of(" \t") - first + 1);
  std::string code = typed, project_code;
  if (typed.rfind("steward:cp:", 0) == 0) {
    const auto rest = typed.substr(11);
    const auto colon = rest.find(':');
    if (colon == std::string::npos) core::throw_not_found("checkpoint");
    project_code = rest.substr(0, colon);
    code = rest.substr(colon + 1);
  }
  const auto project = q.id("projectId");
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    std::string sql =
        "SELECT c.*, p.name AS project_name, p.code AS project_code FROM patrol_checkpoint c JOIN "
        "project p ON p.id = c.project_id WHERE UPPER(c.code) = :c" + repo::in_projects(actor, "c.project_id");
    if (project) sql += " AND c.project_id = :p";
    if (!project_code.empty()) sql += " AND UPPER(p.code) = :pc";
    db::Query query(s, sql);
    query.bind("c", upper_code(code));
    if (project) query.bind("p", (ll)*project);
    if (!project_code.empty()) query.bind("pc", upper_code(project_code));
    const auto rows = query.all();
    if (rows.empty()) core::throw_not_found("checkpoint");
    if (rows.size() > 1)
      core::throw_invalid("the code is used in several of your projects",
                          {{"projectId", "is required: the code is used in several of your projects"}});
    const auto& cp = rows[0];
    nlohmann::json plans = nlohmann::json::array();
    nlohmann::json due = nlohmann::json::array();
    const auto all = repo::active_plans(
        s, " AND pl.project_id = " + std::to_string(cp.i64("project_id")) +
               " AND EXISTS (SELECT 1 FROM patrol_plan_checkpoint x WHERE x.plan_id = pl.id AND "
               "x.checkpoint_id = " + std::to_string(cp.i64("id")) + ")");
    for (const auto& p : all) {
      plans.push_back(repo::plan_json(s, p));
      if (repo::assigned_to(s, p, actor))
        for (const auto& sc : open_slots(s, p, now, cp.i64("id"))) due.push_back(slot_json(sc));
    }
    return nlohmann::json{{"checkpoint", repo::checkpoint_json(s, cp, true)}, {"plans", plans}, {"due", due}};
  });
}

nlohmann::json PatrolService::labels(const core::Actor& actor, const core::Params& q) const {
  core::require(actor, "patrol.manage");
  const auto project = q.id("projectId");
  if (!project) core::throw_invalid("invalid query", {{"projectId", "is required"}});
  if (!actor.sees_project(*project)) core::throw_not_found("project");
  return db_.read([&](db::Session& s) {
    auto p = db::Query(s, "SELECT id, name, code FROM project WHERE id = :p").bind("p", (ll)*project).one();
    if (!p) core::throw_not_found("project");
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : db::Query(s,
                                   "SELECT id, code, name, place FROM patrol_checkpoint WHERE "
                                   "project_id = :p AND active = 1 ORDER BY code")
                             .bind("p", (ll)*project)
                             .all())
      items.push_back({{"checkpointId", r.i64("id")},
                       {"code", r.str("code")},
                       {"name", r.str("name")},
                       {"place", r.str("place")},
                       {"qr", repo::qr_text(p->str("code"), r.str("code"))}});
    return nlohmann::json{{"projectId", *project}, {"projectName", p->str("name")}, {"items", items}};
  });
}

nlohmann::json PatrolService::list_metrics(const core::Actor& actor) const {
  repo::require_any(actor);
  return db_.read([&](db::Session& s) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : db::Query(s, "SELECT * FROM patrol_metric ORDER BY id").all())
      items.push_back(repo::metric_json(r));
    return nlohmann::json{{"items", items}};
  });
}

nlohmann::json PatrolService::create_metric(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.manage");
  Input in(body, Input::Mode::create);
  const auto code = in.text("code", {.max = 32}).value_or("");
  if (in.has("code") && !code.empty() && !code_ok(code)) in.fail("code", "must be 1-32 letters, digits, '-', '_' or '.'");
  const auto name = in.text("name", {.max = 50}).value_or("");
  const auto unit = in.text("unit", {.required = true, .min = 0, .max = 16}).value_or("");
  const auto decimals = in.integer("decimals", {.min = 0, .max = 4}).value_or(0);
  in.finish();
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    if (db::Query(s, "SELECT id FROM patrol_metric WHERE code = :c").bind("c", code).one())
      core::throw_conflict("patrol.code_taken", "a metric has this code", {{"code", "is taken"}});
    const auto id = db::Query(s,
                              "INSERT INTO patrol_metric (code, name, unit, decimals, builtin, "
                              "created_at) VALUES (:c, :n, :u, :d, 0, :t) RETURNING id")
                        .bind("c", code)
                        .bind("n", name)
                        .bind("u", unit)
                        .bind("d", (ll)decimals)
                        .bind("t", (ll)now)
                        .scalar();
    auto j = repo::metric_json(*db::Query(s, "SELECT * FROM patrol_metric WHERE id = :id").bind("id", (ll)id).one());
    audit::record(s, ctx, now, {std::nullopt, "patrol_metric", id, "create", nullptr, j});
    return j;
  });
}

}  // namespace steward::patrols
