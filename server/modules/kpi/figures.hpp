#pragma once
// The numerator and denominator of every target, per project and month, from the roll-ups, the
// index of running clocks and the inspection figures (never a scan of the orders).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "db/query.hpp"
#include "modules/kpi/targets.hpp"

namespace steward::kpi {

struct ProjectInfo {
  std::int64_t id = 0, region_id = 0, customers = 0;
  std::string code, name, region_name;
  int offset = 8 * 3600;
};
// The projects the caller may see, in a region or all; 404 for a project outside them.
std::vector<ProjectInfo> projects_of(db::Session& s, const std::vector<long long>& ids);

struct Figure {
  std::int64_t num = 0, den = 0;
  std::int64_t overdue = 0;  // of den: still open past the deadline (clock targets)
};
// (project id, month "YYYY-MM") -> target code -> figure.
using Figures = std::map<std::pair<std::int64_t, std::string>, std::map<std::string, Figure>>;
Figures compute(db::Session& s, const std::vector<ProjectInfo>& projects,
                const std::vector<std::string>& months, std::int64_t now);

std::map<std::string, Target> load_targets(db::Session& s);

// The 12 months ending with `last` ("2026-11"), oldest first.
std::vector<std::string> twelve_months(const std::string& last);
std::string month_end(const std::string& month);  // "2026-11" -> "2026-11-30"

}  // namespace steward::kpi
