// The demo company: regions, projects and their zones, buildings and units (DOMAIN O1), then the
// customers of each unit, the teams and staff, and the logins.
#include "modules/demo/demo.hpp"

#include <cstdio>

#include "core/error.hpp"
#include "db/query.hpp"
#include "modules/auth/roles.hpp"
#include "modules/demo/demo_internal.hpp"

namespace steward::demo {
namespace detail {
namespace {

constexpr std::uint32_t kSeed = 20080901;  // the day 城市花园's 行动方案 began

std::vector<TeamPlan> teams(bool clubhouse, int size) {
  const std::string cleaner = "京洁保洁服务有限公司", guard = "京卫保安服务有限公司";
  std::vector<TeamPlan> out = {
      {"客服组", "customer_service", "supervisor", "front_desk", 2 + size, 0, ""},
      {"维修组", "engineering", "supervisor", "technician", 2 + size, 0, ""},
      {"安全组", "security", "supervisor", "security", 3 + size, 1 + size, guard},
      {"环境组", "cleaning", "supervisor", "cleaning", 2 + size, 1 + size, cleaner},
      {"指挥中心", "command_center", "command_center", "command_center", 1 + size / 2, 0, ""},
  };
  if (clubhouse) out.push_back({"会所组", "clubhouse", "supervisor", "clubhouse", 3, 0, ""});
  return out;
}

std::vector<ProjectPlan> plans() {
  return {
      {"EAST", "城市花园服务中心", "CSHY", "北京市朝阳区望京西路48号", "010-84731234", "09:00",
       "18:00",
       {{"玉兰园", {{8, 6, 2, 2, 120, 180}}},
        {"梅花园", {{4, 18, 2, 2, 75, 140}}},
        {"玫瑰园", {{3, 11, 2, 3, 60, 110}}},
        {"桃花园", {{4, 15, 2, 2, 85, 145}}}},
       teams(true, 2)},
      {"EAST", "翠湖天地服务中心", "CHTD", "北京市朝阳区朝阳北路101号", "010-85762288", "08:30",
       "17:30",
       {{"湖景苑", {{3, 18, 2, 2, 90, 150}, {2, 16, 1, 4, 60, 95}}},
        {"翠柳苑", {{4, 11, 2, 3, 65, 120}}}},
       teams(false, 1)},
      {"WEST", "西山庭院服务中心", "XSTY", "北京市海淀区香山南路28号", "010-82596677", "09:00",
       "18:00",
       {{"", {{6, 6, 2, 2, 130, 180}, {4, 9, 2, 2, 90, 140}, {2, 12, 2, 3, 60, 105}}}},
       teams(false, 0)},
  };
}

std::string unit_name(int entrance, int floor, int room) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d-%d%02d", entrance, floor, room);
  return buf;
}

// The units of one building: the same layout (and area) on every floor of an entrance.
void build_units(Builder& b, std::int64_t project, std::int64_t building, const BuildingPlan& plan,
                 bool login_project) {
  std::vector<int> areas;  // hundredths of m2, per entrance and room
  for (int i = 0; i < plan.entrances * plan.rooms; ++i)
    areas.push_back(b.rng.between(plan.min_area * 100, plan.max_area * 100));
  for (int entrance = 1; entrance <= plan.entrances; ++entrance)
    for (int floor = 1; floor <= plan.floors; ++floor)
      for (int room = 1; room <= plan.rooms; ++room) {
        const bool vacant = b.rng.percent(5);
        const int area = areas[static_cast<std::size_t>((entrance - 1) * plan.rooms + room - 1)];
        const auto unit = b.create(b.org.units,
                                   {{"projectId", project},
                                    {"buildingId", building},
                                    {"name", unit_name(entrance, floor, room)},
                                    {"floor", floor},
                                    {"areaSqm", area / 100.0},
                                    {"vacant", vacant}},
                                   b.summary.units);
        if (!vacant) build_customers(b, project, unit, login_project);
      }
}

void build_zone(Builder& b, std::int64_t project, const ZonePlan& zone, int& building_no,
                bool login_project) {
  nlohmann::json zone_id = nullptr;
  if (!zone.name.empty())
    zone_id = b.create(b.org.zones, {{"projectId", project}, {"name", zone.name}}, b.summary.zones);
  for (const BuildingPlan& plan : zone.buildings)
    for (int i = 0; i < plan.count; ++i) {
      const auto building = b.create(b.org.buildings,
                                     {{"projectId", project},
                                      {"zoneId", zone_id},
                                      {"name", std::to_string(++building_no) + "栋"},
                                      {"floors", plan.floors}},
                                     b.summary.buildings);
      build_units(b, project, building, plan, login_project);
    }
}

void build_project(Builder& b, const ProjectPlan& plan) {
  const auto project = b.create(b.org.projects,
                                {{"regionId", b.regions.at(plan.region)},
                                 {"name", plan.name},
                                 {"code", plan.code},
                                 {"timeZone", "Asia/Shanghai"},
                                 {"workStart", plan.work_start},
                                 {"workEnd", plan.work_end},
                                 {"address", plan.address},
                                 {"servicePhone", plan.phone}},
                                b.summary.projects);
  b.projects[plan.code] = project;
  const bool login_project = plan.code == kLoginProject;
  int building_no = 0;
  for (const ZonePlan& zone : plan.zones) build_zone(b, project, zone, building_no, login_project);
  build_staff(b, project, plan);
}

void build_regions(Builder& b) {
  const std::pair<const char*, const char*> regions[] = {{"东部片区", "EAST"}, {"西部片区", "WEST"}};
  for (const auto& [name, code] : regions)
    b.regions[code] = b.create(b.org.regions, {{"name", name}, {"code", code}}, b.summary.regions);
}

}  // namespace

const std::vector<ProjectPlan>& project_plans() {
  static const std::vector<ProjectPlan> all = plans();
  return all;
}

Builder::Builder(const org::OrgModule& org, const auth::UserService& users)
    : org(org), users(users), ctx{auth::system_actor(), "demo"}, rng(kSeed), people(rng) {}

std::int64_t Builder::create(const crud::Resource& resource, const nlohmann::json& body,
                             int& counter) {
  const auto record = resource.create(ctx, body);
  ++counter;
  return record.at("id").get<std::int64_t>();
}

}  // namespace detail

DemoSummary build_demo(db::Database& db, const org::OrgModule& org, const auth::UserService& users,
                       const core::Clock& /*clock: the services stamp the records themselves*/) {
  return db.write([&](db::Session& s) {
    if (db::Query(s, "SELECT id FROM region LIMIT 1").one())
      core::throw_conflict("demo.not_empty",
                           "the database already holds data; the demo company is built only into "
                           "an empty database");
    detail::Builder b(org, users);
    detail::build_regions(b);
    for (const auto& plan : detail::project_plans()) detail::build_project(b, plan);
    detail::build_users(b);
    return b.summary;
  });
}

}  // namespace steward::demo
