#pragma once
#include <string>

#include "crud/resource.hpp"
#include "http/router.hpp"

namespace steward::crud {

// GET/POST {base}, GET/PATCH/DELETE {base}/{id} for one master-data resource.
void register_routes(http::Router& router, const std::string& base, const Resource& resource);

}  // namespace steward::crud
