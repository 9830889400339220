// docs/openapi.yaml documents every route the server registers, under its path and method, and
// documents no path the server does not have. A line-based reading of the YAML is enough: paths
// are the keys at two spaces under `paths:`, their methods the keys at four spaces.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tests/support/test_env.hpp"

namespace steward::testing {
namespace {

using Documented = std::map<std::string, std::set<std::string>>;  // path -> lower-case methods

std::size_t indent_of(const std::string& line) {
  const auto first = line.find_first_not_of(' ');
  return first == std::string::npos ? line.size() : first;
}

// The key of a "key:" or "key: value" line, without quotes.
std::string key_of(const std::string& line) {
  std::string key = line.substr(indent_of(line));
  key = key.substr(0, key.find(':'));  // paths and methods hold no colon of their own
  if (key.size() >= 2 && (key.front() == '\'' || key.front() == '"'))
    key = key.substr(1, key.size() - 2);
  return key;
}

Documented read_openapi(const std::string& file) {
  std::ifstream in(file);
  Documented out;
  bool in_paths = false;
  std::string path;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto trimmed = line.substr(indent_of(line));
    if (trimmed.empty() || trimmed[0] == '#') continue;
    const auto indent = indent_of(line);
    if (indent == 0) {
      in_paths = line.rfind("paths:", 0) == 0;
      continue;
    }
    if (!in_paths) continue;
    if (indent == 2) {
      path = key_of(line);
      out[path];
    } else if (indent == 4 && !path.empty()) {
      out[path].insert(key_of(line));
    }
  }
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class OpenApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer("sqlite", false);
    documented_ = new Documented(read_openapi(STEWARD_SOURCE_DIR "/docs/openapi.yaml"));
  }
  static void TearDownTestSuite() {
    delete server_;
    delete documented_;
  }
  static inline TestServer* server_ = nullptr;
  static inline Documented* documented_ = nullptr;
};

TEST_F(OpenApi, TheFileExistsAndHasPaths) {
  ASSERT_FALSE(documented_->empty()) << "docs/openapi.yaml is missing or has no paths: section";
  EXPECT_TRUE(documented_->count("/api/v1/health"));
}

TEST_F(OpenApi, EveryRegisteredRouteIsDocumentedWithItsMethod) {
  const auto& routes = server_->app().router().routes();
  ASSERT_FALSE(routes.empty());
  for (const auto& route : routes) {
    auto it = documented_->find(route.pattern);
    if (it == documented_->end()) {
      ADD_FAILURE() << route.method << " " << route.pattern << ": the path is not in openapi.yaml";
      continue;
    }
    EXPECT_TRUE(it->second.count(lower(route.method)))
        << route.method << " " << route.pattern << ": the method is not documented under the path";
  }
}

TEST_F(OpenApi, EveryDocumentedOperationExists) {
  static const std::set<std::string> kMethods = {"get", "post", "put", "patch", "delete", "head"};
  std::set<std::string> registered;
  for (const auto& route : server_->app().router().routes())
    registered.insert(lower(route.method) + " " + route.pattern);
  for (const auto& [path, methods] : *documented_)
    for (const auto& method : methods)
      if (kMethods.count(method))
        EXPECT_TRUE(registered.count(method + " " + path))
            << method << " " << path << " is documented but the server has no such route";
}

}  // namespace
}  // namespace steward::testing
