#pragma once
#include "http/router.hpp"
#include "modules/patrols/patrol_service.hpp"

namespace steward::patrols {

// Every /api/v1/patrol-* route (docs/openapi.yaml, docs/patrols.md).
void register_routes(http::Router& router, const PatrolService& service);

}  // namespace steward::patrols
