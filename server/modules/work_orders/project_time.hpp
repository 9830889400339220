#pragma once
// A project's working time: its working hours on the official calendar.
#include "modules/calendar/working_calendar.hpp"
#include "modules/work_orders/clocks.hpp"

namespace steward::work_orders {

class ProjectTime final : public WorkTime {
 public:
  ProjectTime(const calendar::WorkingCalendar& calendar, calendar::WorkingHours hours)
      : calendar_(calendar), hours_(hours) {}
  std::int64_t add(std::int64_t start, std::int64_t seconds) const override {
    return calendar_.add_working_seconds(start, seconds, hours_);
  }
  std::int64_t between(std::int64_t from, std::int64_t to) const override {
    return calendar_.working_seconds_between(from, to, hours_);
  }
  std::int64_t day_seconds() const override { return hours_.day_seconds(); }
  const calendar::WorkingHours& hours() const { return hours_; }

 private:
  const calendar::WorkingCalendar& calendar_;
  calendar::WorkingHours hours_;
};

}  // namespace steward::work_orders
