#include "modules/work_orders/work_order_view.hpp"

#include "core/text.hpp"
#include "core/time.hpp"
#include "json/output.hpp"
#include "modules/work_orders/photos.hpp"
#include "modules/work_orders/project_time.hpp"
#include "modules/work_orders/status_machine.hpp"

namespace steward::work_orders {
nlohmann::json time_or_null(const std::optional<std::int64_t>& t, int offset) {
  return t ? nlohmann::json(core::format_iso8601(*t, offset)) : nlohmann::json();
}

namespace {

// The actions this caller may take now: allowed by the status and granted by the role.
nlohmann::json actions_for(const db::Row& o, const core::Actor& actor) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& action : allowed_actions(o.str("kind"), o.str("status"))) {
    const Transition* t = find_action(action);
    if (actor.can(t->permission)) out.push_back(action);
  }
  // An owner rates their own completed order in place of the front desk's call-back.
  if (actor.can("work_order.rate") && o.str("status") == "completed" &&
      (o.str("kind") == "repair" || o.str("kind") == "complaint"))
    out.push_back("rate");
  return out;
}

}  // namespace

calendar::WorkingHours hours_of(const db::Row& o) {
  return {static_cast<int>(o.i64("work_start_min")), static_cast<int>(o.i64("work_end_min")),
          offset_of(o)};
}

int offset_of(const db::Row& o) {
  return core::zone_offset_seconds(o.str("time_zone")).value_or(8 * 3600);
}

nlohmann::json clock_json(const ClockMath& math, const Clock& c, std::int64_t now, int offset) {
  const ClockState state = math.state(c, now);
  nlohmann::json j{{"name", c.name},
                   {"startedAt", core::format_iso8601(c.start_at, offset)},
                   {"dueAt", core::format_iso8601(c.due_at, offset)},
                   {"doneAt", time_or_null(c.done_at, offset)},
                   {"state", state_name(state)},
                   {"rule", {{"amount", c.amount}, {"unit", c.unit}}}};
  if (state == ClockState::breached) j["lateBySeconds"] = math.late_by(c, now);
  return j;
}

nlohmann::json order_json(const db::Row& o, const std::vector<Clock>& clocks,
                          const calendar::WorkingCalendar& cal, const core::Actor& actor,
                          const core::FieldCipher& cipher, std::int64_t now) {
  const int offset = offset_of(o);
  const ProjectTime time(cal, hours_of(o));
  const ClockMath math(time);
  nlohmann::json clock_list = nlohmann::json::array();
  bool overdue = false;
  for (const auto& c : clocks) {
    clock_list.push_back(clock_json(math, c, now, offset));
    overdue = overdue || (!c.done_at && math.state(c, now) == ClockState::breached);
  }
  const bool clear = actor.can("customer.view_contact") ||
                     (actor.customer_id && actor.customer_id == o.opt_i64("customer_id"));
  const std::string phone = cipher.decrypt(o.str("reporter_phone_enc"));
  return {
      {"id", o.i64("id")},
      {"projectId", o.i64("project_id")},
      {"projectCode", o.str("project_code")},
      {"code", o.str("code")},
      {"kind", o.str("kind")},
      {"category", o.str("category")},
      {"priority", o.str("priority")},
      {"channel", o.str("channel")},
      {"status", o.str("status")},
      {"unitId", json::or_null(o.opt_i64("unit_id"))},
      {"unitLabel", o.str("unit_label")},
      {"buildingId", json::or_null(o.opt_i64("building_id"))},
      {"zoneId", json::or_null(o.opt_i64("zone_id"))},
      {"location", o.str("location")},
      {"customerId", json::or_null(o.opt_i64("customer_id"))},
      {"customerName", json::or_null(o.opt_str("customer_name"))},
      {"reporterName", o.str("reporter_name")},
      {"reporterPhone", clear ? phone : core::mask_phone(phone)},
      {"title", o.str("title")},
      {"description", o.str("description")},
      {"assigneeStaffId", json::or_null(o.opt_i64("assignee_staff_id"))},
      {"assigneeName", json::or_null(o.opt_str("assignee_name"))},
      {"assigneeTeamId", json::or_null(o.opt_i64("assignee_team_id"))},
      {"teamName", json::or_null(o.opt_str("team_name"))},
      {"department", o.str("department")},
      {"responsibleDepartment", o.str("responsible_department")},
      {"responsiblePerson", o.str("responsible_person")},
      {"rootCause", o.str("root_cause")},
      {"validComplaint", o.opt_i64("valid_complaint") ? nlohmann::json(o.flag("valid_complaint"))
                                                      : nlohmann::json()},
      {"result", o.str("result")},
      {"satisfaction", json::or_null(o.opt_str("satisfaction"))},
      {"reworkOfId", json::or_null(o.opt_i64("rework_of_id"))},
      {"reportedAt", core::format_iso8601(o.i64("reported_at"), offset)},
      {"createdAt", core::format_iso8601(o.i64("created_at"), offset)},
      {"updatedAt", core::format_iso8601(o.i64("updated_at"), offset)},
      {"completedAt", time_or_null(o.opt_i64("completed_at"), offset)},
      {"closedAt", time_or_null(o.opt_i64("closed_at"), offset)},
      {"nextDueAt", time_or_null(o.opt_i64("next_due_at"), offset)},
      {"overdue", overdue},
      {"clocks", clock_list},
      {"photos", photos_of_list(o.i64("id"), o.str("photo_list"), offset)},
      {"actions", actions_for(o, actor)},
  };
}

nlohmann::json event_json(const db::Row& e, int offset) {
  return {{"at", core::format_iso8601(e.i64("at"), offset)},
          {"actorName", e.str("actor_name")},
          {"action", e.str("action")},
          {"fromStatus", e.str("from_status")},
          {"toStatus", e.str("to_status")},
          {"note", e.str("note")},
          {"data", nlohmann::json::parse(e.str("data_json"), nullptr, false)}};
}

}  // namespace steward::work_orders
