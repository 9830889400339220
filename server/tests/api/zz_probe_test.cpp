#include <gtest/gtest.h>
#include "tests/support/test_env.hpp"
namespace steward::testing {
TEST(Probe, Transport) {
  TestServer s("sqlite", false);
  try {
    auto r = s.raw_request("POST", "/api/v1/auth/login", std::string(1100 * 1024, 'x'), {{"Content-Type", "application/json"}});
    std::cerr << "413? " << r.status << " " << r.raw << "\n";
  } catch (const std::exception& e) { std::cerr << "413 threw: " << e.what() << "\n"; }
  try {
    auto r = s.raw_request("GET", "/api/v1/health", "", {{"X-Big", std::string(17 * 1024, 'a')}});
    std::cerr << "431? " << r.status << " " << r.raw << "\n";
  } catch (const std::exception& e) { std::cerr << "431 threw: " << e.what() << "\n"; }
  std::cerr << "garbage: " << s.send_bytes("\x16\x03\x01garbage\r\n\r\n") << "\n";
  auto r = s.request("GET", "/api/v1/health");
  std::cerr << r.status << "\n";
}
}
