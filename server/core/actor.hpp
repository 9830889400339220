#pragma once
// Who is calling: resolved from the session token by the auth module, carried on every request.
// Scope rules (DOMAIN O3/O4): administrators and the quality department see every project, a
// region manager the projects of a region, other staff the projects they are assigned to, and an
// owner only their own customer record and units.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace steward::core {

struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  std::string role;
  std::set<std::string> permissions;
  bool all_projects = false;               // admin, quality department
  std::vector<std::int64_t> project_ids;   // otherwise: the projects in scope
  std::optional<std::int64_t> customer_id; // owners: their customer records' person
  std::vector<std::int64_t> unit_ids;      // owners: their units

  bool can(const std::string& permission) const { return permissions.count(permission) > 0; }
  bool sees_project(std::int64_t project_id) const {
    return all_projects || std::find(project_ids.begin(), project_ids.end(), project_id) !=
                               project_ids.end();
  }
  bool is_owner() const { return customer_id.has_value(); }
};

// Throws forbidden when the actor lacks the permission.
void require(const Actor& actor, const std::string& permission);

}  // namespace steward::core
