#include "core/error.hpp"

namespace steward::core {

void throw_invalid(std::string message, ErrorDetails details) {
  throw AppError(ErrorKind::invalid_argument, "validation.failed", std::move(message),
                 std::move(details));
}

void throw_not_found(const std::string& entity) {
  throw AppError(ErrorKind::not_found, "not_found", entity + " not found");
}

void throw_forbidden(const std::string& permission) {
  throw AppError(ErrorKind::forbidden, "auth.forbidden",
                 "this action needs the permission " + permission, {{"permission", permission}});
}

void throw_conflict(std::string code, std::string message, ErrorDetails details) {
  throw AppError(ErrorKind::conflict, std::move(code), std::move(message), std::move(details));
}

}  // namespace steward::core
