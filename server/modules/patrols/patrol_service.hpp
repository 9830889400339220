#pragma once
// Patrols, routine checks and readings (DOMAIN P1-P4): checkpoints with printable labels, check
// plans with schedules (schedule.hpp), checks recorded against a plan's slots (also offline:
// idempotent by clientId, made up to 72 h back), coverage and missed slots, readings judged by the
// limits of a facility, alarms that stop the facility until treated and back within limits,
// quotas of readings, and findings that become work orders through the work-order service. Each
// use case is one transaction with an audit row; see docs/patrols.md.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/params.hpp"
#include "db/database.hpp"

namespace steward::work_orders {
class WorkOrderService;
class PhotoService;
}  // namespace steward::work_orders

namespace steward::patrols {

constexpr std::int64_t kMaxBackSeconds = 72 * 3600;   // madeAt at most 72 h back
constexpr std::int64_t kClockSkewSeconds = 5 * 60;    // and at most 5 minutes ahead
constexpr std::int64_t kLateArrivalSeconds = 30 * 60; // arriving later than this: lateArrival

class PatrolService {
 public:
  PatrolService(db::Database& db, const core::Clock& clock,
                const work_orders::WorkOrderService& work_orders,
                const work_orders::PhotoService& order_photos)
      : db_(db), clock_(clock), work_orders_(work_orders), order_photos_(order_photos) {}

  // Checkpoints, labels, metrics and limits.
  nlohmann::json list_checkpoints(const core::Actor& actor, const core::Params& q) const;
  nlohmann::json get_checkpoint(const core::Actor& actor, std::int64_t id) const;
  nlohmann::json create_checkpoint(const core::Context& ctx, const nlohmann::json& body) const;
  nlohmann::json update_checkpoint(const core::Context& ctx, std::int64_t id,
                                   const nlohmann::json& body) const;
  nlohmann::json set_limits(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const;
  nlohmann::json checkpoint_by_code(const core::Actor& actor, const std::string& code,
                                    const core::Params& q) const;
  nlohmann::json labels(const core::Actor& actor, const core::Params& q) const;
  nlohmann::json list_metrics(const core::Actor& actor) const;
  nlohmann::json create_metric(const core::Context& ctx, const nlohmann::json& body) const;

  // Plans.
  nlohmann::json list_plans(const core::Actor& actor, const core::Params& q) const;
  nlohmann::json get_plan(const core::Actor& actor, std::int64_t id) const;
  nlohmann::json create_plan(const core::Context& ctx, const nlohmann::json& body) const;
  nlohmann::json update_plan(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const;
  nlohmann::json plan_slots(const core::Actor& actor, std::int64_t id, const core::Params& q) const;

  // Checks. record_check answers {status 201|200, body}.
  struct Recorded {
    bool duplicate = false;
    nlohmann::json body;
  };
  Recorded record_check(const core::Context& ctx, const nlohmann::json& body) const;
  nlohmann::json list_checks(const core::Actor& actor, const core::Params& q) const;
  nlohmann::json get_check(const core::Actor& actor, std::int64_t id) const;
  nlohmann::json due_now(const core::Actor& actor) const;
  nlohmann::json coverage(const core::Actor& actor, const core::Params& q) const;
  nlohmann::json missed(const core::Actor& actor, const core::Params& q) const;
  // Slots (or a day) of a plan marked as not needed, with a reason (not_needed.cpp).
  nlohmann::json mark_not_needed(const core::Context& ctx, std::int64_t plan_id, const nlohmann::json& body) const;
  nlohmann::json list_not_needed(const core::Actor& actor, const core::Params& q) const;
  void remove_not_needed(const core::Context& ctx, std::int64_t id) const;

  // Readings and alarms.
  nlohmann::json readings(const core::Actor& actor, const core::Params& q) const;
  nlohmann::json list_alarms(const core::Actor& actor, const core::Params& q) const;
  nlohmann::json get_alarm(const core::Actor& actor, std::int64_t id) const;
  nlohmann::json treat_alarm(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const;
  nlohmann::json shortfalls(const core::Actor& actor, const core::Params& q) const;
  // Notifies supervisors and project managers of periods that ended with too few checks (once
  // each). Runs every few minutes in the server; returns how many periods it reported.
  int report_shortfalls(std::int64_t now) const;

  // Findings (P4): a not-ok item or an alarm becomes a work order through the work-order service.
  nlohmann::json check_to_work_order(const core::Context& ctx, std::int64_t check_id,
                                     const nlohmann::json& body) const;
  nlohmann::json alarm_to_work_order(const core::Context& ctx, std::int64_t alarm_id,
                                     const nlohmann::json& body) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
  const work_orders::WorkOrderService& work_orders_;
  const work_orders::PhotoService& order_photos_;
};

}  // namespace steward::patrols
