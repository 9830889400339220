#pragma once
// The vocabulary of work orders (DOMAIN W1-W5). Every token is the same in the database, in JSON
// and in the web app.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace steward::work_orders {

inline const std::vector<std::string>& kinds() {
  static const std::vector<std::string> v{"repair", "complaint", "consultation", "suggestion",
                                          "praise"};
  return v;
}
inline const std::vector<std::string>& priorities() {
  static const std::vector<std::string> v{"emergency", "normal"};
  return v;
}
inline const std::vector<std::string>& channels() {
  static const std::vector<std::string> v{"phone", "front_desk", "app", "intercom",
                                          "online", "email", "patrol"};
  return v;
}
inline const std::vector<std::string>& statuses() {
  static const std::vector<std::string> v{"registered", "dispatched", "accepted", "in_progress",
                                          "waiting",    "completed",  "visited",  "closed",
                                          "cancelled"};
  return v;
}
// Statuses in which an order is still being worked on (its clocks may run).
bool is_open(std::string_view status);

inline const std::vector<std::string>& satisfaction_levels() {
  static const std::vector<std::string> v{"very_satisfied", "satisfied", "neutral",
                                          "dissatisfied", "very_dissatisfied"};
  return v;
}
inline const std::vector<std::string>& visit_methods() {
  static const std::vector<std::string> v{"phone", "visit", "app", "sms"};
  return v;
}

}  // namespace steward::work_orders
