#include "modules/patrols/slots.hpp"

#include <cmath>
#include <map>
#include <tuple>

namespace steward::patrols {
namespace {
using ll = long long;

int lookback_days(const Schedule& s) {
  return s.kind == Schedule::Kind::weekly ? 7 : s.kind == Schedule::Kind::monthly ? 31 : 1;
}

}  // namespace

std::vector<SlotCp> evaluate(db::Session& s, const repo::Plan& plan, std::int64_t from_day,
                             std::int64_t to_day, std::int64_t now,
                             std::optional<std::int64_t> checkpoint) {
  std::vector<SlotCp> out;
  if (plan.checkpoints.empty()) return out;
  const int offset = plan.offset();
  struct Best {
    Placement placement;
    std::int64_t check_id;
    std::optional<std::int64_t> user_id;
    std::string name;
  };
  std::vector<std::pair<std::int64_t, Slot>> slots;
  for (std::int64_t d = from_day; d <= to_day; ++d)
    for (const auto& slot : slots_on(plan.schedule, d, offset))
      if (plan.due(slot)) slots.push_back({d, slot});
  if (slots.empty()) return out;
  // The checks placed in these slots: done ones win over late ones, then the earliest.
  std::map<std::pair<std::int64_t, std::int64_t>, Best> best;  // (checkpoint, slot start)
  for (const auto& r : db::Query(s,
                                 "SELECT id, checkpoint_id, slot_start, placement, user_id, "
                                 "user_name FROM patrol_check WHERE plan_id = :p AND slot_start "
                                 ">= :a AND slot_start <= :b AND placement <> 'unscheduled' ORDER "
                                 "BY made_at, id")
                           .bind("p", (ll)plan.id())
                           .bind("a", (ll)slots.front().second.start)
                           .bind("b", (ll)slots.back().second.start)
                           .all()) {
    const auto key = std::make_pair(r.i64("checkpoint_id"), r.i64("slot_start"));
    const auto placement = r.str("placement") == "done" ? Placement::done : Placement::late;
    auto it = best.find(key);
    if (it == best.end() || (it->second.placement == Placement::late && placement == Placement::done))
      best[key] = {placement, r.i64("id"), r.opt_i64("user_id"), r.str("user_name")};
  }
  // Slots marked not needed: (day, slot start or -1 for the day, checkpoint or -1 for all).
  std::map<std::tuple<std::int64_t, std::int64_t, std::int64_t>, std::string> not_needed;
  for (const auto& r : db::Query(s,
                                 "SELECT day, slot_start, checkpoint_id, reason FROM patrol_not_needed "
                                 "WHERE plan_id = :p AND day >= :a AND day <= :b")
                           .bind("p", (ll)plan.id())
                           .bind("a", (ll)from_day)
                           .bind("b", (ll)to_day)
                           .all())
    not_needed[{r.i64("day"), r.opt_i64("slot_start").value_or(-1), r.opt_i64("checkpoint_id").value_or(-1)}] = r.str("reason");
  auto reason_for = [&](std::int64_t day, std::int64_t start, std::int64_t cp) -> const std::string* {
    for (const auto& key : {std::tuple{day, start, cp}, std::tuple{day, start, std::int64_t{-1}},
                            std::tuple{day, std::int64_t{-1}, cp}, std::tuple{day, std::int64_t{-1}, std::int64_t{-1}}})
      if (auto it = not_needed.find(key); it != not_needed.end()) return &it->second;
    return nullptr;
  };
  for (const auto& [day, slot] : slots)
    for (const auto& cp : plan.checkpoints) {
      if (checkpoint && cp.i64("id") != *checkpoint) continue;
      SlotCp sc;
      sc.plan_id = plan.id();
      sc.plan_name = plan.row.str("name");
      sc.checkpoint_id = cp.i64("id");
      sc.checkpoint_code = cp.str("code");
      sc.checkpoint_name = cp.str("name");
      sc.day = day;
      sc.slot = slot;
      sc.grace = plan.grace();
      sc.offset = offset;
      sc.assignee_kind = plan.row.str("assignee_kind");
      sc.assignee_user_id = plan.row.opt_i64("assignee_user_id");
      sc.assignee_user_name = plan.row.str("user_display");
      std::optional<Placement> placed;
      if (auto it = best.find({sc.checkpoint_id, slot.start}); it != best.end()) {
        placed = it->second.placement;
        sc.check_id = it->second.check_id;
        sc.user_id = it->second.user_id;
        sc.done_by = it->second.name;
      }
      sc.state = state_at(slot, sc.grace, placed, now);
      // A check made anyway counts; otherwise a slot marked not needed is neither due nor missed.
      if (!placed && !not_needed.empty())
        if (const auto* why = reason_for(day, slot.start, sc.checkpoint_id)) {
          sc.state = SlotState::not_needed;
          sc.not_needed_reason = *why;
        }
      out.push_back(std::move(sc));
    }
  return out;
}

std::vector<SlotCp> open_slots(db::Session& s, const repo::Plan& plan, std::int64_t now,
                               std::optional<std::int64_t> checkpoint) {
  const int offset = plan.offset();
  const auto today = local_day_of(now, offset);
  std::vector<SlotCp> out;
  for (auto& sc : evaluate(s, plan, today - lookback_days(plan.schedule), today, now, checkpoint))
    if (sc.state != SlotState::not_needed && sc.slot.start <= now && now < sc.slot.end + std::int64_t(sc.grace) * 60)
      out.push_back(std::move(sc));
  return out;
}

void Tally::add(SlotState s) {
  switch (s) {
    case SlotState::done: ++done; break;
    case SlotState::late: ++late; break;
    case SlotState::missed: ++missed; break;
    case SlotState::not_needed: ++not_needed; break;
    default: ++pending; break;
  }
}

nlohmann::json Tally::json() const {
  nlohmann::json rate;
  if (due() > 0) rate = std::round(done * 10000.0 / due()) / 100.0;
  return {{"due", due()}, {"done", done}, {"late", late}, {"missed", missed},
          {"pending", pending}, {"notNeeded", not_needed}, {"coverage", rate}};
}

nlohmann::json slot_json(const SlotCp& sc) {
  return {{"planId", sc.plan_id},
          {"planName", sc.plan_name},
          {"checkpointId", sc.checkpoint_id},
          {"checkpointCode", sc.checkpoint_code},
          {"checkpointName", sc.checkpoint_name},
          {"date", format_day(sc.day)},
          {"start", repo::iso(sc.slot.start, sc.offset)},
          {"end", repo::iso(sc.slot.end, sc.offset)},
          {"graceEnd", repo::iso(sc.slot.end + std::int64_t(sc.grace) * 60, sc.offset)},
          {"state", state_name(sc.state)},
          {"checkId", sc.check_id ? nlohmann::json(*sc.check_id) : nlohmann::json()},
          {"doneBy", sc.check_id ? nlohmann::json(sc.done_by) : nlohmann::json()},
          {"notNeededReason", sc.state == SlotState::not_needed ? nlohmann::json(sc.not_needed_reason) : nlohmann::json()}};
}

}  // namespace steward::patrols
