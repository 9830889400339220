#pragma once
#include "http/router.hpp"
#include "modules/calendar/calendar_service.hpp"

namespace steward::calendar {

// GET /api/v1/calendar/{year} (any user), PUT /api/v1/calendar/{year} (calendar.manage).
void register_routes(http::Router& router, CalendarService& calendar);

}  // namespace steward::calendar
