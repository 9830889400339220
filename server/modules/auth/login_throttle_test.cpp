#include "modules/auth/login_throttle.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace steward::auth {
namespace {

constexpr std::int64_t t0 = 1'700'000'000;

void fail_times(LoginThrottle& throttle, int n, std::string_view account, std::string_view address,
                std::int64_t now) {
  for (int i = 0; i < n; ++i) throttle.record_failure(account, address, now);
}

TEST(LoginThrottle, FreshKeysAreAllowed) {
  LoginThrottle throttle;
  EXPECT_EQ(throttle.retry_after("alice", "10.0.0.1", t0), std::nullopt);
  EXPECT_EQ(throttle.tracked_keys(), 0u);
}

TEST(LoginThrottle, FiveFreeFailuresThenDelay) {
  LoginThrottle throttle;
  fail_times(throttle, 5, "alice", "10.0.0.1", t0);
  EXPECT_EQ(throttle.retry_after("alice", "10.0.0.1", t0), std::nullopt);
  throttle.record_failure("alice", "10.0.0.1", t0);
  EXPECT_EQ(throttle.retry_after("alice", "10.0.0.1", t0), 2);
  EXPECT_EQ(throttle.retry_after("alice", "10.0.0.1", t0 + 1), 1);
  EXPECT_EQ(throttle.retry_after("alice", "10.0.0.1", t0 + 2), std::nullopt);
}

TEST(LoginThrottle, DelayDoublesPerFailureAndIsCapped) {
  ThrottlePolicy policy;
  policy.lock_failures = 100;
  LoginThrottle throttle(policy);
  fail_times(throttle, 5, "bob", "10.0.0.2", t0);
  std::int64_t now = t0;
  for (std::int64_t expected : {2, 4, 8, 16, 32, 60, 60, 60}) {
    throttle.record_failure("bob", "10.0.0.2", now);
    auto wait = throttle.retry_after("bob", "10.0.0.2", now);
    ASSERT_TRUE(wait.has_value());
    EXPECT_EQ(*wait, expected);
    now += expected;  // the next attempt comes exactly when allowed
    EXPECT_EQ(throttle.retry_after("bob", "10.0.0.2", now), std::nullopt);
  }
}

TEST(LoginThrottle, LockAfterTenFailuresAndReleaseAfterLockSeconds) {
  LoginThrottle throttle;
  std::int64_t now = t0;
  for (int i = 0; i < 9; ++i) {
    ASSERT_EQ(throttle.retry_after("carol", "10.0.0.3", now), std::nullopt) << i;
    throttle.record_failure("carol", "10.0.0.3", now);
    now += throttle.retry_after("carol", "10.0.0.3", now).value_or(0);
  }
  EXPECT_EQ(now, t0 + 2 + 4 + 8 + 16);
  throttle.record_failure("carol", "10.0.0.3", now);  // 10th
  EXPECT_EQ(throttle.retry_after("carol", "10.0.0.3", now), 900);
  EXPECT_EQ(throttle.retry_after("carol", "10.9.9.9", now + 100), 800);  // account locked anywhere
  EXPECT_EQ(throttle.retry_after("carol", "10.0.0.3", now + 899), 1);
  EXPECT_EQ(throttle.retry_after("carol", "10.0.0.3", now + 900), std::nullopt);
  // A fresh start after the lock: the next failure is free again.
  throttle.record_failure("carol", "10.0.0.3", now + 900);
  EXPECT_EQ(throttle.retry_after("carol", "10.0.0.3", now + 900), std::nullopt);
}

TEST(LoginThrottle, SuccessClearsAccount) {
  LoginThrottle throttle;
  fail_times(throttle, 6, "dave", "10.0.0.4", t0);
  ASSERT_EQ(throttle.retry_after("dave", "10.0.0.5", t0), 2);
  throttle.record_success("dave", "10.0.0.4");
  EXPECT_EQ(throttle.retry_after("dave", "10.0.0.5", t0), std::nullopt);
  // The address's own record is not cleared; it decays with the window.
  EXPECT_EQ(throttle.retry_after("dave", "10.0.0.4", t0), 2);
  EXPECT_EQ(throttle.retry_after("dave", "10.0.0.4", t0 + 2), std::nullopt);
}

TEST(LoginThrottle, AccountNamesAreCaseInsensitive) {
  LoginThrottle throttle;
  fail_times(throttle, 3, "Erin", "10.0.0.6", t0);
  fail_times(throttle, 3, "ERIN", "10.0.0.7", t0);
  EXPECT_EQ(throttle.retry_after("erin", "10.0.0.8", t0), 2);
  throttle.record_success("eRiN", "10.0.0.8");
  EXPECT_EQ(throttle.retry_after("erin", "10.0.0.8", t0), std::nullopt);
}

TEST(LoginThrottle, AddressBlocksSprayAcrossAccounts) {
  LoginThrottle throttle;
  std::int64_t now = t0;
  for (int i = 0; i < 10; ++i) {
    const std::string account = "user" + std::to_string(i);
    ASSERT_EQ(throttle.retry_after(account, "203.0.113.9", now), std::nullopt) << i;
    throttle.record_failure(account, "203.0.113.9", now);
    if (i < 9) now += throttle.retry_after(account, "203.0.113.9", now).value_or(0);
  }
  EXPECT_EQ(throttle.retry_after("someone-new", "203.0.113.9", now), 900);
  EXPECT_EQ(throttle.retry_after("someone-new", "198.51.100.1", now), std::nullopt);
  EXPECT_EQ(throttle.retry_after("user0", "198.51.100.1", now), std::nullopt);
}

TEST(LoginThrottle, FailuresExpireAfterWindow) {
  LoginThrottle throttle;
  fail_times(throttle, 5, "frank", "10.0.0.9", t0);
  throttle.record_failure("frank", "10.0.0.9", t0 + 899);  // 6 in the window
  EXPECT_EQ(throttle.retry_after("frank", "10.0.0.9", t0 + 899), 2);
  throttle.record_failure("frank", "10.0.0.9", t0 + 900);  // the first 5 have aged out
  EXPECT_EQ(throttle.retry_after("frank", "10.0.0.9", t0 + 900), std::nullopt);
  // Nine failures spread so no ten share a window never lock.
  LoginThrottle spread;
  for (int i = 0; i < 30; ++i) spread.record_failure("gina", "10.0.0.10", t0 + i * 200);
  EXPECT_LE(spread.retry_after("gina", "10.0.0.10", t0 + 30 * 200).value_or(0), 60);
}

TEST(LoginThrottle, SeparateAddressPolicy) {
  ThrottlePolicy loose;
  loose.free_failures = 50;
  loose.lock_failures = 100;
  LoginThrottle throttle(ThrottlePolicy{}, loose);
  for (int i = 0; i < 20; ++i) throttle.record_failure("u" + std::to_string(i), "192.0.2.1", t0);
  EXPECT_EQ(throttle.retry_after("other", "192.0.2.1", t0), std::nullopt);
}

TEST(LoginThrottle, EmptyKeysAreIgnored) {
  LoginThrottle throttle;
  fail_times(throttle, 20, "", "", t0);
  EXPECT_EQ(throttle.tracked_keys(), 0u);
  fail_times(throttle, 6, "henry", "", t0);
  EXPECT_EQ(throttle.retry_after("henry", "", t0), 2);
  EXPECT_EQ(throttle.retry_after("", "", t0), std::nullopt);
}

TEST(LoginThrottle, MemoryIsBounded) {
  ThrottlePolicy policy;
  policy.max_keys = 100;
  LoginThrottle throttle(policy);
  fail_times(throttle, 10, "locked-victim", "10.1.1.1", t0);  // locked for 900 s
  for (int i = 0; i < 5000; ++i)
    throttle.record_failure("spray" + std::to_string(i), "10.2." + std::to_string(i), t0 + 1);
  EXPECT_LE(throttle.tracked_keys(), 2 * (policy.max_keys + 1));
  // The locked entry outlives eviction of merely delayed ones.
  EXPECT_EQ(throttle.retry_after("locked-victim", "10.3.3.3", t0 + 1), 899);
  // Expired entries go first.
  for (int i = 0; i < 5000; ++i)
    throttle.record_failure("late" + std::to_string(i), "10.4." + std::to_string(i), t0 + 2000);
  EXPECT_LE(throttle.tracked_keys(), 2 * (policy.max_keys + 1));
}

TEST(LoginThrottle, ConcurrentFailuresAreAllCounted) {
  LoginThrottle throttle;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&throttle] {
      for (int i = 0; i < 2; ++i) throttle.record_failure("ivan", "", t0);
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(throttle.retry_after("ivan", "", t0), 8);  // failures 6, 7, 8 wait 2, 4, 8
}

TEST(LoginThrottle, InvalidPolicyRejected) {
  ThrottlePolicy bad;
  bad.window_seconds = 0;
  EXPECT_THROW(LoginThrottle{bad}, std::invalid_argument);
  ThrottlePolicy bad_lock;
  bad_lock.lock_failures = 0;
  EXPECT_THROW(LoginThrottle(ThrottlePolicy{}, bad_lock), std::invalid_argument);
}

}  // namespace
}  // namespace steward::auth
