// Bad input of every kind answers a 4xx with a stable code, names the offending field in
// `details`, and changes nothing: the records are counted through the API before and after.
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

class BadInput : public ApiSuite<BadInput> {
 protected:
  std::string zones_of(const std::string& code) {
    return "/api/v1/zones?projectId=" + std::to_string(project(code));
  }
  std::string buildings_of(const std::string& code) {
    return "/api/v1/buildings?projectId=" + std::to_string(project(code));
  }
  // Posts a raw body as admin.
  Reply post_raw(const std::string& target, const std::string& body,
                 const std::string& type = "application/json") {
    return server().raw_request(
        "POST", target, body, {{"Authorization", "Bearer " + as("admin")}, {"Content-Type", type}});
  }
  // Creates a zone as admin and expects a 400 naming `field`; no zone may appear.
  nlohmann::json refused_zone(const nlohmann::json& body, const std::string& field) {
    const auto before = total("admin", zones_of("CSHY"));
    auto r = call("admin", "POST", "/api/v1/zones", body);
    EXPECT_EQ(r.status, 400u) << r.raw;
    EXPECT_EQ(r.body["code"], "validation.failed") << r.raw;
    EXPECT_TRUE(r.body["details"].contains(field)) << r.raw;
    EXPECT_EQ(total("admin", zones_of("CSHY")), before);
    return r.body["details"];
  }
};

TEST_P(BadInput, MalformedJsonIsRefusedAndCreatesNothing) {
  const auto before = total("admin", zones_of("CSHY"));
  auto r = post_raw("/api/v1/zones",
                    "{\"projectId\": " + std::to_string(project("CSHY")) + ", \"name\": ");
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["code"], "request.malformed_json");
  EXPECT_EQ(total("admin", zones_of("CSHY")), before);
}

TEST_P(BadInput, AJsonArrayIsNotARecord) {
  const auto before = total("admin", zones_of("CSHY"));
  auto r = post_raw(
      "/api/v1/zones",
      nlohmann::json::array({{{"projectId", project("CSHY")}, {"name", unique("数组区")}}}).dump());
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["code"], "request.malformed_json");
  EXPECT_EQ(total("admin", zones_of("CSHY")), before);
}

TEST_P(BadInput, AWrongTypeNamesTheField) {
  auto details = refused_zone({{"projectId", project("CSHY")}, {"name", 5}}, "name");
  EXPECT_EQ(details["name"], "must be a string");
  details =
      refused_zone({{"projectId", std::to_string(project("CSHY"))}, {"name", "x"}}, "projectId");
  EXPECT_EQ(details["projectId"], "must be an integer");
}

TEST_P(BadInput, AMissingRequiredFieldNamesTheField) {
  auto details = refused_zone({{"projectId", project("CSHY")}}, "name");
  EXPECT_EQ(details["name"], "is required");
  details = refused_zone({{"projectId", project("CSHY")}, {"name", nullptr}}, "name");
  EXPECT_EQ(details["name"], "is required");
  details = refused_zone({{"projectId", project("CSHY")}, {"name", "   "}}, "name");
  EXPECT_EQ(details["name"], "must not be empty");
}

TEST_P(BadInput, AnUnknownFieldIsRefusedNotIgnored) {
  auto details =
      refused_zone({{"projectId", project("CSHY")}, {"name", unique("未知区")}, {"foo", 1}}, "foo");
  EXPECT_EQ(details["foo"], "is not a known field");
  EXPECT_EQ(details.size(), 1u);
}

TEST_P(BadInput, EveryBadFieldIsNamedInOneAnswer) {
  const auto before = total("admin", buildings_of("CSHY"));
  auto r = call("admin", "POST", "/api/v1/buildings",
                {{"name", 5}, {"floors", "ten"}, {"colour", "red"}});
  EXPECT_EQ(r.status, 400u);
  const auto& d = r.body["details"];
  EXPECT_EQ(d["projectId"], "is required");
  EXPECT_EQ(d["name"], "must be a string");
  EXPECT_EQ(d["floors"], "must be an integer");
  EXPECT_EQ(d["colour"], "is not a known field");
  EXPECT_EQ(total("admin", buildings_of("CSHY")), before);
}

TEST_P(BadInput, NumbersOutOfRangeNameTheField) {
  const auto before = total("admin", buildings_of("CSHY"));
  for (const nlohmann::json& floors :
       {nlohmann::json(0), nlohmann::json(201), nlohmann::json(2.5),
        nlohmann::json::parse("18446744073709551615"), nlohmann::json(1e30)}) {
    auto r = call("admin", "POST", "/api/v1/buildings",
                  {{"projectId", project("CSHY")}, {"name", unique("楼")}, {"floors", floors}});
    EXPECT_EQ(r.status, 400u) << floors;
    EXPECT_TRUE(r.body["details"].contains("floors")) << floors << " " << r.raw;
  }
  EXPECT_EQ(total("admin", buildings_of("CSHY")), before);
}

TEST_P(BadInput, ANameOverItsLimitIsRefusedCountingCharactersNotBytes) {
  std::string fifty_one;
  for (int i = 0; i < 51; ++i) fifty_one += "园";
  auto details = refused_zone({{"projectId", project("CSHY")}, {"name", fifty_one}}, "name");
  EXPECT_EQ(details["name"], "must be at most 50 characters");
  // Fifty characters (150 bytes of UTF-8) are within the limit.
  const std::string fifty = fifty_one.substr(3);
  auto r =
      call("admin", "POST", "/api/v1/zones", {{"projectId", project("CSHY")}, {"name", fifty}});
  EXPECT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["name"], fifty);
}

TEST_P(BadInput, InvalidUtf8InsideAStringIsRefused) {
  const auto before = total("admin", zones_of("CSHY"));
  auto r = post_raw("/api/v1/zones", "{\"projectId\": " + std::to_string(project("CSHY")) +
                                         ", \"name\": \"bad\xff\xfe\"}");
  EXPECT_EQ(r.status, 400u) << r.raw;
  EXPECT_EQ(r.body["code"], "request.malformed_json");
  EXPECT_EQ(total("admin", zones_of("CSHY")), before);
}

TEST_P(BadInput, ControlCharactersInTextAreRefused) {
  auto details =
      refused_zone({{"projectId", project("CSHY")}, {"name", std::string("a\x01z")}}, "name");
  EXPECT_EQ(details["name"], "must not contain control characters");
}

TEST_P(BadInput, PagingParametersOutOfRangeAreRefusedNotDefaulted) {
  for (const char* size : {"-1", "0", "201", "100000", "99999999999999999999", "abc", "2x"}) {
    auto r = get("admin", std::string("/api/v1/units?pageSize=") + size);
    EXPECT_EQ(r.status, 400u) << size;
    EXPECT_EQ(r.body["code"], "validation.failed") << size;
    EXPECT_TRUE(r.body["details"].contains("pageSize")) << size << " " << r.raw;
  }
  for (const char* page : {"abc", "0", "-3"}) {
    auto r = get("admin", std::string("/api/v1/units?page=") + page);
    EXPECT_EQ(r.status, 400u) << page;
    EXPECT_TRUE(r.body["details"].contains("page")) << page << " " << r.raw;
  }
  auto r = get("admin", "/api/v1/units?projectId=abc");
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("projectId")) << r.raw;
  r = get("admin", "/api/v1/units?vacant=maybe");
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("vacant")) << r.raw;
  EXPECT_EQ(get("admin", "/api/v1/units?pageSize=200").status, 200u);
}

TEST_P(BadInput, APostThatIsNotJsonIs415) {
  const auto before = total("admin", zones_of("CSHY"));
  const auto body =
      nlohmann::json{{"projectId", project("CSHY")}, {"name", unique("文本区")}}.dump();
  auto r = post_raw("/api/v1/zones", body, "text/plain");
  EXPECT_EQ(r.status, 415u);
  EXPECT_EQ(r.body["code"], "request.unsupported_media_type");
  r = server().raw_request("POST", "/api/v1/zones", body,
                           {{"Authorization", "Bearer " + as("admin")}});
  EXPECT_EQ(r.status, 415u);
  EXPECT_EQ(total("admin", zones_of("CSHY")), before);
}

TEST_P(BadInput, ABodyOverOneMebibyteIs413) {
  const auto before = total("admin", zones_of("CSHY"));
  const std::string name(1024 * 1024, 'x');
  auto r = post_raw("/api/v1/zones", "{\"projectId\": " + std::to_string(project("CSHY")) +
                                         ", \"name\": \"" + name + "\"}");
  EXPECT_EQ(r.status, 413u);
  EXPECT_EQ(r.body["code"], "request.body_too_large");
  EXPECT_EQ(total("admin", zones_of("CSHY")), before);
}

TEST_P(BadInput, AReferenceToAnotherProjectsRecordDoesNotExist) {
  const auto chtd_zone = first_id("/api/v1/zones?projectId=" + std::to_string(project("CHTD")));
  const auto before = total("admin", buildings_of("CSHY"));
  auto r = call("admin", "POST", "/api/v1/buildings",
                {{"projectId", project("CSHY")},
                 {"zoneId", chtd_zone},
                 {"name", unique("越界楼")},
                 {"floors", 6}});
  EXPECT_EQ(r.status, 400u) << r.raw;
  EXPECT_EQ(r.body["details"]["zoneId"], "does not exist in this project");
  EXPECT_EQ(total("admin", buildings_of("CSHY")), before);
  // Nor may an existing building be moved into it.
  const auto building = first_id(buildings_of("CSHY"));
  r = call("admin", "PATCH", path_id("/api/v1/buildings", building), {{"zoneId", chtd_zone}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["zoneId"], "does not exist in this project");
  EXPECT_NE(get("admin", path_id("/api/v1/buildings", building)).body["zoneId"], chtd_zone);
}

TEST_P(BadInput, APathIdThatIsNotANumberIsNotFound) {
  for (const char* id : {"abc", "0", "-1", "1.5", "99999999999999999999", "99999999"}) {
    auto r = get("admin", std::string("/api/v1/units/") + id);
    EXPECT_EQ(r.status, 404u) << id;
    EXPECT_EQ(r.body["code"], "not_found") << id;
  }
  auto r = call("admin", "PATCH", "/api/v1/units/abc", {{"name", "x"}});
  EXPECT_EQ(r.status, 404u);
  r = call("admin", "DELETE", "/api/v1/units/abc");
  EXPECT_EQ(r.status, 404u);
}

TEST_P(BadInput, AnUnknownEndpointIs404AndAWrongVerbIs405) {
  auto r = get("admin", "/api/v1/nothing-here");
  EXPECT_EQ(r.status, 404u);
  EXPECT_EQ(r.body["code"], "route.not_found");
  r = call("admin", "PUT", "/api/v1/zones", {{"name", "x"}});
  EXPECT_EQ(r.status, 405u);
  EXPECT_EQ(r.body["code"], "request.method_not_allowed");
  EXPECT_EQ(r.headers["allow"], "GET, POST");
}

TEST_P(BadInput, AHeaderOver16KiBIs431) {
  auto r = server().raw_request("GET", "/api/v1/health", "",
                                {{"X-Padding", std::string(17 * 1024, 'a')}});
  EXPECT_EQ(r.status, 431u);
  EXPECT_EQ(r.body["code"], "request.header_too_large");
  EXPECT_EQ(server().request("GET", "/api/v1/health").status, 200u);
}

TEST_P(BadInput, BytesThatAreNotHttpGet400AndTheServerCarriesOn) {
  const std::string answer = server().send_bytes("\x16\x03\x01\x02garbage\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer;
  EXPECT_NE(answer.find("request.malformed"), std::string::npos) << answer;
  const std::string bad_version = server().send_bytes("NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(bad_version.rfind("HTTP/1.1 400", 0), 0u) << bad_version;
  auto r = server().request("GET", "/api/v1/health");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body["status"], "ok");
}

TEST_P(BadInput, ADuplicateNameInTheSameProjectNamesTheField) {
  auto details = refused_zone({{"projectId", project("CSHY")}, {"name", "玉兰园"}}, "name");
  EXPECT_EQ(details["name"], "is already used in this project");
  // Renaming a zone onto another's name is refused the same way, and the zone keeps its name.
  const auto zones = get("admin", zones_of("CSHY")).body["items"];
  ASSERT_GE(zones.size(), 2u);
  const auto id = zones[1]["id"].get<std::int64_t>();
  auto r = call("admin", "PATCH", path_id("/api/v1/zones", id), {{"name", zones[0]["name"]}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["name"], "is already used in this project");
  EXPECT_EQ(get("admin", path_id("/api/v1/zones", id)).body["name"], zones[1]["name"]);
  // The same name in another project is a different zone.
  r = call("admin", "POST", "/api/v1/zones", {{"projectId", project("XSTY")}, {"name", "玉兰园"}});
  EXPECT_EQ(r.status, 201u) << r.raw;
}

TEST_P(BadInput, WorkEndBeforeWorkStartIsRefused) {
  const auto before = total("admin", "/api/v1/projects");
  const auto region = get("admin", path_id("/api/v1/projects", project("CSHY"))).body["regionId"];
  auto r = call("admin", "POST", "/api/v1/projects",
                {{"regionId", region},
                 {"name", unique("倒班项目")},
                 {"code", "NIGHT"},
                 {"workStart", "18:00"},
                 {"workEnd", "09:00"}});
  EXPECT_EQ(r.status, 400u) << r.raw;
  EXPECT_EQ(r.body["details"]["workEnd"], "must be after workStart");
  EXPECT_EQ(total("admin", "/api/v1/projects"), before);
  // Checked against the stored start too: CSHY starts at 09:00.
  const auto cshy = path_id("/api/v1/projects", project("CSHY"));
  r = call("admin", "PATCH", cshy, {{"workEnd", "08:00"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["workEnd"], "must be after workStart");
  EXPECT_EQ(get("admin", cshy).body["workEnd"], "18:00");
  r = call("admin", "PATCH", cshy, {{"workStart", "25:00"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["workStart"], "must be a time of day HH:MM");
}

TEST_P(BadInput, NullOrImmutableFieldsInAPatchAreRefused) {
  const auto zone = first_id(zones_of("CSHY"));
  auto r = call("admin", "PATCH", path_id("/api/v1/zones", zone), {{"name", nullptr}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["name"], "must not be null");
  r = call("admin", "PATCH", path_id("/api/v1/zones", zone), {{"projectId", project("CHTD")}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body["details"]["projectId"], "cannot be changed");
  EXPECT_EQ(get("admin", path_id("/api/v1/zones", zone)).body["projectId"], project("CSHY"));
}

TEST_P(BadInput, DeletingAZoneThatStillHasBuildingsIsAConflict) {
  const auto zone = first_id(zones_of("CSHY"));
  ASSERT_GT(total("admin", "/api/v1/buildings?zoneId=" + std::to_string(zone)), 0);
  auto r = call("admin", "DELETE", path_id("/api/v1/zones", zone));
  EXPECT_EQ(r.status, 409u);
  EXPECT_EQ(r.body["code"], "conflict.in_use");
  EXPECT_EQ(r.body["details"]["building"], "refers to this record");
  EXPECT_EQ(get("admin", path_id("/api/v1/zones", zone)).status, 200u);
}

INSTANTIATE_TEST_SUITE_P(Engines, BadInput, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
