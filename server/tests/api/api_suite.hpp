#pragma once
// The fixture the API tests share: one real server per suite and engine (building the demo
// company on PostgreSQL takes seconds, so never one per test), cached demo sessions, and short
// ways to find the demo's records. Tests in a suite share the server's data: each creates what it
// changes, with names of its own, and counts before and after rather than expecting totals.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "core/time.hpp"
#include "tests/support/test_env.hpp"

namespace steward::testing {

// A local time in Asia/Shanghai, "2026-11-23T10:00:00", as epoch seconds.
inline std::int64_t at(const std::string& local) { return *core::parse_iso8601(local + "+08:00"); }

template <class Suite, bool kWithDemo = true>
class ApiSuite : public ::testing::TestWithParam<std::string> {
 protected:
  static void TearDownTestSuite() {
    tokens().clear();
    ids().clear();
    servers().clear();
  }

  TestServer& server() {
    auto& s = servers()[GetParam()];
    if (!s) s = std::make_unique<TestServer>(GetParam(), kWithDemo);
    return *s;
  }

  // A session of a demo login, made once per suite and engine. Suites that move the clock past
  // the session lifetime log in afresh with server().login() instead.
  const std::string& as(const std::string& user) {
    auto& token = tokens()[GetParam() + "/" + user];
    if (token.empty()) token = server().login(user);
    return token;
  }

  Reply call(const std::string& user, const std::string& method, const std::string& target,
             const nlohmann::json& body = nullptr) {
    return server().request(method, target, body, user.empty() ? "" : as(user));
  }
  Reply get(const std::string& user, const std::string& target) {
    return call(user, "GET", target);
  }

  // The `total` of a list as the user sees it; fails the test when the list is refused.
  std::int64_t total(const std::string& user, const std::string& target) {
    Reply r = get(user, target);
    EXPECT_EQ(r.status, 200u) << target << ": " << r.raw;
    return r.body.value("total", std::int64_t{-1});
  }

  // The id of a demo project by its code (CSHY, CHTD, XSTY).
  std::int64_t project(const std::string& code) {
    auto& id = ids()[GetParam() + "/project/" + code];
    if (id == 0) {
      Reply r = get("admin", "/api/v1/projects?q=" + code);
      for (const auto& p : r.body["items"])
        if (p["code"] == code) id = p["id"].get<std::int64_t>();
      EXPECT_NE(id, 0) << "no demo project " << code;
    }
    return id;
  }

  // The first record of a list (as admin), e.g. first("/api/v1/zones?projectId=3").
  nlohmann::json first(const std::string& target) {
    Reply r =
        get("admin", target + (target.find('?') == std::string::npos ? "?" : "&") + "pageSize=1");
    EXPECT_EQ(r.status, 200u) << target << ": " << r.raw;
    EXPECT_FALSE(r.body["items"].empty()) << target;
    return r.body["items"].empty() ? nlohmann::json::object() : r.body["items"][0];
  }
  std::int64_t first_id(const std::string& target) {
    return first(target).value("id", std::int64_t{0});
  }

  // Suites that pin the clock: each test sets the time, then logs in afresh with act(), since
  // sessions made at another time may be expired.
  void at_time(const std::string& local) {
    server().clock().set(at(local));
    pinned_tokens_.clear();
  }
  const std::string& token(const std::string& user) {
    auto& t = pinned_tokens_[user];
    if (t.empty()) t = server().login(user);
    return t;
  }
  Reply act(const std::string& user, const std::string& method, const std::string& target,
            const nlohmann::json& body = nullptr) {
    return server().request(method, target, body, token(user));
  }
  // The demo project's id, looked up with a session made at the pinned time.
  std::int64_t pid(const std::string& code) {
    const nlohmann::json list = act("admin", "GET", "/api/v1/projects?q=" + code).body;
    for (const auto& p : list["items"])
      if (p["code"] == code) return p["id"].get<std::int64_t>();
    ADD_FAILURE() << "no demo project " << code;
    return 0;
  }

  // Names unique within the run, so tests sharing a server never collide.
  static std::string unique(const std::string& prefix) {
    static int n = 0;
    return prefix + std::to_string(++n);
  }

 private:
  std::map<std::string, std::string> pinned_tokens_;
  static std::map<std::string, std::unique_ptr<TestServer>>& servers() {
    static std::map<std::string, std::unique_ptr<TestServer>> s;
    return s;
  }
  static std::map<std::string, std::string>& tokens() {
    static std::map<std::string, std::string> t;
    return t;
  }
  static std::map<std::string, std::int64_t>& ids() {
    static std::map<std::string, std::int64_t> i;
    return i;
  }
};

// Percent-encodes a query-string value (UTF-8 names, spaces, '+').
inline std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

inline std::string path_id(const std::string& base, std::int64_t id) {
  return base + "/" + std::to_string(id);
}

}  // namespace steward::testing
