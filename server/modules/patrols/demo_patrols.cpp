#include "modules/patrols/demo_patrols.hpp"

#include <map>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "core/error.hpp"
#include "db/query.hpp"
#include "modules/auth/roles.hpp"
#include "modules/patrols/patrol_service.hpp"
#include "modules/patrols/schedule.hpp"

namespace steward::patrols {
namespace {

using ll = long long;
using nlohmann::json;

constexpr int kOffset = 8 * 3600;  // 城市花园 is in Asia/Shanghai
constexpr int kDays = 7;

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}
std::string num(std::optional<ll> v) { return v ? std::to_string(*v) : "NULL"; }

// A fixed pseudo-random number from a few integers, so every run gives the same demo.
std::uint32_t mix(std::initializer_list<std::int64_t> xs) {
  std::uint64_t h = 1469598103934665603ull;
  for (auto x : xs) {
    h ^= static_cast<std::uint64_t>(x) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 1099511628211ull;
  }
  return static_cast<std::uint32_t>(h >> 16);
}

struct User {
  ll id = 0;
  std::string name;
};

// Multi-row INSERTs of at most 400 rows each.
void insert_rows(db::Session& s, const std::string& head, const std::vector<std::string>& rows) {
  for (std::size_t i = 0; i < rows.size(); i += 400) {
    std::string sql = head + " VALUES ";
    for (std::size_t j = i; j < rows.size() && j < i + 400; ++j) sql += (j == i ? "" : ", ") + rows[j];
    db::Query(s, sql).exec();
  }
}

struct Limit {
  ll low, high;
};
// The seed 000 pool limits by metric code and period (scaled).
std::optional<Limit> pool_limit(const std::string& metric, const std::string& period) {
  if (metric == "free_chlorine") {
    if (period == "open_morning") return Limit{60, 100};
    if (period == "open_afternoon") return Limit{30, 60};
    return Limit{30, 50};
  }
  if (metric == "ph") return Limit{68, 82};
  if (metric == "water_temp") return Limit{265, 270};
  return std::nullopt;
}

}  // namespace

PatrolDemoSummary build_demo_patrols(db::Database& db, const PatrolService& service, std::int64_t now) {
  const core::Context ctx{auth::system_actor(), "demo"};
  PatrolDemoSummary out;
  return db.write([&](db::Session& s) {
    auto project = db::Query(s, "SELECT id FROM project WHERE code = 'CSHY'").one();
    if (!project) throw core::AppError(core::ErrorKind::conflict, "demo.missing", "build the demo company first");
    const ll pid = project->i64("id");
    std::map<std::string, User> users;
    for (const char* u : {"cleaning", "security", "clubhouse", "supervisor"}) {
      auto r = db::Query(s, "SELECT id, display_name FROM app_user WHERE username = :u").bind("u", u).one();
      if (!r) throw core::AppError(core::ErrorKind::conflict, "demo.missing", "no demo login " + std::string(u));
      users[u] = {r->i64("id"), r->str("display_name")};
    }
    // Checkpoints.
    std::map<std::string, ll> cp;
    auto checkpoint = [&](const std::string& code, const std::string& name, const std::string& kind,
                          const std::string& place, json extra = json::object()) {
      json body{{"projectId", pid}, {"code", code}, {"name", name}, {"kind", kind}, {"place", place}};
      body.update(extra);
      cp[code] = service.create_checkpoint(ctx, body)["id"].get<ll>();
      ++out.checkpoints;
    };
    checkpoint("CH-WC1", "会所一层洗手间", "room", "会所一层");
    checkpoint("CH-WC2", "会所二层洗手间", "room", "会所二层");
    checkpoint("CH-SAUNA", "桑拿房", "room", "会所游泳馆");
    checkpoint("CH-POOL", "游泳池", "facility", "会所游泳馆", {{"opensAt", "09:00"}, {"closesAt", "21:00"}});
    const std::vector<std::pair<std::string, std::string>> posts{
        {"SEC-E", "东门岗"}, {"SEC-W", "西门岗"}, {"SEC-S", "南门岗"}, {"SEC-YL", "玉兰园出入岗"}, {"SEC-CC", "监控中心"}};
    for (const auto& [code, name] : posts) checkpoint(code, name, "post", "城市花园");
    const std::vector<std::pair<std::string, std::string>> zones{
        {"YL", "玉兰园"}, {"MH", "梅花园"}, {"MG", "玫瑰园"}, {"TH", "桃花园"}};
    for (const auto& [code, name] : zones) checkpoint("ENV-" + code, name + "保洁绿化区域", "area", name);
    for (const auto& [code, name] : zones) checkpoint("LT-" + code, name + "公共照明", "equipment", name);

    std::map<std::string, ll> metric;
    for (const auto& r : db::Query(s, "SELECT id, code FROM patrol_metric WHERE builtin = 1").all())
      metric[r.str("code")] = r.i64("id");
    service.set_limits(ctx, cp["CH-POOL"],
                       {{"items", {{{"metricId", metric["free_chlorine"]}, {"period", "open_morning"}, {"low", 0.6}, {"high", 1.0}},
                                   {{"metricId", metric["free_chlorine"]}, {"period", "open_afternoon"}, {"low", 0.3}, {"high", 0.6}},
                                   {{"metricId", metric["free_chlorine"]}, {"period", "closed"}, {"low", 0.3}, {"high", 0.5}},
                                   {{"metricId", metric["ph"]}, {"period", "always"}, {"low", 6.8}, {"high", 8.2}},
                                   {{"metricId", metric["water_temp"]}, {"period", "always"}, {"low", 26.5}, {"high", 27.0}}}}});

    // Plans (seed 000: 会所组, 安全组, 环境组; seed 003: the night round of lighting).
    auto checks = [](std::initializer_list<const char*> labels) {
      json items = json::array();
      for (const char* l : labels) items.push_back({{"label", l}, {"kind", "check"}});
      return items;
    };
    const json pool_items = {{{"label", "余氯"}, {"kind", "reading"}, {"metricId", metric["free_chlorine"]}},
                             {{"label", "pH值"}, {"kind", "reading"}, {"metricId", metric["ph"]}},
                             {{"label", "水温"}, {"kind", "reading"}, {"metricId", metric["water_temp"]}}};
    const json restroom = checks({"地面无杂物", "面盆无水迹", "垃圾桶不超过三分之二", "空气无异味", "不锈钢设施无污垢", "地漏已清理并补水"});
    auto role = [](const char* r) { return json{{"kind", "role"}, {"role", r}}; };
    auto person = [&](const char* u) { return json{{"kind", "person"}, {"userId", users[u].id}}; };
    auto cps = [&](std::initializer_list<std::string> codes) {
      json ids = json::array();
      for (const auto& c : codes) ids.push_back(cp[c]);
      return ids;
    };
    json posts_ids = json::array(), zone_ids = json::array(), light_ids = json::array();
    for (const auto& [code, name] : posts) posts_ids.push_back(cp[code]);
    for (const auto& [code, name] : zones) {
      zone_ids.push_back(cp["ENV-" + code]);
      light_ids.push_back(cp["LT-" + code]);
    }
    std::vector<json> plans;
    // The plans have run since the first day of the week of records (coverage counts no slot
    // from before a plan started).
    const auto today = local_day_of(now, kOffset);
    auto plan = [&](json body) {
      body["projectId"] = pid;
      body["startsOn"] = format_day(today - kDays);
      plans.push_back(service.create_plan(ctx, body));
      ++out.plans;
    };
    plan({{"name", "会所洗手间保洁巡视"}, {"assignee", role("cleaning")},
          {"schedule", {{"kind", "interval"}, {"everyMinutes", 20}, {"windows", {{{"from", "08:00"}, {"to", "22:00"}}}}}},
          {"graceMinutes", 5}, {"checkpointIds", cps({"CH-WC1", "CH-WC2"})}, {"items", restroom}});
    plan({{"name", "洗手间环境卫生检查（主管每两小时）"}, {"assignee", person("supervisor")},
          {"schedule", {{"kind", "interval"}, {"everyMinutes", 120}, {"windows", {{{"from", "08:00"}, {"to", "22:00"}}}}}},
          {"graceMinutes", 15}, {"checkpointIds", cps({"CH-WC1", "CH-WC2"})}, {"items", restroom}});
    plan({{"name", "桑拿房保洁"}, {"assignee", role("cleaning")},
          {"schedule", {{"kind", "interval"}, {"everyMinutes", 30}, {"windows", {{{"from", "10:00"}, {"to", "22:00"}}}}}},
          {"graceMinutes", 5}, {"checkpointIds", cps({"CH-SAUNA"})},
          {"items", checks({"桑拿板完好无断裂", "无螺丝松动", "环境卫生干净无异味", "电器及温控、漏电保护完好"})}});
    plan({{"name", "安全主管岗位巡查（每日覆盖各岗位）"}, {"assignee", person("security")},
          {"schedule", {{"kind", "times"}, {"times", {"09:00"}}, {"slotMinutes", 600}}},
          {"graceMinutes", 60}, {"checkpointIds", posts_ids}, {"items", checks({"人员在岗", "着装及行为规范", "交接班记录完整"})}});
    plan({{"name", "环境主管每周全面质量巡查"}, {"assignee", person("supervisor")}, {"schedule", {{"kind", "weekly"}}},
          {"checkpointIds", zone_ids}, {"items", checks({"道路及楼道清洁", "绿化完好", "垃圾及时清运"})}});
    plan({{"name", "夜间公共照明巡查"}, {"assignee", role("security")},
          {"schedule", {{"kind", "interval"}, {"everyMinutes", 240}, {"windows", {{{"from", "22:00"}, {"to", "06:00"}}}}}},
          {"graceMinutes", 30}, {"checkpointIds", light_ids}, {"items", checks({"照明完好", "线路及灯杆无隐患"})}});
    plan({{"name", "泳池水质检测（会所主管）"}, {"assignee", person("supervisor")},
          {"schedule", {{"kind", "times"}, {"times", {"10:00", "16:00"}}, {"slotMinutes", 60}}},
          {"graceMinutes", 30}, {"checkpointIds", cps({"CH-POOL"})}, {"items", pool_items},
          {"quota", {{"per", "day"}, {"count", 2}}}});
    plan({{"name", "泳池水质检测（救生员）"}, {"assignee", role("clubhouse")},
          {"schedule", {{"kind", "times"}, {"times", {"08:30", "10:30", "12:30", "14:00", "15:30", "17:30", "19:30", "21:00"}}, {"slotMinutes", 30}}},
          {"graceMinutes", 15}, {"checkpointIds", cps({"CH-POOL"})}, {"items", pool_items},
          {"quota", {{"per", "shift"}, {"count", 4},
                     {"shifts", {{{"name", "早班"}, {"from", "08:00"}, {"to", "15:00"}}, {{"name", "晚班"}, {"from", "15:00"}, {"to", "22:00"}}}}}}});
    const std::vector<const char*> performer{"cleaning", "supervisor", "cleaning", "security", "supervisor", "security", "supervisor", "clubhouse"};

    // A week of records before now: the plans' slots, most done inside them, some late, some missed.
    struct Made {
      std::size_t plan;
      ll cp, made_at;
      std::string client;
      bool bad;
    };
    std::vector<Made> made;
    std::vector<std::string> rows;
    for (std::size_t pi = 0; pi < plans.size(); ++pi) {
      core::ErrorDetails ignored;
      const auto schedule = *parse_schedule(plans[pi]["schedule"], ignored);
      const int grace = plans[pi]["graceMinutes"].get<int>();
      const auto& user = users[performer[pi]];
      for (auto day = today - kDays; day <= today; ++day)
        for (const auto& slot : slots_on(schedule, day, kOffset))
          for (const auto& c : plans[pi]["checkpoints"]) {
            const ll cid = c["id"].get<ll>();
            const auto h = mix({(ll)pi, cid, slot.start});
            const ll len = slot.end - slot.start;
            ll at = slot.start + 60 + ll(h % 977) * (len - 120) / 977;  // inside the slot
            if (pi == 4) at = slot.start + 86400 * 2 + 10 * 3600 + (h % 3600);  // the weekly round on Wednesday
            if (h % 19 == 0) continue;                                         // missed
            if (h % 11 == 0 && grace > 0) {  // late, where that is in this slot's grace
              // Where the next slot starts at this one's end (an interval schedule), a check after
              // the end is the next slot's, done (rule 1), and this one would be missed: it stays
              // inside its slot instead.
              const ll late = slot.end + 60 + (h % (grace * 60 - 60 + 1));
              const auto own = place(schedule, grace, late, kOffset);
              if (own.placement == Placement::late && own.slot->start == slot.start) at = late;
            }
            if (at >= now) continue;  // not yet
            const auto placed = place(schedule, grace, at, kOffset);
            const ll received = at + (h % 37 == 0 ? 50 * 60 : 60 + h % 120);
            const std::string client = "demo-" + std::to_string(pi) + "-" + std::to_string(cid) + "-" + std::to_string(slot.start);
            const int not_ok = (h % 29 == 0 && plans[pi]["items"][0]["kind"] == "check") ? 1 : 0;  // a finding
            rows.push_back("(" + std::to_string(pid) + ", " + quote(client) + ", " + std::to_string(plans[pi]["id"].get<ll>()) + ", " +
                           std::to_string(cid) + ", " + std::to_string(user.id) + ", " + quote(user.name) + ", " + std::to_string(at) +
                           ", " + std::to_string(std::min<ll>(received, now)) + ", " + (received - at > 30 * 60 ? "1" : "0") + ", " +
                           num(placed.slot ? std::optional<ll>(placed.slot->start) : std::nullopt) + ", " +
                           num(placed.slot ? std::optional<ll>(placed.slot->end) : std::nullopt) + ", " +
                           quote(placed.placement == Placement::done ? "done" : placed.placement == Placement::late ? "late" : "unscheduled") +
                           ", '', " + std::to_string(not_ok) + ")");
            made.push_back({pi, cid, at, client, not_ok == 1});
          }
    }
    insert_rows(s,
                "INSERT INTO patrol_check (project_id, client_id, plan_id, checkpoint_id, user_id, user_name, made_at, "
                "received_at, late_arrival, slot_start, slot_end, placement, note, not_ok)",
                rows);
    out.checks = static_cast<int>(rows.size());
    std::map<std::string, ll> check_id;
    for (const auto& r : db::Query(s, "SELECT id, client_id, not_ok FROM patrol_check WHERE project_id = :p AND client_id LIKE 'demo-%'")
                             .bind("p", pid)
                             .all())
      check_id[r.str("client_id")] = r.i64("id");

    // Results: checks ok except one item of a few; readings by period, within limits but for the
    // two alarms below.
    const ll pool = cp["CH-POOL"];
    const auto alarm_day = today - 3;
    // The first alarm: the lifeguards' first afternoon reading three days ago; the second: their
    // latest reading.
    std::optional<std::size_t> first_idx, second_idx;
    for (std::size_t i = 0; i < made.size(); ++i) {
      if (made[i].plan != 7) continue;
      const int minute = static_cast<int>(((made[i].made_at + kOffset) % 86400) / 60);
      if (!first_idx && local_day_of(made[i].made_at, kOffset) == alarm_day && period_at(9 * 60, 21 * 60, minute) == "open_afternoon")
        first_idx = i;
      if (!second_idx || made[i].made_at > made[*second_idx].made_at) second_idx = i;
    }
    rows.clear();
    std::vector<std::string> reading_rows;
    struct PendingReading {
      ll check, item, metric, made_at, value;
      std::string period;
      std::optional<Limit> limit;
    };
    std::vector<PendingReading> readings;
    const char* findings[] = {"地漏堵塞，有异味", "面盆有水迹", "垃圾桶已满", "螺丝松动", "灯杆倾斜"};
    std::optional<ll> first_bad_made, open_bad_made;
    for (std::size_t mi = 0; mi < made.size(); ++mi) {
      const auto& m = made[mi];
      const ll kid = check_id[m.client];
      const auto h = mix({kid, m.made_at});
      const auto& items = plans[m.plan]["items"];
      const int minute = static_cast<int>(((m.made_at + kOffset) % 86400) / 60);
      const auto period = period_at(9 * 60, 21 * 60, minute);
      const bool first_alarm = first_idx == mi;
      const bool second_alarm = second_idx == mi && second_idx != first_idx;
      for (std::size_t i = 0; i < items.size(); ++i) {
        const ll item = items[i]["id"].get<ll>();
        if (items[i]["kind"] == "check") {
          const bool bad = m.bad && i == 0;
          rows.push_back("(" + std::to_string(kid) + ", " + std::to_string(item) + ", " + (bad ? "0" : "1") + ", NULL, " +
                         quote(bad ? findings[h % 5] : "") + ")");
          continue;
        }
        const std::string code = items[i]["metric"]["code"];
        ll v = 0;
        if (code == "free_chlorine") v = period == "open_morning" ? 70 + h % 20 : period == "open_afternoon" ? 40 + h % 15 : 35 + h % 12;
        if (code == "ph") v = 71 + h % 6;
        if (code == "water_temp") v = 266 + h % 4;
        if (first_alarm && code == "free_chlorine") v = 72;  // afternoon limit 0.6
        if (second_alarm && code == "ph") v = 85;            // above 8.2
        rows.push_back("(" + std::to_string(kid) + ", " + std::to_string(item) + ", NULL, " + std::to_string(v) + ", '')");
        readings.push_back({kid, item, items[i]["metric"]["id"].get<ll>(), m.made_at, v, period, pool_limit(code, period)});
      }
      if (first_alarm) first_bad_made = m.made_at;
      if (second_alarm) open_bad_made = m.made_at;
    }
    insert_rows(s, "INSERT INTO patrol_result (check_id, item_id, ok, value_scaled, note)", rows);
    // Reading rows need their result ids.
    std::map<std::pair<ll, ll>, ll> result_id;
    for (const auto& r : db::Query(s,
                                   "SELECT r.id, r.check_id, r.item_id FROM patrol_result r JOIN patrol_check k ON k.id = "
                                   "r.check_id WHERE k.checkpoint_id = :c AND r.value_scaled IS NOT NULL")
                             .bind("c", pool)
                             .all())
      result_id[{r.i64("check_id"), r.i64("item_id")}] = r.i64("id");
    for (const auto& r : readings) {
      const bool within = !r.limit || (r.value >= r.limit->low && r.value <= r.limit->high);
      reading_rows.push_back("(" + std::to_string(pid) + ", " + std::to_string(r.check) + ", " +
                             std::to_string(result_id[{r.check, r.item}]) + ", " + std::to_string(pool) + ", " +
                             std::to_string(r.metric) + ", " + std::to_string(r.made_at) + ", " + std::to_string(r.value) + ", " +
                             quote(r.metric == metric["free_chlorine"] ? r.period : "always") + ", " +
                             num(r.limit ? std::optional<ll>(r.limit->low) : std::nullopt) + ", " +
                             num(r.limit ? std::optional<ll>(r.limit->high) : std::nullopt) + ", " + (within ? "1" : "0") + ")");
    }
    insert_rows(s,
                "INSERT INTO patrol_reading (project_id, check_id, result_id, checkpoint_id, metric_id, made_at, value_scaled, "
                "period, low_scaled, high_scaled, within_limits)",
                reading_rows);
    out.readings = static_cast<int>(reading_rows.size());

    // The two alarms, as the service would have left them: the first treated 15 minutes later and
    // closed by the next good reading; the second still open, the pool stopped.
    auto raise = [&](ll made_at, ll metric_id, ll low, ll high, const std::string& by) {
      auto r = db::Query(s, "SELECT id, check_id, value_scaled FROM patrol_reading WHERE checkpoint_id = :c AND metric_id = :m AND made_at = :t")
                   .bind("c", pool)
                   .bind("m", metric_id)
                   .bind("t", made_at)
                   .one();
      const ll id = db::Query(s,
                              "INSERT INTO patrol_alarm (project_id, checkpoint_id, metric_id, reading_id, check_id, value_scaled, "
                              "low_scaled, high_scaled, status, raised_at, raised_by_name, last_out_at) VALUES (:p, :c, :m, :r, :k, "
                              ":v, :lo, :hi, 'open', :t, :by, :t2) RETURNING id")
                        .bind("p", pid)
                        .bind("c", pool)
                        .bind("m", metric_id)
                        .bind("r", r->i64("id"))
                        .bind("k", r->i64("check_id"))
                        .bind("v", r->i64("value_scaled"))
                        .bind("lo", low)
                        .bind("hi", high)
                        .bind("t", made_at)
                        .bind("by", by)
                        .bind("t2", made_at)
                        .scalar();
      db::Query(s, "UPDATE patrol_reading SET alarm_id = :a WHERE id = :r").bind("a", id).bind("r", r->i64("id")).exec();
      ++out.alarms;
      return id;
    };
    if (first_bad_made) {
      const ll treated_at_ok = *first_bad_made + 15 * 60;
      const ll a = raise(*first_bad_made, metric["free_chlorine"], 30, 60, users["clubhouse"].name);
      db::Query(s, "INSERT INTO patrol_treatment (alarm_id, note, user_id, user_name, at) VALUES (:a, :n, :u, :un, :t)")
          .bind("a", a)
          .bind("n", "停止开放，排放部分池水并补充新水，循环过滤 1 小时")
          .bind("u", users["clubhouse"].id)
          .bind("un", users["clubhouse"].name)
          .bind("t", treated_at_ok)
          .exec();
      auto closing = db::Query(s,
                               "SELECT id, made_at FROM patrol_reading WHERE checkpoint_id = :c AND metric_id = :m AND made_at > :t "
                               "AND within_limits = 1 ORDER BY made_at LIMIT 1")
                         .bind("c", pool)
                         .bind("m", metric["free_chlorine"])
                         .bind("t", treated_at_ok)
                         .one();
      db::Query(s, "UPDATE patrol_alarm SET last_treated_at = :t, status = 'closed', closed_at = :c, closing_reading_id = :r WHERE id = :a")
          .bind("t", treated_at_ok)
          .bind("c", closing->i64("made_at"))
          .bind("r", closing->i64("id"))
          .bind("a", a)
          .exec();
      db::Query(s, "UPDATE patrol_reading SET alarm_id = :a WHERE id = :r").bind("a", a).bind("r", closing->i64("id")).exec();
    }
    if (open_bad_made) {
      raise(*open_bad_made, metric["ph"], 68, 82, users["clubhouse"].name);
      db::Query(s, "UPDATE patrol_checkpoint SET stopped = 1 WHERE id = :c").bind("c", pool).exec();
    }
    return out;
  });
}

}  // namespace steward::patrols
