#include "modules/notices/notice_rules.hpp"

#include <gtest/gtest.h>

namespace steward::notices {
namespace {

TEST(NoticeRules, OnlyPublishedNoticesWithinTheirDaysAreOnTheBoard) {
  EXPECT_TRUE(on_board("published", "", "", "2026-12-02"));
  EXPECT_TRUE(on_board("published", "2026-12-02", "2026-12-02", "2026-12-02"));  // both ends count
  EXPECT_FALSE(on_board("published", "2026-12-03", "", "2026-12-02"));           // not yet
  EXPECT_FALSE(on_board("published", "", "2026-12-01", "2026-12-02"));           // expired
  EXPECT_FALSE(on_board("draft", "", "", "2026-12-02"));
  EXPECT_FALSE(on_board("withdrawn", "", "", "2026-12-02"));
}

TEST(NoticeRules, PublishAndWithdrawMoveOnlyFromTheirStates) {
  EXPECT_EQ(next_status("draft", "publish"), "published");
  EXPECT_EQ(next_status("withdrawn", "publish"), "published");
  EXPECT_EQ(next_status("published", "withdraw"), "withdrawn");
  EXPECT_FALSE(next_status("published", "publish"));
  EXPECT_FALSE(next_status("draft", "withdraw"));
  EXPECT_FALSE(next_status("draft", "archive"));
}

TEST(NoticeRules, WorksNeedTheirDates) {
  EXPECT_TRUE(needs_period("works"));
  EXPECT_FALSE(needs_period("service_standard"));
}

}  // namespace
}  // namespace steward::notices
