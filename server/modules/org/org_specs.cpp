#include "modules/org/org_specs.hpp"

#include "core/text.hpp"
#include "db/query.hpp"
#include "json/output.hpp"
#include "modules/auth/roles.hpp"

namespace steward::org {
namespace {

using crud::Field;
using crud::Type;

Field project_field() {
  return {.key = "projectId", .column = "project_id", .type = Type::ref, .immutable = true,
          .ref_table = "project", .ref_in_project = false};
}

Field name_field(std::size_t max) {
  return {.key = "name", .column = "name", .text = {.max = max}};
}

Field optional_text(std::string key, std::string column, std::size_t max) {
  return {.key = std::move(key), .column = std::move(column), .required = false,
          .text = {.min = 0, .max = max}, .fallback = db::Value(std::string())};
}

bool all_of(const std::string& s, bool (*ok)(char)) {
  for (char c : s)
    if (!ok(c)) return false;
  return !s.empty();
}

std::vector<std::string> zone_names() {
  return {"Asia/Shanghai", "Asia/Chongqing", "Asia/Hong_Kong", "Asia/Macau",
          "Asia/Taipei",   "Asia/Urumqi",    "Asia/Singapore", "UTC"};
}

crud::Filter project_filter() { return {.param = "projectId", .condition = "t.project_id = :projectId"}; }

}  // namespace

crud::Spec region_spec() {
  crud::Spec s;
  s.entity = "region";
  s.table = "region";
  s.read_permission = "region.read";
  s.manage_permission = "region.manage";
  s.scope = crud::Scope::region;
  s.fields = {name_field(50), {.key = "code", .column = "code", .text = {.max = 20}}};
  s.select = "t.*";
  s.from = "region t";
  s.search = {"t.name", "t.code"};
  s.unique = {{"name", {}}, {"code", {}}};
  s.order_by = "t.code, t.id";
  s.referenced_by = {{"project", "region_id"}};
  return s;
}

crud::Spec project_spec() {
  crud::Spec s;
  s.entity = "project";
  s.table = "project";
  s.read_permission = "project.read";
  s.manage_permission = "project.manage";
  s.scope = crud::Scope::project_itself;
  s.fields = {
      {.key = "regionId", .column = "region_id", .type = Type::ref, .ref_table = "region",
       .ref_in_project = false},
      name_field(50),
      {.key = "code", .column = "code", .text = {.min = 2, .max = 8}},
      {.key = "timeZone", .column = "time_zone", .type = Type::choice, .required = false,
       .choices = zone_names(), .fallback = db::Value(std::string("Asia/Shanghai"))},
      {.key = "workStart", .column = "work_start_min", .type = Type::hhmm, .required = false,
       .fallback = db::Value(9LL * 60)},
      {.key = "workEnd", .column = "work_end_min", .type = Type::hhmm, .required = false,
       .fallback = db::Value(18LL * 60)},
      optional_text("address", "address", 200),
      optional_text("servicePhone", "service_phone", 30),
  };
  s.check = [](const crud::Values& v, core::ErrorDetails& errors) {
    const auto& code = std::get<std::string>(v.at("code"));
    if (!all_of(code, [](char c) { return c >= 'A' && c <= 'Z'; }))
      errors.emplace("code", "must be 2 to 8 capital letters A-Z");
    if (std::get<long long>(v.at("work_end_min")) <= std::get<long long>(v.at("work_start_min")))
      errors.emplace("workEnd", "must be after workStart");
  };
  s.select =
      "t.*, r.name AS region_name, (SELECT COUNT(*) FROM unit u WHERE u.project_id = t.id) AS "
      "household_count";
  s.from = "project t JOIN region r ON r.id = t.region_id";
  s.search = {"t.name", "t.code"};
  s.filters = {{.param = "regionId", .condition = "t.region_id = :regionId"}};
  s.unique = {{"name", {}}, {"code", {}}};
  s.order_by = "t.code, t.id";
  s.referenced_by = {{"zone", "project_id"},  {"building", "project_id"}, {"unit", "project_id"},
                     {"customer", "project_id"}, {"staff", "project_id"},  {"team", "project_id"},
                     {"user_project", "project_id"}};
  s.decorate = [](nlohmann::json& j, const db::Row& r, const core::Actor&) {
    j["regionName"] = r.str("region_name");
    j["householdCount"] = r.i64("household_count");
  };
  return s;
}

crud::Spec zone_spec() {
  crud::Spec s;
  s.entity = "zone";
  s.table = "zone";
  s.read_permission = "org.read";
  s.manage_permission = "org.manage";
  s.fields = {project_field(), name_field(50)};
  s.select = "t.*";
  s.from = "zone t";
  s.search = {"t.name"};
  s.filters = {project_filter()};
  s.unique = {{"name", {"project_id"}}};
  s.order_by = "t.project_id, t.id";
  s.referenced_by = {{"building", "zone_id"}};
  return s;
}

crud::Spec building_spec() {
  crud::Spec s;
  s.entity = "building";
  s.table = "building";
  s.read_permission = "org.read";
  s.manage_permission = "org.manage";
  s.fields = {project_field(),
              {.key = "zoneId", .column = "zone_id", .type = Type::ref, .required = false,
               .nullable = true, .ref_table = "zone", .fallback = db::Value()},
              name_field(50),
              {.key = "floors", .column = "floors", .type = Type::integer, .range = {.min = 1, .max = 200}}};
  s.select =
      "t.*, z.name AS zone_name, (SELECT COUNT(*) FROM unit u WHERE u.building_id = t.id) AS "
      "unit_count";
  s.from = "building t LEFT JOIN zone z ON z.id = t.zone_id";
  s.search = {"t.name", "z.name"};
  s.filters = {project_filter(), {.param = "zoneId", .condition = "t.zone_id = :zoneId"}};
  s.unique = {{"name", {"project_id", "zone_id"}}};
  s.order_by = "t.project_id, t.zone_id, t.name, t.id";
  s.referenced_by = {{"unit", "building_id"}};
  s.decorate = [](nlohmann::json& j, const db::Row& r, const core::Actor&) {
    j["zoneName"] = json::or_null(r.opt_str("zone_name"));
    j["unitCount"] = r.i64("unit_count");
  };
  return s;
}

crud::Spec unit_spec() {
  crud::Spec s;
  s.entity = "unit";
  s.table = "unit";
  s.read_permission = "org.read";
  s.manage_permission = "org.manage";
  s.fields = {project_field(),
              {.key = "buildingId", .column = "building_id", .type = Type::ref, .ref_table = "building"},
              name_field(30),
              {.key = "floor", .column = "floor", .type = Type::integer, .range = {.min = -5, .max = 200}},
              {.key = "areaSqm", .column = "area_centi", .type = Type::hundredths, .required = false,
               .range = {.min = 0, .max = 10'000'000}, .fallback = db::Value(0LL)},
              {.key = "vacant", .column = "vacant", .type = Type::flag, .required = false,
               .fallback = db::Value(0LL)}};
  s.select =
      "t.*, b.name AS building_name, z.name AS zone_name, "
      "COALESCE(z.name || ' ', '') || b.name || ' ' || t.name AS label";
  s.from = "unit t JOIN building b ON b.id = t.building_id LEFT JOIN zone z ON z.id = b.zone_id";
  s.search = {"t.name", "b.name"};
  s.filters = {project_filter(),
               {.param = "buildingId", .condition = "t.building_id = :buildingId"},
               {.param = "vacant", .condition = "t.vacant = :vacant", .kind = crud::Filter::Kind::flag}};
  s.unique = {{"name", {"building_id"}}};
  s.order_by = "t.building_id, t.floor, t.name, t.id";
  s.referenced_by = {{"customer", "unit_id"}};
  s.decorate = [](nlohmann::json& j, const db::Row& r, const core::Actor&) {
    j["buildingName"] = r.str("building_name");
    j["zoneName"] = json::or_null(r.opt_str("zone_name"));
    j["label"] = r.str("label");
  };
  s.owner_scope = [](const core::Actor& a, crud::Where& w) {
    w.add("t.id IN (" + db::id_list({a.unit_ids.begin(), a.unit_ids.end()}) + ")");
  };
  return s;
}

crud::Spec staff_spec() {
  crud::Spec s;
  s.entity = "staff";
  s.table = "staff";
  s.read_permission = "staff.read";
  s.manage_permission = "staff.manage";
  s.fields = {project_field(),
              name_field(50),
              {.key = "phone", .column = "phone", .text = {.max = 20}},
              {.key = "role", .column = "role", .type = Type::choice, .choices = auth::role_codes(false)},
              {.key = "teamId", .column = "team_id", .type = Type::ref, .required = false,
               .nullable = true, .ref_table = "team", .fallback = db::Value()},
              optional_text("employer", "employer", 100),
              {.key = "active", .column = "active", .type = Type::flag, .required = false,
               .fallback = db::Value(1LL)}};
  s.check = [](const crud::Values& v, core::ErrorDetails& errors) {
    const auto& phone = std::get<std::string>(v.at("phone"));
    if (core::digits_only(phone).size() < 7)
      errors.emplace("phone", "must be a phone number of at least 7 digits");
  };
  s.select = "t.*, tm.name AS team_name";
  s.from = "staff t LEFT JOIN team tm ON tm.id = t.team_id";
  s.search = {"t.name", "t.phone"};
  s.filters = {project_filter(), {.param = "teamId", .condition = "t.team_id = :teamId"},
               {.param = "active", .condition = "t.active = :active", .kind = crud::Filter::Kind::flag}};
  s.order_by = "t.project_id, t.team_id, t.id";
  s.referenced_by = {{"team", "leader_staff_id"}, {"app_user", "staff_id"}};
  s.decorate = [](nlohmann::json& j, const db::Row& r, const core::Actor&) {
    const auth::Role* role = auth::find_role(r.str("role"));
    j["roleName"] = role ? role->name_zh : r.str("role");
    j["teamName"] = json::or_null(r.opt_str("team_name"));
  };
  return s;
}

crud::Spec team_spec() {
  crud::Spec s;
  s.entity = "team";
  s.table = "team";
  s.read_permission = "staff.read";
  s.manage_permission = "staff.manage";
  s.fields = {project_field(), name_field(50),
              {.key = "kind", .column = "kind", .type = Type::choice,
               .choices = {"customer_service", "engineering", "security", "cleaning", "landscaping",
                           "clubhouse", "command_center"}},
              {.key = "leaderStaffId", .column = "leader_staff_id", .type = Type::ref,
               .required = false, .nullable = true, .ref_table = "staff", .fallback = db::Value()}};
  s.select =
      "t.*, st.name AS leader_name, (SELECT COUNT(*) FROM staff m WHERE m.team_id = t.id) AS "
      "member_count";
  s.from = "team t LEFT JOIN staff st ON st.id = t.leader_staff_id";
  s.search = {"t.name"};
  s.filters = {project_filter()};
  s.unique = {{"name", {"project_id"}}};
  s.order_by = "t.project_id, t.id";
  s.referenced_by = {{"staff", "team_id"}};
  s.decorate = [](nlohmann::json& j, const db::Row& r, const core::Actor&) {
    j["leaderName"] = json::or_null(r.opt_str("leader_name"));
    j["memberCount"] = r.i64("member_count");
  };
  return s;
}

}  // namespace steward::org
