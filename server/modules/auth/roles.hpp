#pragma once
// Roles of DOMAIN.md ("who uses it"), each a set of permission strings and a scope. The same
// permission strings guard the API and show or hide buttons in the web app.
#include <set>

#include "core/actor.hpp"
#include <string>
#include <vector>

namespace steward::auth {

enum class RoleScope {
  company,   // every project: administrators, the quality department
  region,    // the projects of the user's region
  assigned,  // the projects the user is assigned to
  owner,     // the owner's own units and records
};

struct Role {
  std::string code;
  std::string name_zh;
  std::string name_en;
  RoleScope scope;
  std::set<std::string> permissions;
};

const std::vector<Role>& all_roles();
const Role* find_role(const std::string& code);
std::vector<std::string> role_codes(bool include_owner);
// The actor of command-line tools and the demo builder: an administrator with user id 0.
const core::Actor& system_actor();

}  // namespace steward::auth
