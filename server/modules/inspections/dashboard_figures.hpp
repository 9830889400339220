#pragma once
// What the dashboards (modules/kpi) read of the inspection tables: the mean score of submitted
// inspections per project and month, each inspection's score and grade, and rectifications open
// and overdue. Read-only, in the caller's transaction; the tables are small and indexed by project.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "db/query.hpp"

namespace steward::inspections::figures {

struct MonthScore {
  std::int64_t sum_centi = 0, count = 0;
};
// (project id, "YYYY-MM") -> scores of submitted inspections with a day in [from_day, to_day].
std::map<std::pair<std::int64_t, std::string>, MonthScore> month_scores(
    db::Session& s, const std::vector<long long>& projects, const std::string& from_day,
    const std::string& to_day);

struct Scored {
  std::int64_t id = 0, score_centi = 0;
  std::string day, grade, target_name;
};
std::vector<Scored> submitted(db::Session& s, std::int64_t project_id, const std::string& from_day,
                              const std::string& to_day);

struct RectificationCounts {
  std::int64_t open = 0, overdue = 0;
};
RectificationCounts rectifications(db::Session& s, std::int64_t project_id, std::int64_t now);

}  // namespace steward::inspections::figures
