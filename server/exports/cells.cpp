// Time cells: the JSON's ISO texts read as local wall-clock times, and how a cell reads as text.
#include <chrono>
#include <cstdio>

#include "exports/csv.hpp"
#include "exports/table.hpp"

namespace steward::exports {
namespace {

// `len` digits at `pos`, or -1.
int digits(const std::string& s, std::size_t pos, std::size_t len) {
  if (pos + len > s.size()) return -1;
  int v = 0;
  for (std::size_t k = pos; k < pos + len; ++k) {
    if (s[k] < '0' || s[k] > '9') return -1;
    v = v * 10 + (s[k] - '0');
  }
  return v;
}

bool valid_date(int y, int m, int d) {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  namespace c = std::chrono;
  return c::year_month_day{c::year{y}, c::month{static_cast<unsigned>(m)}, c::day{static_cast<unsigned>(d)}}.ok();
}

std::chrono::year_month_day civil(std::int64_t days) {
  namespace c = std::chrono;
  return c::year_month_day{c::sys_days{c::days{days}}};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  namespace c = std::chrono;
  return c::sys_days{c::year_month_day{c::year{y}, c::month{m}, c::day{d}}}.time_since_epoch().count();
}

Cell when(const std::string& s) {
  if (s.empty()) return empty();
  const int y = digits(s, 0, 4);
  if (y < 0 || s.size() < 7 || s[4] != '-') return text(s);
  const int m = digits(s, 5, 2);
  if (s.size() == 7) return valid_date(y, m, 1) ? month(y, static_cast<unsigned>(m)) : text(s);
  if (s.size() < 10 || s[7] != '-') return text(s);
  const int d = digits(s, 8, 2);
  if (!valid_date(y, m, d)) return text(s);
  if (s.size() == 10) return date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  // THH:MM[:SS[.fff]] then Z or ±HH:MM: the digits are the wall clock of the offset written.
  if (s[10] != 'T') return text(s);
  const int hh = digits(s, 11, 2), mm = s.size() > 13 && s[13] == ':' ? digits(s, 14, 2) : -1;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return text(s);
  std::size_t at = 16;
  int ss = 0;
  if (at < s.size() && s[at] == ':') {
    ss = digits(s, at + 1, 2);
    if (ss < 0 || ss > 59) return text(s);
    at += 3;
    if (at < s.size() && s[at] == '.') {
      ++at;
      const std::size_t start = at;
      while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
      if (at == start) return text(s);
    }
  }
  const std::string zone = s.substr(at);
  if (zone != "Z") {
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return text(s);
    const int oh = digits(zone, 1, 2), om = digits(zone, 4, 2);
    if (oh < 0 || oh > 18 || om < 0 || om > 59) return text(s);
  }
  const auto local = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 +
                     hh * 3600 + mm * 60 + ss;
  return {Cell::Kind::datetime, {}, static_cast<double>(local)};
}

std::string shown(const Cell& cell) {
  char buf[32];
  switch (cell.kind) {
    case Cell::Kind::empty:
      return "";
    case Cell::Kind::text:
      return cell.text;
    case Cell::Kind::number:
      return number_text(cell.number);
    case Cell::Kind::datetime: {
      const auto local = static_cast<std::int64_t>(cell.number);
      const auto days = floor_div(local, 86400), rest = local - days * 86400;
      const auto ymd = civil(days);
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d", static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                    static_cast<int>(rest / 3600), static_cast<int>(rest % 3600 / 60));
      return buf;
    }
    case Cell::Kind::date:
    case Cell::Kind::month: {
      const auto ymd = civil(static_cast<std::int64_t>(cell.number));
      if (cell.kind == Cell::Kind::month)
        std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()));
      else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
      return buf;
    }
  }
  return "";
}

}  // namespace steward::exports
