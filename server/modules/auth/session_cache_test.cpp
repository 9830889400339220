#include "modules/auth/session_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace steward::auth {
namespace {

constexpr std::int64_t t0 = 1'800'000'000;
constexpr std::int64_t kFarAway = t0 + 12 * 3600;

core::Actor actor_of(std::int64_t user) {
  core::Actor a;
  a.user_id = user;
  a.username = "u" + std::to_string(user);
  a.permissions = {"work_order.read"};
  return a;
}

void put(SessionCache& cache, const std::string& hash, std::int64_t user,
         std::int64_t expires = kFarAway, std::int64_t now = t0) {
  cache.put(cache.ticket(), hash, actor_of(user), expires, now);
}

TEST(SessionCache, AnswersWhatWasPutUntilTheBound) {
  SessionCache cache({.seconds = 30, .capacity = 10});
  EXPECT_EQ(cache.find("a", t0), nullptr);
  put(cache, "a", 7);
  ASSERT_NE(cache.find("a", t0 + 29), nullptr);
  EXPECT_EQ(cache.find("a", t0 + 29)->username, "u7");
  EXPECT_EQ(cache.find("a", t0 + 30), nullptr);
  EXPECT_EQ(cache.size(), 0u) << "an entry found stale is dropped";
}

TEST(SessionCache, NeverOutlivesTheSession) {
  SessionCache cache({.seconds = 30, .capacity = 10});
  put(cache, "a", 7, /*expires=*/t0 + 5);
  EXPECT_NE(cache.find("a", t0 + 4), nullptr);
  EXPECT_EQ(cache.find("a", t0 + 5), nullptr);
  put(cache, "b", 7, /*expires=*/t0, /*now=*/t0);  // already over: not kept
  EXPECT_EQ(cache.find("b", t0), nullptr);
}

TEST(SessionCache, AReadThatRacedAChangeIsNotKept) {
  SessionCache cache({.seconds = 30, .capacity = 10});
  const auto ticket = cache.ticket();  // a request starts reading the database...
  cache.forget_user(99);                // ...while another commits a change (of anyone)
  cache.put(ticket, "a", actor_of(7), kFarAway, t0);
  EXPECT_EQ(cache.find("a", t0), nullptr);
  cache.put(cache.ticket(), "a", actor_of(7), kFarAway, t0);
  EXPECT_NE(cache.find("a", t0), nullptr);
}

TEST(SessionCache, ForgetsOneToken_OneUsersTokens_OrAll) {
  SessionCache cache({.seconds = 30, .capacity = 10});
  put(cache, "a1", 1);
  put(cache, "a2", 1);
  put(cache, "b1", 2);
  put(cache, "c1", 3);
  cache.forget_token("a1");
  EXPECT_EQ(cache.find("a1", t0), nullptr);
  EXPECT_NE(cache.find("a2", t0), nullptr);
  cache.forget_user(1);
  EXPECT_EQ(cache.find("a2", t0), nullptr);
  EXPECT_NE(cache.find("b1", t0), nullptr);
  cache.forget_all();
  EXPECT_EQ(cache.size(), 0u);
}

TEST(SessionCache, StaysWithinItsCapacity) {
  SessionCache cache({.seconds = 30, .capacity = 8});
  for (int i = 0; i < 100; ++i) put(cache, "t" + std::to_string(i), i);
  EXPECT_LE(cache.size(), 8u);
  EXPECT_NE(cache.find("t99", t0), nullptr) << "the newest entry is kept";
  // Expired entries make room first, live ones are kept.
  SessionCache small({.seconds = 30, .capacity = 4});
  put(small, "old1", 1, kFarAway, t0 - 40);
  put(small, "old2", 2, kFarAway, t0 - 40);
  put(small, "old3", 3, kFarAway, t0 - 40);
  put(small, "live", 4);
  put(small, "new", 5);
  EXPECT_NE(small.find("live", t0), nullptr);
  EXPECT_NE(small.find("new", t0), nullptr);
}

TEST(SessionCache, ZeroSecondsCachesNothing) {
  SessionCache cache({.seconds = 0, .capacity = 10});
  put(cache, "a", 1);
  EXPECT_EQ(cache.find("a", t0), nullptr);
}

TEST(SessionCache, ManyThreadsAtOnce) {
  SessionCache cache({.seconds = 30, .capacity = 64});
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) {
        const std::string hash = "h" + std::to_string((i * 7 + t) % 100);
        const std::int64_t user = (i * 7 + t) % 100;
        if (auto hit = cache.find(hash, t0)) {
          if (hit->user_id != user) ++wrong;
        } else {
          put(cache, hash, user);
        }
        if (i % 500 == t) cache.forget_user(user);
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_LE(cache.size(), 64u);
}

}  // namespace
}  // namespace steward::auth
