#pragma once
// The company's service-level rules (W4) as master data: GET/POST /api/v1/sla-rules,
// PATCH/DELETE /api/v1/sla-rules/{id}. Every change recomputes the open orders' deadlines.
#include <functional>

#include "crud/spec.hpp"

namespace steward::work_orders {

crud::Spec sla_rule_spec(std::function<void()> recompute);

}  // namespace steward::work_orders
