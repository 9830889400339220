#include "modules/notifications/notification_service.hpp"

#include "core/time.hpp"
#include "db/query.hpp"
#include "json/output.hpp"

namespace steward::notifications {
namespace {

using ll = long long;

nlohmann::json to_json(const db::Row& r) {
  const auto read = r.opt_i64("read_at");
  return {{"id", r.i64("id")},
          {"projectId", json::or_null(r.opt_i64("project_id"))},
          {"orderId", json::or_null(r.opt_i64("order_id"))},
          {"kind", r.str("kind")},
          {"title", r.str("title")},
          {"body", r.str("body")},
          {"createdAt", core::format_iso8601(r.i64("created_at"))},
          {"readAt", read ? nlohmann::json(core::format_iso8601(*read)) : nlohmann::json()}};
}

}  // namespace

nlohmann::json NotificationService::list(const core::Actor& actor, const core::Params& q) const {
  const auto page = q.page();
  const bool unread_only = q.flag("unread").value_or(false);
  const std::string where =
      " WHERE user_id = :u" + std::string(unread_only ? " AND read_at IS NULL" : "");
  return db_.read([&](db::Session& s) {
    const auto total =
        db::Query(s, "SELECT COUNT(*) FROM notification" + where).bind("u", (ll)actor.user_id).scalar();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : db::Query(s, "SELECT * FROM notification" + where +
                                          " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                             .bind("u", (ll)actor.user_id)
                             .bind("limit", page.size)
                             .bind("offset", (ll)page.offset())
                             .all())
      items.push_back(to_json(r));
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

std::int64_t NotificationService::unread(const core::Actor& actor) const {
  return db_.read([&](db::Session& s) {
    return db::Query(s, "SELECT COUNT(*) FROM notification WHERE user_id = :u AND read_at IS NULL")
        .bind("u", (ll)actor.user_id)
        .scalar();
  });
}

void NotificationService::mark_read(const core::Actor& actor, std::int64_t id) const {
  db_.write([&](db::Session& s) {
    auto row = db::Query(s, "SELECT id FROM notification WHERE id = :id AND user_id = :u")
                   .bind("id", (ll)id)
                   .bind("u", (ll)actor.user_id)
                   .one();
    if (!row) core::throw_not_found("notification");
    db::Query(s, "UPDATE notification SET read_at = :t WHERE id = :id AND read_at IS NULL")
        .bind("t", (ll)clock_.now())
        .bind("id", (ll)id)
        .exec();
  });
}

std::int64_t NotificationService::mark_all_read(const core::Actor& actor) const {
  return db_.write([&](db::Session& s) {
    const auto n = db::Query(s, "SELECT COUNT(*) FROM notification WHERE user_id = :u AND read_at IS NULL")
                       .bind("u", (ll)actor.user_id)
                       .scalar();
    db::Query(s, "UPDATE notification SET read_at = :t WHERE user_id = :u AND read_at IS NULL")
        .bind("t", (ll)clock_.now())
        .bind("u", (ll)actor.user_id)
        .exec();
    return n;
  });
}

void register_routes(http::Router& router, const NotificationService& svc) {
  const NotificationService* s = &svc;
  router.get("/api/v1/notifications",
             [s](http::Request& req) { return http::ok(s->list(req.user(), req.query)); });
  router.get("/api/v1/notifications/unread-count", [s](http::Request& req) {
    return http::ok({{"unread", s->unread(req.user())}});
  });
  router.post("/api/v1/notifications/{id}/read", [s](http::Request& req) {
    s->mark_read(req.user(), req.id());
    return http::no_content();
  });
  router.post("/api/v1/notifications/read-all", [s](http::Request& req) {
    return http::ok({{"marked", s->mark_all_read(req.user())}});
  });
}

}  // namespace steward::notifications
