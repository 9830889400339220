#pragma once
// Which action may be taken on an order in which status, by whom, and where it leads (DOMAIN W3).
// The rules are a table (status_machine.cpp) a product owner can read.
#include <optional>
#include <string>
#include <vector>

namespace steward::work_orders {

struct Transition {
  std::string action;
  std::vector<std::string> from;   // statuses the action is allowed in
  std::string to;                  // "" keeps the status (the action only records a step)
  std::vector<std::string> kinds;  // kinds of order it applies to
  std::string permission;
};

const std::vector<Transition>& transitions();
const Transition* find_action(const std::string& action);

// The status after `action`, or nullopt when the action is not allowed for this order now.
std::optional<std::string> next_status(const std::string& action, const std::string& kind,
                                       const std::string& status);
// The actions allowed for an order of this kind in this status (for the web app's buttons).
std::vector<std::string> allowed_actions(const std::string& kind, const std::string& status);

}  // namespace steward::work_orders
