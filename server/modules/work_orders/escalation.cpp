// Escalation (W4): a reminder to the assignee at 75% of a clock's time; at a breach the
// supervisors and the project manager are told. And recomputing open clocks after a rule or
// the calendar changed.
#include "core/error.hpp"
#include "db/query.hpp"
#include "modules/work_orders/project_time.hpp"
#include "modules/work_orders/work_order_repo.hpp"
#include "modules/work_orders/work_order_service.hpp"
#include "modules/work_orders/work_order_view.hpp"

namespace steward::work_orders {
namespace {

using ll = long long;
constexpr int kBatch = 500;

const char* clock_name_zh(const std::string& clock) {
  if (clock == "handle") return "受理";
  if (clock == "onsite") return "到场";
  if (clock == "contact") return "联系业主";
  if (clock == "handover") return "转交责任部门";
  if (clock == "acknowledge") return "网络投诉响应";
  if (clock == "feedback") return "反馈业主";
  if (clock == "resolve") return "完成";
  return "回访";
}

std::vector<db::Row> due_clocks(db::Session& s, const std::string& condition, std::int64_t now) {
  return db::Query(s,
                   "SELECT k.clock, k.order_id, o.project_id, o.code, o.title, o.assignee_staff_id "
                   "FROM wo_clock k JOIN work_order o ON o.id = k.order_id WHERE k.done_at IS "
                   "NULL AND k.stopped = 0 AND k.paused_since IS NULL AND " + condition +
                   " ORDER BY k.id LIMIT " + std::to_string(kBatch))
      .bind("now", (ll)now)
      .all();
}

void mark(db::Session& s, const char* column, const db::Row& r) {
  db::Query(s, std::string("UPDATE wo_clock SET ") + column + " = 1 WHERE order_id = :o AND clock = :c")
      .bind("o", r.i64("order_id"))
      .bind("c", r.str("clock"))
      .exec();
}

}  // namespace

int WorkOrderService::escalate(std::int64_t now) const {
  return db_.write([&](db::Session& s) {
    int written = 0;
    for (const auto& r : due_clocks(s, "k.reminded = 0 AND k.remind_at <= :now", now)) {
      if (auto staff = r.opt_i64("assignee_staff_id"))
        if (auto user = repo::user_of_staff(s, *staff)) {
          repo::notify(s, r.i64("project_id"), *user, r.i64("order_id"), "reminder",
                       std::string("时限提醒: ") + clock_name_zh(r.str("clock")) + " " + r.str("code"),
                       r.str("title"), now);
          ++written;
        }
      mark(s, "reminded", r);
    }
    for (const auto& r : due_clocks(s, "k.breach_notified = 0 AND k.due_at < :now", now)) {
      for (auto user : repo::users_with_roles(s, r.i64("project_id"), {"supervisor", "project_manager"})) {
        repo::notify(s, r.i64("project_id"), user, r.i64("order_id"), "overdue",
                     std::string("超时: ") + clock_name_zh(r.str("clock")) + " " + r.str("code"),
                     r.str("title"), now);
        ++written;
      }
      mark(s, "breach_notified", r);
    }
    return written;
  });
}

int WorkOrderService::recompute_open_clocks() const {
  const auto cal = calendar_.calendar();
  return db_.write([&](db::Session& s) {
    const auto rules = repo::rules(s);
    auto orders = db::Query(s, repo::order_select() +
                                   " WHERE o.id IN (SELECT order_id FROM wo_clock WHERE done_at "
                                   "IS NULL AND stopped = 0)")
                      .all();
    int changed = 0;
    for (const auto& o : orders) {
      const ProjectTime time(*cal, hours_of(o));
      const ClockMath math(time);
      const auto applicable =
          applicable_rules(rules, {o.str("kind"), o.str("category"), o.str("priority"), o.str("channel")});
      for (Clock c : repo::clocks(s, o.i64("id"))) {
        if (c.done_at || c.stopped) continue;
        const auto before = c.due_at;
        auto rule = std::find_if(applicable.begin(), applicable.end(),
                                 [&](const SlaRule& r) { return r.clock == c.name; });
        if (rule != applicable.end())
          math.rule_changed(c, *rule);
        else
          c.due_at = math.due(c);  // the rule is gone: the clock keeps its length
        if (c.due_at == before) continue;
        repo::save_clock(s, o.i64("id"), c, math.remind_at(c));
        ++changed;
      }
      repo::refresh_next_due(s, o.i64("id"));
    }
    return changed;
  });
}

WorkOrderService::WorkOrderService(db::Database& db, const core::Clock& clock,
                                   const core::FieldCipher& cipher,
                                   const calendar::CalendarService& calendar)
    : db_(db), clock_(clock), cipher_(cipher), calendar_(calendar) {}

}  // namespace steward::work_orders
