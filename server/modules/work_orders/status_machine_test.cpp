#include "modules/work_orders/status_machine.hpp"

#include <gtest/gtest.h>

namespace steward::work_orders {
namespace {

struct Case {
  const char* action;
  const char* kind;
  const char* from;
  std::optional<std::string> to;
};

TEST(StatusMachine, TheLifecycleOfARepairAndAComplaint) {
  const Case cases[] = {
      {"dispatch", "repair", "registered", "dispatched"},
      {"accept", "repair", "dispatched", "accepted"},
      {"contact", "repair", "accepted", "accepted"},
      {"arrive", "repair", "accepted", "in_progress"},
      {"wait", "repair", "in_progress", "waiting"},
      {"resume", "repair", "waiting", "in_progress"},
      {"complete", "repair", "in_progress", "completed"},
      {"visit", "repair", "completed", "visited"},
      {"close", "repair", "visited", "closed"},
      {"handover", "complaint", "registered", "dispatched"},
      {"feedback", "complaint", "accepted", "accepted"},
      {"answer", "consultation", "registered", "completed"},
      {"cancel", "repair", "waiting", "cancelled"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(next_status(c.action, c.kind, c.from), c.to) << c.action << " " << c.kind;
}

TEST(StatusMachine, ActionsOutOfTurnAreRefused) {
  EXPECT_EQ(next_status("complete", "repair", "registered"), std::nullopt);
  EXPECT_EQ(next_status("dispatch", "repair", "closed"), std::nullopt);
  EXPECT_EQ(next_status("cancel", "repair", "completed"), std::nullopt);
  EXPECT_EQ(next_status("handover", "repair", "registered"), std::nullopt);  // complaints only
  EXPECT_EQ(next_status("answer", "repair", "registered"), std::nullopt);
  EXPECT_EQ(next_status("visit", "consultation", "completed"), std::nullopt);
  EXPECT_EQ(next_status("fly", "repair", "registered"), std::nullopt);
}

TEST(StatusMachine, AllowedActionsForTheButtons) {
  using V = std::vector<std::string>;
  EXPECT_EQ(allowed_actions("repair", "completed"), (V{"visit", "close", "rework"}));
  EXPECT_EQ(allowed_actions("consultation", "registered"), (V{"answer", "cancel"}));
}

}  // namespace
}  // namespace steward::work_orders
