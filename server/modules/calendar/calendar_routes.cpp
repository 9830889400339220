#include "modules/calendar/calendar_routes.hpp"

#include <charconv>

namespace steward::calendar {
namespace {

// The {year} of the path: four digits, else 400 (the service checks the range).
int year_param(const http::Request& req) {
  const auto it = req.params.find("year");
  const std::string text = it == req.params.end() ? "" : it->second;
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.size() != 4 || ec != std::errc() || end != text.data() + text.size())
    core::throw_invalid("the year must be written with four digits, e.g. 2026",
                        {{"year", "must be a year between 2000 and 2100"}});
  return year;
}

}  // namespace

void register_routes(http::Router& router, CalendarService& calendar) {
  router.get("/api/v1/calendar/{year}", [&calendar](http::Request& req) {
    return http::ok(calendar.year(req.user(), year_param(req)));
  });
  router.put("/api/v1/calendar/{year}", [&calendar](http::Request& req) {
    const int year = year_param(req);
    return http::ok(calendar.replace_year({req.user(), req.request_id}, year, req.json()));
  });
}

}  // namespace steward::calendar
