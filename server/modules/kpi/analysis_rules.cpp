#include "modules/kpi/analysis_rules.hpp"

#include <cctype>
#include <cstdio>

#include "core/time.hpp"

namespace steward::kpi::analysis {
namespace {

std::string month_text(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

}  // namespace

bool well_above(std::int64_t count, std::int64_t previous_sum) {
  return 2 * count >= previous_sum && 3 * count - previous_sum >= 9;
}

std::optional<std::int64_t> rate_per_100(std::int64_t count, std::int64_t households) {
  if (households <= 0) return std::nullopt;
  // count * 100 per household, in hundredths: count * 10000 / households, half up.
  return (count * 10000 * 2 + households) / (2 * households);
}

std::string mask_name(std::string_view name) {
  std::string out;
  std::size_t i = 0, chars = 0;
  while (i < name.size()) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (chars == 0) out.append(name.substr(i, len));
    else out += '*';
    i += len;
    ++chars;
  }
  if (chars == 1) return "*";
  return out;
}

std::vector<std::string> months_before(const std::string& month, int n) {
  int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2));
  std::vector<std::string> out(static_cast<std::size_t>(n));
  for (int i = n - 1; i >= 0; --i) {
    if (--m == 0) m = 12, --y;
    out[static_cast<std::size_t>(i)] = month_text(y, m);
  }
  return out;
}

std::vector<std::string> quarter_months(std::string_view q) {
  if (q.size() != 7 || q[4] != '-' || (q[5] != 'Q' && q[5] != 'q') || q[6] < '1' || q[6] > '4')
    return {};
  for (int i = 0; i < 4; ++i)
    if (!std::isdigit(static_cast<unsigned char>(q[i]))) return {};
  const int y = std::stoi(std::string(q.substr(0, 4)));
  if (y < 2000) return {};
  const int first = (q[6] - '1') * 3 + 1;
  return {month_text(y, first), month_text(y, first + 1), month_text(y, first + 2)};
}

std::string quarter_of(const std::string& month) {
  const int m = std::stoi(month.substr(5, 2));
  return month.substr(0, 4) + "-Q" + std::to_string((m - 1) / 3 + 1);
}

std::int64_t month_start(const std::string& month, int offset) {
  // 00:00 UTC of the first, then back by the offset (00:00 at +08:00 is 16:00 UTC the day before).
  const auto utc = core::parse_iso8601(month + "-01T00:00:00Z");
  return utc.value_or(0) - offset;
}

std::string next_month(const std::string& month) {
  int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2));
  if (++m == 13) m = 1, ++y;
  return month_text(y, m);
}

}  // namespace steward::kpi::analysis
