#pragma once
// The notice board (公示栏, DOMAIN S3): a project publishes notices (complaint outcomes, works in
// progress with their dates, service standards, fees, service hours) to its owners' pages.
// Staff with notice.manage write drafts, publish, edit and withdraw them in their projects;
// everyone with notice.read (owners included) reads the board of their own projects: the
// published notices whose validity covers the project's local today, pinned first. Audited.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/params.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace steward::notices {

class NoticeService {
 public:
  NoticeService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // notice.manage: every state, filtered by ?projectId=&status=&kind=&q=, newest first.
  nlohmann::json list(const core::Actor& actor, const core::Params& query) const;
  nlohmann::json get(const core::Actor& actor, std::int64_t id) const;
  // A new draft; {"publish": true} publishes it at once.
  nlohmann::json create(const core::Context& ctx, const nlohmann::json& body) const;
  nlohmann::json update(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const;
  // "publish" or "withdraw".
  nlohmann::json act(const core::Context& ctx, std::int64_t id, const std::string& action) const;
  // notice.read: the board of the caller's projects (?projectId= narrows it).
  nlohmann::json board(const core::Actor& actor, const core::Params& query) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

void register_routes(http::Router& router, std::shared_ptr<const NoticeService> svc);

}  // namespace steward::notices
