#include "modules/calendar/working_calendar.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "core/time.hpp"

namespace steward::calendar {
namespace {

// The official 2026 calendar (State Council notice): weekdays off and weekend days worked.
WorkingCalendar official_2026() {
  std::map<Date, bool> days;
  for (const char* d : {"2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18",
                        "2026-02-19", "2026-02-20", "2026-02-23", "2026-04-06", "2026-05-01",
                        "2026-05-04", "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-01",
                        "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"})
    days[*parse_date(d)] = false;
  for (const char* d :
       {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
    days[*parse_date(d)] = true;
  return WorkingCalendar(days);
}

std::int64_t at(const std::string& local) {  // "2026-09-30 17:00" in Asia/Shanghai
  auto t = core::parse_iso8601(local.substr(0, 10) + "T" + local.substr(11) + ":00+08:00");
  EXPECT_TRUE(t) << local;
  return t.value_or(0);
}

std::string local(std::int64_t t) {  // "2026-10-09 17:00" in Asia/Shanghai
  auto text = core::format_iso8601(t).substr(0, 16);
  text[10] = ' ';
  return text;
}

const WorkingHours kNineToSix{9 * 60, 18 * 60, 8 * 3600};
const WorkingHours kHalfEightToHalfFive{8 * 60 + 30, 17 * 60 + 30, 8 * 3600};

TEST(WorkingCalendar, DatesParseAndFormatStrictly) {
  ASSERT_TRUE(parse_date("2026-02-28"));
  EXPECT_EQ(format_date(*parse_date("2026-02-28")), "2026-02-28");
  EXPECT_EQ(format_date(make_date(2027, 1, 1)), "2027-01-01");
  EXPECT_EQ(year_of(*parse_date("2028-02-29")), 2028);
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-1-01", "2026/01/01", "",
                          "2026-01-01 ", "0000-01-01", "2026-00-10", "2026-01-32"})
    EXPECT_FALSE(parse_date(bad)) << bad;
}

TEST(WorkingCalendar, WeekdaysWorkWeekendsRestUnlessOverridden) {
  const auto cal = official_2026();
  struct Case {
    const char* date;
    bool working;
  };
  for (const Case& c : std::vector<Case>{{"2026-09-30", true},    // Wed
                                         {"2026-10-01", false},   // Thu, 国庆节
                                         {"2026-10-03", false},   // Sat
                                         {"2026-10-10", true},    // Sat, 调休上班
                                         {"2026-10-11", false},   // Sun
                                         {"2026-02-14", true},    // Sat, 调休上班
                                         {"2026-11-23", true}})   // Mon
    EXPECT_EQ(cal.is_working_day(*parse_date(c.date)), c.working) << c.date;
  EXPECT_FALSE(WorkingCalendar().is_working_day(*parse_date("2026-10-10")));
  EXPECT_TRUE(WorkingCalendar().is_working_day(*parse_date("2026-10-01")));
}

TEST(WorkingCalendar, CountsWorkingDaysOfAYear) {
  // 365 days - 104 weekend days - 19 weekday holidays + 6 make-up days.
  EXPECT_EQ(official_2026().working_days_in_year(2026), 365 - 104 - 19 + 6);
  EXPECT_EQ(WorkingCalendar().working_days_in_year(2028), 260);  // leap year, starts on Sat
}

struct AddCase {
  const char* name;
  const char* start;  // local time, Asia/Shanghai
  int working_days;
  const WorkingHours* hours;
  const char* expected;
};

TEST(WorkingCalendar, AddsWorkingDays) {
  const auto cal = official_2026();
  const std::vector<AddCase> cases = {
      // The examples. (+24 calendar hours would be 2026-10-01 17:00, a holiday.)
      {"complaint before National Day", "2026-09-30 17:00", 2, &kNineToSix, "2026-10-09 17:00"},
      {"into a make-up Saturday", "2026-10-09 17:30", 1, &kNineToSix, "2026-10-10 17:30"},
      {"Sunday morning ends at 18:00", "2026-10-11 08:00", 1, &kNineToSix, "2026-10-12 18:00"},
      {"eve of Spring Festival", "2026-02-13 17:00", 1, &kNineToSix, "2026-02-14 17:00"},
      {"after the make-up Saturday", "2026-02-14 17:00", 1, &kNineToSix, "2026-02-24 17:00"},
      {"exactly 18:00 starts next period", "2026-11-23 18:00", 1, &kNineToSix, "2026-11-24 18:00"},
      {"late evening", "2026-11-23 23:59", 1, &kNineToSix, "2026-11-24 18:00"},
      {"before 09:00 starts at 09:00", "2026-11-24 07:15", 1, &kNineToSix, "2026-11-24 18:00"},
      {"exactly 09:00", "2026-11-24 09:00", 1, &kNineToSix, "2026-11-24 18:00"},
      {"ends exactly at 18:00 of day 3", "2026-11-23 09:00", 3, &kNineToSix, "2026-11-25 18:00"},
      {"Friday evening over a weekend", "2026-11-27 18:30", 1, &kNineToSix, "2026-11-30 18:00"},
      {"zero days", "2026-11-23 20:00", 0, &kNineToSix, "2026-11-23 20:00"},
      {"08:30-17:30 project", "2026-09-30 17:00", 2, &kHalfEightToHalfFive, "2026-10-09 17:00"},
      {"08:30-17:30 before opening", "2026-11-23 08:00", 1, &kHalfEightToHalfFive,
       "2026-11-23 17:30"},
      {"08:30-17:30 at 17:30", "2026-11-23 17:30", 1, &kHalfEightToHalfFive, "2026-11-24 17:30"},
      {"New Year", "2025-12-31 12:00", 1, &kNineToSix, "2026-01-04 12:00"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(local(cal.add_working_days(at(c.start), c.working_days, *c.hours)), c.expected)
        << c.name;
}

TEST(WorkingCalendar, AddsWorkingSeconds) {
  const auto cal = official_2026();
  EXPECT_EQ(local(cal.add_working_seconds(at("2026-09-30 17:00"), 3600, kNineToSix)),
            "2026-09-30 18:00");  // ends at the end of the period, not 2026-10-08 09:00
  EXPECT_EQ(local(cal.add_working_seconds(at("2026-09-30 17:00"), 3601, kNineToSix)),
            "2026-10-08 09:00");
  EXPECT_EQ(cal.add_working_seconds(at("2026-09-30 17:00"), 3601, kNineToSix),
            at("2026-10-08 09:00") + 1);
  EXPECT_EQ(local(cal.add_working_seconds(at("2026-10-01 10:00"), 60, kNineToSix)),
            "2026-10-08 09:01");
}

TEST(WorkingCalendar, WorksInOtherZones) {
  const WorkingHours utc{9 * 60, 18 * 60, 0};
  // 2026-11-23 09:00 UTC is 17:00 in Shanghai: the start of a London-style day, the last hour
  // of a Shanghai one.
  const auto start = *core::parse_iso8601("2026-11-23T09:00:00Z");
  EXPECT_EQ(WorkingCalendar().add_working_days(start, 1, utc),
            *core::parse_iso8601("2026-11-23T18:00:00Z"));
  EXPECT_EQ(WorkingCalendar().add_working_days(start, 1, kNineToSix), at("2026-11-24 17:00"));
  // Saturday 2026-11-28 07:00 in Shanghai is still Friday 23:00 UTC.
  const auto friday_utc = *core::parse_iso8601("2026-11-27T23:00:00Z");
  EXPECT_EQ(WorkingCalendar().add_working_seconds(friday_utc, 3600, utc),
            *core::parse_iso8601("2026-11-30T10:00:00Z"));
  EXPECT_EQ(local(WorkingCalendar().add_working_seconds(friday_utc, 3600, kNineToSix)),
            "2026-11-30 10:00");
}

struct BetweenCase {
  const char* name;
  const char* from;
  const char* to;
  std::int64_t seconds;
};

TEST(WorkingCalendar, MeasuresWorkingTimeBetweenInstants) {
  const auto cal = official_2026();
  const std::vector<BetweenCase> cases = {
      {"across National Day", "2026-09-30 17:00", "2026-10-09 17:00", 18 * 3600},
      {"inside the holiday", "2026-10-01 00:00", "2026-10-07 23:59", 0},
      {"across Spring Festival", "2026-02-13 12:00", "2026-02-24 10:00",
       (6 + 9 + 1) * 3600},  // Fri 12-18, make-up Sat 14th, Tue 24th 9-10
      {"one working day", "2026-11-23 00:00", "2026-11-24 00:00", 9 * 3600},
      {"within a period", "2026-11-23 10:00", "2026-11-23 10:30", 1800},
      {"evening only", "2026-11-23 18:00", "2026-11-24 09:00", 0},
      {"backwards", "2026-11-24 10:00", "2026-11-23 10:00", 0},
      {"a normal week", "2026-11-23 00:00", "2026-11-30 00:00", 5 * 9 * 3600},
  };
  for (const auto& c : cases)
    EXPECT_EQ(cal.working_seconds_between(at(c.from), at(c.to), kNineToSix), c.seconds) << c.name;
  EXPECT_EQ(cal.working_seconds_between(at("2026-11-23 08:00"), at("2026-11-23 18:00"),
                                        kHalfEightToHalfFive),
            9 * 3600);
}

TEST(WorkingCalendar, AddAndBetweenAgree) {
  const auto cal = official_2026();
  for (const char* start : {"2026-09-30 17:00", "2026-02-13 17:00", "2026-10-11 08:00"})
    for (int n = 1; n <= 12; ++n) {
      const auto end = cal.add_working_days(at(start), n, kNineToSix);
      EXPECT_EQ(cal.working_seconds_between(at(start), end, kNineToSix), n * 9 * 3600)
          << start << " + " << n;
    }
}

TEST(WorkingCalendar, RefusesNonsenseInsteadOfHanging) {
  std::map<Date, bool> none;
  for (Date d = make_date(2026, 1, 1); d < make_date(2031, 1, 1); d += std::chrono::days{1})
    if (!is_weekend(d)) none[d] = false;
  const WorkingCalendar idle(none);
  EXPECT_THROW(idle.add_working_days(at("2026-11-23 10:00"), 1, kNineToSix), CalendarExhausted);
  EXPECT_EQ(idle.working_seconds_between(at("2026-01-01 00:00"), at("2027-01-01 00:00"),
                                         kNineToSix),
            0);
  const WorkingCalendar cal;
  EXPECT_THROW(cal.add_working_days(at("2026-11-23 10:00"), -1, kNineToSix),
               std::invalid_argument);
  EXPECT_THROW(cal.add_working_days(at("2026-11-23 10:00"), 1, {18 * 60, 9 * 60, 8 * 3600}),
               std::invalid_argument);
  EXPECT_THROW(cal.working_seconds_between(0, 200LL * 366 * 86400, kNineToSix),
               std::invalid_argument);
  EXPECT_THROW(cal.add_working_days(at("2026-11-23 10:00"), 5000, kNineToSix), CalendarExhausted);
}

}  // namespace
}  // namespace steward::calendar
