// Checks (P2, P3): a record made against a plan at a checkpoint, placed in a slot by the time it was
// made; sent once or many times from a phone that was offline (clientId), up to 72 hours late.
// Its readings are judged by the facility's limits and raise or close alarms in the same
// transaction.
#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "core/time.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/notifications/notification_writer.hpp"
#include "modules/patrols/patrol_repo.hpp"
#include "modules/patrols/patrol_service.hpp"
#include "modules/patrols/patrol_view.hpp"

namespace steward::patrols {
namespace {

using ll = long long;
using json::Input;

struct ResultIn {
  std::int64_t item = 0;
  std::optional<bool> ok;
  std::optional<double> value;
  std::string note;
  std::vector<std::int64_t> photos;
  std::size_t index = 0;
};

bool client_id_ok(const std::string& c) {
  return c.size() >= 8 && c.size() <= 64 && std::all_of(c.begin(), c.end(), [](unsigned char ch) {
           return std::isalnum(ch) || ch == '-' || ch == '_';
         });
}

std::string placement_name(Placement p) {
  return p == Placement::done ? "done" : p == Placement::late ? "late" : "unscheduled";
}

std::string fmt_value(std::int64_t scaled, int decimals) {
  return repo::value_json(scaled, decimals).dump();
}

// The alarm rules for one reading just stored; returns the alarm raised or closed, if any.
struct AlarmOutcome {
  std::optional<std::int64_t> raised, closed;
};
AlarmOutcome judge(db::Session& s, const core::Context& ctx, const db::Row& cp, const db::Row& item,
                   std::int64_t reading_id, std::int64_t check_id, std::int64_t made_at, std::int64_t value,
                   const std::optional<repo::Limit>& limit, bool within, const std::string& by,
                   std::int64_t now) {
  AlarmOutcome out;
  const auto cp_id = cp.i64("id");
  const auto metric = item.i64("metric_id");
  auto open = db::Query(s,
                        "SELECT * FROM patrol_alarm WHERE checkpoint_id = :c AND metric_id = :m AND "
                        "status = 'open' ORDER BY id")
                  .bind("c", (ll)cp_id)
                  .bind("m", (ll)metric)
                  .one();
  const int decimals = static_cast<int>(item.i64("metric_decimals"));
  if (!within) {
    if (open) {
      db::Query(s, "UPDATE patrol_alarm SET last_out_at = :t WHERE id = :id AND last_out_at < :t2")
          .bind("t", (ll)made_at)
          .bind("id", open->i64("id"))
          .bind("t2", (ll)made_at)
          .exec();
      db::Query(s, "UPDATE patrol_reading SET alarm_id = :a WHERE id = :r").bind("a", open->i64("id")).bind("r", (ll)reading_id).exec();
      return out;
    }
    const auto id = db::Query(s,
                              "INSERT INTO patrol_alarm (project_id, checkpoint_id, metric_id, "
                              "reading_id, check_id, value_scaled, low_scaled, high_scaled, status, "
                              "raised_at, raised_by_name, last_out_at) VALUES (:p, :c, :m, :r, :k, "
                              ":v, :lo, :hi, 'open', :t, :by, :t2) RETURNING id")
                        .bind("p", cp.i64("project_id"))
                        .bind("c", (ll)cp_id)
                        .bind("m", (ll)metric)
                        .bind("r", (ll)reading_id)
                        .bind("k", (ll)check_id)
                        .bind("v", (ll)value)
                        .bind("lo", limit ? limit->low : std::nullopt)
                        .bind("hi", limit ? limit->high : std::nullopt)
                        .bind("t", (ll)made_at)
                        .bind("by", by)
                        .bind("t2", (ll)made_at)
                        .scalar();
    db::Query(s, "UPDATE patrol_reading SET alarm_id = :a WHERE id = :r").bind("a", (ll)id).bind("r", (ll)reading_id).exec();
    db::Query(s, "UPDATE patrol_checkpoint SET stopped = 1, updated_at = :t WHERE id = :c")
        .bind("t", (ll)now)
        .bind("c", (ll)cp_id)
        .exec();
    auto range = [&] {
      std::string r;
      if (limit && limit->low) r += fmt_value(*limit->low, decimals);
      r += "-";
      if (limit && limit->high) r += fmt_value(*limit->high, decimals);
      return r;
    };
    const std::string title = "超标报警: " + cp.str("name") + " " + item.str("metric_name");
    const std::string text = item.str("metric_name") + " " + fmt_value(value, decimals) + " " +
                             item.str("metric_unit") + " (标准 " + range() + ")，已停止使用，请立即处理并记录。";
    for (auto user : repo::users_with_roles(s, cp.i64("project_id"), {"supervisor", "project_manager"}))
      notifications::write(s, cp.i64("project_id"), user, std::nullopt, "patrol_alarm", title, text, now);
    nlohmann::json after{{"checkpointId", cp_id}, {"metricId", metric}, {"value", repo::value_json(value, decimals)},
                         {"readingId", reading_id}, {"status", "open"}};
    audit::record(s, ctx, now, {cp.i64("project_id"), "patrol_alarm", id, "raise", nullptr, after});
    out.raised = id;
    return out;
  }
  if (!open) return out;
  db::Query(s, "UPDATE patrol_reading SET alarm_id = :a WHERE id = :r").bind("a", open->i64("id")).bind("r", (ll)reading_id).exec();
  const auto treated = open->opt_i64("last_treated_at");
  // Closed by a good reading made after a treatment that came after the latest bad reading.
  if (!treated || *treated <= open->i64("last_out_at") || made_at <= *treated) return out;
  db::Query(s, "UPDATE patrol_alarm SET status = 'closed', closed_at = :t, closing_reading_id = :r WHERE id = :id")
      .bind("t", (ll)made_at)
      .bind("r", (ll)reading_id)
      .bind("id", open->i64("id"))
      .exec();
  if (!db::Query(s, "SELECT id FROM patrol_alarm WHERE checkpoint_id = :c AND status = 'open'").bind("c", (ll)cp_id).one())
    db::Query(s, "UPDATE patrol_checkpoint SET stopped = 0, updated_at = :t WHERE id = :c")
        .bind("t", (ll)now)
        .bind("c", (ll)cp_id)
        .exec();
  audit::record(s, ctx, now, {cp.i64("project_id"), "patrol_alarm", open->i64("id"), "close",
                              {{"status", "open"}}, {{"status", "closed"}, {"closingReadingId", reading_id}}});
  out.closed = open->i64("id");
  return out;
}

}  // namespace

PatrolService::Recorded PatrolService::record_check(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.perform");
  Input in(body, Input::Mode::create);
  const auto client_id = in.text("clientId", {.max = 64}).value_or("");
  if (in.has("clientId") && !client_id.empty() && !client_id_ok(client_id))
    in.fail("clientId", "must be 8-64 letters, digits or '-' (a UUID)");
  const auto plan_id = in.id("planId");
  const auto checkpoint_id = in.id("checkpointId");
  const auto made_text = in.text("madeAt", {.max = 40});
  std::optional<std::int64_t> made_at;
  if (made_text) {
    made_at = core::parse_iso8601(*made_text);
    if (!made_at) in.fail("madeAt", "must be a date-time with offset, e.g. 2026-11-20T10:05:00+08:00");
  }
  const auto note = in.text("note", {.required = false, .min = 0, .max = 1000}).value_or("");
  std::vector<ResultIn> results;
  in.objects("results", 50, [&](Input& r, std::size_t i) {
    ResultIn x;
    x.index = i;
    x.item = r.id("itemId").value_or(0);
    x.ok = r.boolean("ok", false);
    x.value = r.number("value", false);
    x.note = r.text("note", {.required = false, .min = 0, .max = 500}).value_or("");
    x.photos = r.ids("photoIds", false, 9).value_or(std::vector<std::int64_t>{});
    results.push_back(x);
  }, true);
  in.finish();
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) -> Recorded {
    auto duplicate = [&](const db::Row& existing) -> Recorded {
      if (existing.opt_i64("user_id") != ctx.actor.user_id)
        core::throw_conflict("patrol.client_id_taken", "another user sent a record with this clientId",
                             {{"clientId", "was used by another user"}});
      return {true, {{"duplicate", true},
                     {"check", view::check(s, existing.i64("id"))},
                     {"alarmsRaised", nlohmann::json::array()},
                     {"alarmsClosed", nlohmann::json::array()}}};
    };
    if (auto existing = db::Query(s, "SELECT id, user_id FROM patrol_check WHERE client_id = :c").bind("c", client_id).one())
      return duplicate(*existing);
    core::ErrorDetails errors;
    if (*made_at < now - kMaxBackSeconds) errors.emplace("madeAt", "is more than 72 hours ago");
    if (*made_at > now + kClockSkewSeconds) errors.emplace("madeAt", "is in the future");
    auto plan = repo::load_plan(s, ctx.actor, *plan_id);
    if (!plan) core::throw_invalid("invalid request", {{"planId", "is not a plan you can see"}});
    if (!plan->row.flag("active")) core::throw_conflict("patrol.plan_inactive", "the plan is not active");
    const db::Row* cp = nullptr;
    for (const auto& c : plan->checkpoints)
      if (c.i64("id") == *checkpoint_id) cp = &c;
    if (!cp) errors.emplace("checkpointId", "is not a checkpoint of the plan");
    std::set<std::int64_t> answered;
    std::vector<std::pair<const db::Row*, const ResultIn*>> pairs;
    for (const auto& r : results) {
      const std::string p = "results[" + std::to_string(r.index) + "]";
      const db::Row* item = nullptr;
      for (const auto& it : plan->items)
        if (it.i64("id") == r.item) item = &it;
      if (!item) {
        errors.emplace(p + ".itemId", "is not an item of the plan");
        continue;
      }
      if (!answered.insert(r.item).second) errors.emplace(p + ".itemId", "is answered twice");
      if (item->str("kind") == "check") {
        if (!r.ok) errors.emplace(p + ".ok", "is required for a check item");
        if (r.value) errors.emplace(p + ".value", "belongs to reading items");
      } else {
        if (r.ok) errors.emplace(p + ".ok", "belongs to check items");
        if (!r.value) errors.emplace(p + ".value", "is required for a reading");
        else if (!scale_value(*r.value, static_cast<int>(item->i64("metric_decimals"))))
          errors.emplace(p + ".value", "has more than " + std::to_string(item->i64("metric_decimals")) + " decimals");
      }
      for (std::size_t i = 0; i < r.photos.size(); ++i)
        if (!db::Query(s,
                       "SELECT id FROM patrol_photo WHERE id = :id AND project_id = :p AND "
                       "uploaded_by = :u AND result_id IS NULL")
                 .bind("id", (ll)r.photos[i])
                 .bind("p", (ll)plan->project_id())
                 .bind("u", (ll)ctx.actor.user_id)
                 .one())
          errors.emplace(p + ".photoIds[" + std::to_string(i) + "]",
                         "is not a photo you uploaded to this project that no check uses yet");
      pairs.push_back({item, &r});
    }
    for (const auto& it : plan->items)
      if (!answered.count(it.i64("id")))
        errors.emplace("results", "must answer every item of the plan (missing: " + it.str("label") + ")");
    if (!errors.empty()) core::throw_invalid("invalid request", errors);

    const int offset = plan->offset();
    auto placed = place(plan->schedule, plan->grace(), *made_at, offset);
    if (placed.slot && !plan->due(*placed.slot)) placed = {};  // a slot over before the plan started
    const auto by = repo::display_name(s, ctx.actor);
    int not_ok = 0;
    for (const auto& [item, r] : pairs)
      if (r->ok == false) ++not_ok;
    auto inserted = db::Query(s,
                              "INSERT INTO patrol_check (project_id, client_id, plan_id, "
                              "checkpoint_id, user_id, user_name, made_at, received_at, "
                              "late_arrival, slot_start, slot_end, placement, note, not_ok) VALUES "
                              "(:p, :c, :pl, :cp, :u, :un, :m, :r, :la, :ss, :se, :pm, :n, :no) ON "
                              "CONFLICT (client_id) DO NOTHING RETURNING id")
                        .bind("p", (ll)plan->project_id())
                        .bind("c", client_id)
                        .bind("pl", (ll)plan->id())
                        .bind("cp", (ll)*checkpoint_id)
                        .bind("u", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
                        .bind("un", by)
                        .bind("m", (ll)*made_at)
                        .bind("r", (ll)now)
                        .bind("la", now - *made_at > kLateArrivalSeconds)
                        .bind("ss", placed.slot ? std::optional<ll>(placed.slot->start) : std::nullopt)
                        .bind("se", placed.slot ? std::optional<ll>(placed.slot->end) : std::nullopt)
                        .bind("pm", placement_name(placed.placement))
                        .bind("n", note)
                        .bind("no", (ll)not_ok)
                        .one();
    if (!inserted)  // sent twice at the same moment: the other request stored it
      return duplicate(*db::Query(s, "SELECT id, user_id FROM patrol_check WHERE client_id = :c").bind("c", client_id).one());
    const auto check_id = inserted->first_i64();
    nlohmann::json raised = nlohmann::json::array(), closed = nlohmann::json::array();
    const auto minute = static_cast<int>(((*made_at + offset) % 86400 + 86400) % 86400 / 60);
    for (const auto& [item, r] : pairs) {
      const int decimals = item->str("kind") == "reading" ? static_cast<int>(item->i64("metric_decimals")) : 0;
      const auto scaled = r->value ? scale_value(*r->value, decimals) : std::nullopt;
      const auto result_id = db::Query(s,
                                       "INSERT INTO patrol_result (check_id, item_id, ok, value_scaled, "
                                       "note) VALUES (:c, :i, :ok, :v, :n) RETURNING id")
                                 .bind("c", (ll)check_id)
                                 .bind("i", (ll)r->item)
                                 .bind("ok", r->ok ? std::optional<ll>(*r->ok ? 1 : 0) : std::nullopt)
                                 .bind("v", scaled ? std::optional<ll>(*scaled) : std::nullopt)
                                 .bind("n", r->note)
                                 .scalar();
      for (auto photo : r->photos)
        db::Query(s, "UPDATE patrol_photo SET result_id = :r WHERE id = :p")
            .bind("r", (ll)result_id)
            .bind("p", (ll)photo)
            .exec();
      if (!scaled) continue;
      const auto opens = cp->opt_i64("opens_min"), closes = cp->opt_i64("closes_min");
      const auto period = period_at(opens ? std::optional<int>((int)*opens) : std::nullopt,
                                    closes ? std::optional<int>((int)*closes) : std::nullopt, minute);
      const auto limit = repo::limit_for(s, cp->i64("id"), item->i64("metric_id"), period);
      const bool within = !limit || ((!limit->low || *scaled >= *limit->low) && (!limit->high || *scaled <= *limit->high));
      const auto reading_id = db::Query(s,
                                        "INSERT INTO patrol_reading (project_id, check_id, result_id, "
                                        "checkpoint_id, metric_id, made_at, value_scaled, period, "
                                        "low_scaled, high_scaled, within_limits) VALUES (:p, :c, :r, "
                                        ":cp, :m, :t, :v, :pe, :lo, :hi, :w) RETURNING id")
                                  .bind("p", (ll)plan->project_id())
                                  .bind("c", (ll)check_id)
                                  .bind("r", (ll)result_id)
                                  .bind("cp", cp->i64("id"))
                                  .bind("m", item->i64("metric_id"))
                                  .bind("t", (ll)*made_at)
                                  .bind("v", (ll)*scaled)
                                  .bind("pe", limit ? limit->period : period)
                                  .bind("lo", limit ? limit->low : std::nullopt)
                                  .bind("hi", limit ? limit->high : std::nullopt)
                                  .bind("w", within)
                                  .scalar();
      const auto outcome = judge(s, ctx, *cp, *item, reading_id, check_id, *made_at, *scaled, limit, within, by, now);
      if (outcome.raised) raised.push_back(*outcome.raised);
      if (outcome.closed) closed.push_back(*outcome.closed);
    }
    auto j = view::check(s, check_id);
    audit::record(s, ctx, now, {plan->project_id(), "patrol_check", check_id, "create", nullptr, j});
    return {false, {{"duplicate", false}, {"check", j}, {"alarmsRaised", raised}, {"alarmsClosed", closed}}};
  });
}

nlohmann::json PatrolService::get_check(const core::Actor& actor, std::int64_t id) const {
  repo::require_any(actor);
  return db_.read([&](db::Session& s) {
    if (!view::find_check(s, actor, id)) core::throw_not_found("check");
    return view::check(s, id);
  });
}

nlohmann::json PatrolService::list_checks(const core::Actor& actor, const core::Params& q) const {
  repo::require_any(actor);
  const auto page = q.page();
  const auto project = q.id("projectId"), plan = q.id("planId"), cp = q.id("checkpointId"), user = q.id("userId");
  const auto from = q.text("from"), to = q.text("to");
  const auto not_ok = q.flag("notOk");
  core::ErrorDetails errors;
  std::optional<std::int64_t> from_day, to_day;
  if (from && !(from_day = parse_day(*from))) errors.emplace("from", "must be a date YYYY-MM-DD");
  if (to && !(to_day = parse_day(*to))) errors.emplace("to", "must be a date YYYY-MM-DD");
  if (!errors.empty()) core::throw_invalid("invalid query", errors);
  return db_.read([&](db::Session& s) {
    std::string where = " WHERE 1 = 1" + view::visible(actor, "k");
    if (project) where += " AND k.project_id = :p";
    if (plan) where += " AND k.plan_id = :pl";
    if (cp) where += " AND k.checkpoint_id = :cp";
    if (user) where += " AND k.user_id = :u";
    // Local days of the project asked for (every demo project is +08:00, the default).
    const int offset = project ? repo::offset_of(s, *project) : 8 * 3600;
    if (from_day) where += " AND k.made_at >= :f";
    if (to_day) where += " AND k.made_at < :t";
    if (not_ok) where += *not_ok ? " AND k.not_ok > 0" : " AND k.not_ok = 0";
    auto bind = [&](db::Query& qq) {
      if (project) qq.bind("p", (ll)*project);
      if (plan) qq.bind("pl", (ll)*plan);
      if (cp) qq.bind("cp", (ll)*cp);
      if (user) qq.bind("u", (ll)*user);
      if (from_day) qq.bind("f", (ll)instant_of(*from_day, 0, offset));
      if (to_day) qq.bind("t", (ll)instant_of(*to_day + 1, 0, offset));
    };
    db::Query count(s, "SELECT COUNT(*) FROM patrol_check k" + where);
    bind(count);
    const auto total = count.scalar();
    db::Query list(s, "SELECT k.id FROM patrol_check k" + where + " ORDER BY k.made_at DESC, k.id DESC LIMIT " +
                          std::to_string(page.size) + " OFFSET " + std::to_string(page.offset()));
    bind(list);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : list.all()) items.push_back(view::check(s, r.i64("id")));
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

}  // namespace steward::patrols
