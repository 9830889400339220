#include "modules/auth/login_throttle.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace steward::auth {
namespace {

void validate(const ThrottlePolicy& p) {
  if (p.free_failures < 0 || p.lock_failures < 1 || p.window_seconds <= 0 ||
      p.base_delay_seconds < 0 || p.max_delay_seconds < p.base_delay_seconds ||
      p.lock_seconds < 0 || p.max_keys < 2)
    throw std::invalid_argument("LoginThrottle: invalid throttle policy");
}

std::string account_key(std::string_view account) {
  std::string key(account);
  for (char& c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return key;
}

bool in_window(std::int64_t failure, std::int64_t now, const ThrottlePolicy& p) {
  return now - failure < p.window_seconds;
}

std::size_t recent_failures(const std::vector<std::int64_t>& failures, std::int64_t now,
                            const ThrottlePolicy& p) {
  return static_cast<std::size_t>(std::count_if(
      failures.begin(), failures.end(), [&](std::int64_t t) { return in_window(t, now, p); }));
}

// Wait required after `count` failures in the window (0 while still free).
std::int64_t delay_after(std::size_t count, const ThrottlePolicy& p) {
  if (count <= static_cast<std::size_t>(p.free_failures)) return 0;
  std::int64_t delay = p.base_delay_seconds;
  for (std::size_t extra = count - p.free_failures; extra > 1 && delay < p.max_delay_seconds;
       --extra)
    delay *= 2;
  return std::min(delay, p.max_delay_seconds);
}

}  // namespace

LoginThrottle::LoginThrottle(ThrottlePolicy policy) : LoginThrottle(policy, policy) {}

LoginThrottle::LoginThrottle(ThrottlePolicy account_policy, ThrottlePolicy address_policy) {
  validate(account_policy);
  validate(address_policy);
  accounts_.policy = account_policy;
  addresses_.policy = address_policy;
}

std::optional<std::int64_t> LoginThrottle::wait_for(const Table& table, const std::string& key,
                                                    std::int64_t now) {
  if (key.empty()) return std::nullopt;
  auto it = table.entries.find(key);
  if (it == table.entries.end()) return std::nullopt;
  const ThrottlePolicy& p = table.policy;
  const Entry& e = it->second;
  // Clamps guard against the clock stepping backwards.
  if (e.locked_until > now) return std::min(e.locked_until - now, p.lock_seconds);
  const std::int64_t delay = delay_after(recent_failures(e.failures, now, p), p);
  if (delay == 0 || e.failures.empty()) return std::nullopt;
  const std::int64_t wait = std::min(e.failures.back() + delay - now, delay);
  if (wait <= 0) return std::nullopt;
  return wait;
}

void LoginThrottle::add_failure(Table& table, std::string key, std::int64_t now) {
  if (key.empty()) return;
  const ThrottlePolicy& p = table.policy;
  Entry& e = table.entries[std::move(key)];
  if (e.locked_until > now) return;  // already locked; the attempt should not have been made
  std::erase_if(e.failures, [&](std::int64_t t) { return !in_window(t, now, p); });
  e.failures.push_back(now);
  if (e.failures.size() >= static_cast<std::size_t>(p.lock_failures)) {
    e.locked_until = now + p.lock_seconds;
    e.failures.clear();  // a fresh start once the lock ends
  }
  if (table.entries.size() > p.max_keys) prune(table, now);
}

// Drops entries with no effect any more; if too many remain, evicts the least
// recently active down to half the limit (locked entries last), so pruning
// runs at most once per max_keys / 2 insertions.
void LoginThrottle::prune(Table& table, std::int64_t now) {
  const ThrottlePolicy& p = table.policy;
  std::erase_if(table.entries, [&](const auto& item) {
    const Entry& e = item.second;
    return e.locked_until <= now && recent_failures(e.failures, now, p) == 0;
  });
  const std::size_t target = p.max_keys / 2;
  if (table.entries.size() <= target) return;
  using Iter = decltype(table.entries.begin());
  std::vector<std::pair<std::int64_t, Iter>> by_activity;
  by_activity.reserve(table.entries.size());
  for (auto it = table.entries.begin(); it != table.entries.end(); ++it) {
    const Entry& e = it->second;
    std::int64_t last = e.failures.empty() ? 0 : e.failures.back();
    by_activity.emplace_back(std::max(last, e.locked_until), it);
  }
  const std::size_t evict = by_activity.size() - target;
  std::nth_element(by_activity.begin(), by_activity.begin() + static_cast<std::ptrdiff_t>(evict),
                   by_activity.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < evict; ++i) table.entries.erase(by_activity[i].second);
}

std::optional<std::int64_t> LoginThrottle::retry_after(std::string_view account,
                                                       std::string_view address,
                                                       std::int64_t now) const {
  std::lock_guard lock(mutex_);
  auto by_account = wait_for(accounts_, account_key(account), now);
  auto by_address = wait_for(addresses_, std::string(address), now);
  if (by_account && by_address) return std::max(*by_account, *by_address);
  return by_account ? by_account : by_address;
}

void LoginThrottle::record_failure(std::string_view account, std::string_view address,
                                   std::int64_t now) {
  std::lock_guard lock(mutex_);
  add_failure(accounts_, account_key(account), now);
  add_failure(addresses_, std::string(address), now);
}

void LoginThrottle::record_success(std::string_view account, std::string_view /*address*/) {
  std::lock_guard lock(mutex_);
  accounts_.entries.erase(account_key(account));
}

std::size_t LoginThrottle::tracked_keys() const {
  std::lock_guard lock(mutex_);
  return accounts_.entries.size() + addresses_.entries.size();
}

}  // namespace steward::auth
