// The scoring rules, table by table, with the edges the seeds and docs/inspections.md name.
#include "modules/inspections/scoring.hpp"

#include <gtest/gtest.h>

#include <set>

#include "modules/inspections/seed_rubrics.hpp"

namespace steward::inspections {
namespace {

Item range_item(std::int64_t max, std::int64_t points, std::int64_t lo, std::int64_t hi) {
  return {"X", "x", "", max, points, {RuleKind::range, lo, hi, 0}};
}

TEST(InspectionScoring, RangeDeductionsAreCheckedPerMissingPoint) {
  const Item item = range_item(500, 4, 50, 200);  // 5 points, 4 check points, 0.5-2 each
  struct Case {
    std::vector<std::int64_t> amounts;
    bool ok;
    std::int64_t score;
  } cases[] = {
      {{50}, true, 450},            // the smallest amount
      {{200}, true, 300},           // the largest
      {{49}, false, 0},             // just below the range
      {{201}, false, 0},            // just above
      {{50, 125}, true, 325},       // two missing points, different amounts
      {{200, 200, 200}, true, 0},   // 6 points off 5: never below zero
      {{50, 50, 50, 50, 50}, false, 0},  // more missing points than the standard lists
      {{}, false, 0},
  };
  for (const auto& c : cases) {
    Finding f;
    f.amounts_centi = c.amounts;
    const auto err = check_finding(item, f);
    EXPECT_EQ(!err.has_value(), c.ok) << ::testing::PrintToString(c.amounts);
    if (err) {
      EXPECT_EQ(err->field, "amounts");
    }
    if (c.ok) {
      EXPECT_EQ(item_score_centi(item, f), c.score) << ::testing::PrintToString(c.amounts);
    }
  }
}

TEST(InspectionScoring, PerOccurrenceAndAllOrNothing) {
  const Item per{"O", "o", "", 500, 0, {RuleKind::per_occurrence, 0, 0, 20}};  // 0.2 each
  struct Case {
    std::int64_t occurrences;
    bool ok;
    std::int64_t score;
  } cases[] = {{1, true, 480}, {3, true, 440}, {25, true, 0}, {30, true, 0}, {0, false, 0}};
  for (const auto& c : cases) {
    Finding f;
    f.occurrences = c.occurrences;
    EXPECT_EQ(!check_finding(per, f).has_value(), c.ok) << c.occurrences;
    if (c.ok) {
      EXPECT_EQ(item_score_centi(per, f), c.score) << c.occurrences;
    }
  }
  Finding amounts;
  amounts.amounts_centi = {20};
  EXPECT_EQ(check_finding(per, amounts)->field, "occurrences");

  const Item all{"A", "a", "", 400, 0, {RuleKind::all_or_nothing, 0, 0, 0}};
  Finding failed;
  failed.failed = true;
  EXPECT_FALSE(check_finding(all, failed));
  EXPECT_EQ(item_score_centi(all, failed), 0);
  EXPECT_EQ(item_score_centi(all, Finding{}), 400);
  EXPECT_EQ(check_finding(all, Finding{})->field, "failed");
}

TEST(InspectionScoring, ScalingTo100RoundsHalfUpToTheHundredth) {
  struct Case {
    std::int64_t raw, max, scaled;
  } cases[] = {
      {10000, 10000, 10000}, {9150, 10000, 9150},  // a 100-point rubric is not scaled
      {2000, 2000, 10000},   {1800, 2000, 9000},   // 18 of 20 -> 90.00
      {6480, 6500, 9969},    // 64.8/65 = 99.6923.. -> 99.69
      {6470, 6500, 9954},    // 64.7/65 = 99.5384.. -> 99.54
      {200, 300, 6667},      // 2/3 = 66.666.. -> 66.67
      {100, 300, 3333},      // 1/3 = 33.333.. -> 33.33
      {1, 8, 1250},          // exact
      {1, 1600, 6},          // 0.0625 -> 0.06 (below the half)
      {3, 1600, 19},         // 0.1875 -> 0.19
      {1, 800, 13},          // 0.125 exactly half -> 0.13 (half up)
      {4000, 4400, 9091},    // 40/44 = 90.909.. -> 90.91
      {0, 4400, 0},
  };
  for (const auto& c : cases) EXPECT_EQ(scale_to_100(c.raw, c.max), c.scaled) << c.raw << "/" << c.max;
}

TEST(InspectionScoring, CompositeIsTheWeightedSumRoundedOnce) {
  EXPECT_EQ(composite_centi({{9150, 2500}, {9000, 2500}, {9969, 2500}, {9091, 2500}}),
            (9150 * 2500 + 9000 * 2500 + 9969 * 2500 + 9091 * 2500 + 5000) / 10000);
  EXPECT_EQ(composite_centi({{9150, 2500}, {9000, 2500}, {9969, 2500}, {9091, 2500}}), 9303);  // 93.025 -> 93.03
  EXPECT_EQ(composite_centi({{8001, 3333}, {8001, 3333}, {8001, 3334}}), 8001);
  EXPECT_EQ(composite_centi({{7999, 5000}, {8000, 5000}}), 8000);  // 79.995 -> 80.00 (half up)
  EXPECT_TRUE(weights_complete({{0, 2500}, {0, 7500}}));
  EXPECT_FALSE(weights_complete({{0, 2500}, {0, 7499}}));
  EXPECT_FALSE(weights_complete({{0, 10001}, {0, -1}}));
  EXPECT_FALSE(weights_complete({}));
}

TEST(InspectionScoring, GradesAtTheirEdges) {
  struct Case {
    std::int64_t score;
    Grade grade;
    bool bonus;
  } cases[] = {
      {0, Grade::fail, false},         {7999, Grade::fail, false},
      {8000, Grade::good, false},      {8500, Grade::good, false},
      {9000, Grade::good, false},      {9001, Grade::excellent, false},
      {9599, Grade::excellent, false}, {9600, Grade::excellent, true},
      {10000, Grade::excellent, true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(grade(c.score), c.grade) << format_centi(c.score);
    EXPECT_EQ(earns_bonus(c.score), c.bonus) << format_centi(c.score);
  }
  // A company that fails below 85 and calls 95 and above excellent, with the bonus at 98.
  const GradeRules strict{8500, 9499, 9800};
  EXPECT_FALSE(check_grade_rules(strict));
  EXPECT_EQ(grade(8499, strict), Grade::fail);
  EXPECT_EQ(grade(8500, strict), Grade::good);
  EXPECT_EQ(grade(9499, strict), Grade::good);
  EXPECT_EQ(grade(9500, strict), Grade::excellent);
  EXPECT_FALSE(earns_bonus(9799, strict));
  EXPECT_EQ(check_grade_rules({9000, 8000, 9600})->field, "excellentAbove");
  EXPECT_EQ(check_grade_rules({8000, 9000, 9000})->field, "bonusFrom");
  EXPECT_EQ(check_grade_rules({8000, 9000, 10001})->field, "bonusFrom");
}

TEST(InspectionScoring, RewardsAndPenaltiesFollowSeed001) {
  const std::vector<Person> people = {{1, "刘建国", "project_manager"},
                                      {2, "王副经理", "deputy_manager"},
                                      {3, "陈静", "department_head"},
                                      {4, "赵班长", "team_leader"},
                                      {5, "李婷婷", "front_desk"}};
  auto sum_for = [&](std::int64_t score) {
    std::map<std::string, std::int64_t> out;
    for (const auto& p : payments(score, {}, default_reward_rules(), people, "城市花园"))
      out[p.person.name] += p.amount_yuan;
    return out;
  };
  using M = std::map<std::string, std::int64_t>;
  EXPECT_EQ(sum_for(7999), (M{{"刘建国", -500}, {"王副经理", -400}, {"陈静", -300}, {"赵班长", -100}}));
  EXPECT_EQ(sum_for(8000), M{});
  EXPECT_EQ(sum_for(9000), M{});
  EXPECT_EQ(sum_for(9001), (M{{"刘建国", 1000}, {"王副经理", 800}, {"陈静", 600}}));
  EXPECT_EQ(sum_for(9599), (M{{"刘建国", 1000}, {"王副经理", 800}, {"陈静", 600}}));
  EXPECT_EQ(sum_for(9600), (M{{"刘建国", 1000}, {"王副经理", 800}, {"陈静", 600}, {"城市花园", 3000}}));
  // An edited table: team leaders now earn 200 on excellent.
  auto rules = default_reward_rules();
  rules.push_back({"excellent", "team_leader", 200});
  const auto paid = payments(9100, {}, rules, people, "城市花园");
  ASSERT_EQ(paid.size(), 4u);
  EXPECT_EQ(paid.back().person.name, "赵班长");
  EXPECT_EQ(paid.back().amount_yuan, 200);
}

TEST(InspectionScoring, FormatsHundredths) {
  EXPECT_EQ(format_centi(9250), "92.50");
  EXPECT_EQ(format_centi(5), "0.05");
  EXPECT_EQ(format_centi(-20), "-0.20");
}

// Each seed rubric adds up as its seed says: seed 001's customer-service rubric to 100 with 19
// items in 4 sections, the facilities part seed 001 shows to 20, seed 004's 13 standards and seed
// 000's 11 clubhouse standards to the points we gave them (the seeds give none).
TEST(InspectionSeedRubrics, EachAddsUpAsItsSeedSays) {
  struct Expect {
    std::string code;
    std::int64_t max_centi;
    std::size_t sections, items;
  } expected[] = {{"CS-SUPERVISION", 10000, 4, 19},
                  {"FAC-SUPERVISION", 2000, 3, 6},
                  {"ONSITE-SERVICE", 6500, 3, 13},
                  {"CLUBHOUSE", 4400, 3, 11}};
  ASSERT_EQ(seed_rubrics().size(), 4u);
  for (const auto& e : expected) {
    const SeedRubric* r = nullptr;
    for (const auto& s : seed_rubrics())
      if (s.code == e.code) r = &s;
    ASSERT_NE(r, nullptr) << e.code;
    std::int64_t sum = 0;
    std::size_t items = 0;
    std::set<std::string> codes;
    for (const auto& sec : r->sections)
      for (const auto& item : sec.items) {
        sum += item.max_centi;
        ++items;
        codes.insert(item.code);
        if (item.rule.kind == RuleKind::range) {
          EXPECT_GT(item.check_points, 0) << item.code;
          EXPECT_LE(item.rule.min_centi, item.rule.max_centi) << item.code;
        }
      }
    EXPECT_EQ(sum, e.max_centi) << e.code;
    EXPECT_EQ(r->stated_max_centi, e.max_centi) << e.code;
    EXPECT_EQ(r->sections.size(), e.sections) << e.code;
    EXPECT_EQ(items, e.items) << e.code;
    EXPECT_EQ(codes.size(), items) << e.code << ": item codes are unique";
  }
  // Seed 001's sections: 内部管理 45, 现场管理 35, 收费服务 5, 其他业务 15.
  std::vector<std::int64_t> sections;
  for (const auto& sec : seed_rubrics()[0].sections) {
    std::int64_t s = 0;
    for (const auto& i : sec.items) s += i.max_centi;
    sections.push_back(s);
  }
  EXPECT_EQ(sections, (std::vector<std::int64_t>{4500, 3500, 500, 1500}));
  // Seed 004: every standard deducts 0.2 per occurrence.
  for (const auto& sec : seed_rubrics()[2].sections)
    for (const auto& i : sec.items) {
      EXPECT_EQ(i.rule.kind, RuleKind::per_occurrence);
      EXPECT_EQ(i.rule.fixed_centi, 20);
    }
  std::int64_t weights = 0;
  for (const auto& [code, bp] : seed_scheme().weights_bp) weights += bp;
  EXPECT_EQ(weights, 10000);
  EXPECT_EQ(seed_scheme().weights_bp[0], (std::pair<std::string, std::int64_t>{"CS-SUPERVISION", 2500}));
}

}  // namespace
}  // namespace steward::inspections
