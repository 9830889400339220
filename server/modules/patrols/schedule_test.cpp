// Schedules at their edges: window start and end, a slot ending at midnight, a check exactly at a
// slot's end and at the end of its grace, weekdays, weeks and months, limits periods, quotas.
#include "modules/patrols/schedule.hpp"

#include <gtest/gtest.h>

#include "core/time.hpp"

namespace steward::patrols {
namespace {

constexpr int kCst = 8 * 3600;  // +08:00, no daylight saving

std::int64_t day(const char* d) { return *parse_day(d); }
// The instant of a local time "YYYY-MM-DD HH:MM[:SS]" at +08:00.
std::int64_t t(const std::string& local) {
  std::string iso = local;
  iso[10] = 'T';
  if (iso.size() == 16) iso += ":00";
  return *core::parse_iso8601(iso + "+08:00");
}

Schedule parsed(const nlohmann::json& j) {
  core::ErrorDetails errors;
  auto s = parse_schedule(j, errors);
  EXPECT_TRUE(errors.empty()) << nlohmann::json(errors).dump();
  return *s;
}

core::ErrorDetails problems(const nlohmann::json& j) {
  core::ErrorDetails errors;
  EXPECT_FALSE(parse_schedule(j, errors));
  return errors;
}

TEST(PatrolSchedule, DaysAndWeekdays) {
  EXPECT_EQ(day("1970-01-01"), 0);
  EXPECT_EQ(format_day(day("2026-11-20")), "2026-11-20");
  EXPECT_EQ(iso_weekday(day("2026-11-20")), 5);  // a Friday
  EXPECT_EQ(iso_weekday(day("2026-11-23")), 1);  // Monday
  EXPECT_EQ(iso_weekday(day("2026-11-22")), 7);  // Sunday
  EXPECT_FALSE(parse_day("2026-02-29"));
  EXPECT_TRUE(parse_day("2028-02-29"));
  EXPECT_FALSE(parse_day("2026-1-05"));
  // 00:30 local on the 20th is 16:30 UTC on the 19th: still the 20th locally.
  EXPECT_EQ(local_day_of(t("2026-11-20 00:30"), kCst), day("2026-11-20"));
  EXPECT_EQ(local_day_of(t("2026-11-19 23:59:59"), kCst), day("2026-11-19"));
}

TEST(PatrolSchedule, IntervalSlotsFillEachWindowAndTheLastIsCutAtItsEnd) {
  const auto s = parsed({{"kind", "interval"}, {"everyMinutes", 20}, {"windows", {{{"from", "08:00"}, {"to", "22:00"}}}}});
  const auto slots = slots_on(s, day("2026-11-20"), kCst);
  ASSERT_EQ(slots.size(), 42u);  // 14 hours of 20 minutes
  EXPECT_EQ(slots.front(), (Slot{t("2026-11-20 08:00"), t("2026-11-20 08:20")}));
  EXPECT_EQ(slots.back(), (Slot{t("2026-11-20 21:40"), t("2026-11-20 22:00")}));

  const auto cut = parsed({{"kind", "interval"}, {"everyMinutes", 20},
                           {"windows", {{{"from", "08:00"}, {"to", "09:50"}}, {{"from", "13:00"}, {"to", "13:30"}}}}});
  const auto c = slots_on(cut, day("2026-11-20"), kCst);
  ASSERT_EQ(c.size(), 6u + 2u);
  EXPECT_EQ(c[5], (Slot{t("2026-11-20 09:40"), t("2026-11-20 09:50")}));
  EXPECT_EQ(c[6], (Slot{t("2026-11-20 13:00"), t("2026-11-20 13:20")}));
  EXPECT_EQ(c[7], (Slot{t("2026-11-20 13:20"), t("2026-11-20 13:30")}));
}

TEST(PatrolSchedule, ASlotMayEndAtMidnight) {
  const auto s = parsed({{"kind", "interval"}, {"everyMinutes", 120}, {"windows", {{{"from", "20:00"}, {"to", "24:00"}}}}});
  const auto slots = slots_on(s, day("2026-11-20"), kCst);
  ASSERT_EQ(slots.size(), 2u);
  EXPECT_EQ(slots[1], (Slot{t("2026-11-20 22:00"), t("2026-11-21 00:00")}));
  // A check at 23:59:59 is inside it, one at 00:00 next day is after it.
  EXPECT_EQ(place(s, 0, t("2026-11-20 23:59:59"), kCst).placement, Placement::done);
  EXPECT_EQ(place(s, 0, t("2026-11-21 00:00"), kCst).placement, Placement::unscheduled);
  // With 30 minutes of grace, 00:10 on the next day is late for the 22:00 slot of the day before.
  const auto late = place(s, 30, t("2026-11-21 00:10"), kCst);
  EXPECT_EQ(late.placement, Placement::late);
  EXPECT_EQ(late.slot->start, t("2026-11-20 22:00"));
  EXPECT_EQ(place(s, 30, t("2026-11-21 00:30"), kCst).placement, Placement::unscheduled);

  const auto times = parsed({{"kind", "times"}, {"times", {"23:30"}}, {"slotMinutes", 60}});
  EXPECT_EQ(slots_on(times, day("2026-11-20"), kCst).at(0), (Slot{t("2026-11-20 23:30"), t("2026-11-21 00:00")}));
}

TEST(PatrolSchedule, ACheckAtTheSlotEndIsLateAndAtTheGraceEndIsNotInTheSlot) {
  // Two set times an hour long, 15 minutes of grace.
  const auto s = parsed({{"kind", "times"}, {"times", {"09:00", "15:00"}}, {"slotMinutes", 60}});
  const int grace = 15;
  EXPECT_EQ(place(s, grace, t("2026-11-20 08:59:59"), kCst).placement, Placement::unscheduled);
  auto p = place(s, grace, t("2026-11-20 09:00"), kCst);  // the start belongs to the slot
  EXPECT_EQ(p.placement, Placement::done);
  EXPECT_EQ(*p.slot, (Slot{t("2026-11-20 09:00"), t("2026-11-20 10:00")}));
  EXPECT_EQ(place(s, grace, t("2026-11-20 09:59:59"), kCst).placement, Placement::done);
  p = place(s, grace, t("2026-11-20 10:00"), kCst);  // exactly at the end: late
  EXPECT_EQ(p.placement, Placement::late);
  EXPECT_EQ(p.slot->start, t("2026-11-20 09:00"));
  EXPECT_EQ(place(s, grace, t("2026-11-20 10:14:59"), kCst).placement, Placement::late);
  EXPECT_EQ(place(s, grace, t("2026-11-20 10:15"), kCst).placement, Placement::unscheduled);
  // No grace: the end is already outside.
  EXPECT_EQ(place(s, 0, t("2026-11-20 10:00"), kCst).placement, Placement::unscheduled);
}

TEST(PatrolSchedule, BackToBackSlotsTakeTheCheckThatFallsInsideThem) {
  const auto s = parsed({{"kind", "interval"}, {"everyMinutes", 20}, {"windows", {{{"from", "08:00"}, {"to", "09:00"}}}}});
  auto p = place(s, 10, t("2026-11-20 08:25"), kCst);
  EXPECT_EQ(p.placement, Placement::done);
  EXPECT_EQ(p.slot->start, t("2026-11-20 08:20"));
  p = place(s, 10, t("2026-11-20 09:05"), kCst);  // after the window: late for the last slot
  EXPECT_EQ(p.placement, Placement::late);
  EXPECT_EQ(p.slot->start, t("2026-11-20 08:40"));
}

TEST(PatrolSchedule, SetTimesAreCutAtTheNextTime) {
  const auto s = parsed({{"kind", "times"}, {"times", {"08:30", "09:00", "21:00"}}, {"slotMinutes", 60}});
  const auto slots = slots_on(s, day("2026-11-20"), kCst);
  ASSERT_EQ(slots.size(), 3u);
  EXPECT_EQ(slots[0], (Slot{t("2026-11-20 08:30"), t("2026-11-20 09:00")}));
  EXPECT_EQ(slots[1], (Slot{t("2026-11-20 09:00"), t("2026-11-20 10:00")}));
  EXPECT_EQ(slots[2], (Slot{t("2026-11-20 21:00"), t("2026-11-20 22:00")}));
}

TEST(PatrolSchedule, WeekdaysRestrictTheDays) {
  const auto s = parsed({{"kind", "times"}, {"times", {"10:00"}}, {"slotMinutes", 30}, {"weekdays", {6, 7}}});
  EXPECT_TRUE(slots_on(s, day("2026-11-20"), kCst).empty());   // Friday
  EXPECT_EQ(slots_on(s, day("2026-11-21"), kCst).size(), 1u);  // Saturday
  EXPECT_EQ(slots_on(s, day("2026-11-22"), kCst).size(), 1u);  // Sunday
  EXPECT_TRUE(slots_on(s, day("2026-11-23"), kCst).empty());   // Monday
}

TEST(PatrolSchedule, AWeekWithoutWeekdayIsOneSlotFromMondayToMonday) {
  const auto s = parsed({{"kind", "weekly"}});
  EXPECT_TRUE(slots_on(s, day("2026-11-22"), kCst).empty());
  const auto slots = slots_on(s, day("2026-11-23"), kCst);
  ASSERT_EQ(slots.size(), 1u);
  EXPECT_EQ(slots[0], (Slot{t("2026-11-23 00:00"), t("2026-11-30 00:00")}));
  // A check on Sunday evening lands in that week's slot.
  auto p = place(s, 0, t("2026-11-29 23:00"), kCst);
  EXPECT_EQ(p.placement, Placement::done);
  EXPECT_EQ(p.slot->start, t("2026-11-23 00:00"));

  const auto wed = parsed({{"kind", "weekly"}, {"weekday", 3}, {"from", "09:00"}, {"to", "17:00"}});
  EXPECT_EQ(slots_on(wed, day("2026-11-25"), kCst).at(0), (Slot{t("2026-11-25 09:00"), t("2026-11-25 17:00")}));
  EXPECT_TRUE(slots_on(wed, day("2026-11-24"), kCst).empty());
}

TEST(PatrolSchedule, AMonthlyDayBeyondTheMonthIsItsLastDay) {
  const auto s = parsed({{"kind", "monthly"}, {"day", 31}});
  EXPECT_EQ(slots_on(s, day("2027-02-28"), kCst).at(0), (Slot{t("2027-02-28 00:00"), t("2027-03-01 00:00")}));
  EXPECT_TRUE(slots_on(s, day("2027-03-30"), kCst).empty());
  EXPECT_EQ(slots_on(s, day("2027-03-31"), kCst).size(), 1u);
  const auto whole = parsed({{"kind", "monthly"}});
  EXPECT_EQ(slots_on(whole, day("2026-11-01"), kCst).at(0), (Slot{t("2026-11-01 00:00"), t("2026-12-01 00:00")}));
  EXPECT_EQ(place(whole, 0, t("2026-11-30 12:00"), kCst).slot->start, t("2026-11-01 00:00"));
}

TEST(PatrolSchedule, SlotStatesAtTheirEdges) {
  const Slot slot{t("2026-11-20 09:00"), t("2026-11-20 10:00")};
  EXPECT_EQ(state_at(slot, 15, std::nullopt, t("2026-11-20 09:59:59")), SlotState::open);
  EXPECT_EQ(state_at(slot, 15, std::nullopt, t("2026-11-20 10:00")), SlotState::grace);
  EXPECT_EQ(state_at(slot, 15, std::nullopt, t("2026-11-20 10:14:59")), SlotState::grace);
  EXPECT_EQ(state_at(slot, 15, std::nullopt, t("2026-11-20 10:15")), SlotState::missed);
  EXPECT_EQ(state_at(slot, 0, std::nullopt, t("2026-11-20 10:00")), SlotState::missed);
  EXPECT_EQ(state_at(slot, 15, Placement::done, t("2026-11-20 09:10")), SlotState::done);
  EXPECT_EQ(state_at(slot, 15, Placement::late, t("2026-11-21 09:10")), SlotState::late);
}

TEST(PatrolSchedule, PoolPeriodsChangeAtOpeningNoonAndClosing) {
  const std::optional<int> opens = 9 * 60, closes = 21 * 60;
  EXPECT_EQ(period_at(opens, closes, 8 * 60 + 59), "closed");
  EXPECT_EQ(period_at(opens, closes, 9 * 60), "open_morning");
  EXPECT_EQ(period_at(opens, closes, 11 * 60 + 59), "open_morning");
  EXPECT_EQ(period_at(opens, closes, 12 * 60), "open_afternoon");
  EXPECT_EQ(period_at(opens, closes, 20 * 60 + 59), "open_afternoon");
  EXPECT_EQ(period_at(opens, closes, 21 * 60), "closed");
  EXPECT_EQ(period_at(std::nullopt, std::nullopt, 10 * 60), "closed");
}

TEST(PatrolSchedule, QuotaPeriodsAreTheDayOrTheShifts) {
  core::ErrorDetails errors;
  auto q = parse_quota({{"per", "shift"}, {"count", 4},
                        {"shifts", {{{"name", "早班"}, {"from", "08:00"}, {"to", "15:00"}},
                                    {{"name", "晚班"}, {"from", "15:00"}, {"to", "22:00"}}}}},
                       errors);
  ASSERT_TRUE(q) << nlohmann::json(errors).dump();
  auto periods = quota_periods(*q, day("2026-11-20"), kCst);
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[1].shift, "晚班");
  EXPECT_EQ(periods[1].from, t("2026-11-20 15:00"));
  EXPECT_EQ(periods[1].to, t("2026-11-20 22:00"));
  auto d = parse_quota({{"per", "day"}, {"count", 2}}, errors);
  periods = quota_periods(*d, day("2026-11-20"), kCst);
  ASSERT_EQ(periods.size(), 1u);
  EXPECT_EQ(periods[0].to - periods[0].from, 86400);
  EXPECT_EQ(quota_json(q)["shifts"][0]["to"], "15:00");
  core::ErrorDetails bad;
  EXPECT_FALSE(parse_quota({{"per", "shift"}, {"count", 0}, {"shifts", {{{"name", "a"}, {"from", "10:00"}, {"to", "10:00"}}}}}, bad));
  EXPECT_TRUE(bad.count("quota.count"));
  EXPECT_TRUE(bad.count("quota.shifts[0].to"));
}

// A night round from 22:00 to 06:00 every 2 hours: the window crosses midnight, its four slots
// belong to the day it starts on, and a check at 01:30 is the previous day's 00:00 slot.
TEST(PatrolSchedule, ANightWindowCrossesMidnightAndBelongsToTheDayItStarts) {
  const nlohmann::json j{{"kind", "interval"}, {"everyMinutes", 120}, {"windows", {{{"from", "22:00"}, {"to", "06:00"}}}}};
  const auto s = parsed(j);
  EXPECT_EQ(schedule_json(s), j);  // shown as entered
  const auto slots = slots_on(s, day("2026-11-20"), kCst);
  ASSERT_EQ(slots.size(), 4u);
  EXPECT_EQ(slots[0], (Slot{t("2026-11-20 22:00"), t("2026-11-21 00:00")}));
  EXPECT_EQ(slots[1], (Slot{t("2026-11-21 00:00"), t("2026-11-21 02:00")}));
  EXPECT_EQ(slots[3], (Slot{t("2026-11-21 04:00"), t("2026-11-21 06:00")}));
  // The 21st's own slots start at 22:00 of the 21st: nothing of the night before is counted twice.
  EXPECT_EQ(slots_on(s, day("2026-11-21"), kCst).front().start, t("2026-11-21 22:00"));

  auto p = place(s, 15, t("2026-11-21 01:30"), kCst);
  EXPECT_EQ(p.placement, Placement::done);
  EXPECT_EQ(*p.slot, slots[1]);
  EXPECT_EQ(local_day_of(p.slot->start, kCst), day("2026-11-21"));  // the instant is on the 21st...
  p = place(s, 15, t("2026-11-21 06:10"), kCst);                     // ...the slot is the 20th's
  EXPECT_EQ(p.placement, Placement::late);
  EXPECT_EQ(*p.slot, slots[3]);
  EXPECT_EQ(place(s, 15, t("2026-11-21 06:15"), kCst).placement, Placement::unscheduled);
  EXPECT_EQ(place(s, 15, t("2026-11-21 12:00"), kCst).placement, Placement::unscheduled);

  // With weekdays, the day the window starts decides: a Friday-only night round runs Friday
  // 22:00 to Saturday 06:00, and Thursday's night is not due.
  const auto fri = parsed({{"kind", "interval"}, {"everyMinutes", 120}, {"weekdays", {5}},
                           {"windows", {{{"from", "22:00"}, {"to", "06:00"}}}}});
  EXPECT_EQ(slots_on(fri, day("2026-11-20"), kCst).size(), 4u);
  EXPECT_TRUE(slots_on(fri, day("2026-11-19"), kCst).empty());
  EXPECT_EQ(place(fri, 0, t("2026-11-21 05:59"), kCst).placement, Placement::done);
  EXPECT_EQ(place(fri, 0, t("2026-11-20 05:59"), kCst).placement, Placement::unscheduled);

  // A night window must not run into the next day's first window.
  auto e = problems({{"kind", "interval"}, {"everyMinutes", 60},
                     {"windows", {{{"from", "05:00"}, {"to", "08:00"}}, {{"from", "22:00"}, {"to", "06:00"}}}}});
  EXPECT_TRUE(e.count("schedule.windows"));
  parsed({{"kind", "interval"}, {"everyMinutes", 60},
          {"windows", {{{"from", "06:00"}, {"to", "08:00"}}, {{"from", "22:00"}, {"to", "06:00"}}}}});
}

TEST(PatrolSchedule, ANightShiftCrossesMidnight) {
  core::ErrorDetails errors;
  auto q = parse_quota({{"per", "shift"}, {"count", 4},
                        {"shifts", {{{"name", "白班"}, {"from", "08:00"}, {"to", "20:00"}},
                                    {{"name", "夜班"}, {"from", "20:00"}, {"to", "08:00"}}}}},
                       errors);
  ASSERT_TRUE(q) << nlohmann::json(errors).dump();
  const auto periods = quota_periods(*q, day("2026-11-20"), kCst);
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[1].from, t("2026-11-20 20:00"));
  EXPECT_EQ(periods[1].to, t("2026-11-21 08:00"));
  EXPECT_EQ(quota_json(q)["shifts"][1]["to"], "08:00");
  core::ErrorDetails bad;
  EXPECT_FALSE(parse_quota({{"per", "shift"}, {"count", 1},
                            {"shifts", {{{"name", "白班"}, {"from", "07:00"}, {"to", "20:00"}},
                                        {{"name", "夜班"}, {"from", "20:00"}, {"to", "08:00"}}}}},
                           bad));
  EXPECT_TRUE(bad.count("quota.shifts"));
}

TEST(PatrolSchedule, OpeningHoursMayCrossMidnight) {
  const std::optional<int> opens = 18 * 60, closes = 2 * 60;
  EXPECT_EQ(period_at(opens, closes, 17 * 60 + 59), "closed");
  EXPECT_EQ(period_at(opens, closes, 18 * 60), "open_afternoon");
  EXPECT_EQ(period_at(opens, closes, 1 * 60 + 59), "open_morning");
  EXPECT_EQ(period_at(opens, closes, 2 * 60), "closed");
}

TEST(PatrolSchedule, ValuesAreScaledByTheMetricsDecimals) {
  EXPECT_EQ(scale_value(0.6, 2), 60);
  EXPECT_EQ(scale_value(0.55, 2), 55);
  EXPECT_EQ(scale_value(7.2, 1), 72);
  EXPECT_EQ(scale_value(26.5, 1), 265);
  EXPECT_EQ(scale_value(-1.5, 1), -15);
  EXPECT_FALSE(scale_value(0.555, 2));
  EXPECT_FALSE(scale_value(7.25, 1));
  EXPECT_DOUBLE_EQ(unscale(55, 2), 0.55);
}

TEST(PatrolSchedule, BadSchedulesNameTheField) {
  auto e = problems({{"kind", "interval"}, {"everyMinutes", 3}, {"windows", {{{"from", "10:00"}, {"to", "10:00"}}}}});
  EXPECT_TRUE(e.count("schedule.everyMinutes"));
  EXPECT_TRUE(e.count("schedule.windows[0].to"));
  e = problems({{"kind", "interval"}, {"everyMinutes", 30},
                {"windows", {{{"from", "08:00"}, {"to", "12:00"}}, {{"from", "11:00"}, {"to", "13:00"}}}}});
  EXPECT_TRUE(e.count("schedule.windows"));
  e = problems({{"kind", "interval"}, {"everyMinutes", 30}, {"windows", {{{"from", "24:00"}, {"to", "24:00"}}}}});
  EXPECT_TRUE(e.count("schedule.windows[0].from"));
  e = problems({{"kind", "times"}, {"times", {"10:00", "09:00"}}, {"slotMinutes", 30}, {"every", 3}});
  EXPECT_TRUE(e.count("schedule.times"));
  EXPECT_TRUE(e.count("schedule.every"));
  e = problems({{"kind", "daily"}});
  EXPECT_TRUE(e.count("schedule.kind"));
  e = problems({{"kind", "weekly"}, {"weekday", 8}});
  EXPECT_TRUE(e.count("schedule.weekday"));
  e = problems({{"kind", "interval"}, {"everyMinutes", 30}, {"windows", {{{"from", "08:00"}, {"to", "09:00"}}}}, {"weekdays", {0}}});
  EXPECT_TRUE(e.count("schedule.weekdays"));
  // What the API shows comes back the same.
  const nlohmann::json j{{"kind", "interval"}, {"everyMinutes", 20},
                         {"windows", {{{"from", "08:00"}, {"to", "24:00"}}}}, {"weekdays", {1, 2, 3}}};
  EXPECT_EQ(schedule_json(parsed(j)), j);
}

}  // namespace
}  // namespace steward::patrols
