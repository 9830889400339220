#pragma once
// Conversions between Beast's messages and our Request/Response.
#include <atomic>
#include <optional>
#include <string>

#include "http/net.hpp"
#include "http/request.hpp"

namespace steward::http {

// Request ids: the client's X-Request-Id when it is sane, else a per-process prefix and counter.
class RequestIds {
 public:
  RequestIds();
  std::string next();
  std::string from_header(const std::string& offered);

 private:
  std::string prefix_;
  std::atomic<unsigned long long> counter_{0};
};

using WireRequest = bhttp::request<bhttp::string_body>;
using WireResponse = bhttp::response<bhttp::string_body>;

Request from_wire(const WireRequest& wire, const std::string& remote, RequestIds& ids);
WireResponse to_wire(const Response& response, unsigned version, bool keep_alive,
                     const std::string& request_id);
// The answer to a request that could not be read whole (too large, malformed); nullopt when the
// connection just ended or timed out and nobody is listening for an answer.
std::optional<Response> refusal_for(const beast::error_code& ec);
std::string percent_decode(std::string_view text, bool plus_is_space);

}  // namespace steward::http
