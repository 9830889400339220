#include "modules/notifications/notification_writer.hpp"

#include <nlohmann/json.hpp>

#include "core/time.hpp"
#include "json/output.hpp"
#include "modules/settings/settings_service.hpp"

namespace steward::notifications {
namespace {

using ll = long long;

std::optional<ll> opt(const std::optional<std::int64_t>& v) {
  return v ? std::optional<ll>(*v) : std::nullopt;
}

}  // namespace

std::int64_t write(db::Session& s, std::optional<std::int64_t> project_id, std::int64_t user_id,
                   std::optional<std::int64_t> order_id, const std::string& kind,
                   const std::string& title, const std::string& body, std::int64_t now) {
  const ll id = db::Query(s,
                          "INSERT INTO notification (project_id, user_id, order_id, kind, title, "
                          "body, created_at) VALUES (:p, :u, :o, :k, :t, :b, :at) RETURNING id")
                    .bind("p", opt(project_id))
                    .bind("u", (ll)user_id)
                    .bind("o", opt(order_id))
                    .bind("k", kind)
                    .bind("t", title)
                    .bind("b", body)
                    .bind("at", (ll)now)
                    .scalar();
  const std::string url = settings::text_setting(s, "webhookUrl");
  if (url.empty()) return id;
  auto user = db::Query(s, "SELECT username FROM app_user WHERE id = :u").bind("u", (ll)user_id).one();
  const nlohmann::json payload{{"id", id},
                               {"kind", kind},
                               {"title", title},
                               {"body", body},
                               {"projectId", json::or_null(project_id)},
                               {"orderId", json::or_null(order_id)},
                               {"recipient", user ? user->str("username") : ""},
                               {"createdAt", core::format_iso8601(now)}};
  db::Query(s,
            "INSERT INTO webhook_delivery (notification_id, url, payload, attempts, "
            "next_attempt_at, status, last_error, created_at) VALUES (:n, :url, :payload, 0, :at, "
            "'pending', '', :created)")
      .bind("n", id)
      .bind("url", url)
      .bind("payload", payload.dump())
      .bind("at", (ll)now)
      .bind("created", (ll)now)
      .exec();
  return id;
}

}  // namespace steward::notifications
