#include "modules/notices/notice_rules.hpp"

namespace steward::notices {

const std::vector<std::string>& notice_kinds() {
  static const std::vector<std::string> kinds = {"complaint_outcome", "works", "service_standard",
                                                 "fees", "service_hours", "other"};
  return kinds;
}

bool needs_period(const std::string& kind) { return kind == "works"; }

std::optional<std::string> next_status(const std::string& status, const std::string& action) {
  if (action == "publish" && (status == "draft" || status == "withdrawn")) return "published";
  if (action == "withdraw" && status == "published") return "withdrawn";
  return std::nullopt;
}

bool on_board(const std::string& status, const std::string& from, const std::string& to,
              const std::string& today) {
  if (status != "published") return false;
  if (!from.empty() && today < from) return false;
  if (!to.empty() && today > to) return false;
  return true;
}

}  // namespace steward::notices
