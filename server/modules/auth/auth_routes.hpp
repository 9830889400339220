#pragma once
#include <string>

#include "http/router.hpp"
#include "modules/audit/audit.hpp"
#include "modules/auth/auth_service.hpp"
#include "modules/auth/user_service.hpp"

namespace steward::auth {

// The session token of a request: "Authorization: Bearer <token>" or the steward_session cookie.
std::string token_of(const http::Request& request);

void register_routes(http::Router& router, AuthService& auth, const UserService& users,
                     audit::AuditService& audit);

}  // namespace steward::auth
