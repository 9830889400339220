#pragma once
// The notification webhook (W4): every notification written while the company has a webhook URL
// is queued (notification_writer.cpp) and POSTed from here, signed, with retries:
//   Content-Type: application/json, X-Steward-Event: notification,
//   X-Steward-Timestamp: <unix seconds>,
//   X-Steward-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>.
// A 2xx answer delivers it; anything else (or no answer in 10 s) is tried again after 1, 2, 4 ...
// minutes, 8 attempts in all, then it is failed. Sending happens on the sender's own thread,
// outside any transaction.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/actor.hpp"
#include "core/params.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace steward::notifications {

constexpr int kWebhookMaxAttempts = 8;
constexpr std::int64_t kWebhookFirstRetrySeconds = 60;

// "sha256=" + lower hex HMAC-SHA256(secret, timestamp + "." + body).
std::string webhook_signature(std::string_view secret, std::int64_t timestamp,
                              std::string_view body);
// Seconds until the next attempt after `attempts` failed ones: 60 * 2^(attempts-1).
std::int64_t retry_delay(int attempts);

class WebhookSender {
 public:
  WebhookSender(db::Database& db, const core::Clock& clock,
                std::chrono::milliseconds timeout = std::chrono::seconds(10))
      : db_(db), clock_(clock), timeout_(timeout) {}
  // Sends the pending deliveries due at `now` (at most 100); returns how many were delivered.
  // Runs every 15 s on the server; tests call it directly.
  int deliver_due(std::int64_t now) const;
  // GET /api/v1/webhook-deliveries?status=pending|delivered|failed, newest first (settings.manage).
  nlohmann::json list(const core::Actor& actor, const core::Params& query) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
  std::chrono::milliseconds timeout_;
  mutable std::mutex sending_;  // one sender at a time: a delivery is never sent twice at once
};

void register_routes(http::Router& router, const WebhookSender& sender);

}  // namespace steward::notifications
