// The clocks of the examples, on the real 2026 calendar (Asia/Shanghai, 09:00-18:00).
#include "modules/work_orders/clocks.hpp"

#include <gtest/gtest.h>

#include "core/time.hpp"
#include "modules/work_orders/project_time.hpp"

namespace steward::work_orders {
namespace {

using calendar::parse_date;

calendar::WorkingCalendar autumn_2026() {
  std::map<calendar::Date, bool> o;
  for (const char* d : {"2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06",
                        "2026-10-07"})
    o[*parse_date(d)] = false;  // weekdays off (Mid-Autumn, National Day)
  for (const char* d : {"2026-09-20", "2026-10-10"}) o[*parse_date(d)] = true;  // make-up days
  return calendar::WorkingCalendar(o);
}

std::int64_t at(const char* local) { return *core::parse_iso8601(std::string(local) + "+08:00"); }
std::string show(std::int64_t t) { return core::format_iso8601(t); }

// The default rules of migration 0005, enough for these tests.
std::vector<SlaRule> default_rules() {
  return {{1, "handle", "", "", "", "", 12, "hour"},
          {2, "onsite", "repair", "", "emergency", "", 30, "minute"},
          {3, "contact", "repair", "", "normal", "", 1, "working_day"},
          {4, "handover", "complaint", "", "", "", 24, "hour"},
          {5, "acknowledge", "complaint", "", "", "online", 2, "hour"},
          {6, "feedback", "complaint", "", "", "", 2, "working_day"},
          {7, "resolve", "repair", "", "", "", 3, "working_day"},
          {8, "resolve", "repair", "water", "", "", 4, "hour"},
          {9, "visit", "repair", "", "", "", 1, "working_day"}};
}

class Clocks : public ::testing::Test {
 protected:
  calendar::WorkingCalendar cal = autumn_2026();
  ProjectTime time{cal, {9 * 60, 18 * 60, 8 * 3600}};
  ClockMath math{time};

  Clock clock_for(const OrderFacts& o, const std::string& name, std::int64_t start) {
    for (const auto& r : applicable_rules(default_rules(), o))
      if (r.clock == name) return math.start(r, start);
    ADD_FAILURE() << "no clock " << name;
    return {};
  }
};

TEST_F(Clocks, ComplaintOnTheEveOfNationalDayIsHandedOverWithinCalendarHoursButFedBackAfterTheHoliday) {
  const OrderFacts complaint{"complaint", "noise", "normal", "phone"};
  const auto registered = at("2026-09-30T17:00:00");
  EXPECT_EQ(show(clock_for(complaint, "handover", registered).due_at), "2026-10-01T17:00:00+08:00");
  EXPECT_EQ(show(clock_for(complaint, "feedback", registered).due_at), "2026-10-09T17:00:00+08:00");
  EXPECT_EQ(show(clock_for(complaint, "handle", registered).due_at), "2026-10-01T05:00:00+08:00");
}

TEST_F(Clocks, RepairOnFridayEveningMustBeContactedOnTheMakeUpSaturday) {
  const OrderFacts repair{"repair", "doors_windows", "normal", "phone"};
  EXPECT_EQ(show(clock_for(repair, "contact", at("2026-10-09T17:30:00")).due_at),
            "2026-10-10T17:30:00+08:00");
}

TEST_F(Clocks, RepairOnSundayMorningCountsFromMondayNine) {
  const OrderFacts repair{"repair", "doors_windows", "normal", "phone"};
  EXPECT_EQ(show(clock_for(repair, "contact", at("2026-10-11T08:00:00")).due_at),
            "2026-10-12T18:00:00+08:00");
}

TEST_F(Clocks, EachKindGetsItsOwnClocks) {
  auto names = [](const std::vector<SlaRule>& rules) {
    std::vector<std::string> out;
    for (const auto& r : rules) out.push_back(r.clock);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(names(applicable_rules(default_rules(), {"repair", "water", "emergency", "phone"})),
            (V{"handle", "onsite", "resolve", "visit"}));
  EXPECT_EQ(names(applicable_rules(default_rules(), {"repair", "lift", "normal", "app"})),
            (V{"handle", "contact", "resolve", "visit"}));
  EXPECT_EQ(names(applicable_rules(default_rules(), {"complaint", "noise", "normal", "online"})),
            (V{"handle", "handover", "acknowledge", "feedback"}));
  EXPECT_EQ(names(applicable_rules(default_rules(), {"consultation", "fees", "normal", "phone"})),
            (V{"handle"}));
}

TEST_F(Clocks, TheMostSpecificRuleWins) {
  for (const auto& r : applicable_rules(default_rules(), {"repair", "water", "normal", "phone"})) {
    if (r.clock == "resolve") {
      EXPECT_EQ(r.id, 8);  // 4 hours for water, not 3 working days
    }
  }
}

TEST_F(Clocks, MetBreachedAndHowLate) {
  Clock c = clock_for({"complaint", "noise", "normal", "phone"}, "handover", at("2026-11-23T10:00:00"));
  EXPECT_EQ(math.state(c, at("2026-11-24T09:59:59")), ClockState::running);
  EXPECT_EQ(math.state(c, at("2026-11-24T10:00:01")), ClockState::breached);
  EXPECT_EQ(math.late_by(c, at("2026-11-24T11:00:00")), 3600);
  c.done_at = at("2026-11-24T10:00:00");
  EXPECT_EQ(math.state(c, at("2026-11-30T00:00:00")), ClockState::met);
  c.done_at = at("2026-11-24T10:30:00");
  EXPECT_EQ(math.state(c, at("2026-11-30T00:00:00")), ClockState::breached);
  EXPECT_EQ(math.late_by(c, at("2026-11-30T00:00:00")), 1800);
}

TEST_F(Clocks, ResolveClockPausesWhileWaitingForPartsInWorkingTime) {
  // 3 working days from Monday 10:00 is Thursday 10:00; waiting from Monday 16:00 until
  // Tuesday 12:00 is 2 + 3 = 5 working hours, so the deadline moves to Thursday 15:00.
  Clock c = clock_for({"repair", "lift", "normal", "phone"}, "resolve", at("2026-11-23T10:00:00"));
  EXPECT_EQ(show(c.due_at), "2026-11-26T10:00:00+08:00");
  math.pause(c, at("2026-11-23T16:00:00"));
  EXPECT_EQ(math.state(c, at("2026-11-27T00:00:00")), ClockState::paused);
  math.resume(c, at("2026-11-24T12:00:00"));
  EXPECT_EQ(show(c.due_at), "2026-11-26T15:00:00+08:00");
  EXPECT_EQ(math.state(c, at("2026-11-26T14:00:00")), ClockState::running);
}

TEST_F(Clocks, CalendarClockPausesByTheWallClock) {
  Clock c = clock_for({"repair", "water", "normal", "phone"}, "resolve", at("2026-11-23T10:00:00"));
  EXPECT_EQ(show(c.due_at), "2026-11-23T14:00:00+08:00");
  math.pause(c, at("2026-11-23T11:00:00"));
  math.resume(c, at("2026-11-23T13:30:00"));
  EXPECT_EQ(show(c.due_at), "2026-11-23T16:30:00+08:00");
}

TEST_F(Clocks, ReminderAtThreeQuartersOfTheTime) {
  Clock c = clock_for({"complaint", "noise", "normal", "phone"}, "handover", at("2026-11-23T10:00:00"));
  EXPECT_EQ(show(math.remind_at(c)), "2026-11-24T04:00:00+08:00");
  Clock f = clock_for({"complaint", "noise", "normal", "phone"}, "feedback", at("2026-11-23T09:00:00"));
  EXPECT_EQ(show(math.remind_at(f)), "2026-11-24T13:30:00+08:00");  // 13.5 of 18 working hours
}

TEST_F(Clocks, ActionsMeetTheirClocks) {
  using V = std::vector<std::string>;
  EXPECT_EQ(clocks_met_by("arrive"), (V{"handle", "onsite"}));
  EXPECT_EQ(clocks_met_by("complete"), (V{"handle", "resolve"}));
  EXPECT_EQ(clocks_met_by("visit"), (V{"visit"}));
  EXPECT_EQ(clocks_met_by("wait"), (V{}));
}

}  // namespace
}  // namespace steward::work_orders
