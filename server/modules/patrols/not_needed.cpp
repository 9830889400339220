// "Not needed today" (P2): a supervisor marks a slot of a plan, or every slot of a day, as not
// needed (the facility closed, rain for an outdoor round) with a reason. Such slots count neither
// as due nor as missed; a check made in one anyway still counts as done. Audited.
#include "core/error.hpp"
#include "core/time.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/patrols/patrol_repo.hpp"
#include "modules/patrols/patrol_service.hpp"

namespace steward::patrols {
namespace {

using ll = long long;
using json::Input;

constexpr std::int64_t kDaysBack = 7;     // a day may be marked up to a week after it
constexpr std::int64_t kDaysAhead = 31;   // and up to a month before it

// Supervisors (read and perform) and managers; not field staff, not readers only.
void require_marker(const core::Actor& actor) {
  core::require(actor, "patrol.read");
  if (!actor.can("patrol.perform") && !actor.can("patrol.manage")) core::throw_forbidden("patrol.perform");
}

nlohmann::json mark_json(const db::Row& r, int offset) {
  const auto slot = r.opt_i64("slot_start");
  return {{"id", r.i64("id")},
          {"projectId", r.i64("project_id")},
          {"planId", r.i64("plan_id")},
          {"planName", r.str("plan_name")},
          {"date", format_day(r.i64("day"))},
          {"slotStart", slot ? nlohmann::json(repo::iso(*slot, offset)) : nlohmann::json()},
          {"checkpointId", r.opt_i64("checkpoint_id") ? nlohmann::json(*r.opt_i64("checkpoint_id")) : nlohmann::json()},
          {"checkpointName", r.opt_i64("checkpoint_id") ? nlohmann::json(r.str("checkpoint_name")) : nlohmann::json()},
          {"reason", r.str("reason")},
          {"by", r.str("user_name")},
          {"at", repo::iso(r.i64("created_at"), offset)}};
}

const char* kSelect =
    "SELECT n.*, pl.name AS plan_name, c.name AS checkpoint_name FROM patrol_not_needed n JOIN "
    "patrol_plan pl ON pl.id = n.plan_id LEFT JOIN patrol_checkpoint c ON c.id = n.checkpoint_id ";

}  // namespace

nlohmann::json PatrolService::mark_not_needed(const core::Context& ctx, std::int64_t plan_id,
                                              const nlohmann::json& body) const {
  require_marker(ctx.actor);
  Input in(body, Input::Mode::create);
  const auto date = in.text("date", {.max = 10});
  const auto slot_text = in.text("slotStart", {.required = false, .min = 0, .max = 5});
  const auto checkpoint = in.id("checkpointId", false);
  const auto reason = in.text("reason", {.max = 200});
  std::optional<std::int64_t> day;
  if (date) {
    day = parse_day(*date);
    if (!day) in.fail("date", "must be a date YYYY-MM-DD");
  }
  std::optional<int> slot_minute;
  if (slot_text && !slot_text->empty()) {
    slot_minute = core::parse_hhmm(*slot_text);
    if (!slot_minute) in.fail("slotStart", "must be the start time HH:MM of one of the day's slots");
  }
  in.finish();
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    const auto plan = repo::load_plan(s, ctx.actor, plan_id);
    if (!plan) core::throw_not_found("plan");
    const int offset = plan->offset();
    const auto today = local_day_of(now, offset);
    if (*day < today - kDaysBack || *day > today + kDaysAhead)
      core::throw_invalid("invalid date", {{"date", "must be from 7 days ago to 31 days ahead"}});
    const auto slots = slots_on(plan->schedule, *day, offset);
    if (slots.empty()) core::throw_invalid("nothing is due that day", {{"date", "the plan has no slot that day"}});
    std::optional<std::int64_t> slot_start;
    if (slot_minute) {
      // The slot that starts at this time on the day (or after midnight, in a night window).
      for (const auto& sl : slots)
        if (sl.start == instant_of(*day, *slot_minute, offset) || sl.start == instant_of(*day, *slot_minute + 1440, offset))
          slot_start = sl.start;
      if (!slot_start) core::throw_invalid("no such slot", {{"slotStart", "is not the start of one of the day's slots"}});
    }
    if (checkpoint) {
      bool found = false;
      for (const auto& c : plan->checkpoints) found |= c.i64("id") == *checkpoint;
      if (!found) core::throw_invalid("not a checkpoint of the plan", {{"checkpointId", "is not one of the plan's checkpoints"}});
    }
    // Already covered by an equal or wider mark: nothing new to say.
    if (db::Query(s,
                  "SELECT id FROM patrol_not_needed WHERE plan_id = :p AND day = :d AND (slot_start IS NULL OR "
                  "slot_start = :s) AND (checkpoint_id IS NULL OR checkpoint_id = :c)")
            .bind("p", (ll)plan_id)
            .bind("d", (ll)*day)
            .bind("s", (ll)slot_start.value_or(-1))
            .bind("c", (ll)checkpoint.value_or(-1))
            .one())
      core::throw_conflict("patrol.already_not_needed", "this slot is marked as not needed already");
    const auto id = db::Query(s,
                              "INSERT INTO patrol_not_needed (project_id, plan_id, day, slot_start, checkpoint_id, "
                              "reason, user_id, user_name, created_at) VALUES (:pr, :p, :d, :s, :c, :r, :u, :un, :t) "
                              "RETURNING id")
                        .bind("pr", (ll)plan->project_id())
                        .bind("p", (ll)plan_id)
                        .bind("d", (ll)*day)
                        .bind("s", slot_start ? std::optional<ll>(*slot_start) : std::nullopt)
                        .bind("c", checkpoint ? std::optional<ll>(*checkpoint) : std::nullopt)
                        .bind("r", *reason)
                        .bind("u", (ll)ctx.actor.user_id)
                        .bind("un", repo::display_name(s, ctx.actor))
                        .bind("t", (ll)now)
                        .scalar();
    const auto j = mark_json(*db::Query(s, std::string(kSelect) + "WHERE n.id = :id").bind("id", (ll)id).one(), offset);
    audit::record(s, ctx, now, {plan->project_id(), "patrol_not_needed", id, "create", nullptr, j});
    return j;
  });
}

nlohmann::json PatrolService::list_not_needed(const core::Actor& actor, const core::Params& q) const {
  core::require(actor, "patrol.read");
  core::ErrorDetails errors;
  const auto project = q.id("projectId");
  if (!project) errors.emplace("projectId", "is required");
  const auto from = q.text("from"), to = q.text("to");
  const auto f = from ? parse_day(*from) : std::nullopt;
  const auto t = to ? parse_day(*to) : std::nullopt;
  if (!f) errors.emplace("from", "is required: a date YYYY-MM-DD");
  if (!t) errors.emplace("to", "is required: a date YYYY-MM-DD");
  if (f && t && *t < *f) errors.emplace("to", "must not be before from");
  if (!errors.empty()) core::throw_invalid("invalid query", errors);
  if (!actor.sees_project(*project)) core::throw_not_found("project");
  const auto plan = q.id("planId");
  return db_.read([&](db::Session& s) {
    const int offset = repo::offset_of(s, *project);
    db::Query query(s, std::string(kSelect) + "WHERE n.project_id = :p AND n.day >= :a AND n.day <= :b" +
                           (plan ? " AND n.plan_id = :pl" : "") + " ORDER BY n.day, n.plan_id, n.id");
    query.bind("p", (ll)*project).bind("a", (ll)*f).bind("b", (ll)*t);
    if (plan) query.bind("pl", (ll)*plan);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : query.all()) items.push_back(mark_json(r, offset));
    return nlohmann::json{{"items", items}};
  });
}

void PatrolService::remove_not_needed(const core::Context& ctx, std::int64_t id) const {
  require_marker(ctx.actor);
  const auto now = clock_.now();
  db_.write([&](db::Session& s) {
    auto r = db::Query(s, std::string(kSelect) + "WHERE n.id = :id").bind("id", (ll)id).one();
    if (!r || !ctx.actor.sees_project(r->i64("project_id"))) core::throw_not_found("not-needed mark");
    const auto before = mark_json(*r, repo::offset_of(s, r->i64("project_id")));
    db::Query(s, "DELETE FROM patrol_not_needed WHERE id = :id").bind("id", (ll)id).exec();
    audit::record(s, ctx, now, {r->i64("project_id"), "patrol_not_needed", id, "delete", before, nullptr});
    return 0;
  });
}

}  // namespace steward::patrols
