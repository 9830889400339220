#pragma once
// The fixture of the work-order API tests (work_orders_test.cpp, paid_repairs_test.cpp): one
// server per engine, a pinned clock, and short ways to register an order and take a step.
#include "tests/api/api_suite.hpp"

namespace steward::testing {

class WorkOrders : public ApiSuite<WorkOrders> {
 protected:
  std::int64_t count_of(const std::string& target) {
    return act("admin", "GET", target).body["total"].get<std::int64_t>();
  }
  std::int64_t staff_of(const std::string& user) {
    return act(user, "GET", "/api/v1/me").body["staffId"].get<std::int64_t>();
  }
  nlohmann::json register_order(const std::string& user, nlohmann::json body) {
    body.emplace("projectId", pid("CSHY"));
    body.emplace("priority", "normal");
    body.emplace("channel", "phone");
    body.emplace("location", "3栋大堂");
    body.emplace("title", unique("报修"));
    auto r = act(user, "POST", "/api/v1/work-orders", body);
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body;
  }
  Reply step(const std::string& user, std::int64_t id, const std::string& action,
             const nlohmann::json& body = nlohmann::json::object()) {
    return act(user, "POST", "/api/v1/work-orders/" + std::to_string(id) + "/" + action, body);
  }
  static nlohmann::json clock(const nlohmann::json& order, const std::string& name) {
    for (const auto& c : order["clocks"])
      if (c["name"] == name) return c;
    return nullptr;
  }
};

}  // namespace steward::testing
