#pragma once
// A small outgoing HTTP client, for the notification webhook: one POST, one connection, a
// deadline over the whole exchange. http:// and https:// (the peer verified against the system
// CA store, with SNI). Blocking: call it from a background thread, never from a handler or the
// I/O thread, and never inside a database transaction.
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace steward::http {

struct Url {
  bool tls = false;
  std::string host;    // without brackets for IPv6
  std::string port;    // "80" / "443" when not given
  std::string target;  // path and query, "/" at least
};
// nullopt unless http:// or https:// with a host.
std::optional<Url> parse_url(const std::string& url);

struct ClientResult {
  unsigned status = 0;  // 0 when no answer came
  std::string error;    // why there was no answer ("" when one came)
  std::string body;     // the first 64 KiB of the answer
};

ClientResult post(const std::string& url,
                  const std::vector<std::pair<std::string, std::string>>& headers,
                  const std::string& body, std::chrono::milliseconds timeout);

}  // namespace steward::http
