#include "modules/patrols/dashboard_figures.hpp"

#include <map>

#include "modules/patrols/patrol_repo.hpp"
#include "modules/patrols/slots.hpp"

namespace steward::patrols::figures {

using ll = long long;

namespace {

constexpr int kAlarmsListed = 5;

struct Periods {
  Tally today, days7, days30;
  nlohmann::json json() const {
    return {{"today", today.json()}, {"days7", days7.json()}, {"days30", days30.json()}};
  }
};

}  // namespace

nlohmann::json dashboard(db::Session& s, std::int64_t project_id, std::int64_t now) {
  const int offset = repo::offset_of(s, project_id);
  const auto today = local_day_of(now, offset);
  Periods total;
  nlohmann::json by_plan = nlohmann::json::array();
  for (const auto& plan : repo::active_plans(s, " AND pl.project_id = " + std::to_string(project_id))) {
    Periods p;
    for (const auto& sc : evaluate(s, plan, today - 29, today, now)) {
      for (auto* t : {&p.days30, &total.days30}) t->add(sc.state);
      if (sc.day >= today - 6)
        for (auto* t : {&p.days7, &total.days7}) t->add(sc.state);
      if (sc.day == today)
        for (auto* t : {&p.today, &total.today}) t->add(sc.state);
    }
    auto j = p.json();
    j["planId"] = plan.id();
    j["planName"] = plan.row.str("name");
    by_plan.push_back(j);
  }
  const auto open = db::Query(s, "SELECT COUNT(*) FROM patrol_alarm WHERE project_id = :p AND status = 'open'")
                        .bind("p", (ll)project_id)
                        .scalar();
  nlohmann::json latest = nlohmann::json::array();
  for (const auto& r : db::Query(s,
                                 "SELECT a.id, a.raised_at, a.value_scaled, a.last_treated_at, c.name AS checkpoint_name, "
                                 "m.name AS metric_name, m.unit, m.decimals FROM patrol_alarm a JOIN patrol_checkpoint c "
                                 "ON c.id = a.checkpoint_id JOIN patrol_metric m ON m.id = a.metric_id WHERE "
                                 "a.project_id = :p AND a.status = 'open' ORDER BY a.raised_at DESC LIMIT " +
                                     std::to_string(kAlarmsListed))
                           .bind("p", (ll)project_id)
                           .all())
    latest.push_back({{"id", r.i64("id")},
                      {"checkpointName", r.str("checkpoint_name")},
                      {"metricName", r.str("metric_name")},
                      {"unit", r.str("unit")},
                      {"value", repo::value_json(r.i64("value_scaled"), static_cast<int>(r.i64("decimals")))},
                      {"raisedAt", repo::iso(r.i64("raised_at"), offset)},
                      {"treated", !r.is_null("last_treated_at")}});
  auto coverage = total.json();
  coverage["today"]["from"] = coverage["today"]["to"] = format_day(today);
  coverage["days7"]["from"] = format_day(today - 6);
  coverage["days7"]["to"] = coverage["days30"]["to"] = format_day(today);
  coverage["days30"]["from"] = format_day(today - 29);
  return {{"coverage", coverage}, {"byPlan", by_plan}, {"openAlarms", {{"count", open}, {"latest", latest}}}};
}

}  // namespace steward::patrols::figures
