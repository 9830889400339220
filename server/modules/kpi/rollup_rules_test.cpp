#include "modules/kpi/rollup_rules.hpp"

#include <gtest/gtest.h>

#include "core/time.hpp"

namespace steward::kpi {
namespace {

std::int64_t at(const std::string& local) { return *core::parse_iso8601(local + "+08:00"); }

std::int64_t daily(const Contributions& c, const std::string& day, const std::string& metric,
                   const std::string& category = "") {
  auto it = c.daily.find({day, metric, category});
  return it == c.daily.end() ? 0 : it->second;
}

OrderFacts late_night_complaint() {
  OrderFacts o;
  o.kind = "complaint";
  o.category = "noise";
  o.status = "dispatched";
  o.reported_at = at("2026-11-30T23:30:00");  // 15:30 UTC: still November in +08:00
  o.clocks = {{"handle", o.reported_at, o.reported_at + 12 * 3600, at("2026-12-01T08:00:00"), false},
              {"handover", o.reported_at, o.reported_at + 24 * 3600, at("2026-12-01T08:00:00"), false},
              {"resolve", o.reported_at, at("2026-12-07T18:00:00"), std::nullopt, false}};
  return o;
}

TEST(KpiRollupRules, ClocksCountOnTheLocalDayTheyStarted) {
  const auto c = contributions(late_night_complaint());
  EXPECT_EQ(daily(c, "2026-11-30", "registered"), 1);
  EXPECT_EQ(daily(c, "2026-11-30", "complaint", "noise"), 1);
  EXPECT_EQ(daily(c, "2026-11-30", "handover.on_time"), 1);
  EXPECT_EQ(daily(c, "2026-11-30", "handle.on_time"), 1);
  EXPECT_EQ(daily(c, "2026-12-01", "handover.on_time"), 0);
  EXPECT_EQ(c.status.at({"complaint", "dispatched"}), 1);
}

TEST(KpiRollupRules, ALateClockCountsLateAndAnOpenOneNotAtAll) {
  OrderFacts o = late_night_complaint();
  o.clocks[1].done_at = o.reported_at + 24 * 3600 + 1;  // one second late
  const auto c = contributions(o);
  EXPECT_EQ(daily(c, "2026-11-30", "handover.late"), 1);
  EXPECT_EQ(daily(c, "2026-11-30", "handover.on_time"), 0);
  EXPECT_EQ(daily(c, "2026-11-30", "complaint.handled"), 0);  // resolve still open
}

TEST(KpiRollupRules, AComplaintClosedAsNotValidLeavesTheHandledCount) {
  OrderFacts o = late_night_complaint();
  o.status = "completed";
  o.completed_at = at("2026-12-02T10:00:00");
  EXPECT_EQ(daily(contributions(o), "2026-11-30", "complaint.handled"), 1);
  OrderFacts closed = o;
  closed.status = "closed";
  closed.valid = false;
  const auto d = difference(contributions(closed), contributions(o));
  EXPECT_EQ(daily(d, "2026-11-30", "complaint.handled"), -1);
  EXPECT_EQ(d.status.at({"complaint", "completed"}), -1);
  EXPECT_EQ(d.status.at({"complaint", "closed"}), 1);
  EXPECT_EQ(d.daily.count({"2026-11-30", "registered", ""}), 0u);  // unchanged: not in the difference
}

TEST(KpiRollupRules, AReturnVisitCountsSatisfactionAndTheCustomerOnTheVisitDay) {
  OrderFacts o;
  o.kind = "repair";
  o.category = "water";
  o.status = "visited";
  o.reported_at = at("2026-11-28T09:00:00");
  o.visited_at = at("2026-12-01T00:10:00");  // 30 Nov 16:10 UTC: 1 December locally
  o.satisfaction = "satisfied";
  o.customer_id = 42;
  const auto c = contributions(o);
  EXPECT_EQ(daily(c, "2026-12-01", "satisfaction.rated"), 1);
  EXPECT_EQ(daily(c, "2026-12-01", "satisfaction.satisfied"), 1);
  EXPECT_EQ(c.customers.at({"2026-12", 42}), 1);
  o.satisfaction = "neutral";
  EXPECT_EQ(daily(contributions(o), "2026-12-01", "satisfaction.satisfied"), 0);
}

TEST(KpiRollupRules, ACancelledComplaintLeavesThePareto) {
  OrderFacts o = late_night_complaint();
  o.status = "cancelled";
  const auto c = contributions(o);
  EXPECT_EQ(daily(c, "2026-11-30", "complaint", "noise"), 0);
  EXPECT_EQ(daily(c, "2026-11-30", "registered"), 1);
}

}  // namespace
}  // namespace steward::kpi
