// The master data as a project manager keeps it: zones, buildings and units, the project tree,
// server-side paging, finding a caller by phone, partial updates and deletion.
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

class Org : public ApiSuite<Org> {
 protected:
  nlohmann::json create(const std::string& base, const nlohmann::json& body) {
    auto r = call("pm", "POST", base, body);
    EXPECT_EQ(r.status, 201u) << base << ": " << r.raw;
    return r.body;
  }
  std::int64_t cshy() { return project("CSHY"); }
  // A new building of CSHY (in no zone) with `units` units named 1-101, 1-102, ...
  std::pair<std::int64_t, std::vector<std::int64_t>> building_with_units(int units) {
    const auto b = create("/api/v1/buildings",
                          {{"projectId", cshy()}, {"name", unique("测试楼")}, {"floors", 9}});
    std::vector<std::int64_t> ids;
    for (int i = 0; i < units; ++i) {
      const int floor = 1 + i / 2, room = 1 + i % 2;  // two units a floor
      const auto unit =
          create("/api/v1/units", {{"projectId", cshy()},
                                   {"buildingId", b["id"]},
                                   {"name", "1-" + std::to_string(floor * 100 + room)},
                                   {"floor", floor}});
      ids.push_back(unit["id"].get<std::int64_t>());
    }
    return {b["id"].get<std::int64_t>(), ids};
  }
};

TEST_P(Org, AZoneABuildingAndAUnitAppearInTheProjectTree) {
  const auto zone_name = unique("测试园");
  const auto zone = create("/api/v1/zones", {{"projectId", cshy()}, {"name", zone_name}});
  EXPECT_GT(zone["id"].get<std::int64_t>(), 0);
  EXPECT_EQ(zone["name"], zone_name);
  EXPECT_EQ(zone["projectId"], cshy());
  EXPECT_FALSE(zone["createdAt"].get<std::string>().empty());

  const auto building =
      create("/api/v1/buildings",
             {{"projectId", cshy()}, {"zoneId", zone["id"]}, {"name", "1栋"}, {"floors", 11}});
  EXPECT_EQ(building["zoneName"], zone_name);
  EXPECT_EQ(building["floors"], 11);
  EXPECT_EQ(building["unitCount"], 0);

  const auto unit = create("/api/v1/units", {{"projectId", cshy()},
                                             {"buildingId", building["id"]},
                                             {"name", "1-101"},
                                             {"floor", 1},
                                             {"areaSqm", 88.5}});
  EXPECT_EQ(unit["label"], zone_name + " 1栋 1-101");
  EXPECT_EQ(unit["areaSqm"], 88.5);
  EXPECT_EQ(unit["vacant"], false);
  EXPECT_EQ(unit["buildingName"], "1栋");
  EXPECT_EQ(get("pm", path_id("/api/v1/units", unit["id"])).body, unit);

  auto tree = get("pm", path_id("/api/v1/projects", cshy()) + "/tree");
  ASSERT_EQ(tree.status, 200u);
  nlohmann::json found;
  for (const auto& z : tree.body["zones"])
    if (z["id"] == zone["id"]) found = z;
  ASSERT_FALSE(found.is_null()) << tree.raw.substr(0, 500);
  EXPECT_EQ(found["name"], zone_name);
  ASSERT_EQ(found["buildings"].size(), 1u);
  EXPECT_EQ(found["buildings"][0]["id"], building["id"]);
  EXPECT_EQ(found["buildings"][0]["unitCount"], 1);
  EXPECT_EQ(get("pm", path_id("/api/v1/buildings", building["id"])).body["unitCount"], 1);
  // The demo's four zones are there too, and the tree holds no other project's zone.
  std::set<std::string> names;
  for (const auto& z : tree.body["zones"]) names.insert(z["name"].get<std::string>());
  for (const char* demo : {"玉兰园", "梅花园", "玫瑰园", "桃花园"})
    EXPECT_TRUE(names.count(demo)) << demo;
  EXPECT_FALSE(names.count("湖景苑"));
}

TEST_P(Org, UnitsOfABuildingArePagedOnTheServer) {
  const auto [building, units] = building_with_units(5);
  const auto base = "/api/v1/units?buildingId=" + std::to_string(building) + "&pageSize=2";
  std::vector<std::int64_t> seen;
  for (int page = 1; page <= 4; ++page) {
    auto r = get("pm", base + "&page=" + std::to_string(page));
    ASSERT_EQ(r.status, 200u);
    EXPECT_EQ(r.body["total"], 5);
    EXPECT_EQ(r.body["items"].size(), page <= 2 ? 2u : page == 3 ? 1u : 0u) << page;
    for (const auto& u : r.body["items"]) {
      EXPECT_EQ(u["buildingId"], building);
      seen.push_back(u["id"].get<std::int64_t>());
    }
  }
  std::vector<std::int64_t> sorted_seen = seen, sorted_units = units;
  std::sort(sorted_seen.begin(), sorted_seen.end());
  std::sort(sorted_units.begin(), sorted_units.end());
  EXPECT_EQ(sorted_seen, sorted_units) << "every unit exactly once over the pages";
}

TEST_P(Org, ListsComeInAStableOrderByFloorAndName) {
  const auto building = building_with_units(6).first;
  const auto target = "/api/v1/units?buildingId=" + std::to_string(building);
  const auto once = get("pm", target).body["items"];
  EXPECT_EQ(get("pm", target).body["items"], once);
  ASSERT_EQ(once.size(), 6u);
  for (std::size_t i = 1; i < once.size(); ++i) {
    const auto a =
        std::make_pair(once[i - 1]["floor"].get<int>(), once[i - 1]["name"].get<std::string>());
    const auto b = std::make_pair(once[i]["floor"].get<int>(), once[i]["name"].get<std::string>());
    EXPECT_LT(a, b);
  }
  // A unit renamed stays in the place its floor and name give it; nothing else moves.
  auto r = call("pm", "PATCH", path_id("/api/v1/units", once[0]["id"]), {{"floor", 9}});
  ASSERT_EQ(r.status, 200u);
  const auto after = get("pm", target).body["items"];
  EXPECT_EQ(after[5]["id"], once[0]["id"]);
  EXPECT_EQ(after[0]["id"], once[1]["id"]);
}

TEST_P(Org, ACustomerIsFoundByTheWholePhoneOrItsLastFourDigits) {
  const auto unit = building_with_units(1).second[0];
  const std::string phone = "19912345678";
  const auto customer = create("/api/v1/customers", {{"projectId", cshy()},
                                                     {"unitId", unit},
                                                     {"name", unique("来电人")},
                                                     {"kind", "tenant"},
                                                     {"phone", "199 1234-5678"}});
  EXPECT_EQ(customer["phone"], phone) << "stored as digits only";
  const auto in_cshy = "/api/v1/customers?projectId=" + std::to_string(cshy());

  auto r = get("pm", in_cshy + "&phone=" + phone);
  ASSERT_EQ(r.status, 200u) << r.raw;
  ASSERT_EQ(r.body["total"], 1);
  EXPECT_EQ(r.body["items"][0]["id"], customer["id"]);
  r = get("frontdesk", in_cshy + "&phone=" + phone.substr(0, 3) + "-" + phone.substr(3));
  ASSERT_EQ(r.body["total"], 1);

  r = get("pm", in_cshy + "&phone=" + phone.substr(7) + "&pageSize=200");
  ASSERT_EQ(r.status, 200u);
  bool mine = false;
  for (const auto& c : r.body["items"]) {
    mine = mine || c["id"] == customer["id"];
    EXPECT_EQ(c["phone"].get<std::string>().substr(7), phone.substr(7));
  }
  EXPECT_TRUE(mine);

  for (const char* bad : {"12", "12345", "1234567890123456", "abcd"}) {
    r = get("pm", in_cshy + "&phone=" + bad);
    EXPECT_EQ(r.status, 400u) << bad;
    EXPECT_TRUE(r.body["details"].contains("phone")) << bad << " " << r.raw;
  }
  EXPECT_EQ(total("pm", in_cshy + "&phone=19900000000"), 0);
}

TEST_P(Org, FreeTextSearchFindsByNameIgnoringAsciiCase) {
  const auto name = unique("Lotus Court ");
  const auto zone = create("/api/v1/zones", {{"projectId", cshy()}, {"name", name}});
  auto r = get("pm", "/api/v1/zones?q=" + url_encode("lotus COURT " + name.substr(12)));
  ASSERT_EQ(r.status, 200u);
  ASSERT_EQ(r.body["total"], 1) << r.raw;
  EXPECT_EQ(r.body["items"][0]["id"], zone["id"]);
  // Chinese names are found by any part of them.
  const auto unit = building_with_units(1).second[0];
  const auto person = unique("欧阳测试");
  create("/api/v1/customers", {{"projectId", cshy()},
                               {"unitId", unit},
                               {"name", person},
                               {"kind", "owner"},
                               {"phone", "19800001111"}});
  r = get("pm", "/api/v1/customers?q=" + url_encode(person.substr(3)));  // not the first character
  ASSERT_EQ(r.status, 200u);
  ASSERT_EQ(r.body["total"], 1);
  EXPECT_EQ(r.body["items"][0]["name"], person);
  EXPECT_EQ(total("pm", "/api/v1/zones?q=no-such-zone-anywhere"), 0);
}

TEST_P(Org, SearchTakesPercentAndUnderscoreLiterally) {
  const auto literal =
      create("/api/v1/zones", {{"projectId", cshy()}, {"name", unique("under_score")}});
  create("/api/v1/zones", {{"projectId", cshy()}, {"name", unique("underXscore")}});
  create("/api/v1/zones", {{"projectId", cshy()}, {"name", unique("打折50%区")}});
  auto r = get("pm", "/api/v1/zones?q=under_score");
  ASSERT_EQ(r.status, 200u);
  ASSERT_EQ(r.body["total"], 1) << r.raw;
  EXPECT_EQ(r.body["items"][0]["id"], literal["id"]);
  r = get("pm", "/api/v1/zones?q=%25");
  ASSERT_EQ(r.status, 200u);
  ASSERT_EQ(r.body["total"], 1) << "only the name with a % in it: " << r.raw.substr(0, 300);
  EXPECT_NE(r.body["items"][0]["name"].get<std::string>().find('%'), std::string::npos);
}

TEST_P(Org, APatchChangesOnlyTheFieldsSent) {
  const auto unit_id = building_with_units(1).second[0];
  const auto target = path_id("/api/v1/units", unit_id);
  const auto before = get("pm", target).body;
  server().clock().advance(60);
  auto r = call("pm", "PATCH", target, {{"vacant", true}});
  ASSERT_EQ(r.status, 200u) << r.raw;
  auto after = get("pm", target).body;
  EXPECT_EQ(after, r.body);
  EXPECT_EQ(after["vacant"], true);
  EXPECT_NE(after["updatedAt"], before["updatedAt"]);
  EXPECT_EQ(after["createdAt"], before["createdAt"]);
  for (const char* same : {"name", "floor", "areaSqm", "buildingId", "projectId", "label"})
    EXPECT_EQ(after[same], before[same]) << same;
  // An empty patch changes nothing at all.
  r = call("pm", "PATCH", target, nlohmann::json::object());
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(get("pm", target).body, after);
}

TEST_P(Org, AnUnreferencedUnitCanBeDeletedAndIsThenGone) {
  const auto [building, units] = building_with_units(2);
  const auto target = path_id("/api/v1/units", units[0]);
  auto r = call("pm", "DELETE", target);
  EXPECT_EQ(r.status, 204u) << r.raw;
  EXPECT_TRUE(r.raw.empty());
  EXPECT_EQ(get("pm", target).status, 404u);
  EXPECT_EQ(call("pm", "DELETE", target).status, 404u);
  EXPECT_EQ(get("pm", path_id("/api/v1/buildings", building)).body["unitCount"], 1);
  // A unit with a customer on it is not deleted.
  const auto other = path_id("/api/v1/units", units[1]);
  create("/api/v1/customers", {{"projectId", cshy()},
                               {"unitId", units[1]},
                               {"name", "住户"},
                               {"kind", "owner"},
                               {"phone", "19800002222"}});
  r = call("pm", "DELETE", other);
  EXPECT_EQ(r.status, 409u);
  EXPECT_EQ(r.body["code"], "conflict.in_use");
  EXPECT_EQ(get("pm", other).status, 200u);
}

TEST_P(Org, AProjectManagerCannotManageAccountsOrProjects) {
  auto r = call("pm", "POST", "/api/v1/projects",
                {{"regionId", 1}, {"name", unique("新项目")}, {"code", "NEWP"}});
  EXPECT_EQ(r.status, 403u);
  EXPECT_EQ(r.body["details"]["permission"], "project.manage");
  // A supervisor reads the units but may not change them.
  const auto unit = first_id("/api/v1/units?projectId=" + std::to_string(cshy()));
  EXPECT_EQ(get("supervisor", path_id("/api/v1/units", unit)).status, 200u);
  r = call("supervisor", "PATCH", path_id("/api/v1/units", unit), {{"vacant", true}});
  EXPECT_EQ(r.status, 403u);
  EXPECT_EQ(r.body["details"]["permission"], "org.manage");
}

INSTANTIATE_TEST_SUITE_P(Engines, Org, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
