// One lifecycle step of an order (W3-W5): the rules of the status machine, what the step records,
// the clocks it meets, pauses or starts, the timeline, the counters and the notifications.
#include "core/time.hpp"
#include "core/error.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "modules/work_orders/project_time.hpp"
#include "modules/work_orders/status_machine.hpp"
#include "modules/work_orders/work_order.hpp"
#include "modules/work_orders/work_order_repo.hpp"
#include "modules/work_orders/work_order_service.hpp"
#include "modules/work_orders/work_order_view.hpp"
#include "modules/work_orders/step.hpp"

namespace steward::work_orders {
namespace {

using ll = long long;

StepInput read_step(const std::string& action, const nlohmann::json& body) {
  json::Input in(body, json::Input::Mode::create);
  StepInput s;
  auto optional_text = [&](const char* key, std::size_t max) {
    return in.text(key, {.required = false, .min = 0, .max = max}).value_or("");
  };
  s.note = optional_text("note", 500);
  if (action == "dispatch") {
    s.staff_id = in.id("assigneeStaffId", false);
    s.team_id = in.id("assigneeTeamId", false);
    s.department = optional_text("department", 50);
    if (!s.staff_id && !s.team_id && s.department.empty())
      in.fail("assigneeStaffId", "name a technician, a team or a department to dispatch to");
  } else if (action == "handover") {
    s.responsible_department = in.text("responsibleDepartment", {.max = 50}).value_or("");
    s.responsible_person = optional_text("responsiblePerson", 50);
  } else if (action == "contact") {
    if (auto at = in.text("appointmentAt", {.required = false, .max = 40})) {
      s.appointment_at = core::parse_iso8601(*at);
      if (!s.appointment_at) in.fail("appointmentAt", "must be an ISO 8601 time with an offset");
    }
  } else if (action == "answer" || action == "complete") {
    s.result = in.text("result", {.max = 2000}).value_or("");
    if (action == "complete") s.completion = read_completion(in);
  } else if (action == "wait") {
    s.reason = in.choice("reason", {"owner", "parts"}).value_or("");
  } else if (action == "visit") {
    s.method = in.choice("method", visit_methods()).value_or("");
    s.satisfaction = in.choice("satisfaction", satisfaction_levels()).value_or("");
    s.note = optional_text("comment", 500);
  } else if (action == "close") {
    s.valid = in.boolean("valid", false);
    s.root_cause = optional_text("rootCause", 200);
  } else if (action == "cancel") {
    s.reason = in.text("reason", {.max = 200}).value_or("");
  }
  in.finish();
  return s;
}

[[noreturn]] void refuse(const std::string& code, const std::string& message) {
  throw core::AppError(core::ErrorKind::conflict, code, message);
}

// Rules beyond the status table.
void check_step(db::Session& s, const core::Actor& actor, const db::Row& o,
                const std::string& action, const StepInput& in) {
  const std::string kind = o.str("kind"), status = o.str("status");
  if (action == "close" && kind == "repair" && status == "completed")
    refuse("work_order.visit_required", "a repair is called back (visit) before it is closed");
  if (action == "close" && kind == "complaint") {
    if (!in.valid)
      core::throw_invalid("invalid request: valid is required to close a complaint",
                          {{"valid", "is required to close a complaint"}});
    if (*in.valid && status == "completed")
      refuse("work_order.visit_required", "a valid complaint is called back before it is closed");
  }
  const bool field_work = action != "visit" && action != "close" && action != "cancel" &&
                          action != "dispatch" && action != "handover" && action != "acknowledge";
  if (actor.role == "technician" && field_work) {
    auto me = db::Query(s, "SELECT staff_id FROM app_user WHERE id = :id").bind("id", (ll)actor.user_id).one();
    if (!me || me->opt_i64("staff_id") != o.opt_i64("assignee_staff_id"))
      throw core::AppError(core::ErrorKind::forbidden, "work_order.not_assignee",
                           "only the assigned technician may do this");
  }
  core::ErrorDetails errors;
  const ll project = o.i64("project_id");
  auto in_project = [&](const char* table, std::optional<std::int64_t> id, const char* key) {
    if (id && !db::Query(s, std::string("SELECT id FROM ") + table + " WHERE id = :id AND project_id = :p")
                   .bind("id", (ll)*id).bind("p", project).one())
      errors.emplace(key, "does not exist in this project");
  };
  in_project("staff", in.staff_id, "assigneeStaffId");
  in_project("team", in.team_id, "assigneeTeamId");
  if (!errors.empty()) core::throw_invalid("invalid request", errors);
}

void record_step(db::Session& s, std::int64_t id, const std::string& action, const std::string& to,
                 const StepInput& in, std::int64_t now) {
  std::string sets = "status = :to, updated_at = :now";
  if (action == "dispatch")
    sets += ", assignee_staff_id = :staff, assignee_team_id = :team, department = :dept";
  if (action == "handover") sets += ", responsible_department = :rdept, responsible_person = :rperson";
  if (action == "answer" || action == "complete") sets += ", result = :result, completed_at = :done";
  if (action == "visit") sets += ", satisfaction = :sat, visited_at = :visited";
  if (action == "close") sets += ", closed_at = :closed, valid_complaint = :valid, root_cause = :cause";
  db::Query q(s, "UPDATE work_order SET " + sets + " WHERE id = :id");
  q.bind("to", to).bind("now", (ll)now).bind("id", (ll)id);
  if (action == "dispatch")
    q.bind("staff", in.staff_id).bind("team", in.team_id).bind("dept", in.department);
  if (action == "handover") q.bind("rdept", in.responsible_department).bind("rperson", in.responsible_person);
  if (action == "answer" || action == "complete") q.bind("result", in.result).bind("done", (ll)now);
  if (action == "visit") q.bind("sat", in.satisfaction).bind("visited", (ll)now);
  if (action == "close")
    q.bind("closed", (ll)now)
        .bind("valid", in.valid ? std::optional<ll>(*in.valid ? 1 : 0) : std::nullopt)
        .bind("cause", in.root_cause);
  q.exec();
}

nlohmann::json step_data(const std::string& action, const StepInput& in) {
  nlohmann::json d = nlohmann::json::object();
  if (in.staff_id) d["assigneeStaffId"] = *in.staff_id;
  if (in.team_id) d["assigneeTeamId"] = *in.team_id;
  if (!in.department.empty()) d["department"] = in.department;
  if (!in.responsible_department.empty()) d["responsibleDepartment"] = in.responsible_department;
  if (!in.responsible_person.empty()) d["responsiblePerson"] = in.responsible_person;
  if (in.appointment_at) d["appointmentAt"] = core::format_iso8601(*in.appointment_at);
  if (!in.result.empty()) d["result"] = in.result;
  if (!in.reason.empty()) d["reason"] = in.reason;
  if (!in.method.empty()) d["method"] = in.method;
  if (!in.satisfaction.empty()) d["satisfaction"] = in.satisfaction;
  if (in.valid) d["valid"] = *in.valid;
  if (!in.root_cause.empty()) d["rootCause"] = in.root_cause;
  return d;
}

}  // namespace

nlohmann::json WorkOrderService::act(const core::Context& ctx, std::int64_t id,
                                     const std::string& action, const nlohmann::json& body) const {
  const Transition* t = find_action(action);
  if (!t || action == "rework")
    throw core::AppError(core::ErrorKind::not_found, "route.not_found", "no such action: " + action);
  core::require(ctx.actor, t->permission);
  return step(ctx, id, action, body);
}

nlohmann::json WorkOrderService::rate(const core::Context& ctx, std::int64_t id,
                                      const nlohmann::json& body) const {
  core::require(ctx.actor, "work_order.rate");
  json::Input in(body, json::Input::Mode::create);
  const auto level = in.choice("satisfaction", satisfaction_levels());
  const auto comment = in.text("comment", {.required = false, .min = 0, .max = 500});
  in.finish();
  nlohmann::json visit{{"method", "app"}, {"satisfaction", *level}};
  if (comment) visit["comment"] = *comment;
  return step(ctx, id, "visit", visit);
}

nlohmann::json WorkOrderService::step(const core::Context& ctx, std::int64_t id,
                                      const std::string& action, const nlohmann::json& body) const {
  const StepInput in = read_step(action, body);
  const auto now = clock_.now();
  const auto cal = calendar_.calendar();
  return db_.write([&](db::Session& s) {
    auto o = repo::find_order(s, ctx.actor, id);
    if (!o) core::throw_not_found("work order");
    const std::string from = o->str("status");
    const auto to = next_status(action, o->str("kind"), from);
    if (!to)
      throw core::AppError(core::ErrorKind::conflict, "work_order.invalid_transition",
                           "cannot " + action + " a " + o->str("kind") + " that is " + from,
                           {{"status", from}});
    check_step(s, ctx.actor, *o, action, in);
    Writer w(s, ctx, *cal, cipher_, now);
    const auto before = w.before(id);
    record_step(s, id, action, *to, in, now);
    if (action == "complete") record_completion(w, *o, in.completion);
    const std::string day = local_day(now, offset_of(*o));
    advance_clocks(w, *o, action, day);
    count_step(w, *o, action, in, day);
    w.event(o->i64("project_id"), id, action, from, *to,
            action == "cancel" ? in.reason : in.note, step_data(action, in));
    return w.finish_write(id, action, before);
  });
}

}  // namespace steward::work_orders
