#pragma once
// Inside the demo builder: the random source, the generator of people, the plan of each project
// and the pieces build_demo() is made of. Not for use outside server/modules/demo/.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "modules/demo/demo.hpp"

namespace steward::demo::detail {

// std::mt19937 is specified to the bit; the std distributions are not. Ranges are drawn here so
// that every standard library gives the same demo.
class Random {
 public:
  explicit Random(std::uint32_t seed) : gen_(seed) {}
  int between(int lo, int hi) {  // inclusive
    return lo + static_cast<int>(gen_() % static_cast<std::uint32_t>(hi - lo + 1));
  }
  bool percent(int p) { return between(0, 99) < p; }
  template <class Items>
  const auto& pick(const Items& items) {
    return items[static_cast<std::size_t>(between(0, static_cast<int>(std::size(items)) - 1))];
  }

 private:
  std::mt19937 gen_;
};

// Plausible people: Chinese names, mobile numbers unique over the whole demo, resident ID numbers.
class People {
 public:
  explicit People(Random& rng) : rng_(rng) {}
  std::string surname();
  std::string name();
  std::string name(const std::string& surname);
  std::string mobile();
  std::string id_number();
  std::string key_customer_note();

 private:
  Random& rng_;
  std::set<std::string> phones_;
};

// The check character of an 18-character resident ID number (GB 11643, ISO 7064 MOD 11-2),
// from its first 17 digits.
char id_check_character(const std::string& first17);

struct BuildingPlan {
  int count, floors, entrances, rooms;  // `count` buildings, each entrances x floors x rooms units
  int min_area, max_area;               // m2
};
struct ZonePlan {
  std::string name;  // empty: the buildings belong to no zone
  std::vector<BuildingPlan> buildings;
};
struct TeamPlan {
  std::string name, kind, leader_role, member_role;
  int members;
  int subcontracted;  // the last members, employed by `employer`
  std::string employer;
};
struct ProjectPlan {
  std::string region, name, code, address, phone, work_start, work_end;
  std::vector<ZonePlan> zones;
  std::vector<TeamPlan> teams;
};
const std::vector<ProjectPlan>& project_plans();

// The state of one build: the services, the random source and what has been made so far.
struct Builder {
  Builder(const org::OrgModule& org, const auth::UserService& users);
  const org::OrgModule& org;
  const auth::UserService& users;
  core::Context ctx;
  Random rng;
  People people;
  DemoSummary summary;
  std::map<std::string, std::int64_t> regions;        // code -> id
  std::map<std::string, std::int64_t> projects;       // code -> id
  std::map<std::string, std::int64_t> login_staff;    // username -> staff id
  std::optional<std::int64_t> login_customer;         // the owner login's customer
  // Creates a record through its service, counts it, returns its id.
  std::int64_t create(const crud::Resource& resource, const nlohmann::json& body, int& counter);
};

// The project whose staff and owner the logins are linked to.
inline constexpr const char* kLoginProject = "CSHY";

void build_customers(Builder& b, std::int64_t project, std::int64_t unit, bool login_project);
void build_staff(Builder& b, std::int64_t project, const ProjectPlan& plan);
void build_users(Builder& b);

}  // namespace steward::demo::detail
