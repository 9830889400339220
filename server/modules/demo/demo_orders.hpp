#pragma once
// Three months of work orders for the demo company, in every state: registered from every
// channel, dispatched, worked, called back and closed at plausible times, some late, some
// reworked, the recent ones still open. Made through the work-order service with a clock that
// steps through the simulated times, so every order has its clocks, timeline and counters.
#include <cstdint>

#include "core/crypto.hpp"
#include "db/database.hpp"
#include "modules/calendar/calendar_service.hpp"

namespace steward::demo {

// Builds the orders of the `days` days before `now`, in one transaction; returns how many.
int build_demo_orders(db::Database& db, const core::FieldCipher& cipher,
                      const calendar::CalendarService& calendar, std::int64_t now, int days = 90);

}  // namespace steward::demo
