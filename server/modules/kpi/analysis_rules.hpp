#pragma once
// Pure rules of the analyses (W9; docs/dashboards.md "Analyses"): the early warning of a rising
// complaint category, the rate per 100 households, masked names, months and quarters.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace steward::kpi::analysis {

// A category "well above its three-month average": this month's count is at least 1.5 times the
// mean of the three months before AND at least 3 more than that mean. `previous_sum` is the sum
// of the three months, so the mean is previous_sum / 3; the test is exact integer arithmetic:
// 2 * count >= previous_sum (1.5x) and 3 * count - previous_sum >= 9 (+3).
bool well_above(std::int64_t count, std::int64_t previous_sum);

// count per 100 households in hundredths, rounded half up (3 of 1958 -> 15 = 0.15);
// nullopt without households.
std::optional<std::int64_t> rate_per_100(std::int64_t count, std::int64_t households);

// A person's name as a reader without personal data sees it: the first character, the rest as
// '*' (张三丰 -> 张**, 李四 -> 李*, a single character -> *). UTF-8 aware.
std::string mask_name(std::string_view name);

// The n months before `month` ("2026-11", 3 -> 2026-08, 2026-09, 2026-10), oldest first.
std::vector<std::string> months_before(const std::string& month, int n);

// "2026-Q4" -> {"2026-10", "2026-11", "2026-12"}; empty for anything else.
std::vector<std::string> quarter_months(std::string_view quarter);
// The quarter of a month: "2026-11" -> "2026-Q4".
std::string quarter_of(const std::string& month);

// The UTC instant of 00:00 on the first of `month` at a UTC offset in seconds.
std::int64_t month_start(const std::string& month, int offset);
// The month after: "2026-12" -> "2027-01".
std::string next_month(const std::string& month);

}  // namespace steward::kpi::analysis
