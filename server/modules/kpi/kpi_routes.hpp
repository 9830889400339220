#pragma once
#include "http/router.hpp"
#include "modules/kpi/kpi_service.hpp"

namespace steward::kpi {

void register_routes(http::Router& router, const KpiService& svc);

}  // namespace steward::kpi
