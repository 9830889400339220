#pragma once
// Writing a notification: the one place that inserts into the notification table. Where the
// company set a webhook URL, the same transaction queues its delivery (webhook.hpp sends it).
#include <cstdint>
#include <optional>
#include <string>

#include "db/query.hpp"

namespace steward::notifications {

// Inside the caller's transaction; returns the notification's id.
std::int64_t write(db::Session& s, std::optional<std::int64_t> project_id, std::int64_t user_id,
                   std::optional<std::int64_t> order_id, const std::string& kind,
                   const std::string& title, const std::string& body, std::int64_t now);

}  // namespace steward::notifications
