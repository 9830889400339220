#include "http/request.hpp"

#include <charconv>


namespace steward::http {
namespace {

std::optional<std::int64_t> parse_i64(const std::string& s) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

const nlohmann::json& Request::json() const {
  if (parsed_) return *parsed_;
  const std::string type = header("content-type");
  if (type.rfind("application/json", 0) != 0)
    throw core::AppError(core::ErrorKind::unsupported_media, "request.unsupported_media_type",
                         "the body must be JSON (Content-Type: application/json)");
  try {
    // nlohmann's parser rejects ill-formed UTF-8 inside strings, so stored text is valid UTF-8.
    parsed_ = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                         std::string("the body is not valid JSON: ") + e.what());
  }
  if (!parsed_->is_object())
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                         "the body must be a JSON object");
  return *parsed_;
}

const core::Actor& Request::user() const {
  if (!actor)
    throw core::AppError(core::ErrorKind::unauthenticated, "auth.required", "please log in");
  return *actor;
}

std::string Request::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

std::int64_t Request::id(const std::string& name) const {
  auto it = params.find(name);
  auto v = it == params.end() ? std::nullopt : parse_i64(it->second);
  if (!v || *v <= 0) core::throw_not_found("record");
  return *v;
}

Response json_response(unsigned status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response list_response(nlohmann::json items, std::int64_t total) {
  return ok({{"items", std::move(items)}, {"total", total}});
}

unsigned status_of(core::ErrorKind kind) {
  using core::ErrorKind;
  switch (kind) {
    case ErrorKind::invalid_argument: return 400;
    case ErrorKind::unauthenticated: return 401;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::not_found: return 404;
    case ErrorKind::conflict: return 409;
    case ErrorKind::payload_too_large: return 413;
    case ErrorKind::unsupported_media: return 415;
    case ErrorKind::too_many_requests: return 429;
    case ErrorKind::unavailable: return 503;
    case ErrorKind::internal: break;
  }
  return 500;
}

Response error_response(const core::AppError& error) {
  nlohmann::json details = nlohmann::json::object();
  for (const auto& [field, what] : error.details()) details[field] = what;
  Response r = json_response(status_of(error.kind()),
                             {{"code", error.code()}, {"message", error.what()}, {"details", details}});
  if (error.retry_after > 0) r.headers.emplace_back("Retry-After", std::to_string(error.retry_after));
  return r;
}

}  // namespace steward::http
