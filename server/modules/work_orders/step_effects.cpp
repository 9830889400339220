#include "core/error.hpp"
#include "db/query.hpp"
#include "modules/work_orders/clocks.hpp"
#include "modules/work_orders/project_time.hpp"
#include "modules/work_orders/step.hpp"
#include "modules/work_orders/work_order_repo.hpp"
#include "modules/work_orders/work_order_view.hpp"

namespace steward::work_orders {
namespace {

bool has(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

}  // namespace

bool is_satisfied(const std::string& level) {
  return level == "very_satisfied" || level == "satisfied";
}

void advance_clocks(const Writer& w, const db::Row& o, const std::string& action,
                    const std::string& day) {
  db::Session& s = w.session();
  const std::int64_t id = o.i64("id"), now = w.now();
  const ProjectTime time(w.calendar(), hours_of(o));
  const ClockMath math(time);
  const auto met = clocks_met_by(action);
  for (Clock c : repo::clocks(s, id)) {
    const bool open = !c.done_at && !c.stopped;
    if (!open) continue;
    // Completing (or answering) an order meets what is still open of its earlier promises:
    // a repair done is a repair reached and its owner contacted. Only the call-back remains.
    const bool finishing = (action == "complete" || action == "answer") && c.name != "visit";
    if (has(met, c.name) || finishing) {
      if (c.paused_since) math.resume(c, now);
      c.done_at = now;
      const bool late = math.state(c, now) == ClockState::breached;
      repo::count(s, o.i64("project_id"), day, o.str("kind"), o.str("category"),
                  "clock." + c.name + (late ? ".breached" : ".met"));
    } else if (action == "wait" && c.name == "resolve") {
      math.pause(c, now);
    } else if (action == "resume" && c.name == "resolve") {
      math.resume(c, now);
    } else if (action == "cancel" || action == "close") {
      c.stopped = true;  // a cancelled order, or a complaint closed as not valid, needs no more
    } else {
      continue;
    }
    repo::save_clock(s, id, c, math.remind_at(c));
  }
  if (action == "complete") {  // the return visit is due one working day after completion
    const OrderFacts facts{o.str("kind"), o.str("category"), o.str("priority"), o.str("channel")};
    for (const auto& rule : applicable_rules(repo::rules(s), facts))
      if (!starts_at_registration(rule.clock)) {
        Clock c = math.start(rule, now);
        repo::insert_clock(s, o.i64("project_id"), id, c, math.remind_at(c));
      }
  }
  repo::refresh_next_due(s, id);
}

void count_step(const Writer& w, const db::Row& o, const std::string& action,
                const StepInput& in, const std::string& day) {
  db::Session& s = w.session();
  const auto project = o.i64("project_id");
  auto count = [&](const std::string& metric) {
    repo::count(s, project, day, o.str("kind"), o.str("category"), metric);
  };
  if (action == "complete" || action == "answer") count("completed");
  if (action == "cancel") count("cancelled");
  if (action == "close") count("closed");
  if (action == "close" && in.valid && *in.valid) count("valid_complaint");
  // The technician's workload: the one dispatched to, or the one holding the order.
  const auto staff = action == "dispatch" ? in.staff_id : o.opt_i64("assignee_staff_id");
  if (staff) {
    if (action == "dispatch") repo::count_staff(s, project, day, *staff, "assigned");
    if (action == "complete") repo::count_staff(s, project, day, *staff, "completed");
    if (action == "visit") repo::count_staff(s, project, day, *staff, "visited");
    if (action == "visit" && is_satisfied(in.satisfaction))
      repo::count_staff(s, project, day, *staff, "satisfied");
  }
  if (action == "visit") {
    count("visited");
    count(is_satisfied(in.satisfaction) ? "satisfied" : "not_satisfied");
  }
  if (action == "visit" && (in.satisfaction == "dissatisfied" || in.satisfaction == "very_dissatisfied")) {
    for (auto user : repo::users_with_roles(s, project, {"supervisor", "project_manager"}))
      repo::notify(s, project, user, o.i64("id"), "dissatisfied",
                   "回访不满意 " + o.str("code"),
                   o.str("title") + (in.note.empty() ? "" : ": " + in.note), w.now());
  }
}

}  // namespace steward::work_orders
