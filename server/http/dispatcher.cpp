#include "http/dispatcher.hpp"

#include <spdlog/spdlog.h>

namespace steward::http {
namespace {

bool contains(const std::string& text, const char* needle) {
  return text.find(needle) != std::string::npos;
}

// The database is the last line of defence for uniqueness and references; a violation that a
// service did not check first is still a conflict for the client, not a server failure.
std::optional<core::AppError> constraint_error(const std::string& what) {
  if (contains(what, "UNIQUE constraint failed") || contains(what, "duplicate key value"))
    return core::AppError(core::ErrorKind::conflict, "conflict.duplicate",
                          "a record with the same unique value already exists");
  if (contains(what, "FOREIGN KEY constraint failed") || contains(what, "foreign key constraint"))
    return core::AppError(core::ErrorKind::conflict, "conflict.in_use",
                          "the record is referenced by, or refers to, another record");
  return std::nullopt;
}

// SOCI appends the bound values to its messages ("... with :name=..."); those may be personal
// data, which never goes to the log (DOMAIN O4).
std::string without_values(std::string what) {
  if (auto cut = what.find("\" with "); cut != std::string::npos) what.erase(cut + 1);
  return what;
}

}  // namespace

Response Dispatcher::route(Request& request) const {
  auto match = router_.match(request.method, request.path, request.params);
  if (!match.route) {
    if (files_)
      if (auto r = files_->serve(request)) return *r;
    if (match.path_known) {
      Response r = error_response(
          core::AppError(core::ErrorKind::invalid_argument, "request.method_not_allowed",
                         request.method + " is not allowed on " + request.path));
      r.status = 405;
      std::string allow;  // RFC 9110: a 405 names the methods the resource has
      for (const auto& method : match.allowed) allow += (allow.empty() ? "" : ", ") + method;
      r.headers.emplace_back("Allow", allow);
      return r;
    }
    throw core::AppError(core::ErrorKind::not_found, "route.not_found",
                         "no such endpoint: " + request.method + " " + request.path);
  }
  request.actor = authenticate_(request);
  if (match.route->access == Access::authenticated) request.user();  // 401 when anonymous
  return match.route->handler(request);
}

Response Dispatcher::handle(Request& request) const {
  try {
    return route(request);
  } catch (const core::AppError& e) {
    Response r = error_response(e);
    if (e.code() == "request.method_not_allowed") r.status = 405;
    return r;
  } catch (const nlohmann::json::exception& e) {
    return error_response(core::AppError(core::ErrorKind::invalid_argument, "request.invalid_json",
                                         std::string("the body does not fit: ") + e.what()));
  } catch (const std::exception& e) {
    if (auto conflict = constraint_error(e.what())) return error_response(*conflict);
    spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path,
                  without_values(e.what()));
    return error_response(core::AppError(core::ErrorKind::internal, "server.internal",
                                         "internal error; request id " + request.request_id));
  }
}

}  // namespace steward::http
