#pragma once
// Transport-neutral request and response: route handlers see these, never Beast types.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "core/params.hpp"

namespace steward::http {

struct Request {
  std::string method;
  std::string path;  // percent-decoded, without the query string
  core::Params query;
  std::map<std::string, std::string> params;   // from the route pattern: {id}
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string request_id;
  std::string remote_address;
  std::optional<core::Actor> actor;

  const nlohmann::json& json() const;  // parsed once; 400/415 on bad input
  const core::Actor& user() const;     // 401 when nobody is logged in
  std::string header(const std::string& lower_name) const;
  // A path parameter that must be a positive id; anything else is a record that does not exist.
  std::int64_t id(const std::string& name = "id") const;

 private:
  mutable std::optional<nlohmann::json> parsed_;
};

struct Response {
  unsigned status = 200;
  std::string body;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
};

Response json_response(unsigned status, const nlohmann::json& body);
inline Response ok(const nlohmann::json& body) { return json_response(200, body); }
inline Response created(const nlohmann::json& body) { return json_response(201, body); }
Response no_content();
Response list_response(nlohmann::json items, std::int64_t total);
Response error_response(const core::AppError& error);
unsigned status_of(core::ErrorKind kind);

}  // namespace steward::http
