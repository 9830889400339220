#pragma once
// What a service needs to know about the call it serves: who asks, and the request id that the
// audit trail and the log share.
#include <string>

#include "core/actor.hpp"

namespace steward::core {

struct Context {
  const Actor& actor;
  std::string request_id;
};

}  // namespace steward::core
