#pragma once
// The organisation module (DOMAIN O1-O4): regions, projects, zones, buildings, units, customers,
// staff and teams, and the project tree the units page browses.
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "crud/resource.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace steward::org {

class OrgModule {
 public:
  // `scope_changed` runs after a change that can change whom a login sees (a project's region,
  // a new project, an owner's customer record): the server forgets its cached sessions.
  OrgModule(db::Database& db, const core::Clock& clock, const core::FieldCipher& cipher,
            std::function<void()> scope_changed = {});
  void register_routes(http::Router& router) const;
  // Zones with their buildings and unit counts, for one project.
  nlohmann::json project_tree(const core::Actor& actor, std::int64_t project_id) const;

  const crud::Resource regions, projects, zones, buildings, units, customers, staff, teams;

 private:
  db::Database& db_;
};

}  // namespace steward::org
