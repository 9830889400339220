#pragma once
// The company's working-day calendar (DOMAIN W4): the official holidays and make-up working days
// (table calendar_day, company-wide), kept in memory as an immutable WorkingCalendar snapshot.
//
// Other modules read calendar() to count deadlines in working time, and register on_change() to
// be told when an administrator replaces a year (the work-order module recomputes the deadlines
// of open orders then).
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <shared_mutex>
#include <vector>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "db/database.hpp"
#include "modules/calendar/working_calendar.hpp"

namespace steward::calendar {

class CalendarService {
 public:
  static constexpr int kMinYear = 2000, kMaxYear = 2100;

  CalendarService(db::Database& db, const core::Clock& clock);  // loads the calendar

  // The calendar as it is now: an immutable snapshot, cheap to take, safe to keep and share.
  std::shared_ptr<const WorkingCalendar> calendar() const;

  // {"year", "days": [{"date", "working", "note"}] (the overrides), "workingDays"}: any user.
  nlohmann::json year(const core::Actor& actor, int year) const;
  // Replaces the year's overrides with body {"days": [...]} in one transaction with one audit
  // row (entity "calendar_year"), then reloads and tells the listeners (calendar.manage).
  // Answers the year as year() does. A body equal to what is stored changes nothing.
  nlohmann::json replace_year(const core::Context& ctx, int year, const nlohmann::json& body);

  // Called after every change, once the new calendar is in place, on the changing thread. A
  // listener that throws is logged and does not undo the change. Register at start-up.
  void on_change(std::function<void()> listener);

  // Re-reads the table (after a change; also for a process that shares the database).
  void reload();

 private:
  void notify();
  db::Database& db_;
  const core::Clock& clock_;
  mutable std::shared_mutex mutex_;  // guards current_
  std::shared_ptr<const WorkingCalendar> current_;
  std::mutex reload_mutex_;  // one reload at a time: a slow reader never installs stale data
  std::mutex listeners_mutex_;
  std::vector<std::function<void()>> listeners_;
};

}  // namespace steward::calendar
