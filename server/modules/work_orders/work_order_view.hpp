#pragma once
// The JSON of an order: its fields, its clocks with their state, and the actions the caller may
// take now.
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/actor.hpp"
#include "core/crypto.hpp"
#include "db/row.hpp"
#include "modules/calendar/working_calendar.hpp"
#include "modules/work_orders/clocks.hpp"

namespace steward::work_orders {

calendar::WorkingHours hours_of(const db::Row& order);  // from the project's columns
int offset_of(const db::Row& order);  // any row with the project's time_zone column
// An instant in the project's offset, or null.
nlohmann::json time_or_null(const std::optional<std::int64_t>& t, int offset);

nlohmann::json clock_json(const ClockMath& math, const Clock& c, std::int64_t now, int offset);
nlohmann::json order_json(const db::Row& order, const std::vector<Clock>& clocks,
                          const calendar::WorkingCalendar& cal, const core::Actor& actor,
                          const core::FieldCipher& cipher, std::int64_t now);
nlohmann::json event_json(const db::Row& event, int offset);

}  // namespace steward::work_orders
