// The daily complaint inventory (W6, 投诉日盘点): every open complaint of a project with its
// responsible person, age and clocks, and whether it was checked today. An overdue complaint is
// passed only with its root cause and the next step.
#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/auth/roles.hpp"
#include "modules/work_orders/work_order.hpp"
#include "modules/work_orders/work_order_repo.hpp"
#include "modules/work_orders/work_order_service.hpp"
#include "modules/work_orders/work_order_view.hpp"
#include "modules/work_orders/work_order_write.hpp"

namespace steward::work_orders {
namespace {

using ll = long long;

std::string day_or_today(const std::optional<std::string>& day, std::int64_t now) {
  if (!day) return local_day(now, 8 * 3600);
  if (day->size() != 10 || !core::parse_iso8601(*day + "T00:00:00Z"))
    core::throw_invalid("day must be a date YYYY-MM-DD", {{"day", "must be a date YYYY-MM-DD"}});
  return *day;
}

nlohmann::json check_json(const db::Row& r) {
  return {{"by", r.str("checked_by_name")}, {"at", core::format_iso8601(r.i64("checked_at"))},
          {"note", r.str("note")}, {"rootCause", r.str("root_cause")}, {"nextStep", r.str("next_step")}};
}

}  // namespace

nlohmann::json WorkOrderService::inventory(const core::Actor& actor, const core::Params& q) const {
  core::require(actor, "complaint.inventory");
  const auto project = q.id("projectId");
  if (!project) core::throw_invalid("projectId is required", {{"projectId", "is required"}});
  if (!actor.sees_project(*project)) core::throw_not_found("project");
  const auto now = clock_.now();
  const std::string day = day_or_today(q.text("day"), now);
  const auto cal = calendar_.calendar();
  return db_.read([&](db::Session& s) {
    auto orders = db::Query(s, repo::order_select() +
                                   " WHERE o.project_id = :p AND o.kind = 'complaint' AND o.status "
                                   "IN ('registered', 'dispatched', 'accepted', 'in_progress', "
                                   "'waiting') ORDER BY o.reported_at")
                      .bind("p", (ll)*project)
                      .all();
    nlohmann::json items = nlohmann::json::array();
    int checked = 0;
    for (const auto& o : orders) {
      auto order = order_json(o, repo::clocks(s, o.i64("id")), *cal, actor, cipher_, now);
      auto check = db::Query(s, "SELECT * FROM complaint_check WHERE order_id = :o AND day = :d")
                       .bind("o", o.i64("id"))
                       .bind("d", day)
                       .one();
      checked += check ? 1 : 0;
      items.push_back({{"order", order},
                       {"ageHours", (now - o.i64("reported_at")) / 3600},
                       {"check", check ? check_json(*check) : nlohmann::json()}});
    }
    return nlohmann::json{{"day", day}, {"items", items}, {"total", items.size()}, {"checked", checked}};
  });
}

nlohmann::json WorkOrderService::check_complaint(const core::Context& ctx,
                                                 const nlohmann::json& body) const {
  core::require(ctx.actor, "complaint.inventory");
  json::Input in(body, json::Input::Mode::create);
  const auto order_id = in.id("orderId");
  const auto day_text = in.text("day", {.required = false, .max = 10});
  const auto note = in.text("note", {.required = false, .min = 0, .max = 500}).value_or("");
  const auto cause = in.text("rootCause", {.required = false, .min = 0, .max = 200}).value_or("");
  const auto next = in.text("nextStep", {.required = false, .min = 0, .max = 200}).value_or("");
  in.finish();
  const auto now = clock_.now();
  const std::string day = day_or_today(day_text, now);
  const auto cal = calendar_.calendar();
  return db_.write([&](db::Session& s) {
    auto o = repo::find_order(s, ctx.actor, *order_id);
    if (!o) core::throw_not_found("work order");
    if (o->str("kind") != "complaint" || !is_open(o->str("status")))
      throw core::AppError(core::ErrorKind::conflict, "work_order.not_open_complaint",
                           "only open complaints are taken into the inventory");
    const bool overdue = o->opt_i64("next_due_at") && *o->opt_i64("next_due_at") < now;
    core::ErrorDetails errors;
    if (overdue && cause.empty()) errors.emplace("rootCause", "is required for an overdue complaint");
    if (overdue && next.empty()) errors.emplace("nextStep", "is required for an overdue complaint");
    if (!errors.empty()) core::throw_invalid("an overdue complaint needs its root cause and next step", errors);
    Writer w(s, ctx, *cal, cipher_, now);
    db::Query(s, "DELETE FROM complaint_check WHERE order_id = :o AND day = :d")
        .bind("o", (ll)*order_id)
        .bind("d", day)
        .exec();
    const auto name = w.actor_name();
    db::Query(s,
              "INSERT INTO complaint_check (project_id, order_id, day, checked_by, checked_by_name, "
              "checked_at, overdue, note, root_cause, next_step) VALUES (:p, :o, :d, :by, :name, "
              ":at, :overdue, :note, :cause, :next)")
        .bind("p", o->i64("project_id"))
        .bind("o", (ll)*order_id)
        .bind("d", day)
        .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
        .bind("name", name)
        .bind("at", (ll)now)
        .bind("overdue", overdue)
        .bind("note", note)
        .bind("cause", cause)
        .bind("next", next)
        .exec();
    const nlohmann::json entry{{"day", day}, {"note", note}, {"rootCause", cause}, {"nextStep", next}};
    w.event(o->i64("project_id"), *order_id, "inventory", o->str("status"), o->str("status"), note, entry);
    audit::record(s, ctx, now, {o->i64("project_id"), "work_order", *order_id, "inventory", nullptr, entry});
    return entry;
  });
}

}  // namespace steward::work_orders
