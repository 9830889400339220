// Reading lists of objects from a request body: every problem named by its position.
#include "json/input.hpp"

#include <gtest/gtest.h>

namespace steward::json {
namespace {

core::ErrorDetails problems_of(const nlohmann::json& body) {
  try {
    Input in(body, Input::Mode::create);
    in.objects("lines", 2, [](Input& item, std::size_t) {
      item.text("name", {.max = 5});
      item.hundredths("quantity", {.min = 1, .max = 100000});
    });
    in.finish();
  } catch (const core::AppError& e) {
    return e.details();
  }
  return {};
}

TEST(InputObjects, NamesEachBadFieldByItsPosition) {
  auto d = problems_of({{"lines", {{{"name", "角阀"}, {"quantity", 1.5}},
                                   {{"name", "太长的名字啊啊"}, {"quantity", 0}, {"x", 1}}}}});
  EXPECT_EQ(d.size(), 3u);
  EXPECT_EQ(d["lines[1].name"], "must be at most 5 characters");
  EXPECT_EQ(d["lines[1].quantity"], "must be between 0 and 1000");
  EXPECT_EQ(d["lines[1].x"], "is not a known field");
}

TEST(InputObjects, RefusesTooManyItemsAndItemsThatAreNotObjects) {
  EXPECT_EQ(problems_of({{"lines", nlohmann::json::array({1, 2, 3})}})["lines"],
            "must be a list of at most 2 items");
  EXPECT_EQ(problems_of({{"lines", nlohmann::json::array({1})}})["lines[0]"], "must be an object");
  EXPECT_TRUE(problems_of({{"lines", nlohmann::json::array()}}).empty());
  EXPECT_TRUE(problems_of(nlohmann::json::object()).empty());  // optional by default
}

}  // namespace
}  // namespace steward::json
