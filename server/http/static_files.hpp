#pragma once
// The web application's files from web/dist: hashed assets cached for a year, index.html never
// cached, and any other GET outside /api answered with index.html (client-side routes).
#include <optional>
#include <string>

#include "http/request.hpp"

namespace steward::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  // nullopt when there is no web root or the request is not a GET/HEAD outside /api.
  std::optional<Response> serve(const Request& request) const;

 private:
  std::optional<Response> file(const std::string& relative, bool immutable) const;
  std::string root_;
};

}  // namespace steward::http
