// Coverage (P2): done / due over decided slot-checkpoints, per plan, person, checkpoint and day;
// the missed slots; what is due now for a user.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/error.hpp"
#include "modules/patrols/patrol_repo.hpp"
#include "modules/patrols/patrol_service.hpp"
#include "modules/patrols/slots.hpp"

namespace steward::patrols {
namespace {

using ll = long long;

struct Range {
  std::int64_t project = 0, from = 0, to = 0;
  std::optional<std::int64_t> plan;
};

Range read_range(const core::Actor& actor, const core::Params& q) {
  core::ErrorDetails errors;
  Range r;
  const auto project = q.id("projectId");
  if (!project) errors.emplace("projectId", "is required");
  const auto from = q.text("from"), to = q.text("to");
  const auto f = parse_day(from.value_or(""));
  const auto t = parse_day(to.value_or(""));
  if (!f) errors.emplace("from", "is required: a date YYYY-MM-DD");
  if (!t) errors.emplace("to", "is required: a date YYYY-MM-DD");
  if (f && t && *t < *f) errors.emplace("to", "must not be before from");
  if (f && t && *t - *f > 62) errors.emplace("to", "must be at most 62 days after from");
  r.plan = q.id("planId");
  if (!errors.empty()) core::throw_invalid("invalid query", errors);
  if (!actor.sees_project(*project)) core::throw_not_found("project");
  r.project = *project;
  r.from = *f;
  r.to = *t;
  return r;
}

std::vector<repo::Plan> plans_of(db::Session& s, const Range& r) {
  if (!db::Query(s, "SELECT id FROM project WHERE id = :p").bind("p", (ll)r.project).one())
    core::throw_not_found("project");
  std::string where = " AND pl.project_id = " + std::to_string(r.project);
  if (r.plan) where += " AND pl.id = " + std::to_string(*r.plan);
  return repo::active_plans(s, where);
}

}  // namespace

nlohmann::json PatrolService::coverage(const core::Actor& actor, const core::Params& q) const {
  core::require(actor, "patrol.read");
  const auto range = read_range(actor, q);
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    Tally total;
    std::map<std::int64_t, std::pair<std::string, Tally>> by_plan, by_cp, by_person;
    std::map<std::int64_t, Tally> by_day;
    std::map<std::pair<std::int64_t, std::int64_t>, Tally> by_plan_day;
    for (const auto& plan : plans_of(s, range))
      for (const auto& sc : evaluate(s, plan, range.from, range.to, now)) {
        total.add(sc.state);
        auto& p = by_plan[sc.plan_id];
        p.first = sc.plan_name;
        p.second.add(sc.state);
        auto& c = by_cp[sc.checkpoint_id];
        c.first = sc.checkpoint_name;
        c.second.add(sc.state);
        by_day[sc.day].add(sc.state);
        by_plan_day[{sc.plan_id, sc.day}].add(sc.state);
        if ((sc.state == SlotState::done || sc.state == SlotState::late) && sc.user_id) {
          auto& person = by_person[*sc.user_id];
          person.first = sc.done_by;
          person.second.add(sc.state);
        } else if (sc.state == SlotState::missed && sc.assignee_kind == "person" && sc.assignee_user_id) {
          auto& person = by_person[*sc.assignee_user_id];
          if (person.first.empty()) person.first = sc.assignee_user_name;
          person.second.add(sc.state);
        }
      }
    auto named = [](const auto& map, const char* id_key, const char* name_key) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& [id, v] : map) {
        auto j = v.second.json();
        j[id_key] = id;
        j[name_key] = v.first;
        out.push_back(j);
      }
      return out;
    };
    nlohmann::json days = nlohmann::json::array(), plan_days = nlohmann::json::array();
    for (const auto& [d, t] : by_day) {
      auto j = t.json();
      j["date"] = format_day(d);
      days.push_back(j);
    }
    for (const auto& [k, t] : by_plan_day) {
      auto j = t.json();
      j["planId"] = k.first;
      j["date"] = format_day(k.second);
      plan_days.push_back(j);
    }
    return nlohmann::json{{"from", format_day(range.from)},
                          {"to", format_day(range.to)},
                          {"totals", total.json()},
                          {"byPlan", named(by_plan, "planId", "planName")},
                          {"byCheckpoint", named(by_cp, "checkpointId", "checkpointName")},
                          {"byDay", days},
                          {"byPlanDay", plan_days},
                          {"byPerson", named(by_person, "userId", "name")}};
  });
}

nlohmann::json PatrolService::missed(const core::Actor& actor, const core::Params& q) const {
  core::require(actor, "patrol.read");
  const auto range = read_range(actor, q);
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    std::vector<SlotCp> all;
    for (const auto& plan : plans_of(s, range))
      for (auto& sc : evaluate(s, plan, range.from, range.to, now))
        if (sc.state == SlotState::missed) all.push_back(std::move(sc));
    std::stable_sort(all.begin(), all.end(), [](const SlotCp& a, const SlotCp& b) { return a.slot.start < b.slot.start; });
    nlohmann::json items = nlohmann::json::array();
    for (const auto& sc : all) items.push_back(slot_json(sc));
    return nlohmann::json{{"items", items}};
  });
}

nlohmann::json PatrolService::due_now(const core::Actor& actor) const {
  core::require(actor, "patrol.perform");
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    std::vector<SlotCp> all;
    int offset = 8 * 3600;
    for (const auto& plan : repo::active_plans(s, repo::in_projects(actor, "pl.project_id"))) {
      if (!repo::assigned_to(s, plan, actor)) continue;
      offset = plan.offset();
      for (auto& sc : open_slots(s, plan, now)) all.push_back(std::move(sc));
    }
    // What is left to do first, the soonest to close first.
    auto rank = [](SlotState st) { return st == SlotState::open || st == SlotState::grace ? 0 : 1; };
    std::stable_sort(all.begin(), all.end(), [&](const SlotCp& a, const SlotCp& b) {
      if (rank(a.state) != rank(b.state)) return rank(a.state) < rank(b.state);
      return a.slot.end < b.slot.end;
    });
    nlohmann::json items = nlohmann::json::array();
    for (const auto& sc : all) items.push_back(slot_json(sc));
    return nlohmann::json{{"now", repo::iso(now, offset)}, {"items", items}};
  });
}

}  // namespace steward::patrols
