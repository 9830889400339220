#pragma once
// The one application error type. Services throw it; only http/ maps it to a status and a body
// {"code", "message", "details"}. `code` is stable: clients and tests switch on it.
#include <map>
#include <stdexcept>
#include <string>

namespace steward::core {

enum class ErrorKind {
  invalid_argument,    // 400
  unauthenticated,     // 401
  forbidden,           // 403
  not_found,           // 404
  conflict,            // 409
  payload_too_large,   // 413
  unsupported_media,   // 415
  too_many_requests,   // 429
  internal,            // 500
  unavailable,         // 503
};

using ErrorDetails = std::map<std::string, std::string>;  // field -> what is wrong with it

class AppError : public std::runtime_error {
 public:
  AppError(ErrorKind kind, std::string code, std::string message, ErrorDetails details = {})
      : std::runtime_error(std::move(message)),
        kind_(kind),
        code_(std::move(code)),
        details_(std::move(details)) {}

  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  const ErrorDetails& details() const { return details_; }
  // Seconds a client should wait before retrying (429 only); 0 when not set.
  long long retry_after = 0;

 private:
  ErrorKind kind_;
  std::string code_;
  ErrorDetails details_;
};

// Shorthands for the common cases, so call sites read as a sentence.
[[noreturn]] void throw_invalid(std::string message, ErrorDetails details = {});
[[noreturn]] void throw_not_found(const std::string& entity);
[[noreturn]] void throw_forbidden(const std::string& permission);
[[noreturn]] void throw_conflict(std::string code, std::string message, ErrorDetails details = {});

}  // namespace steward::core
