#pragma once
// The steps every work-order write shares, inside its transaction: looking up the project and
// the place, starting and finishing clocks, the timeline event, the audit row and the answer.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/context.hpp"
#include "core/error.hpp"
#include "core/crypto.hpp"
#include "db/query.hpp"
#include "modules/calendar/working_calendar.hpp"
#include "modules/kpi/rollup_rules.hpp"
#include "modules/work_orders/clocks.hpp"

namespace steward::work_orders {

struct Place {
  std::optional<long long> unit_id, building_id, zone_id;
  std::string customer_name, customer_phone;  // the linked customer's, in clear
};

std::string local_day(std::int64_t at, int offset);  // "2026-11-22" in the project's zone

class Writer {
 public:
  Writer(db::Session& s, const core::Context& ctx, const calendar::WorkingCalendar& cal,
         const core::FieldCipher& cipher, std::int64_t now)
      : s_(s), ctx_(ctx), cal_(cal), cipher_(cipher), now_(now) {}

  std::optional<db::Row> project(std::int64_t id) const;  // 404 when absent
  void check_category(const std::string& code, core::ErrorDetails& errors) const;
  Place place(std::int64_t project_id, std::optional<std::int64_t> unit_id,
              std::optional<std::int64_t> customer_id, core::ErrorDetails& errors) const;
  // Starts the clocks that start at registration; `hours_row` has the project's hours.
  void start_clocks(std::int64_t order_id, std::int64_t project_id, const OrderFacts& facts,
                    std::int64_t at, const db::Row& hours_row) const;
  void event(std::int64_t project_id, std::int64_t order_id, const std::string& action,
             const std::string& from, const std::string& to, const std::string& note,
             const nlohmann::json& data) const;
  // The order before the change, for the audit row; remembers what the dashboards' roll-ups
  // counted of it, so finish_write moves them by the difference.
  nlohmann::json before(std::int64_t order_id);
  // Writes the audit row, moves the roll-ups and answers the order as the caller sees it.
  nlohmann::json finish_write(std::int64_t order_id, const std::string& action,
                              const nlohmann::json& before) const;
  nlohmann::json view(std::int64_t order_id, const core::Actor& actor) const;
  std::string actor_name() const;  // the caller's display name, for timelines

  db::Session& session() const { return s_; }
  std::int64_t now() const { return now_; }
  const calendar::WorkingCalendar& calendar() const { return cal_; }
  const core::Context& context() const { return ctx_; }

 private:
  db::Session& s_;
  const core::Context& ctx_;
  const calendar::WorkingCalendar& cal_;
  const core::FieldCipher& cipher_;
  std::int64_t now_;
  std::optional<kpi::OrderFacts> before_;  // set by before(); none for a new order
};

}  // namespace steward::work_orders
