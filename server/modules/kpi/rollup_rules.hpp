#pragma once
// What one work order adds to the dashboards' roll-ups, as a pure function of its state (DOMAIN
// Q2, W5, W9, S2). A change of an order moves the roll-ups by contributions(after) minus
// contributions(before); a rebuild sums contributions over every order. The two agree by
// construction, and a test checks it on a random sequence of steps. docs/dashboards.md says which
// day each figure belongs to.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace steward::kpi {

struct ClockFact {
  std::string name;
  std::int64_t start_at = 0, due_at = 0;
  std::optional<std::int64_t> done_at;
  bool stopped = false;
};

// The columns of an order the roll-ups depend on.
struct OrderFacts {
  std::string kind, category, status, satisfaction;
  std::int64_t reported_at = 0;
  std::optional<std::int64_t> completed_at, visited_at, customer_id;
  std::optional<bool> valid;  // set when a complaint is closed
  int offset = 8 * 3600;      // the project's UTC offset in seconds
  std::vector<ClockFact> clocks;
};

struct Contributions {
  // (local day, metric, category) -> value
  std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> daily;
  // (kind, status) -> orders (1 for this order's status)
  std::map<std::pair<std::string, std::string>, std::int64_t> status;
  // (month "YYYY-MM", customer id) -> return visits of the customer's orders that month
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> customers;
  bool empty() const { return daily.empty() && status.empty() && customers.empty(); }
};

// Clocks whose on-time share is a target: 12 h handling, 24 h handover, the return visit.
const std::vector<std::string>& target_clocks();
// An order is on the board until it is closed or cancelled.
bool on_board(const std::string& status);

Contributions contributions(const OrderFacts& order);
// after - before, without zero entries.
Contributions difference(const Contributions& after, const Contributions& before);
void accumulate(Contributions& into, const Contributions& c);

std::string local_day(std::int64_t at, int offset);    // "2026-11-30"
std::string local_month(std::int64_t at, int offset);  // "2026-11"

}  // namespace steward::kpi
