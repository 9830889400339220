#include "modules/inspections/dashboard_figures.hpp"

namespace steward::inspections::figures {

using ll = long long;

std::map<std::pair<std::int64_t, std::string>, MonthScore> month_scores(
    db::Session& s, const std::vector<long long>& projects, const std::string& from_day,
    const std::string& to_day) {
  std::map<std::pair<std::int64_t, std::string>, MonthScore> out;
  if (projects.empty()) return out;
  for (const auto& r :
       db::Query(s, "SELECT project_id, substr(day, 1, 7) AS month, SUM(score_centi) AS total, "
                    "COUNT(*) AS n FROM inspection WHERE project_id IN (" + db::id_list(projects) +
                        ") AND day >= :from AND day <= :to AND status = 'submitted' AND "
                        "score_centi IS NOT NULL GROUP BY project_id, substr(day, 1, 7)")
           .bind("from", from_day)
           .bind("to", to_day)
           .all())
    out[{r.i64("project_id"), r.str("month")}] = {r.i64("total"), r.i64("n")};
  return out;
}

std::vector<Scored> submitted(db::Session& s, std::int64_t project_id, const std::string& from_day,
                              const std::string& to_day) {
  std::vector<Scored> out;
  for (const auto& r : db::Query(s, "SELECT id, day, score_centi, grade, target_name FROM inspection "
                                    "WHERE project_id = :p AND day >= :from AND day <= :to AND "
                                    "status = 'submitted' AND score_centi IS NOT NULL ORDER BY day, id")
                           .bind("p", (ll)project_id)
                           .bind("from", from_day)
                           .bind("to", to_day)
                           .all())
    out.push_back({r.i64("id"), r.i64("score_centi"), r.str("day"),
                   r.is_null("grade") ? "" : r.str("grade"), r.str("target_name")});
  return out;
}

RectificationCounts rectifications(db::Session& s, std::int64_t project_id, std::int64_t now) {
  RectificationCounts c;
  c.open = db::Query(s, "SELECT COUNT(*) FROM rectification WHERE project_id = :p AND status IN "
                        "('open', 'rejected')")
               .bind("p", (ll)project_id)
               .scalar();
  c.overdue = db::Query(s, "SELECT COUNT(*) FROM rectification WHERE project_id = :p AND status IN "
                           "('open', 'rejected') AND due_at < :now")
                  .bind("p", (ll)project_id)
                  .bind("now", (ll)now)
                  .scalar();
  return c;
}

}  // namespace steward::inspections::figures
