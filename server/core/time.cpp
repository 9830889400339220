#include "core/time.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <utility>

namespace steward::core {
namespace {

constexpr std::array<std::pair<std::string_view, int>, 8> kZones{{
    {"Asia/Shanghai", 8 * 3600},   {"Asia/Chongqing", 8 * 3600}, {"Asia/Hong_Kong", 8 * 3600},
    {"Asia/Macau", 8 * 3600},      {"Asia/Taipei", 8 * 3600},    {"Asia/Urumqi", 6 * 3600},
    {"Asia/Singapore", 8 * 3600},  {"UTC", 0},
}};

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

}  // namespace

std::optional<int> zone_offset_seconds(std::string_view zone) {
  for (const auto& [name, offset] : kZones)
    if (name == zone) return offset;
  return std::nullopt;
}

std::string format_iso8601(std::int64_t epoch_seconds, int offset_seconds) {
  using namespace std::chrono;
  const std::int64_t local = epoch_seconds + offset_seconds;
  const auto days = floor<std::chrono::days>(sys_seconds{seconds{local}});
  const year_month_day ymd{days};
  const std::int64_t sod = local - days.time_since_epoch().count() * 86400;
  const int off = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), int(sod / 3600), int(sod / 60 % 60),
                int(sod % 60), offset_seconds < 0 ? '-' : '+', off / 3600, off / 60 % 60);
  return buf;
}

std::optional<std::int64_t> parse_iso8601(std::string_view s) {
  using namespace std::chrono;
  int y, mo, d, h, mi, se;
  if (s.size() < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') ||
      s[13] != ':' || s[16] != ':')
    return std::nullopt;
  if (!read_int(s, 0, 4, y) || !read_int(s, 5, 2, mo) || !read_int(s, 8, 2, d) ||
      !read_int(s, 11, 2, h) || !read_int(s, 14, 2, mi) || !read_int(s, 17, 2, se))
    return std::nullopt;
  const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || se > 59) return std::nullopt;
  std::size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
  }
  int offset = 0;
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh, om;
    if (pos + 6 > s.size() || s[pos + 3] != ':' || !read_int(s, pos + 1, 2, oh) ||
        !read_int(s, pos + 4, 2, om) || oh > 14 || om > 59)
      return std::nullopt;
    offset = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;  // an instant without an offset is ambiguous
  }
  if (pos != s.size()) return std::nullopt;
  const auto days = sys_days{ymd}.time_since_epoch().count();
  return days * 86400 + h * 3600 + mi * 60 + se - offset;
}

std::optional<int> parse_hhmm(std::string_view s) {
  int h, m;
  if (s.size() != 5 || s[2] != ':' || !read_int(s, 0, 2, h) || !read_int(s, 3, 2, m) || h > 23 ||
      m > 59)
    return std::nullopt;
  return h * 60 + m;
}

std::string format_hhmm(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60 % 100, minutes % 60);
  return buf;
}

}  // namespace steward::core
