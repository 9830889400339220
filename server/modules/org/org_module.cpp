#include "modules/org/org_module.hpp"

#include "crud/routes.hpp"
#include "db/query.hpp"
#include "modules/org/org_specs.hpp"

namespace steward::org {

namespace {

crud::Spec telling(crud::Spec spec, std::function<void()> after_commit) {
  spec.after_commit = std::move(after_commit);
  return spec;
}

}  // namespace

OrgModule::OrgModule(db::Database& db, const core::Clock& clock, const core::FieldCipher& cipher,
                     std::function<void()> scope_changed)
    : regions(region_spec(), db, clock),
      projects(telling(project_spec(), scope_changed), db, clock),
      zones(zone_spec(), db, clock),
      buildings(building_spec(), db, clock),
      units(unit_spec(), db, clock),
      customers(telling(customer_spec(cipher), scope_changed), db, clock),
      staff(staff_spec(), db, clock),
      teams(team_spec(), db, clock),
      db_(db) {}

void OrgModule::register_routes(http::Router& router) const {
  crud::register_routes(router, "/api/v1/regions", regions);
  crud::register_routes(router, "/api/v1/projects", projects);
  crud::register_routes(router, "/api/v1/zones", zones);
  crud::register_routes(router, "/api/v1/buildings", buildings);
  crud::register_routes(router, "/api/v1/units", units);
  crud::register_routes(router, "/api/v1/customers", customers);
  crud::register_routes(router, "/api/v1/staff", staff);
  crud::register_routes(router, "/api/v1/teams", teams);
  router.get("/api/v1/projects/{id}/tree", [this](http::Request& req) {
    return http::ok(project_tree(req.user(), req.id()));
  });
}

nlohmann::json OrgModule::project_tree(const core::Actor& actor, std::int64_t project_id) const {
  core::require(actor, "org.read");
  if (!actor.sees_project(project_id) || actor.is_owner()) core::throw_not_found("project");
  return db_.read([&](db::Session& s) {
    if (!db::Query(s, "SELECT id FROM project WHERE id = :id").bind("id", (long long)project_id).one())
      core::throw_not_found("project");
    auto zone_rows = db::Query(s, "SELECT id, name FROM zone WHERE project_id = :p ORDER BY id")
                         .bind("p", static_cast<long long>(project_id))
                         .all();
    auto building_rows =
        db::Query(s,
                  "SELECT b.id, b.zone_id, b.name, (SELECT COUNT(*) FROM unit u WHERE "
                  "u.building_id = b.id) AS unit_count FROM building b WHERE b.project_id = :p "
                  "ORDER BY b.name, b.id")
            .bind("p", static_cast<long long>(project_id))
            .all();
    nlohmann::json zones = nlohmann::json::array(), loose = nlohmann::json::array();
    for (const auto& z : zone_rows) {
      nlohmann::json buildings = nlohmann::json::array();
      for (const auto& b : building_rows)
        if (b.opt_i64("zone_id") == z.i64("id"))
          buildings.push_back({{"id", b.i64("id")}, {"name", b.str("name")}, {"unitCount", b.i64("unit_count")}});
      zones.push_back({{"id", z.i64("id")}, {"name", z.str("name")}, {"buildings", buildings}});
    }
    for (const auto& b : building_rows)
      if (!b.opt_i64("zone_id"))
        loose.push_back({{"id", b.i64("id")}, {"name", b.str("name")}, {"unitCount", b.i64("unit_count")}});
    return nlohmann::json{{"zones", zones}, {"buildingsWithoutZone", loose}};
  });
}

}  // namespace steward::org
