#pragma once
// The pure rules of campaigns (专项活动, DOMAIN I6): the state of a phase and of a campaign on a
// given day, progress, overdue tasks, the checks a list of phases must pass, and the template of
// seed 001's five phases. Days are local dates "YYYY-MM-DD", compared as text.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace steward::campaigns {

// "upcoming" before its first day, "current" from its first to its last day, "done" after.
std::string phase_state(const std::string& today, const std::string& start, const std::string& end);
// "planned", "running" or "finished", by the same rule on the campaign's dates.
std::string campaign_state(const std::string& today, const std::string& start, const std::string& end);

struct Progress {
  std::int64_t done = 0, total = 0;
  std::int64_t percent = 0;  // done * 100 / total, rounded down (100 only when all are done)
};
Progress progress(std::int64_t done, std::int64_t total);

// A task not done by the end of its deadline day is overdue.
bool overdue(const std::string& status, const std::string& today, const std::string& deadline);

struct PhaseDates {
  std::string name, start, end;
};
struct PhaseError {
  std::size_t index = 0;
  std::string field, message;
};
// Each phase starts no later than it ends, lies within the campaign, and starts after the one
// before it ends (phases are in order and do not overlap; gaps are allowed, as in seed 001).
std::optional<PhaseError> check_phases(const std::string& start, const std::string& end,
                                       const std::vector<PhaseDates>& phases);

// Seed 001's phases in `year`: 发动宣讲 09-25..10-15, 自查自纠 10-16..10-30, 整改预防
// 11-01..11-25, 检查验收 11-26..11-28, 专项总结 12-29..12-31.
std::vector<PhaseDates> seed_phases(int year);

}  // namespace steward::campaigns
