#pragma once
// Due slot-checkpoints of plans with their state: the slots a schedule yields, matched with the
// checks placed in them. Used by coverage, missed slots, due now, a plan's day and check-in.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "modules/patrols/patrol_repo.hpp"

namespace steward::patrols {

struct SlotCp {
  std::int64_t plan_id = 0;
  std::string plan_name;
  std::int64_t checkpoint_id = 0;
  std::string checkpoint_code, checkpoint_name;
  std::int64_t day = 0;  // the local day the slot starts on
  Slot slot;
  int grace = 0;
  int offset = 0;
  SlotState state = SlotState::open;
  std::optional<std::int64_t> check_id;
  std::optional<std::int64_t> user_id;  // who placed the best check
  std::string done_by;
  std::string assignee_kind;
  std::optional<std::int64_t> assignee_user_id;
  std::string assignee_user_name;
  std::string not_needed_reason;  // state not_needed: why
};

// Every slot-checkpoint of the plan starting on the local days [from_day, to_day], in order of
// start then checkpoint, with its state at `now`.
std::vector<SlotCp> evaluate(db::Session& s, const repo::Plan& plan, std::int64_t from_day,
                             std::int64_t to_day, std::int64_t now,
                             std::optional<std::int64_t> checkpoint = std::nullopt);
// The slot-checkpoints of the plan open now: start <= now < end + grace.
std::vector<SlotCp> open_slots(db::Session& s, const repo::Plan& plan, std::int64_t now,
                               std::optional<std::int64_t> checkpoint = std::nullopt);
nlohmann::json slot_json(const SlotCp& sc);

// Coverage figures of a set of slot-checkpoints: due = done + late + missed (decided ones);
// coverage = done / due in percent with two decimals, null when nothing was due. Open and grace
// slots are pending; slots marked not needed are neither due nor missed.
struct Tally {
  std::int64_t done = 0, late = 0, missed = 0, pending = 0, not_needed = 0;
  void add(SlotState s);
  std::int64_t due() const { return done + late + missed; }
  nlohmann::json json() const;
};

}  // namespace steward::patrols
