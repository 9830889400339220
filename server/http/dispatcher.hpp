#pragma once
// From a parsed request to a response: route, authenticate, run the handler, map errors.
// No Beast here, so the whole path is testable without a socket.
#include <functional>
#include <optional>

#include "http/router.hpp"
#include "http/static_files.hpp"

namespace steward::http {

// Resolves the caller from the request's token; nullopt when there is none or it is not valid.
using Authenticator = std::function<std::optional<core::Actor>(const Request&)>;

class Dispatcher {
 public:
  Dispatcher(const Router& router, Authenticator authenticate, std::optional<StaticFiles> files)
      : router_(router), authenticate_(std::move(authenticate)), files_(std::move(files)) {}
  Response handle(Request& request) const;

 private:
  Response route(Request& request) const;
  const Router& router_;
  Authenticator authenticate_;
  std::optional<StaticFiles> files_;
};

}  // namespace steward::http
