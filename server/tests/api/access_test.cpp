// Who sees what (DOMAIN O3/O4): a record outside the caller's projects does not exist for them
// (404, never 403, so its existence is not revealed); a missing permission for a whole kind of
// record is 403; contact data is masked for whoever may not see it, in answers and in the audit.
#include <regex>

#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

bool masked_phone(const std::string& phone) {
  return std::regex_match(phone, std::regex(R"(1\d\d\*{4}\d{4})"));
}
bool clear_phone(const std::string& phone) {
  return std::regex_match(phone, std::regex(R"(1\d{10})"));
}

class Access : public ApiSuite<Access> {
 protected:
  std::string in(const std::string& base, const std::string& code) {
    return base + "?projectId=" + std::to_string(project(code));
  }
  // One record of each kind in a project, by API path.
  std::vector<std::pair<std::string, std::int64_t>> records_of(const std::string& code) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const char* base : {"/api/v1/zones", "/api/v1/buildings", "/api/v1/units",
                             "/api/v1/customers", "/api/v1/staff", "/api/v1/teams"})
      out.emplace_back(base, first_id(in(base, code)));
    return out;
  }
  nlohmann::json me(const std::string& user) { return get(user, "/api/v1/me").body; }
};

TEST_P(Access, AnotherProjectsRecordsDoNotExistForAProjectManager) {
  for (const auto& [base, id] : records_of("CHTD")) {
    const auto target = path_id(base, id);
    auto r = get("pm", target);
    EXPECT_EQ(r.status, 404u) << target;
    EXPECT_EQ(r.body["code"], "not_found") << target;
    r = call("pm", "PATCH", target, {{"name", "改名"}});
    EXPECT_EQ(r.status, 404u) << "PATCH " << target << ": " << r.raw;
    r = call("pm", "DELETE", target);
    EXPECT_EQ(r.status, 404u) << "DELETE " << target << ": " << r.raw;
    EXPECT_EQ(get("admin", target).status, 200u) << target << " must still exist";
    // The same kind of record in the manager's own project is there.
    EXPECT_EQ(get("pm", path_id(base, first_id(in(base, "CSHY")))).status, 200u) << base;
  }
  const auto chtd = path_id("/api/v1/projects", project("CHTD"));
  EXPECT_EQ(get("pm", chtd).status, 404u);
  EXPECT_EQ(get("pm", chtd + "/tree").status, 404u);
  EXPECT_EQ(get("pm", path_id("/api/v1/projects", project("CSHY")) + "/tree").status, 200u);
  // Managing projects is not the manager's to do, whichever the project: nothing is revealed.
  const auto own = path_id("/api/v1/projects", project("CSHY"));
  EXPECT_EQ(call("pm", "PATCH", chtd, {{"address", "x"}}).status, 403u);
  EXPECT_EQ(call("pm", "PATCH", own, {{"address", "x"}}).status, 403u);
  EXPECT_EQ(call("pm", "DELETE", chtd).status, call("pm", "DELETE", own).status);
}

TEST_P(Access, ListsFilteredToAnotherProjectAreEmpty) {
  for (const char* base : {"/api/v1/zones", "/api/v1/buildings", "/api/v1/units",
                           "/api/v1/customers", "/api/v1/staff", "/api/v1/teams"}) {
    auto r = get("pm", in(base, "CHTD"));
    EXPECT_EQ(r.status, 200u) << base;
    EXPECT_EQ(r.body["total"], 0) << base;
    EXPECT_TRUE(r.body["items"].empty()) << base;
    // Unfiltered, the list holds the manager's project only.
    r = get("pm", std::string(base) + "?pageSize=200");
    ASSERT_EQ(r.status, 200u) << base;
    EXPECT_EQ(r.body["total"], total("admin", in(base, "CSHY"))) << base;
    for (const auto& item : r.body["items"]) EXPECT_EQ(item["projectId"], project("CSHY")) << base;
  }
  // Searching another project's customer by phone finds nothing either.
  const auto phone = first(in("/api/v1/customers", "CHTD"))["phone"].get<std::string>();
  auto r = get("pm", "/api/v1/customers?phone=" + phone);
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body["total"], 0);
  EXPECT_GE(total("admin", "/api/v1/customers?phone=" + phone), 1);
  // And the audit trail of another project's record is empty for the manager.
  const auto customer = first_id(in("/api/v1/customers", "CHTD"));
  EXPECT_EQ(total("pm", "/api/v1/audit?entity=customer&id=" + std::to_string(customer)), 0);
  EXPECT_GE(total("admin", "/api/v1/audit?entity=customer&id=" + std::to_string(customer)), 1);
}

TEST_P(Access, CreatingInAnotherProjectIsNotFound) {
  const auto chtd = project("CHTD");
  const auto before = total("admin", in("/api/v1/zones", "CHTD"));
  auto r = call("pm", "POST", "/api/v1/zones", {{"projectId", chtd}, {"name", unique("越权区")}});
  EXPECT_EQ(r.status, 404u) << r.raw;
  EXPECT_EQ(total("admin", in("/api/v1/zones", "CHTD")), before);
  r = call("pm", "POST", "/api/v1/buildings",
           {{"projectId", chtd}, {"name", unique("越权楼")}, {"floors", 3}});
  EXPECT_EQ(r.status, 404u) << r.raw;
  r = call("pm", "POST", "/api/v1/teams",
           {{"projectId", chtd}, {"name", unique("越权组")}, {"kind", "security"}});
  EXPECT_EQ(r.status, 404u) << r.raw;
  const auto unit = first_id(in("/api/v1/units", "CHTD"));
  r = call("pm", "POST", "/api/v1/customers",
           {{"projectId", chtd},
            {"unitId", unit},
            {"name", "越权"},
            {"kind", "owner"},
            {"phone", "13700000001"}});
  EXPECT_EQ(r.status, 404u) << r.raw;
  // Pointing a record of one's own project at another project's record is refused as well.
  r = call("pm", "POST", "/api/v1/customers",
           {{"projectId", project("CSHY")},
            {"unitId", unit},
            {"name", "越权"},
            {"kind", "owner"},
            {"phone", "13700000002"}});
  EXPECT_EQ(r.status, 400u) << r.raw;
  EXPECT_EQ(r.body["details"]["unitId"], "does not exist in this project");
}

TEST_P(Access, ARegionManagerSeesTheRegionsProjectsOnly) {
  auto r = get("region", "/api/v1/projects");
  ASSERT_EQ(r.status, 200u);
  std::set<std::string> codes;
  for (const auto& p : r.body["items"]) codes.insert(p["code"].get<std::string>());
  EXPECT_EQ(codes, (std::set<std::string>{"CHTD", "CSHY"}));
  EXPECT_EQ(r.body["total"], 2);
  std::set<std::string> mine;
  const auto region = me("region");
  for (const auto& p : region["projects"]) mine.insert(p["code"].get<std::string>());
  EXPECT_EQ(mine, codes);
  EXPECT_EQ(get("region", path_id("/api/v1/projects", project("XSTY"))).status, 404u);
  EXPECT_EQ(get("region", path_id("/api/v1/units", first_id(in("/api/v1/units", "XSTY")))).status,
            404u);
  EXPECT_EQ(total("region", in("/api/v1/units", "XSTY")), 0);
  EXPECT_EQ(get("region", path_id("/api/v1/units", first_id(in("/api/v1/units", "CHTD")))).status,
            200u);
  r = get("region", "/api/v1/regions");
  ASSERT_EQ(r.status, 200u);
  ASSERT_EQ(r.body["items"].size(), 1u);
  EXPECT_EQ(r.body["items"][0]["code"], "EAST");
}

TEST_P(Access, AnOwnerSeesTheirOwnCustomerRecordAndUnitOnly) {
  const auto self = me("owner");
  ASSERT_TRUE(self["customerId"].is_number()) << self;
  const auto customer_id = self["customerId"].get<std::int64_t>();
  auto r = get("owner", "/api/v1/customers");
  ASSERT_EQ(r.status, 200u) << r.raw;
  ASSERT_EQ(r.body["total"], 1);
  const auto own = r.body["items"][0];
  EXPECT_EQ(own["id"], customer_id);
  EXPECT_EQ(own["name"], "黄丽华");
  EXPECT_TRUE(clear_phone(own["phone"])) << own["phone"];
  EXPECT_EQ(own["contactMasked"], false);

  r = get("owner", "/api/v1/units");
  ASSERT_EQ(r.status, 200u);
  ASSERT_GE(r.body["total"], 1);
  for (const auto& u : r.body["items"]) EXPECT_EQ(u["id"], own["unitId"]);
  EXPECT_EQ(get("owner", path_id("/api/v1/units", own["unitId"])).status, 200u);

  // Any other customer, a neighbour or someone in another project, does not exist for the owner.
  const auto cshy = get("admin", in("/api/v1/customers", "CSHY") + "&pageSize=3").body["items"];
  for (const auto& c : cshy) {
    if (c["id"] != customer_id) {
      EXPECT_EQ(get("owner", path_id("/api/v1/customers", c["id"])).status, 404u) << c["id"];
    }
  }
  EXPECT_EQ(
      get("owner", path_id("/api/v1/customers", first_id(in("/api/v1/customers", "CHTD")))).status,
      404u);
  const auto other_unit = first_id(in("/api/v1/units", "CHTD"));
  EXPECT_EQ(get("owner", path_id("/api/v1/units", other_unit)).status, 404u);
  EXPECT_EQ(get("owner", "/api/v1/staff").status, 403u);
  EXPECT_EQ(get("owner", "/api/v1/users").status, 403u);
  EXPECT_EQ(get("owner", "/api/v1/audit?entity=customer").status, 403u);
  EXPECT_EQ(
      call("owner", "PATCH", path_id("/api/v1/customers", customer_id), {{"note", "x"}}).status,
      403u);
}

TEST_P(Access, WithoutCustomerReadTheCustomersAreForbidden) {
  auto r = get("security", "/api/v1/customers");
  EXPECT_EQ(r.status, 403u);
  EXPECT_EQ(r.body["code"], "auth.forbidden");
  EXPECT_EQ(r.body["details"]["permission"], "customer.read");
  const auto id = first_id(in("/api/v1/customers", "CSHY"));
  EXPECT_EQ(get("security", path_id("/api/v1/customers", id)).status, 403u);
  EXPECT_EQ(get("cleaning", "/api/v1/customers").status, 403u);
  EXPECT_EQ(get("security", "/api/v1/users").status, 403u);
  EXPECT_EQ(get("security", "/api/v1/units").status, 200u);
}

TEST_P(Access, PhonesAreMaskedForWhoeverLacksContactPermission) {
  auto r = get("quality", in("/api/v1/customers", "CSHY") + "&pageSize=50");
  ASSERT_EQ(r.status, 200u);
  ASSERT_FALSE(r.body["items"].empty());
  for (const auto& c : r.body["items"]) {
    EXPECT_TRUE(masked_phone(c["phone"])) << c["phone"];
    EXPECT_EQ(c["contactMasked"], true);
    const std::string id = c["idNumber"];
    if (!id.empty()) {
      EXPECT_NE(id.find("****"), std::string::npos) << id;
    }
  }
  // The quality department sees every project (company scope), masked the same way.
  r = get("quality", in("/api/v1/customers", "XSTY"));
  ASSERT_EQ(r.status, 200u);
  ASSERT_FALSE(r.body["items"].empty());
  EXPECT_TRUE(masked_phone(r.body["items"][0]["phone"]));
  const auto one = get("quality", path_id("/api/v1/customers", r.body["items"][0]["id"]));
  EXPECT_TRUE(masked_phone(one.body["phone"]));

  r = get("frontdesk", in("/api/v1/customers", "CSHY") + "&pageSize=50");
  ASSERT_EQ(r.status, 200u);
  for (const auto& c : r.body["items"]) {
    EXPECT_TRUE(clear_phone(c["phone"])) << c["phone"];
    EXPECT_EQ(c["contactMasked"], false);
  }
  // The same record: the masked form keeps the first three and the last four digits.
  const auto clear = r.body["items"][0]["phone"].get<std::string>();
  const auto masked =
      get("quality", path_id("/api/v1/customers", r.body["items"][0]["id"])).body["phone"];
  EXPECT_EQ(masked, clear.substr(0, 3) + "****" + clear.substr(7));
}

TEST_P(Access, TheAuditTrailShowsAPhoneChangeWithThePhoneMasked) {
  const auto customer =
      get("admin", in("/api/v1/customers", "CSHY") + "&pageSize=2").body["items"][1];
  const auto id = customer["id"].get<std::int64_t>();
  const std::string old_phone = customer["phone"];
  const std::string new_phone = "13912345678";
  auto r = call("frontdesk", "PATCH", path_id("/api/v1/customers", id), {{"phone", new_phone}});
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["phone"], new_phone);

  r = get("admin", "/api/v1/audit?entity=customer&id=" + std::to_string(id));
  ASSERT_EQ(r.status, 200u) << r.raw;
  ASSERT_FALSE(r.body["items"].empty());
  const auto& entry = r.body["items"][0];  // newest first
  EXPECT_EQ(entry["action"], "update");
  EXPECT_EQ(entry["actorUsername"], "frontdesk");
  EXPECT_EQ(entry["entityId"], id);
  EXPECT_EQ(entry["before"]["phone"], old_phone.substr(0, 3) + "****" + old_phone.substr(7));
  EXPECT_EQ(entry["after"]["phone"], "139****5678");
  EXPECT_EQ(r.raw.find(new_phone), std::string::npos) << "the clear number leaked into the audit";
  EXPECT_EQ(r.raw.find(old_phone), std::string::npos) << "the clear number leaked into the audit";

  r = get("frontdesk", "/api/v1/audit?entity=customer&id=" + std::to_string(id));
  EXPECT_EQ(r.status, 403u);
  EXPECT_EQ(r.body["details"]["permission"], "audit.read");
}

INSTANTIATE_TEST_SUITE_P(Engines, Access, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
