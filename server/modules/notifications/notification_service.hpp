#pragma once
// In-app notifications (the bell): reminders, overdue clocks, dissatisfied return visits. Every
// user reads and marks only their own.
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/params.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace steward::notifications {

class NotificationService {
 public:
  NotificationService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}
  nlohmann::json list(const core::Actor& actor, const core::Params& query) const;
  std::int64_t unread(const core::Actor& actor) const;
  void mark_read(const core::Actor& actor, std::int64_t id) const;  // 404 when not the caller's
  std::int64_t mark_all_read(const core::Actor& actor) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

void register_routes(http::Router& router, const NotificationService& service);

}  // namespace steward::notifications
