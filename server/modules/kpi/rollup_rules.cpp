#include "modules/kpi/rollup_rules.hpp"

#include <iterator>

#include "core/time.hpp"

namespace steward::kpi {
namespace {

template <class Map>
void subtract_into(Map& out, const Map& after, const Map& before) {
  out = after;
  for (const auto& [k, v] : before) out[k] -= v;
  for (auto it = out.begin(); it != out.end();)
    it = it->second == 0 ? out.erase(it) : std::next(it);
}

template <class Map>
void add_into(Map& into, const Map& from) {
  for (const auto& [k, v] : from) into[k] += v;
}

}  // namespace

const std::vector<std::string>& target_clocks() {
  static const std::vector<std::string> v{"handle", "handover", "visit"};
  return v;
}

bool on_board(const std::string& status) { return status != "closed" && status != "cancelled"; }

std::string local_day(std::int64_t at, int offset) {
  return core::format_iso8601(at, offset).substr(0, 10);
}
std::string local_month(std::int64_t at, int offset) { return local_day(at, offset).substr(0, 7); }

Contributions contributions(const OrderFacts& o) {
  Contributions c;
  const std::string reg_day = local_day(o.reported_at, o.offset);
  auto add = [&](const std::string& day, const std::string& metric, const std::string& cat = "") {
    c.daily[{day, metric, cat}] += 1;
  };
  const bool cancelled = o.status == "cancelled";
  add(reg_day, "registered");
  if (o.kind == "complaint" && !cancelled) add(reg_day, "complaint", o.category);
  // On-time clocks count on the day the clock started (registration; completion for the visit).
  for (const auto& k : o.clocks) {
    if (!k.done_at) continue;
    bool counted = false;
    for (const auto& name : target_clocks()) counted = counted || name == k.name;
    if (!counted) continue;
    add(local_day(k.start_at, o.offset), k.name + (*k.done_at <= k.due_at ? ".on_time" : ".late"));
  }
  // A complaint handled: completed, not cancelled, not closed as not valid.
  if (o.kind == "complaint" && o.completed_at && !cancelled && o.valid.value_or(true))
    add(reg_day, "complaint.handled");
  if (o.visited_at && !o.satisfaction.empty()) {
    const std::string day = local_day(*o.visited_at, o.offset);
    add(day, "satisfaction.rated");
    if (o.satisfaction == "very_satisfied" || o.satisfaction == "satisfied")
      add(day, "satisfaction.satisfied");
    if (o.customer_id) c.customers[{day.substr(0, 7), *o.customer_id}] += 1;
  }
  c.status[{o.kind, o.status}] += 1;
  return c;
}

Contributions difference(const Contributions& after, const Contributions& before) {
  Contributions d;
  subtract_into(d.daily, after.daily, before.daily);
  subtract_into(d.status, after.status, before.status);
  subtract_into(d.customers, after.customers, before.customers);
  return d;
}

void accumulate(Contributions& into, const Contributions& c) {
  add_into(into.daily, c.daily);
  add_into(into.status, c.status);
  add_into(into.customers, c.customers);
}

}  // namespace steward::kpi
