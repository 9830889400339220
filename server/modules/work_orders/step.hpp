#pragma once
// What one lifecycle step carries, and its effects beyond the order's own row.
#include <optional>
#include <string>

#include "modules/work_orders/charges.hpp"
#include "modules/work_orders/work_order_write.hpp"

namespace steward::work_orders {

struct StepInput {
  std::optional<std::int64_t> staff_id, team_id, appointment_at;
  std::string department, responsible_department, responsible_person, note, result;
  std::string reason, method, satisfaction, root_cause;
  std::optional<bool> valid;
  Completion completion;  // complete: materials used and charges (W7)
};

// The clocks a step meets, pauses, resumes, stops or starts; counts each clock it finishes.
void advance_clocks(const Writer& w, const db::Row& order, const std::string& action,
                    const std::string& day);
// The daily counters of the step, and who is told about it (a dissatisfied return visit).
void count_step(const Writer& w, const db::Row& order, const std::string& action,
                const StepInput& in, const std::string& day);

bool is_satisfied(const std::string& level);  // the top two of the five levels

}  // namespace steward::work_orders
