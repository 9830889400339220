// Readings and alarms (P3): the series of a metric at a facility with its limits, alarms and their
// treatments, too few readings in a day or shift; findings (P4) that become work orders through
// the work-order service.
#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/notifications/notification_writer.hpp"
#include "modules/patrols/patrol_repo.hpp"
#include "modules/patrols/patrol_service.hpp"
#include "modules/patrols/patrol_view.hpp"
#include "modules/patrols/patrol_photos.hpp"
#include "modules/photos/photo_store.hpp"
#include "modules/work_orders/photos.hpp"
#include "modules/work_orders/work_order_service.hpp"

namespace steward::patrols {
namespace {

using ll = long long;
using json::Input;

std::pair<std::int64_t, std::int64_t> day_range(const core::Params& q) {
  core::ErrorDetails errors;
  const auto from = q.text("from"), to = q.text("to");
  const auto f = parse_day(from.value_or(""));
  const auto t = parse_day(to.value_or(""));
  if (!f) errors.emplace("from", "is required: a date YYYY-MM-DD");
  if (!t) errors.emplace("to", "is required: a date YYYY-MM-DD");
  if (f && t && *t < *f) errors.emplace("to", "must not be before from");
  if (f && t && *t - *f > 62) errors.emplace("to", "must be at most 62 days after from");
  if (!errors.empty()) core::throw_invalid("invalid query", errors);
  return {*f, *t};
}

struct Shortfall {
  const repo::Plan* plan;
  const db::Row* checkpoint;
  std::int64_t day;
  QuotaPeriod period;
  std::int64_t made;
};

// The ended periods of the plans' quotas in [from_day, to_day] with fewer checks than required.
std::vector<Shortfall> find_shortfalls(db::Session& s, const std::vector<repo::Plan>& plans, std::int64_t from_day,
                                       std::int64_t to_day, std::int64_t now) {
  std::vector<Shortfall> out;
  for (const auto& plan : plans) {
    if (!plan.quota) continue;
    const int off = plan.offset();
    std::map<std::int64_t, std::vector<std::int64_t>> made;  // checkpoint -> made_at
    for (const auto& r : db::Query(s,
                                   "SELECT checkpoint_id, made_at FROM patrol_check WHERE plan_id = :p "
                                   "AND made_at >= :a AND made_at < :b")
                             .bind("p", (ll)plan.id())
                             .bind("a", (ll)instant_of(from_day, 0, off))
                             // a night shift of to_day ends on the next day
                             .bind("b", (ll)instant_of(to_day + 2, 0, off))
                             .all())
      made[r.i64("checkpoint_id")].push_back(r.i64("made_at"));
    for (std::int64_t d = from_day; d <= to_day; ++d)
      for (const auto& period : quota_periods(*plan.quota, d, off)) {
        if (period.to > now || period.from < plan.starts_at()) continue;
        for (const auto& cp : plan.checkpoints) {
          const auto& times = made[cp.i64("id")];
          const auto n = std::count_if(times.begin(), times.end(),
                                       [&](std::int64_t t) { return period.from <= t && t < period.to; });
          if (n < plan.quota->count) out.push_back({&plan, &cp, d, period, (std::int64_t)n});
        }
      }
  }
  return out;
}

}  // namespace

nlohmann::json PatrolService::readings(const core::Actor& actor, const core::Params& q) const {
  core::require(actor, "patrol.read");
  const auto cp = q.id("checkpointId"), metric = q.id("metricId");
  core::ErrorDetails errors;
  if (!cp) errors.emplace("checkpointId", "is required");
  if (!metric) errors.emplace("metricId", "is required");
  if (!errors.empty()) core::throw_invalid("invalid query", errors);
  const auto [from, to] = day_range(q);
  return db_.read([&](db::Session& s) {
    auto c = repo::find_checkpoint(s, actor, *cp);
    if (!c) core::throw_not_found("checkpoint");
    auto m = db::Query(s, "SELECT * FROM patrol_metric WHERE id = :m").bind("m", (ll)*metric).one();
    if (!m) core::throw_not_found("metric");
    const int d = static_cast<int>(m->i64("decimals"));
    const int off = repo::offset_of(s, c->i64("project_id"));
    nlohmann::json limits = nlohmann::json::array();
    const auto with_limits = repo::checkpoint_json(s, *c, true);
    for (const auto& l : with_limits["limits"])
      if (l["metricId"] == *metric) limits.push_back(l);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : db::Query(s,
                                   "SELECT rd.*, k.user_name FROM patrol_reading rd JOIN patrol_check "
                                   "k ON k.id = rd.check_id WHERE rd.checkpoint_id = :c AND "
                                   "rd.metric_id = :m AND rd.made_at >= :a AND rd.made_at < :b ORDER "
                                   "BY rd.made_at, rd.id")
                             .bind("c", (ll)*cp)
                             .bind("m", (ll)*metric)
                             .bind("a", (ll)instant_of(from, 0, off))
                             .bind("b", (ll)instant_of(to + 1, 0, off))
                             .all())
      items.push_back({{"id", r.i64("id")},
                       {"checkId", r.i64("check_id")},
                       {"madeAt", repo::iso(r.i64("made_at"), off)},
                       {"value", repo::value_json(r.i64("value_scaled"), d)},
                       {"period", r.str("period")},
                       {"low", repo::value_json(r.opt_i64("low_scaled"), d)},
                       {"high", repo::value_json(r.opt_i64("high_scaled"), d)},
                       {"withinLimits", r.flag("within_limits")},
                       {"alarmId", r.opt_i64("alarm_id") ? nlohmann::json(*r.opt_i64("alarm_id")) : nlohmann::json()},
                       {"madeBy", r.str("user_name")}});
    return nlohmann::json{{"metric", repo::metric_json(*m)}, {"limits", limits}, {"items", items}};
  });
}

nlohmann::json PatrolService::list_alarms(const core::Actor& actor, const core::Params& q) const {
  repo::require_any(actor);
  const auto page = q.page();
  const auto project = q.id("projectId"), cp = q.id("checkpointId");
  const auto status = q.text("status");
  if (status && *status != "open" && *status != "closed")
    core::throw_invalid("invalid query", {{"status", "must be open or closed"}});
  return db_.read([&](db::Session& s) {
    std::string where = " WHERE 1 = 1" + repo::in_projects(actor, "a.project_id");
    if (project) where += " AND a.project_id = :p";
    if (cp) where += " AND a.checkpoint_id = :c";
    if (status) where += " AND a.status = :s";
    auto bind = [&](db::Query& query) {
      if (project) query.bind("p", (ll)*project);
      if (cp) query.bind("c", (ll)*cp);
      if (status) query.bind("s", *status);
    };
    db::Query count(s, "SELECT COUNT(*) FROM patrol_alarm a" + where);
    bind(count);
    const auto total = count.scalar();
    // Newest first; the id breaks ties so that pages neither repeat nor skip an alarm.
    db::Query query(s, "SELECT a.id FROM patrol_alarm a" + where + " ORDER BY a.raised_at DESC, a.id DESC LIMIT " +
                           std::to_string(page.size) + " OFFSET " + std::to_string(page.offset()));
    bind(query);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : query.all()) items.push_back(view::alarm(s, r.i64("id"), false));
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

nlohmann::json PatrolService::get_alarm(const core::Actor& actor, std::int64_t id) const {
  repo::require_any(actor);
  return db_.read([&](db::Session& s) {
    if (!view::find_alarm(s, actor, id)) core::throw_not_found("alarm");
    return view::alarm(s, id, true);
  });
}

nlohmann::json PatrolService::treat_alarm(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.perform");
  Input in(body, Input::Mode::create);
  const auto note = in.text("note", {.max = 1000}).value_or("");
  in.finish();
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto a = view::find_alarm(s, ctx.actor, id);
    if (!a) core::throw_not_found("alarm");
    if (a->str("status") != "open") core::throw_conflict("patrol.alarm_closed", "the alarm is closed already");
    const auto tid = db::Query(s,
                               "INSERT INTO patrol_treatment (alarm_id, note, user_id, user_name, at) "
                               "VALUES (:a, :n, :u, :un, :t) RETURNING id")
                         .bind("a", (ll)id)
                         .bind("n", note)
                         .bind("u", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
                         .bind("un", repo::display_name(s, ctx.actor))
                         .bind("t", (ll)now)
                         .scalar();
    db::Query(s, "UPDATE patrol_alarm SET last_treated_at = :t WHERE id = :id").bind("t", (ll)now).bind("id", (ll)id).exec();
    audit::record(s, ctx, now, {a->i64("project_id"), "patrol_alarm", id, "treat", nullptr,
                                {{"treatmentId", tid}, {"note", note}}});
    return view::alarm(s, id, true);
  });
}

nlohmann::json PatrolService::shortfalls(const core::Actor& actor, const core::Params& q) const {
  core::require(actor, "patrol.read");
  const auto project = q.id("projectId");
  if (!project) core::throw_invalid("invalid query", {{"projectId", "is required"}});
  const auto [from, to] = day_range(q);
  if (!actor.sees_project(*project)) core::throw_not_found("project");
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    const auto plans = repo::active_plans(s, " AND pl.project_id = " + std::to_string(*project));
    const int off = repo::offset_of(s, *project);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& f : find_shortfalls(s, plans, from, to, now))
      items.push_back({{"planId", f.plan->id()},
                       {"planName", f.plan->row.str("name")},
                       {"checkpointId", f.checkpoint->i64("id")},
                       {"checkpointName", f.checkpoint->str("name")},
                       {"date", format_day(f.day)},
                       {"shift", f.period.shift.empty() ? nlohmann::json() : nlohmann::json(f.period.shift)},
                       {"from", repo::iso(f.period.from, off)},
                       {"to", repo::iso(f.period.to, off)},
                       {"required", f.plan->quota->count},
                       {"made", f.made}});
    return nlohmann::json{{"items", items}};
  });
}

int PatrolService::report_shortfalls(std::int64_t now) const {
  return db_.write([&](db::Session& s) {
    const auto plans = repo::active_plans(s, " AND pl.quota <> ''");
    int reported = 0;
    for (const auto& plan : plans) {
      const auto today = local_day_of(now, plan.offset());
      const std::vector<repo::Plan> one{plan};
      for (const auto& f : find_shortfalls(s, one, today - 2, today, now)) {
        if (f.period.to <= now - 2 * 86400) continue;
        if (db::Query(s, "SELECT 1 FROM patrol_shortfall_notice WHERE plan_id = :p AND checkpoint_id = :c AND period_start = :t")
                .bind("p", (ll)plan.id())
                .bind("c", f.checkpoint->i64("id"))
                .bind("t", (ll)f.period.from)
                .one())
          continue;
        db::Query(s,
                  "INSERT INTO patrol_shortfall_notice (plan_id, checkpoint_id, period_start, made, "
                  "notified_at) VALUES (:p, :c, :t, :m, :n)")
            .bind("p", (ll)plan.id())
            .bind("c", f.checkpoint->i64("id"))
            .bind("t", (ll)f.period.from)
            .bind("m", (ll)f.made)
            .bind("n", (ll)now)
            .exec();
        const std::string when = format_day(f.day) + (f.period.shift.empty() ? "" : " " + f.period.shift);
        const std::string title = "检测次数不足: " + plan.row.str("name");
        const std::string text = f.checkpoint->str("name") + " " + when + " 应检 " +
                                 std::to_string(plan.quota->count) + " 次，实检 " + std::to_string(f.made) + " 次。";
        for (auto user : repo::users_with_roles(s, plan.project_id(), {"supervisor", "project_manager"}))
          notifications::write(s, plan.project_id(), user, std::nullopt, "patrol_shortfall", title, text, now);
        ++reported;
      }
    }
    return reported;
  });
}

nlohmann::json PatrolService::check_to_work_order(const core::Context& ctx, std::int64_t check_id,
                                                  const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.perform");
  core::require(ctx.actor, "work_order.register");
  Input in(body, Input::Mode::create);
  const auto item = in.id("itemId");
  const auto category = in.text("category", {.max = 40});
  const auto priority = in.choice("priority", {"emergency", "normal"}, false);
  const auto title = in.text("title", {.required = false, .min = 0, .max = 100}).value_or("");
  const auto description = in.text("description", {.required = false, .min = 0, .max = 2000}).value_or("");
  in.finish();
  const auto now = clock_.now();
  // The item's photos are copied to the order: the copies are removed again when the write fails.
  return photos::write_with_copies(db_, order_photos_.data_dir(), [&](db::Session& s, std::vector<std::string>& stored) {
    if (!view::find_check(s, ctx.actor, check_id)) core::throw_not_found("check");
    auto r = db::Query(s,
                       "SELECT r.*, it.label, it.kind, k.project_id, k.note AS check_note, c.name AS "
                       "cp_name, c.place FROM patrol_result r JOIN patrol_plan_item it ON it.id = "
                       "r.item_id JOIN patrol_check k ON k.id = r.check_id JOIN patrol_checkpoint c "
                       "ON c.id = k.checkpoint_id WHERE r.check_id = :k AND r.item_id = :i")
                 .bind("k", (ll)check_id)
                 .bind("i", (ll)*item)
                 .one();
    if (!r) core::throw_invalid("invalid request", {{"itemId", "is not an item of this check"}});
    if (r->str("kind") != "check" || r->flag("ok"))
      core::throw_conflict("patrol.item_ok", "only a not-ok item becomes a work order");
    if (r->opt_i64("work_order_id"))
      core::throw_conflict("patrol.already_ordered", "this item is a work order already",
                           {{"workOrderId", std::to_string(*r->opt_i64("work_order_id"))}});
    std::string place = r->str("place").empty() ? r->str("cp_name") : r->str("place") + " " + r->str("cp_name");
    std::string text = description;
    if (text.empty()) {
      text = "巡检发现: " + r->str("label");
      if (!r->str("note").empty()) text += "。" + r->str("note");
      if (!r->str("check_note").empty()) text += "。" + r->str("check_note");
    }
    nlohmann::json order{{"projectId", r->i64("project_id")},
                         {"kind", "repair"},
                         {"category", *category},
                         {"channel", "patrol"},
                         {"location", repo::prefix(place, 100)},
                         {"title", title.empty() ? repo::prefix(r->str("cp_name") + ": " + r->str("label"), 100) : title},
                         {"description", repo::prefix(text, 2000)}};
    if (priority) order["priority"] = *priority;
    auto created = work_orders_.register_order(ctx, order);
    const auto order_id = created["id"].get<std::int64_t>();
    db::Query(s, "UPDATE patrol_result SET work_order_id = :o WHERE id = :r").bind("o", (ll)order_id).bind("r", r->i64("id")).exec();
    // The item's photos go along as the order's report photos.
    bool photos = false;
    for (const auto& ph : db::Query(s, "SELECT content_type, path FROM patrol_photo WHERE result_id = :r ORDER BY id")
                              .bind("r", r->i64("id"))
                              .all()) {
      order_photos_.attach_copy(s, ctx, order_id, "report", ph, stored);
      photos = true;
    }
    if (photos) created = work_orders_.get(ctx.actor, order_id);
    audit::record(s, ctx, now, {r->i64("project_id"), "patrol_check", check_id, "work_order", nullptr,
                                {{"itemId", *item}, {"workOrderId", order_id}}});
    return created;
  });
}

nlohmann::json PatrolService::alarm_to_work_order(const core::Context& ctx, std::int64_t alarm_id,
                                                  const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.perform");
  core::require(ctx.actor, "work_order.register");
  Input in(body, Input::Mode::create);
  const auto category = in.text("category", {.max = 40});
  const auto priority = in.choice("priority", {"emergency", "normal"}, false);
  const auto title = in.text("title", {.required = false, .min = 0, .max = 100}).value_or("");
  const auto description = in.text("description", {.required = false, .min = 0, .max = 2000}).value_or("");
  in.finish();
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    if (!view::find_alarm(s, ctx.actor, alarm_id)) core::throw_not_found("alarm");
    const auto a = view::alarm(s, alarm_id, false);
    if (!a["workOrderId"].is_null())
      core::throw_conflict("patrol.already_ordered", "this alarm is a work order already",
                           {{"workOrderId", a["workOrderId"].dump()}});
    auto cp = db::Query(s, "SELECT name, place FROM patrol_checkpoint WHERE id = :c").bind("c", a["checkpointId"].get<ll>()).one();
    const std::string place = cp->str("place").empty() ? cp->str("name") : cp->str("place") + " " + cp->str("name");
    const auto& m = a["metric"];
    const std::string text = description.empty() ? view::alarm_finding(a) : description;
    nlohmann::json order{{"projectId", a["projectId"]},
                         {"kind", "repair"},
                         {"category", *category},
                         {"channel", "patrol"},
                         {"priority", priority.value_or("emergency")},
                         {"location", repo::prefix(place, 100)},
                         {"title", title.empty() ? repo::prefix(cp->str("name") + ": " + m["name"].get<std::string>() + "超标", 100) : title},
                         {"description", repo::prefix(text, 2000)}};
    auto created = work_orders_.register_order(ctx, order);
    const auto order_id = created["id"].get<std::int64_t>();
    db::Query(s, "UPDATE patrol_alarm SET work_order_id = :o WHERE id = :a").bind("o", (ll)order_id).bind("a", (ll)alarm_id).exec();
    audit::record(s, ctx, now, {a["projectId"].get<std::int64_t>(), "patrol_alarm", alarm_id, "work_order", nullptr,
                                {{"workOrderId", order_id}}});
    return created;
  });
}

}  // namespace steward::patrols
