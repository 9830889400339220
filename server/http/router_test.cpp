// Routing and dispatch without a socket: patterns with {id}, 404 against 405, authentication,
// and how errors thrown by handlers become answers.
#include "http/router.hpp"

#include <gtest/gtest.h>

#include "http/dispatcher.hpp"
#include "http/wire.hpp"

namespace steward::http {
namespace {

Response named(const std::string& name) { return ok({{"route", name}}); }

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router.get("/api/v1/units", [](Request&) { return named("list"); });
    router.post("/api/v1/units", [](Request&) { return named("create"); });
    router.get("/api/v1/units/{id}", [](Request& r) { return named("get " + r.params["id"]); });
    router.del("/api/v1/units/{id}", [](Request&) { return named("delete"); });
    router.get("/api/v1/projects/{id}/tree",
               [](Request& r) { return named("tree " + r.params["id"]); });
    router.get(
        "/api/v1/open", [](Request&) { return named("open"); }, Access::open);
    router.get("/api/v1/fail/{kind}", [](Request& r) -> Response {
      const auto kind = r.params["kind"];
      if (kind == "missing") core::throw_not_found("unit");
      if (kind == "unique") throw std::runtime_error("UNIQUE constraint failed: zone.name");
      if (kind == "pgunique")
        throw std::runtime_error("ERROR: duplicate key value violates unique constraint \"x\"");
      if (kind == "fk") throw std::runtime_error("FOREIGN KEY constraint failed");
      if (kind == "id") return named(std::to_string(r.id("kind")));
      throw std::runtime_error("secret detail 13812341234");
    });
  }

  Response handle(const std::string& method, const std::string& path, bool logged_in = true) {
    Dispatcher d(
        router,
        [logged_in](const Request&) -> std::optional<core::Actor> {
          if (!logged_in) return std::nullopt;
          core::Actor a;
          a.user_id = 1;
          a.username = "tester";
          return a;
        },
        std::nullopt);
    Request r;
    r.method = method;
    r.path = path;
    r.request_id = "req-1";
    return d.handle(r);
  }
  static nlohmann::json body(const Response& r) { return nlohmann::json::parse(r.body); }

  Router router;
};

TEST_F(RouterTest, APatternWithAnIdMatchesAndCapturesIt) {
  std::map<std::string, std::string> params;
  auto m = router.match("GET", "/api/v1/units/42", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/units/{id}");
  EXPECT_EQ(params.at("id"), "42");
  m = router.match("GET", "/api/v1/projects/7/tree", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(params.at("id"), "7");
  EXPECT_EQ(body(handle("GET", "/api/v1/units/42"))["route"], "get 42");
  EXPECT_EQ(body(handle("GET", "/api/v1/projects/9/tree"))["route"], "tree 9");
  EXPECT_EQ(body(handle("GET", "/api/v1/units"))["route"], "list");
  EXPECT_EQ(body(handle("POST", "/api/v1/units"))["route"], "create");
}

TEST_F(RouterTest, ALiteralSegmentMustMatchExactly) {
  std::map<std::string, std::string> params;
  EXPECT_EQ(router.match("GET", "/api/v1/unit/42", params).route, nullptr);
  EXPECT_EQ(router.match("GET", "/api/v1/units/42/extra", params).route, nullptr);
  EXPECT_EQ(router.match("GET", "/api/v1/projects/7/trees", params).route, nullptr);
  EXPECT_EQ(router.match("GET", "/API/v1/units", params).route, nullptr);
}

TEST_F(RouterTest, AKnownPathWithAnotherVerbIs405AndAnUnknownPathIs404) {
  std::map<std::string, std::string> params;
  auto m = router.match("PATCH", "/api/v1/units/42", params);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  m = router.match("GET", "/api/v1/nothing", params);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_FALSE(m.path_known);

  auto r = handle("PATCH", "/api/v1/units/42");
  EXPECT_EQ(r.status, 405u);
  EXPECT_EQ(body(r)["code"], "request.method_not_allowed");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0], std::make_pair(std::string("Allow"), std::string("GET, DELETE")));
  r = handle("DELETE", "/api/v1/units");
  EXPECT_EQ(r.status, 405u);
  EXPECT_EQ(r.headers.at(0).second, "GET, POST");
  r = handle("GET", "/api/v1/nothing");
  EXPECT_EQ(r.status, 404u);
  EXPECT_EQ(body(r)["code"], "route.not_found");
}

TEST_F(RouterTest, RoutesNeedALoginUnlessOpen) {
  auto r = handle("GET", "/api/v1/units", false);
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(body(r)["code"], "auth.required");
  r = handle("GET", "/api/v1/open", false);
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(body(r)["route"], "open");
  // An unknown path answers 404 even to a caller who is not logged in.
  EXPECT_EQ(handle("GET", "/api/v1/nothing", false).status, 404u);
}

TEST_F(RouterTest, ErrorsFromHandlersBecomeStableAnswers) {
  auto r = handle("GET", "/api/v1/fail/missing");
  EXPECT_EQ(r.status, 404u);
  EXPECT_EQ(body(r)["code"], "not_found");
  EXPECT_TRUE(body(r)["details"].is_object());

  r = handle("GET", "/api/v1/fail/unique");
  EXPECT_EQ(r.status, 409u);
  EXPECT_EQ(body(r)["code"], "conflict.duplicate");
  r = handle("GET", "/api/v1/fail/pgunique");
  EXPECT_EQ(r.status, 409u);
  EXPECT_EQ(body(r)["code"], "conflict.duplicate");
  r = handle("GET", "/api/v1/fail/fk");
  EXPECT_EQ(r.status, 409u);
  EXPECT_EQ(body(r)["code"], "conflict.in_use");

  r = handle("GET", "/api/v1/fail/other");
  EXPECT_EQ(r.status, 500u);
  EXPECT_EQ(body(r)["code"], "server.internal");
  EXPECT_EQ(r.body.find("13812341234"), std::string::npos)
      << "internal details never reach the client";
  EXPECT_NE(r.body.find("req-1"), std::string::npos) << "the request id is given to quote";
}

TEST(Request, APathIdMustBeAPositiveInteger) {
  Request r;
  for (const char* bad : {"abc", "0", "-4", "12x", "", "9999999999999999999999"}) {
    r.params["id"] = bad;
    try {
      r.id();
      ADD_FAILURE() << bad << " was accepted";
    } catch (const core::AppError& e) {
      EXPECT_EQ(e.kind(), core::ErrorKind::not_found) << bad;
    }
  }
  r.params["id"] = "17";
  EXPECT_EQ(r.id(), 17);
}

TEST(Request, TheBodyMustBeAJsonObjectSentAsJson) {
  auto code_of = [](const std::string& type, const std::string& body) {
    Request r;
    if (!type.empty()) r.headers["content-type"] = type;
    r.body = body;
    try {
      r.json();
      return std::string("ok");
    } catch (const core::AppError& e) {
      return e.code();
    }
  };
  EXPECT_EQ(code_of("application/json", "{\"a\":1}"), "ok");
  EXPECT_EQ(code_of("application/json; charset=utf-8", "{}"), "ok");
  EXPECT_EQ(code_of("text/plain", "{}"), "request.unsupported_media_type");
  EXPECT_EQ(code_of("", "{}"), "request.unsupported_media_type");
  EXPECT_EQ(code_of("application/json", "{\"a\":"), "request.malformed_json");
  EXPECT_EQ(code_of("application/json", "[1,2]"), "request.malformed_json");
  EXPECT_EQ(code_of("application/json", "\"text\""), "request.malformed_json");
  EXPECT_EQ(code_of("application/json", "{\"a\":\"\xc3\x28\"}"), "request.malformed_json");
  EXPECT_EQ(code_of("application/json", ""), "request.malformed_json");
}

TEST(Wire, TheQueryIsDecodedAndThePathKeepsItsPlus) {
  WireRequest wire{bhttp::verb::get, "/api/v1/a%20b+c?q=%E5%9B%AD+1&page=2&page=3&flag", 11};
  RequestIds ids;
  Request r = from_wire(wire, "127.0.0.1", ids);
  EXPECT_EQ(r.path, "/api/v1/a b+c");
  EXPECT_EQ(r.query.text("q"), "园 1");
  EXPECT_EQ(r.query.all().at("page"), "2") << "the first of repeated keys wins";
  EXPECT_TRUE(r.query.has("flag"));
  EXPECT_FALSE(r.request_id.empty());
  EXPECT_EQ(percent_decode("%zz%4", false), "%zz%4") << "malformed escapes stay as they are";
}

TEST(Wire, AClientRequestIdIsKeptOnlyWhenSane) {
  RequestIds ids;
  EXPECT_EQ(ids.from_header("abc-123_X.y"), "abc-123_X.y");
  EXPECT_NE(ids.from_header("bad id\r\nX-Evil: 1"), "bad id\r\nX-Evil: 1");
  EXPECT_NE(ids.from_header(std::string(65, 'a')), std::string(65, 'a'));
  EXPECT_NE(ids.next(), ids.next());
}

}  // namespace
}  // namespace steward::http
