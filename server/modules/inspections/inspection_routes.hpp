#pragma once
#include "http/router.hpp"
#include "modules/inspections/inspection_service.hpp"

namespace steward::inspections {
void register_routes(http::Router& router, const InspectionService& svc);
}
