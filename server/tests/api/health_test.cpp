// The smallest API test, and the pattern the others follow: one server per suite, on every engine.
#include <gtest/gtest.h>

#include "tests/support/test_env.hpp"

namespace steward::testing {
namespace {

class HealthApi : public ::testing::TestWithParam<std::string> {
 protected:
  static void TearDownTestSuite() { servers().clear(); }
  static std::map<std::string, std::unique_ptr<TestServer>>& servers() {
    static std::map<std::string, std::unique_ptr<TestServer>> s;
    return s;
  }
  TestServer& server() {
    auto& s = servers()[GetParam()];
    if (!s) s = std::make_unique<TestServer>(GetParam(), false);
    return *s;
  }
};

TEST_P(HealthApi, AnswersWithoutLoginAndNamesTheEngine) {
  auto r = server().request("GET", "/api/v1/health");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body["status"], "ok");
  EXPECT_EQ(r.body["database"], GetParam());
  EXPECT_FALSE(r.headers["x-request-id"].empty());
}

TEST_P(HealthApi, EverythingElseNeedsALogin) {
  auto r = server().request("GET", "/api/v1/me");
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(r.body["code"], "auth.required");
}

INSTANTIATE_TEST_SUITE_P(Engines, HealthApi, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
