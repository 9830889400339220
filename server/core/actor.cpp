#include "core/actor.hpp"

#include "core/error.hpp"

namespace steward::core {

void require(const Actor& actor, const std::string& permission) {
  if (!actor.can(permission)) throw_forbidden(permission);
}

}  // namespace steward::core
