#pragma once
// The built-in rubrics, transcribed from the seeds as data (DOMAIN I1): compiled into the binary
// and installed once into an empty company (see docs/inspections.md for why here and not in a
// migration).
#include <string>
#include <vector>

#include "modules/inspections/scoring.hpp"

namespace steward::inspections {

struct SeedSection {
  std::string name;
  std::vector<Item> items;
};
struct SeedRubric {
  std::string code;
  std::string name;
  std::string source;  // which seed, and what it says about the maximum
  std::int64_t stated_max_centi = 0;  // the maximum as the seed states it (or as we chose)
  std::vector<SeedSection> sections;
};

const std::vector<SeedRubric>& seed_rubrics();

// The built-in scheme of seed 001: the customer-service rubric weighs 25%; the rest of the seed's
// rubrics are not shown, so the facilities part, the on-site standard and the clubhouse standard
// share the other 75% (25% each) until the company sets its own weights.
struct SeedScheme {
  std::string name;
  std::vector<std::pair<std::string, std::int64_t>> weights_bp;  // rubric code -> basis points
};
const SeedScheme& seed_scheme();

}  // namespace steward::inspections
