#pragma once
// Schedules of check plans (DOMAIN P1-P2): the due slots of a plan on a local day, where a check
// lands (done, late, unscheduled), the state of a slot at an instant, the limits period of a
// reading and the periods of a quota. Pure: no I/O; the project's zone is a fixed offset (seconds
// east of UTC). docs/patrols.md explains the rules with examples.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace steward::patrols {

// Local days are counted from 1970-01-01 (day 0); minutes of a day are 0-1440.
std::int64_t day_number(int y, int m, int d);
std::optional<std::int64_t> parse_day(const std::string& text);  // "YYYY-MM-DD"
std::string format_day(std::int64_t day);
int iso_weekday(std::int64_t day);  // 1 = Monday ... 7 = Sunday
// The local day of an instant.
std::int64_t local_day_of(std::int64_t utc, int offset);
// The UTC instant of a minute of a local day (minute may be 1440 or beyond: later days).
std::int64_t instant_of(std::int64_t day, std::int64_t minute, int offset);

struct Window {
  int from = 0, to = 1440;
};

struct Schedule {
  enum class Kind { interval, times, weekly, monthly };
  Kind kind = Kind::interval;
  int every = 0;                // interval: minutes
  std::vector<Window> windows;  // interval
  std::vector<int> times;       // times: minutes of the day, ascending
  int slot_minutes = 0;         // times
  std::vector<int> weekdays;    // interval, times: empty = every day
  int weekday = 0;              // weekly: 0 = the whole week
  int day = 0;                  // monthly: 0 = the whole month
  Window window;                // weekly with a weekday, monthly with a day
};

// Reads and validates a schedule as the API sends it; problems are added to `errors` under
// "<prefix>.<field>". Returns nullopt when anything is wrong.
std::optional<Schedule> parse_schedule(const nlohmann::json& j, core::ErrorDetails& errors,
                                       const std::string& prefix = "schedule");
nlohmann::json schedule_json(const Schedule& s);

struct Slot {
  std::int64_t start = 0, end = 0;  // UTC seconds, [start, end)
  bool operator==(const Slot&) const = default;
};

// The slots that start on a local day, in order.
std::vector<Slot> slots_on(const Schedule& s, std::int64_t day, int offset);

enum class Placement { done, late, unscheduled };
struct Placed {
  Placement placement = Placement::unscheduled;
  std::optional<Slot> slot;
};
// Where a check made at `made_at` lands: the slot containing it (done); else the latest slot whose
// grace [end, end + grace) contains it (late); else unscheduled.
Placed place(const Schedule& s, int grace_minutes, std::int64_t made_at, int offset);

// not_needed: no check, and a supervisor marked the slot as not needed (not_needed.cpp).
enum class SlotState { open, grace, done, late, missed, not_needed };
std::string state_name(SlotState s);
// The state of a slot at `now`, given the best placement of the checks in it (nullopt: none).
SlotState state_at(const Slot& slot, int grace_minutes, std::optional<Placement> best,
                   std::int64_t now);

// Limits periods: open_morning / open_afternoon while the facility is open ([opens, closes)),
// before or from 12:00; closed otherwise (and always closed without opening hours).
std::string period_at(std::optional<int> opens_min, std::optional<int> closes_min, int minute);

// A plan's minimum number of checks per day or per shift.
struct Shift {
  std::string name;
  Window window;
};
struct Quota {
  bool per_shift = false;
  int count = 0;
  std::vector<Shift> shifts;
};
std::optional<Quota> parse_quota(const nlohmann::json& j, core::ErrorDetails& errors);
nlohmann::json quota_json(const std::optional<Quota>& q);
struct QuotaPeriod {
  std::string shift;  // "" for a whole day
  std::int64_t from = 0, to = 0;  // UTC seconds, [from, to)
};
std::vector<QuotaPeriod> quota_periods(const Quota& q, std::int64_t day, int offset);

// Reading values: a decimal with at most `decimals` places as an integer scaled by 10^decimals.
std::optional<std::int64_t> scale_value(double value, int decimals);
double unscale(std::int64_t scaled, int decimals);

}  // namespace steward::patrols
