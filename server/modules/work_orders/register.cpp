// Registering a request (W1) and reopening a repair as rework (W3).
#include "core/text.hpp"
#include "core/time.hpp"
#include "core/error.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/work_orders/project_time.hpp"
#include "modules/work_orders/status_machine.hpp"
#include "modules/work_orders/work_order.hpp"
#include "modules/work_orders/work_order_repo.hpp"
#include "modules/work_orders/work_order_service.hpp"
#include "modules/work_orders/work_order_view.hpp"
#include "modules/work_orders/work_order_write.hpp"

namespace steward::work_orders {
namespace {

using ll = long long;

constexpr std::int64_t kMaxBackdate = 7 * 24 * 3600;
constexpr std::int64_t kClockSkew = 120;  // a phone's clock a little ahead is not "the future"

struct NewOrder {
  std::int64_t project_id = 0;
  std::string kind, category, priority, channel, location, title, description;
  std::optional<std::int64_t> unit_id, customer_id;
  std::string reporter_name, reporter_phone;
  std::int64_t reported_at = 0;
};

NewOrder read_new_order(const nlohmann::json& body, std::int64_t now, bool owner) {
  json::Input in(body, json::Input::Mode::create);
  NewOrder o;
  o.project_id = in.id("projectId").value_or(0);
  o.kind = in.choice("kind", kinds()).value_or("");
  o.category = in.text("category", {.max = 40}).value_or("");
  o.priority = in.choice("priority", priorities(), false).value_or("normal");
  o.channel = in.choice("channel", channels(), !owner).value_or("app");  // owners: always the app
  o.unit_id = in.id("unitId", false);
  o.location = in.text("location", {.required = false, .min = 0, .max = 100}).value_or("");
  o.customer_id = in.id("customerId", false);
  o.reporter_name = in.text("reporterName", {.required = false, .min = 0, .max = 50}).value_or("");
  o.reporter_phone = in.text("reporterPhone", {.required = false, .min = 0, .max = 20}).value_or("");
  o.title = in.text("title", {.max = 100}).value_or("");
  o.description = in.text("description", {.required = false, .min = 0, .max = 2000}).value_or("");
  o.reported_at = now;
  if (auto at = in.text("reportedAt", {.required = false, .max = 40})) {
    auto t = core::parse_iso8601(*at);
    if (!t)
      in.fail("reportedAt", "must be an ISO 8601 time with an offset, e.g. 2026-11-22T09:30:00+08:00");
    else if (*t > now + kClockSkew)
      in.fail("reportedAt", "must not be in the future");
    else if (*t < now - kMaxBackdate)
      in.fail("reportedAt", "must be within the last 7 days");
    else
      o.reported_at = *t;
  }
  if (!o.unit_id && o.location.empty())
    in.fail("location", "is required when no unitId is given (a common area)");
  const auto digits = core::digits_only(o.reporter_phone);
  if (!o.reporter_phone.empty() && (digits.size() < 7 || digits.size() > 13))
    in.fail("reporterPhone", "must be a phone number of 7 to 13 digits");
  o.reporter_phone = digits;
  in.finish();
  return o;
}

// An owner reports for themselves, from the app, on their own unit.
void restrict_to_owner(NewOrder& o, const core::Actor& actor) {
  if (!actor.is_owner()) return;
  o.customer_id = actor.customer_id;
  o.channel = "app";
  if (o.unit_id && std::find(actor.unit_ids.begin(), actor.unit_ids.end(), *o.unit_id) ==
                       actor.unit_ids.end())
    core::throw_invalid("invalid request: unitId is not your unit", {{"unitId", "is not your unit"}});
}

}  // namespace

nlohmann::json WorkOrderService::register_order(const core::Context& ctx,
                                                const nlohmann::json& body) const {
  core::require(ctx.actor, "work_order.register");
  const auto now = clock_.now();
  NewOrder o = read_new_order(body, now, ctx.actor.is_owner());
  restrict_to_owner(o, ctx.actor);
  if (!ctx.actor.sees_project(o.project_id)) core::throw_not_found("project");
  const auto cal = calendar_.calendar();
  return db_.write([&](db::Session& s) {
    Writer w(s, ctx, *cal, cipher_, now);
    const auto project = w.project(o.project_id);
    core::ErrorDetails errors;
    w.check_category(o.category, errors);
    Place place = w.place(o.project_id, o.unit_id, o.customer_id, errors);
    if (!errors.empty()) core::throw_invalid("invalid request", errors);
    if (o.reporter_name.empty()) o.reporter_name = place.customer_name;
    if (o.reporter_phone.empty()) o.reporter_phone = core::digits_only(place.customer_phone);
    const std::string day = local_day(o.reported_at, offset_of(*project));
    const auto id =
        db::Query(s,
                  "INSERT INTO work_order (project_id, code, kind, category, priority, channel, "
                  "status, unit_id, building_id, zone_id, location, customer_id, reporter_name, "
                  "reporter_phone_enc, reporter_phone_index, title, description, department, "
                  "responsible_department, responsible_person, root_cause, result, reported_at, "
                  "created_by, created_at, updated_at) VALUES (:p, :code, :kind, :cat, :prio, "
                  ":chan, 'registered', :unit, :building, :zone, :loc, :cust, :rname, :rphone, "
                  ":rindex, :title, :descr, '', '', '', '', '', :reported, :by, :c, :u) "
                  "RETURNING id")
            .bind("p", (ll)o.project_id)
            .bind("code", repo::next_code(s, o.project_id, project->str("code"), day))
            .bind("kind", o.kind)
            .bind("cat", o.category)
            .bind("prio", o.priority)
            .bind("chan", o.channel)
            .bind("unit", place.unit_id)
            .bind("building", place.building_id)
            .bind("zone", place.zone_id)
            .bind("loc", o.location)
            .bind("cust", o.customer_id)
            .bind("rname", o.reporter_name)
            .bind("rphone", cipher_.encrypt(o.reporter_phone))
            .bind("rindex", o.reporter_phone.empty() ? "" : cipher_.blind_index(o.reporter_phone))
            .bind("title", o.title)
            .bind("descr", o.description)
            .bind("reported", (ll)o.reported_at)
            .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
            .bind("c", (ll)now)
            .bind("u", (ll)now)
            .scalar();
    w.start_clocks(id, o.project_id, {o.kind, o.category, o.priority, o.channel}, o.reported_at,
                   *project);
    w.event(o.project_id, id, "register", "", "registered", o.title, nlohmann::json::object());
    repo::count(s, o.project_id, day, o.kind, o.category, "registered");
    return w.finish_write(id, "register", nullptr);
  });
}

}  // namespace steward::work_orders

namespace steward::work_orders {

nlohmann::json WorkOrderService::rework(const core::Context& ctx, std::int64_t id,
                                        const nlohmann::json& body) const {
  core::require(ctx.actor, find_action("rework")->permission);
  json::Input in(body, json::Input::Mode::create);
  const auto reason = in.text("reason", {.max = 500});
  in.finish();
  const auto now = clock_.now();
  const auto cal = calendar_.calendar();
  return db_.write([&](db::Session& s) {
    auto o = repo::find_order(s, ctx.actor, id);
    if (!o) core::throw_not_found("work order");
    if (!next_status("rework", o->str("kind"), o->str("status")))
      throw core::AppError(core::ErrorKind::conflict, "work_order.invalid_transition",
                           "only a completed or closed repair can be reworked",
                           {{"status", o->str("status")}});
    Writer w(s, ctx, *cal, cipher_, now);
    const auto project = o->i64("project_id");
    const std::string day = local_day(now, offset_of(*o));
    const auto new_id =
        db::Query(s,
                  "INSERT INTO work_order (project_id, code, kind, category, priority, channel, "
                  "status, unit_id, building_id, zone_id, location, customer_id, reporter_name, "
                  "reporter_phone_enc, reporter_phone_index, title, description, department, "
                  "responsible_department, responsible_person, root_cause, result, rework_of_id, "
                  "reported_at, created_by, created_at, updated_at) SELECT project_id, :code, kind, "
                  "category, priority, channel, 'registered', unit_id, building_id, zone_id, "
                  "location, customer_id, reporter_name, reporter_phone_enc, reporter_phone_index, "
                  ":title, :descr, '', '', '', '', '', id, :reported, :by, :c, :u FROM work_order "
                  "WHERE id = :id RETURNING id")
            .bind("code", repo::next_code(s, project, o->str("project_code"), day))
            .bind("title", "返修: " + o->str("title"))
            .bind("descr", *reason)
            .bind("reported", (ll)now)
            .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
            .bind("c", (ll)now)
            .bind("u", (ll)now)
            .bind("id", (ll)id)
            .scalar();
    w.start_clocks(new_id, project, {o->str("kind"), o->str("category"), o->str("priority"), o->str("channel")},
                   now, *o);
    w.event(project, new_id, "register", "", "registered", *reason, {{"reworkOf", o->str("code")}});
    w.event(project, id, "rework", o->str("status"), o->str("status"), *reason,
            {{"reworkId", new_id}});
    repo::count(s, project, day, o->str("kind"), o->str("category"), "registered");
    repo::count(s, project, day, o->str("kind"), o->str("category"), "rework");
    return w.finish_write(new_id, "rework", nullptr);
  });
}

}  // namespace steward::work_orders
