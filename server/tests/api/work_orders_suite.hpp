#pragma once
// The fixture of the work-order API tests (work_orders_test.cpp, paid_repairs_test.cpp): one
// server per engine, a pinned clock, and short ways to register an order and take a step.
#include "core/time.hpp"
#include "tests/api/api_suite.hpp"

namespace steward::testing {

inline std::int64_t at(const std::string& local) { return *core::parse_iso8601(local + "+08:00"); }

class WorkOrders : public ApiSuite<WorkOrders> {
 protected:
  // Each test pins the clock, then logs in afresh: sessions made at another time may be expired.
  std::map<std::string, std::string> tokens_;
  void at_time(const std::string& local) {
    server().clock().set(at(local));
    tokens_.clear();
  }
  const std::string& token(const std::string& user) {
    auto& t = tokens_[user];
    if (t.empty()) t = server().login(user);
    return t;
  }
  Reply act(const std::string& user, const std::string& method, const std::string& target,
            const nlohmann::json& body = nullptr) {
    return server().request(method, target, body, token(user));
  }
  // The demo project's id, looked up with a session made at the pinned time.
  std::int64_t pid(const std::string& code) {
    const auto list1 = act("admin", "GET", "/api/v1/projects?q=" + code).body;

    for (const auto& p : list1["items"])
      if (p["code"] == code) return p["id"].get<std::int64_t>();
    ADD_FAILURE() << "no demo project " << code;
    return 0;
  }
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
