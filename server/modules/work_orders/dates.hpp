#pragma once
// Dates in query strings: a local day "YYYY-MM-DD", or a 400 naming the parameter.
#include <string>

#include "core/params.hpp"

namespace steward::work_orders {

std::string date_param(const core::Params& q, const std::string& key);

}  // namespace steward::work_orders
