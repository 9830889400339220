#pragma once
// Work orders (DOMAIN W1-W5, W9): registering a request from any channel, taking it through its
// lifecycle with one action at a time, its service-level clocks, its timeline, return visits,
// rework, and the counters behind the statistics. Each use case is one transaction, with an
// audit row and a timeline event.
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/crypto.hpp"
#include "core/params.hpp"
#include "db/database.hpp"
#include "modules/calendar/calendar_service.hpp"
#include "modules/work_orders/clocks.hpp"

namespace steward::work_orders {

class WorkOrderService {
 public:
  WorkOrderService(db::Database& db, const core::Clock& clock, const core::FieldCipher& cipher,
                   const calendar::CalendarService& calendar);

  nlohmann::json register_order(const core::Context& ctx, const nlohmann::json& body) const;
  // One lifecycle step: dispatch, accept, contact, arrive, handover, acknowledge, feedback,
  // answer, wait, resume, complete, visit, close, cancel. 409 when not allowed now.
  nlohmann::json act(const core::Context& ctx, std::int64_t id, const std::string& action,
                     const nlohmann::json& body) const;
  // An owner rates their own completed order in the owner pages: a return visit by app.
  nlohmann::json rate(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const;
  // Reopens a completed or closed repair as a new order linked to it (返修).
  nlohmann::json rework(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const;

  nlohmann::json get(const core::Actor& actor, std::int64_t id) const;
  nlohmann::json list(const core::Actor& actor, const core::Params& query) const;
  nlohmann::json stats(const core::Actor& actor, const core::Params& query) const;
  nlohmann::json categories() const;

  // The daily complaint inventory (W6) of a project: open complaints and today's checks.
  nlohmann::json inventory(const core::Actor& actor, const core::Params& query) const;
  // Records the check of one complaint for a day; an overdue one needs rootCause and nextStep.
  nlohmann::json check_complaint(const core::Context& ctx, const nlohmann::json& body) const;

  // Paid repairs (W7): the payment of an order's charge, or why it is still unpaid; the list of
  // unpaid charges (overdue=true: past the company's limit).
  nlohmann::json pay(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const;
  nlohmann::json explain_charge(const core::Context& ctx, std::int64_t id,
                                const nlohmann::json& body) const;
  nlohmann::json unpaid_charges(const core::Actor& actor, const core::Params& query) const;

  // Technicians (W8): the end-of-shift summary of unfinished orders, and workload per day.
  nlohmann::json shift_draft(const core::Actor& actor, const core::Params& query) const;
  nlohmann::json submit_shift(const core::Context& ctx, const nlohmann::json& body) const;
  nlohmann::json shift_summaries(const core::Actor& actor, const core::Params& query) const;
  nlohmann::json workload(const core::Actor& actor, const core::Params& query) const;

  // Reminds assignees at 75% of a clock and tells supervisors and the project manager at a
  // breach. Runs every minute on the server; returns how many notifications it wrote.
  int escalate(std::int64_t now) const;
  // After a rule or the calendar changed: the open orders' clocks are recomputed; the closed
  // ones keep the deadlines they had.
  int recompute_open_clocks() const;

 private:
  nlohmann::json step(const core::Context& ctx, std::int64_t id, const std::string& action,
                      const nlohmann::json& body) const;
  // A change of an order's unpaid charge: 409 when there is none; timeline event and audit.
  nlohmann::json charge_step(
      const core::Context& ctx, std::int64_t id, const std::string& action,
      const std::function<nlohmann::json(db::Session&, const db::Row& charge)>& apply) const;
  db::Database& db_;
  const core::Clock& clock_;
  const core::FieldCipher& cipher_;
  const calendar::CalendarService& calendar_;
};

}  // namespace steward::work_orders
