#pragma once
// The fixture of the dashboard API tests: a project of its own per engine (no demo orders in it,
// so every figure can be counted by hand), its customers, and short ways to register and step
// orders at a pinned time.
#include "tests/api/api_suite.hpp"

namespace steward::testing {

class Dashboards : public ApiSuite<Dashboards> {
 protected:
  nlohmann::json made(const std::string& target, const nlohmann::json& body) {
    auto r = act("admin", "POST", target, body);
    EXPECT_EQ(r.status, 201u) << target << ": " << r.raw;
    return r.body;
  }

  // A project with `customers` customers in one building, in the region of XSTY.
  std::int64_t new_project(const std::string& code, int customers, std::vector<std::int64_t>& ids) {
    const auto region =
        act("admin", "GET", "/api/v1/projects/" + std::to_string(pid("XSTY"))).body["regionId"];
    const auto p = made("/api/v1/projects", {{"regionId", region}, {"name", code + "服务中心"},
                                              {"code", code}, {"timeZone", "Asia/Shanghai"}})["id"]
                       .get<std::int64_t>();
    const auto b = made("/api/v1/buildings", {{"projectId", p}, {"name", "1栋"}, {"floors", 6}})["id"];
    for (int i = 1; i <= customers; ++i) {
      const auto u = made("/api/v1/units", {{"projectId", p}, {"buildingId", b},
                                            {"name", "1-" + std::to_string(100 + i)}, {"floor", 1}})["id"];
      ids.push_back(made("/api/v1/customers", {{"projectId", p}, {"unitId", u},
                                                {"name", "住户" + std::to_string(i)}, {"kind", "owner"},
                                                {"phone", "1380000" + std::to_string(1000 + i)}})["id"]
                        .get<std::int64_t>());
    }
    return p;
  }

  // Registers at the pinned time; returns the order id.
  std::int64_t order(std::int64_t project, const std::string& kind, const std::string& category,
                     std::optional<std::int64_t> customer = std::nullopt) {
    nlohmann::json body{{"projectId", project}, {"kind", kind}, {"category", category},
                        {"priority", "normal"}, {"channel", "phone"}, {"location", "1栋大堂"},
                        {"title", unique("工单")}};
    if (customer) body["customerId"] = *customer;
    auto r = act("admin", "POST", "/api/v1/work-orders", body);
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body.value("id", std::int64_t{0});
  }

  Reply step(std::int64_t id, const std::string& action, const nlohmann::json& body = nlohmann::json::object()) {
    return act("admin", "POST", "/api/v1/work-orders/" + std::to_string(id) + "/" + action, body);
  }
  void steps(std::int64_t id, const std::vector<std::pair<std::string, nlohmann::json>>& list) {
    for (const auto& [action, body] : list) {
      auto r = step(id, action, body);
      EXPECT_EQ(r.status, 200u) << action << ": " << r.raw;
    }
  }
};

inline nlohmann::json card_of(const nlohmann::json& dashboard, const std::string& code) {
  for (const auto& c : dashboard["cards"])
    if (c["code"] == code) return c;
  ADD_FAILURE() << "no card " << code;
  return nlohmann::json::object();
}

}  // namespace steward::testing
