#include "modules/notifications/webhook.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "http/client.hpp"
#include "json/output.hpp"
#include "modules/settings/settings_service.hpp"

namespace steward::notifications {
namespace {

using ll = long long;
constexpr int kBatch = 100;

struct Due {
  std::int64_t id;
  std::string url, payload;
  int attempts;
};

nlohmann::json delivery_json(const db::Row& r) {
  auto time = [&](const char* column) {
    const auto t = r.opt_i64(column);
    return t ? nlohmann::json(core::format_iso8601(*t)) : nlohmann::json();
  };
  return {{"id", r.i64("id")},
          {"notificationId", r.i64("notification_id")},
          {"url", r.str("url")},
          {"status", r.str("status")},
          {"attempts", r.i64("attempts")},
          {"nextAttemptAt", r.str("status") == "pending" ? time("next_attempt_at") : nlohmann::json()},
          {"lastError", r.str("last_error")},
          {"createdAt", time("created_at")},
          {"deliveredAt", time("delivered_at")},
          {"payload", nlohmann::json::parse(r.str("payload"), nullptr, false)}};
}

}  // namespace

std::string webhook_signature(std::string_view secret, std::int64_t timestamp,
                              std::string_view body) {
  std::string signed_text = std::to_string(timestamp);
  signed_text += '.';
  signed_text += body;
  return "sha256=" + core::hmac_sha256_hex(secret, signed_text);
}

std::int64_t retry_delay(int attempts) {
  return kWebhookFirstRetrySeconds << std::max(0, std::min(attempts, 30) - 1);
}

int WebhookSender::deliver_due(std::int64_t now) const {
  std::lock_guard lock(sending_);
  std::vector<Due> due;
  std::string secret;
  db_.read([&](db::Session& s) {
    secret = settings::text_setting(s, "webhookSecret");
    for (const auto& r : db::Query(s,
                                   "SELECT id, url, payload, attempts FROM webhook_delivery WHERE "
                                   "status = 'pending' AND next_attempt_at <= :now ORDER BY "
                                   "next_attempt_at, id LIMIT " + std::to_string(kBatch))
                             .bind("now", (ll)now)
                             .all())
      due.push_back({r.i64("id"), r.str("url"), r.str("payload"), static_cast<int>(r.i64("attempts"))});
  });
  int delivered = 0;
  for (const auto& d : due) {
    // Outside any transaction: the database is not held while a slow receiver answers.
    const std::int64_t timestamp = now;
    const auto result = http::post(d.url,
                                   {{"Content-Type", "application/json"},
                                    {"X-Steward-Event", "notification"},
                                    {"X-Steward-Timestamp", std::to_string(timestamp)},
                                    {"X-Steward-Signature", webhook_signature(secret, timestamp, d.payload)}},
                                   d.payload, timeout_);
    const bool ok = result.status >= 200 && result.status < 300;
    const int attempts = d.attempts + 1;
    std::string error;
    if (!ok) {
      error = result.status ? "HTTP " + std::to_string(result.status) : result.error;
      if (error.size() > 500) error.resize(500);
      spdlog::warn("webhook delivery {} attempt {} failed: {}", d.id, attempts, error);
    }
    const std::string status =
        ok ? "delivered" : (attempts >= kWebhookMaxAttempts ? "failed" : "pending");
    db_.write([&](db::Session& s) {
      db::Query(s,
                "UPDATE webhook_delivery SET status = :st, attempts = :a, next_attempt_at = :next, "
                "last_error = :err, delivered_at = :done WHERE id = :id")
          .bind("st", status)
          .bind("a", attempts)
          .bind("next", (ll)(ok ? now : now + retry_delay(attempts)))
          .bind("err", error)
          .bind("done", ok ? std::optional<ll>(now) : std::nullopt)
          .bind("id", (ll)d.id)
          .exec();
    });
    if (ok) ++delivered;
  }
  return delivered;
}

nlohmann::json WebhookSender::list(const core::Actor& actor, const core::Params& q) const {
  core::require(actor, "settings.manage");
  const auto page = q.page();
  const auto status = q.text("status");
  if (status && *status != "pending" && *status != "delivered" && *status != "failed")
    core::throw_invalid("query parameter status must be pending, delivered or failed",
                        {{"status", "must be pending, delivered or failed"}});
  const std::string where = status ? " WHERE status = :st" : "";
  return db_.read([&](db::Session& s) {
    db::Query count(s, "SELECT COUNT(*) FROM webhook_delivery" + where);
    if (status) count.bind("st", *status);
    const auto total = count.scalar();
    db::Query rows(s, "SELECT * FROM webhook_delivery" + where +
                          " ORDER BY id DESC LIMIT :limit OFFSET :offset");
    if (status) rows.bind("st", *status);
    rows.bind("limit", page.size).bind("offset", (ll)page.offset());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : rows.all()) items.push_back(delivery_json(r));
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

void register_routes(http::Router& router, const WebhookSender& sender) {
  const WebhookSender* s = &sender;
  router.get("/api/v1/webhook-deliveries",
             [s](http::Request& req) { return http::ok(s->list(req.user(), req.query)); });
}

}  // namespace steward::notifications
