#include "modules/work_orders/clocks.hpp"

#include <algorithm>

namespace steward::work_orders {
namespace {

bool matches(const std::string& rule, const std::string& value) {
  return rule.empty() || rule == value;
}

int specificity(const SlaRule& r) {
  return !r.kind.empty() * 8 + !r.category.empty() * 4 + !r.priority.empty() * 2 +
         !r.channel.empty();
}

}  // namespace

const std::vector<std::string>& clock_names() {
  static const std::vector<std::string> names{"handle",      "onsite",   "contact", "handover",
                                              "acknowledge", "feedback", "resolve", "visit"};
  return names;
}

std::vector<SlaRule> applicable_rules(const std::vector<SlaRule>& rules, const OrderFacts& o) {
  std::vector<SlaRule> out;
  for (const auto& clock : clock_names()) {
    const SlaRule* best = nullptr;
    for (const auto& r : rules) {
      if (r.clock != clock || !matches(r.kind, o.kind) || !matches(r.category, o.category) ||
          !matches(r.priority, o.priority) || !matches(r.channel, o.channel))
        continue;
      if (!best || specificity(r) > specificity(*best)) best = &r;
    }
    if (best && best->amount > 0) out.push_back(*best);  // amount 0 switches a clock off
  }
  return out;
}

std::vector<std::string> clocks_met_by(const std::string& action) {
  static const std::vector<std::string> handling{"dispatch", "handover", "accept", "contact",
                                                 "arrive", "acknowledge", "feedback", "answer",
                                                 "complete"};
  std::vector<std::string> out;
  if (std::find(handling.begin(), handling.end(), action) != handling.end())
    out.push_back("handle");
  if (action == "arrive") out.push_back("onsite");
  if (action == "contact") out.push_back("contact");
  if (action == "handover") out.push_back("handover");
  if (action == "acknowledge") out.push_back("acknowledge");
  if (action == "feedback") out.push_back("feedback");
  if (action == "complete" || action == "answer") out.push_back("resolve");
  if (action == "visit") out.push_back("visit");
  return out;
}

bool starts_at_registration(const std::string& clock) { return clock != "visit"; }

const char* state_name(ClockState s) {
  switch (s) {
    case ClockState::running: return "running";
    case ClockState::paused: return "paused";
    case ClockState::met: return "met";
    case ClockState::breached: return "breached";
    case ClockState::stopped: return "stopped";
  }
  return "running";
}

std::int64_t ClockMath::span(const Clock& c) const {
  if (c.unit == "minute") return c.amount * 60;
  if (c.unit == "hour") return c.amount * 3600;
  return c.amount * time_.day_seconds();  // working_day
}

Clock ClockMath::start(const SlaRule& rule, std::int64_t at) const {
  Clock c;
  c.name = rule.clock;
  c.rule_id = rule.id;
  c.amount = rule.amount;
  c.unit = rule.unit;
  c.start_at = at;
  c.due_at = due(c);
  return c;
}

std::int64_t ClockMath::due(const Clock& c) const {
  const std::int64_t length = span(c) + c.paused_seconds;
  return c.unit == "working_day" ? time_.add(c.start_at, length) : c.start_at + length;
}

std::int64_t ClockMath::remind_at(const Clock& c) const {
  const std::int64_t at = (span(c) * 3) / 4 + c.paused_seconds;
  return c.unit == "working_day" ? time_.add(c.start_at, at) : c.start_at + at;
}

void ClockMath::pause(Clock& c, std::int64_t now) const {
  if (c.done_at || c.paused_since || c.stopped) return;
  c.paused_since = now;
}

void ClockMath::resume(Clock& c, std::int64_t now) const {
  if (!c.paused_since) return;
  const std::int64_t from = std::max(*c.paused_since, c.start_at);
  c.paused_seconds += c.unit == "working_day" ? time_.between(from, now) : now - from;
  c.paused_since.reset();
  c.due_at = due(c);
}

void ClockMath::rule_changed(Clock& c, const SlaRule& rule) const {
  c.rule_id = rule.id;
  c.amount = rule.amount;
  c.unit = rule.unit;
  c.due_at = due(c);
}

ClockState ClockMath::state(const Clock& c, std::int64_t now) const {
  if (c.done_at) return *c.done_at <= c.due_at ? ClockState::met : ClockState::breached;
  if (c.stopped) return ClockState::stopped;
  if (c.paused_since) return ClockState::paused;
  return now > c.due_at ? ClockState::breached : ClockState::running;
}

std::int64_t ClockMath::late_by(const Clock& c, std::int64_t now) const {
  if (c.stopped && !c.done_at) return 0;
  if (c.paused_since && !c.done_at) return std::max<std::int64_t>(0, *c.paused_since - c.due_at);
  const std::int64_t end = c.done_at.value_or(now);
  return std::max<std::int64_t>(0, end - c.due_at);
}

}  // namespace steward::work_orders
