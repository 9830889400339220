#pragma once
// Campaigns (专项活动, DOMAIN I6): a named campaign, company-wide or for chosen projects, with
// dated phases (seed 001's five as a template) and an action plan of tasks per team, each with an
// owner, a deadline, a status and evidence (seed 000). Progress is tasks done / tasks; a phase's
// state follows today's date; a task not done after its deadline day is overdue. Callers see a
// company-wide campaign, or one naming a project of theirs, and only the tasks of their projects.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/params.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace steward::campaigns {

class CampaignService {
 public:
  CampaignService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // campaign.read
  nlohmann::json list(const core::Actor& actor, const core::Params& query) const;
  nlohmann::json get(const core::Actor& actor, std::int64_t id) const;
  // Seed 001's phases for a year (?year=, default this year).
  nlohmann::json templates(const core::Actor& actor, const core::Params& query) const;
  // campaign.manage
  nlohmann::json create(const core::Context& ctx, const nlohmann::json& body) const;
  nlohmann::json update(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const;
  // campaign.task: add and change tasks of the caller's projects.
  nlohmann::json add_task(const core::Context& ctx, std::int64_t campaign_id,
                          const nlohmann::json& body) const;
  nlohmann::json update_task(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const;
  // complete {"evidence"} or reopen {"reason"}: campaign.task, or the task's owner themselves.
  nlohmann::json act_task(const core::Context& ctx, std::int64_t id, const std::string& action,
                          const nlohmann::json& body) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

void register_routes(http::Router& router, const CampaignService& svc);

}  // namespace steward::campaigns
