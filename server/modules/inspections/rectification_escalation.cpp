// Overdue rectifications escalate (DOMAIN I4), as work-order clocks do (work_orders/escalation.cpp):
// a periodic job, each level once per rectification (rectification.escalation_level).
//   level 1, when the deadline day has ended (due_at) and it is still open or rejected: the
//     responsible person, the project's supervisors and project manager, and the quality
//     department;
//   level 2, three days later (kSecondLevelSeconds) if still not done: the project manager and the
//     quality department again.
// A rectification completed (done) or verified stops escalating; one rejected back after its
// deadline continues from the level it had reached.
#include <set>

#include "db/query.hpp"
#include "modules/inspections/inspection_service.hpp"
#include "modules/notifications/notification_writer.hpp"
#include "modules/work_orders/work_order_repo.hpp"

namespace steward::inspections {
namespace {

using ll = long long;
constexpr std::int64_t kSecondLevelSeconds = 3 * 86400;
constexpr int kBatch = 500;

std::vector<std::int64_t> quality_users(db::Session& s) {
  std::vector<std::int64_t> out;
  for (const auto& r : db::Query(s, "SELECT id FROM app_user WHERE role = 'quality' AND active = 1 ORDER BY id").all())
    out.push_back(r.first_i64());
  return out;
}

}  // namespace

int InspectionService::escalate_rectifications(std::int64_t now) const {
  return db_.write([&](db::Session& s) {
    int written = 0;
    const auto quality = quality_users(s);
    for (int level = 1; level <= 2; ++level) {
      const auto due = db::Query(s,
                                 "SELECT rc.id, rc.project_id, rc.responsible_staff_id, "
                                 "rc.deadline_day, st.name AS responsible_name, COALESCE(it.code, "
                                 "cp.code) AS item_code, COALESCE(it.name, rc.source_title) AS "
                                 "item_name, COALESCE(i.target_name, cp.name) AS target_name FROM "
                                 "rectification rc JOIN staff st ON st.id = rc.responsible_staff_id "
                                 "LEFT JOIN inspection i ON i.id = rc.inspection_id LEFT JOIN "
                                 "inspection_deduction d ON d.id = rc.deduction_id LEFT JOIN "
                                 "rubric_item it ON it.id = d.item_id LEFT JOIN patrol_checkpoint cp "
                                 "ON cp.id = rc.checkpoint_id WHERE rc.status IN ('open', 'rejected') AND "
                                 "rc.escalation_level < :level AND rc.due_at + :after < :now ORDER "
                                 "BY rc.id LIMIT " +
                                     std::to_string(kBatch))
                           .bind("level", (ll)level)
                           .bind("after", (ll)(level == 1 ? 0 : kSecondLevelSeconds))
                           .bind("now", (ll)now)
                           .all();
      for (const auto& r : due) {
        const auto project = r.i64("project_id");
        std::set<std::int64_t> users(quality.begin(), quality.end());
        const auto managers = work_orders::repo::users_with_roles(
            s, project,
            level == 1 ? std::vector<std::string>{"supervisor", "project_manager"}
                       : std::vector<std::string>{"project_manager"});
        users.insert(managers.begin(), managers.end());
        if (level == 1)
          if (auto u = work_orders::repo::user_of_staff(s, r.i64("responsible_staff_id"))) users.insert(*u);
        const std::string title = std::string(level == 1 ? "整改超期: " : "整改超期三天: ") +
                                  r.str("item_code") + " " + r.str("item_name");
        const std::string body = r.str("target_name") + " 整改截止 " + r.str("deadline_day") +
                                 ", 责任人 " + r.str("responsible_name");
        for (auto u : users) {
          notifications::write(s, project, u, std::nullopt,
                               level == 1 ? "rectification_overdue" : "rectification_overdue_again",
                               title, body, now);
          ++written;
        }
        db::Query(s, "UPDATE rectification SET escalation_level = :l WHERE id = :id")
            .bind("l", (ll)level)
            .bind("id", (ll)r.i64("id"))
            .exec();
      }
    }
    return written;
  });
}

}  // namespace steward::inspections
