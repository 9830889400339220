#pragma once
#include "http/router.hpp"
#include "modules/work_orders/work_order_service.hpp"

namespace steward::work_orders {

void register_routes(http::Router& router, const WorkOrderService& service);

}  // namespace steward::work_orders
