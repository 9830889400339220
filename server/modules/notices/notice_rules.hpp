#pragma once
// The notice board's pure rules (DOMAIN S3): which kinds there are, which states a notice moves
// through, and whether a notice is on the owners' board on a given local day. No I/O.
#include <optional>
#include <string>
#include <vector>

namespace steward::notices {

// complaint_outcome 投诉处理结果, works 维修施工公告 (needs its dates), service_standard 服务标准,
// fees 收支公示, service_hours 服务时间与24小时电话, other 其他.
const std::vector<std::string>& notice_kinds();

// The kinds whose notice must say when it starts and ends (works in progress).
bool needs_period(const std::string& kind);

// draft -> published -> withdrawn; a withdrawn notice may be published again. Returns the
// status after `action` ("publish", "withdraw"), or nullopt when it does not apply.
std::optional<std::string> next_status(const std::string& status, const std::string& action);

// Published, and today (YYYY-MM-DD, the project's local day) within [from, to]; an empty end is
// open. Days compare as text.
bool on_board(const std::string& status, const std::string& from, const std::string& to,
              const std::string& today);

}  // namespace steward::notices
