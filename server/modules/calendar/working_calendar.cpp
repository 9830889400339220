#include "modules/calendar/working_calendar.hpp"

#include <algorithm>
#include <cstdio>

namespace steward::calendar {
namespace {

using namespace std::chrono;

constexpr std::int64_t kDay = 86400;

bool read_digits(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  int v = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

void check(const WorkingHours& h) {
  if (h.start_min < 0 || h.end_min > 24 * 60 || h.start_min >= h.end_min)
    throw std::invalid_argument("working hours must satisfy 0 <= start < end <= 24:00");
}

// The local date of an instant.
Date local_date(std::int64_t t, const WorkingHours& h) {
  return floor<days>(sys_seconds{seconds{t + h.offset_seconds}});
}

// The working period of a day as UTC instants [begin, end).
struct Period {
  std::int64_t begin, end;
};
Period period_of(Date date, const WorkingHours& h) {
  const std::int64_t midnight = std::int64_t{date.time_since_epoch().count()} * kDay -
                                h.offset_seconds;
  return {midnight + h.start_min * 60, midnight + h.end_min * 60};
}

}  // namespace

std::optional<Date> parse_date(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !read_digits(s, 0, 4, y) ||
      !read_digits(s, 5, 2, m) || !read_digits(s, 8, 2, d) || y == 0)
    return std::nullopt;
  const year_month_day ymd{year{y}, month{unsigned(m)}, day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

std::string format_date(Date date) {
  const year_month_day ymd{date};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

Date make_date(int y, unsigned m, unsigned d) { return Date{year{y} / month{m} / day{d}}; }

bool is_weekend(Date date) {
  const weekday wd{date};
  return wd == Saturday || wd == Sunday;
}

int year_of(Date date) { return int(year_month_day{date}.year()); }

bool WorkingCalendar::is_working_day(Date date) const {
  auto it = overrides_.find(date);
  if (it != overrides_.end()) return it->second;
  return !is_weekend(date);
}

int WorkingCalendar::working_days_in_year(int y) const {
  int count = 0;
  for (Date d = make_date(y, 1, 1); d <= make_date(y, 12, 31); d += days{1})
    count += is_working_day(d) ? 1 : 0;
  return count;
}

std::int64_t WorkingCalendar::add_working_seconds(std::int64_t start, std::int64_t seconds_left,
                                                  const WorkingHours& hours) const {
  check(hours);
  if (seconds_left < 0) throw std::invalid_argument("working time to add must not be negative");
  if (seconds_left == 0) return start;
  Date date = local_date(start, hours);
  for (int walked = 0; walked <= kMaxDays; ++walked, date += days{1}) {
    if (!is_working_day(date)) continue;
    const Period p = period_of(date, hours);
    const std::int64_t from = std::max(start, p.begin);
    if (from >= p.end) continue;  // at or after the end of this day's hours
    if (seconds_left <= p.end - from) return from + seconds_left;  // may be exactly p.end
    seconds_left -= p.end - from;
  }
  throw CalendarExhausted("no end to the working-time count within three years");
}

std::int64_t WorkingCalendar::add_working_days(std::int64_t start, int n,
                                               const WorkingHours& hours) const {
  check(hours);
  if (n < 0) throw std::invalid_argument("working days to add must not be negative");
  return add_working_seconds(start, std::int64_t{n} * hours.day_seconds(), hours);
}

std::int64_t WorkingCalendar::working_seconds_between(std::int64_t from, std::int64_t to,
                                                      const WorkingHours& hours) const {
  check(hours);
  if (to <= from) return 0;
  if ((to - from) / kDay > kMaxSpanDays)
    throw std::invalid_argument("span too long to measure in working time");
  std::int64_t total = 0;
  for (Date date = local_date(from, hours); date <= local_date(to, hours); date += days{1}) {
    if (!is_working_day(date)) continue;
    const Period p = period_of(date, hours);
    const std::int64_t begin = std::max(from, p.begin), end = std::min(to, p.end);
    if (end > begin) total += end - begin;
  }
  return total;
}

}  // namespace steward::calendar
