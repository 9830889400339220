#pragma once

// In-memory throttling of failed logins, keyed separately by account name
// (case-insensitive) and by client address. Time is passed in as epoch
// seconds so the policy is testable. All methods are thread-safe.

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace steward::auth {

struct ThrottlePolicy {
  int free_failures = 5;                // failures in the window before any delay
  std::int64_t window_seconds = 900;    // failures older than this are forgotten
  std::int64_t base_delay_seconds = 2;  // wait after failure free_failures + 1 ...
  std::int64_t max_delay_seconds = 60;  // ... doubled per further failure, capped here
  int lock_failures = 10;               // this many failures in the window lock the key
  std::int64_t lock_seconds = 900;      // for this long
  std::size_t max_keys = 10000;         // per key kind; older entries are pruned beyond it
};

class LoginThrottle {
 public:
  // Same policy for accounts and addresses. Throws std::invalid_argument for
  // a nonsensical policy (non-positive window, lock_failures < 1, ...).
  explicit LoginThrottle(ThrottlePolicy policy = {});
  // Separate policies, e.g. a looser address policy for offices behind NAT.
  LoginThrottle(ThrottlePolicy account_policy, ThrottlePolicy address_policy);

  // Seconds to wait if an attempt at `now` must be refused (the larger of the
  // account's and the address's wait), else nullopt. Empty keys are ignored.
  std::optional<std::int64_t> retry_after(std::string_view account, std::string_view address,
                                          std::int64_t now) const;

  void record_failure(std::string_view account, std::string_view address, std::int64_t now);

  // Clears the account's record; the address's record decays with the window.
  void record_success(std::string_view account, std::string_view address);

  // Number of keys currently held (accounts + addresses), for tests/metrics.
  std::size_t tracked_keys() const;

 private:
  struct Entry {
    std::vector<std::int64_t> failures;  // times of failures, oldest first
    std::int64_t locked_until = 0;
  };
  struct Table {
    ThrottlePolicy policy;
    std::unordered_map<std::string, Entry> entries;
  };

  static std::optional<std::int64_t> wait_for(const Table& table, const std::string& key,
                                              std::int64_t now);
  static void add_failure(Table& table, std::string key, std::int64_t now);
  static void prune(Table& table, std::int64_t now);

  mutable std::mutex mutex_;
  Table accounts_;
  Table addresses_;
};

}  // namespace steward::auth
