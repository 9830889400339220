#include "modules/work_orders/status_machine.hpp"

#include <algorithm>

#include "modules/work_orders/work_order.hpp"

namespace steward::work_orders {
namespace {

const std::vector<std::string> kAll = {"repair", "complaint", "consultation", "suggestion",
                                       "praise"};
const std::vector<std::string> kWorked = {"repair", "complaint"};
const std::vector<std::string> kAnswered = {"consultation", "suggestion", "praise"};
const std::vector<std::string> kOpen = {"registered", "dispatched", "accepted", "in_progress",
                                        "waiting"};

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

bool is_open(std::string_view status) {
  return std::find(kOpen.begin(), kOpen.end(), status) != kOpen.end();
}

const std::vector<Transition>& transitions() {
  static const std::vector<Transition> table = {
      // action       allowed in                                  leads to      kinds     permission
      {"dispatch", {"registered", "dispatched", "accepted"}, "dispatched", kWorked, "work_order.dispatch"},
      {"handover", {"registered", "dispatched"}, "dispatched", {"complaint"}, "work_order.dispatch"},
      {"accept", {"dispatched"}, "accepted", kWorked, "work_order.work"},
      {"contact", {"dispatched", "accepted"}, "", {"repair"}, "work_order.work"},
      {"arrive", {"dispatched", "accepted"}, "in_progress", {"repair"}, "work_order.work"},
      {"acknowledge", {"registered", "dispatched", "accepted", "in_progress"}, "", {"complaint"},
       "work_order.register"},
      {"feedback", {"dispatched", "accepted", "in_progress", "waiting"}, "", {"complaint"},
       "work_order.work"},
      {"answer", {"registered", "dispatched"}, "completed", kAnswered, "work_order.register"},
      {"wait", {"accepted", "in_progress"}, "waiting", kWorked, "work_order.work"},
      {"resume", {"waiting"}, "in_progress", kWorked, "work_order.work"},
      {"complete", {"accepted", "in_progress"}, "completed", kWorked, "work_order.work"},
      {"visit", {"completed"}, "visited", kWorked, "work_order.visit"},
      {"close", {"completed", "visited"}, "closed", kAll, "work_order.close"},
      {"cancel", kOpen, "cancelled", kAll, "work_order.cancel"},
      {"rework", {"completed", "visited", "closed"}, "", {"repair"}, "work_order.dispatch"},
  };
  return table;
}

const Transition* find_action(const std::string& action) {
  for (const auto& t : transitions())
    if (t.action == action) return &t;
  return nullptr;
}

std::optional<std::string> next_status(const std::string& action, const std::string& kind,
                                       const std::string& status) {
  const Transition* t = find_action(action);
  if (!t || !contains(t->kinds, kind) || !contains(t->from, status)) return std::nullopt;
  return t->to.empty() ? status : t->to;
}

std::vector<std::string> allowed_actions(const std::string& kind, const std::string& status) {
  std::vector<std::string> out;
  for (const auto& t : transitions())
    if (contains(t.kinds, kind) && contains(t.from, status)) out.push_back(t.action);
  return out;
}

}  // namespace steward::work_orders
