#pragma once
// Working days and working time (DOMAIN W4): pure rules, no I/O.
//
// A day is a working day when it is a weekday (Mon-Fri), unless an override says otherwise: the
// official holidays of mainland China that fall on weekdays are overrides "off", and the
// make-up working days on weekends (调休) are overrides "working".
//
// Deadlines count working time: N working days = N x the length of the project's working day,
// counted only inside its working hours on working days. Instants are UTC epoch seconds; the
// hours are local to the project's zone, a fixed offset.
//
//   WorkingCalendar cal({{*parse_date("2026-10-01"), false}, ...});
//   WorkingHours hours{9 * 60, 18 * 60, 8 * 3600};
//   auto due = cal.add_working_days(registered_at, 2, hours);
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace steward::calendar {

using Date = std::chrono::sys_days;  // a civil (local) date

// Strict "YYYY-MM-DD" of a real date (years 0001-9999), else nullopt.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date date);
Date make_date(int year, unsigned month, unsigned day);
bool is_weekend(Date date);
int year_of(Date date);

// A project's working hours: [start_min, end_min) minutes after local midnight, and the zone's
// offset east of UTC. Valid when 0 <= start_min < end_min <= 1440.
struct WorkingHours {
  int start_min = 9 * 60;
  int end_min = 18 * 60;
  int offset_seconds = 8 * 3600;

  std::int64_t day_seconds() const { return std::int64_t{end_min - start_min} * 60; }
};

// Thrown when a count would walk more than kMaxDays days (a calendar without working days, or
// an absurd count).
class CalendarExhausted : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class WorkingCalendar {
 public:
  // About three years: the furthest a count walks before it gives up.
  static constexpr int kMaxDays = 3 * 366;
  // About a century: the longest span working_seconds_between measures.
  static constexpr int kMaxSpanDays = 100 * 366;

  WorkingCalendar() = default;
  explicit WorkingCalendar(std::map<Date, bool> overrides) : overrides_(std::move(overrides)) {}

  bool is_working_day(Date date) const;
  int working_days_in_year(int year) const;
  const std::map<Date, bool>& overrides() const { return overrides_; }

  // The instant at which `seconds` of working time have elapsed from `start`. A start outside
  // working hours counts from the next working period; a count that ends exactly at the end of
  // a period answers that end (18:00), not the next period's start. 0 seconds answers `start`.
  // Throws std::invalid_argument on negative seconds or invalid hours, CalendarExhausted when
  // the answer lies beyond kMaxDays days.
  std::int64_t add_working_seconds(std::int64_t start, std::int64_t seconds,
                                   const WorkingHours& hours) const;
  // add_working_seconds(start, days x the length of a working day).
  std::int64_t add_working_days(std::int64_t start, int days, const WorkingHours& hours) const;
  // The working time inside [from, to), in seconds (for paused clocks and "75% elapsed"
  // reminders); 0 when to <= from. Throws std::invalid_argument on invalid hours or a span
  // longer than kMaxSpanDays days (nonsense input, not a real clock).
  std::int64_t working_seconds_between(std::int64_t from, std::int64_t to,
                                       const WorkingHours& hours) const;

 private:
  std::map<Date, bool> overrides_;
};

}  // namespace steward::calendar
