#pragma once
// Service-level clocks (DOMAIN W4): which clocks an order has, when each is due, whether it was
// met or breached, and pausing while the order waits for the owner or for parts. Pure: the
// working-time arithmetic comes in through WorkTime, the time as a parameter.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace steward::work_orders {

// Working time of one project: its working hours on the official calendar's working days.
class WorkTime {
 public:
  virtual ~WorkTime() = default;
  // The instant at which `seconds` of working time have passed since `start`.
  virtual std::int64_t add(std::int64_t start, std::int64_t seconds) const = 0;
  // Working time inside [from, to).
  virtual std::int64_t between(std::int64_t from, std::int64_t to) const = 0;
  // Seconds in one working day (18:00 - 09:00 = 32,400 by default).
  virtual std::int64_t day_seconds() const = 0;
};

// A company rule: for orders matching kind/category/priority/channel ("" matches any), the
// clock `clock` is due `amount` `unit`s after it starts.
struct SlaRule {
  std::int64_t id = 0;
  std::string clock;
  std::string kind, category, priority, channel;
  std::int64_t amount = 0;
  std::string unit;  // minute | hour | working_day
};

struct OrderFacts {
  std::string kind, category, priority, channel;
};

// Clocks in the order they are shown.
const std::vector<std::string>& clock_names();
// For each clock, the most specific rule matching the order (none: the clock does not apply).
std::vector<SlaRule> applicable_rules(const std::vector<SlaRule>& rules, const OrderFacts& order);
// The clocks an action stops (meets). "handle" is met by the first handling action of any kind.
std::vector<std::string> clocks_met_by(const std::string& action);
// Clocks that start when the order is registered; the others start later ("visit": completion).
bool starts_at_registration(const std::string& clock);

struct Clock {
  std::string name;
  std::int64_t rule_id = 0;
  std::int64_t amount = 0;
  std::string unit;
  std::int64_t start_at = 0;
  std::int64_t paused_seconds = 0;  // pauses so far, in the clock's own time (working or calendar)
  std::optional<std::int64_t> paused_since;
  std::optional<std::int64_t> done_at;
  bool stopped = false;             // the order was cancelled while the clock ran
  std::int64_t due_at = 0;          // kept up to date by ClockMath
};

enum class ClockState { running, paused, met, breached, stopped };
const char* state_name(ClockState state);

class ClockMath {
 public:
  explicit ClockMath(const WorkTime& time) : time_(time) {}
  Clock start(const SlaRule& rule, std::int64_t at) const;
  std::int64_t due(const Clock& c) const;        // start + amount + pauses
  std::int64_t remind_at(const Clock& c) const;  // 75% of the clock's time
  void pause(Clock& c, std::int64_t now) const;
  void resume(Clock& c, std::int64_t now) const;
  void rule_changed(Clock& c, const SlaRule& rule) const;  // recompute from a changed rule
  ClockState state(const Clock& c, std::int64_t now) const;
  // How late: done_at or now past due_at; 0 when not breached.
  std::int64_t late_by(const Clock& c, std::int64_t now) const;

 private:
  std::int64_t span(const Clock& c) const;  // the clock's length in its own time
  const WorkTime& time_;
};

}  // namespace steward::work_orders
