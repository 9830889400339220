#include "modules/campaigns/campaign_rules.hpp"

namespace steward::campaigns {

std::string phase_state(const std::string& today, const std::string& start, const std::string& end) {
  if (today < start) return "upcoming";
  if (today > end) return "done";
  return "current";
}

std::string campaign_state(const std::string& today, const std::string& start, const std::string& end) {
  const auto s = phase_state(today, start, end);
  return s == "upcoming" ? "planned" : s == "current" ? "running" : "finished";
}

Progress progress(std::int64_t done, std::int64_t total) {
  return {done, total, total > 0 ? done * 100 / total : 0};
}

bool overdue(const std::string& status, const std::string& today, const std::string& deadline) {
  return status != "done" && today > deadline;
}

std::optional<PhaseError> check_phases(const std::string& start, const std::string& end,
                                       const std::vector<PhaseDates>& phases) {
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const auto& p = phases[i];
    if (p.end < p.start) return PhaseError{i, "endDay", "must not be before startDay"};
    if (p.start < start) return PhaseError{i, "startDay", "must not be before the campaign starts"};
    if (p.end > end) return PhaseError{i, "endDay", "must not be after the campaign ends"};
    if (i > 0 && p.start <= phases[i - 1].end)
      return PhaseError{i, "startDay", "must be after the previous phase ends"};
  }
  return std::nullopt;
}

std::vector<PhaseDates> seed_phases(int year) {
  const auto y = std::to_string(year);
  return {{"发动宣讲阶段", y + "-09-25", y + "-10-15"},
          {"自查自纠阶段", y + "-10-16", y + "-10-30"},
          {"整改预防阶段", y + "-11-01", y + "-11-25"},
          {"检查验收阶段", y + "-11-26", y + "-11-28"},
          {"专项总结阶段", y + "-12-29", y + "-12-31"}};
}

}  // namespace steward::campaigns
