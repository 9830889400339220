#include "modules/auth/password.hpp"

#include "core/crypto.hpp"

#include <argon2.h>

#include <cstring>
#include <optional>
#include <stdexcept>

namespace steward::auth {
namespace {

constexpr std::size_t salt_size = 16;
constexpr std::size_t hash_size = 32;
constexpr std::uint32_t max_time_cost = 64;
constexpr std::uint32_t max_parallelism = 16;
constexpr std::uint32_t max_memory_kib = 1024 * 1024;  // 1 GiB

bool cost_in_range(std::uint32_t t, std::uint32_t m, std::uint32_t p) {
  return t >= 1 && t <= max_time_cost && p >= 1 && p <= max_parallelism && m >= 8 * p &&
         m <= max_memory_kib;
}

// Reads a decimal number (no sign, no leading zeros) and advances `s`.
std::optional<std::uint32_t> take_number(std::string_view& s) {
  std::size_t n = 0;
  std::uint64_t value = 0;
  while (n < s.size() && n < 10 && s[n] >= '0' && s[n] <= '9') {
    value = value * 10 + static_cast<std::uint64_t>(s[n] - '0');
    ++n;
  }
  if (n == 0 || (n > 1 && s[0] == '0') || value > UINT32_MAX) return std::nullopt;
  s.remove_prefix(n);
  return static_cast<std::uint32_t>(value);
}

bool take_literal(std::string_view& s, std::string_view literal) {
  if (!s.starts_with(literal)) return false;
  s.remove_prefix(literal.size());
  return true;
}

// Checks the "$argon2id$v=19$m=..,t=..,p=..$" header before libargon2
// allocates the memory it asks for.
bool header_acceptable(std::string_view s) {
  if (!take_literal(s, "$argon2id$v=19$m=")) return false;
  auto m = take_number(s);
  if (!m || !take_literal(s, ",t=")) return false;
  auto t = take_number(s);
  if (!t || !take_literal(s, ",p=")) return false;
  auto p = take_number(s);
  if (!p || !take_literal(s, "$")) return false;
  return cost_in_range(*t, *m, *p);
}

const void* data_or_empty(std::string_view s) { return s.empty() ? "" : s.data(); }

}  // namespace

std::string hash_password(std::string_view password, const PasswordCost& cost) {
  if (!cost_in_range(cost.time_cost, cost.memory_kib, cost.parallelism))
    throw std::invalid_argument("hash_password: Argon2 cost parameters out of range");
  const std::string salt = core::random_bytes(salt_size);
  std::string encoded(argon2_encodedlen(cost.time_cost, cost.memory_kib, cost.parallelism,
                                        salt_size, hash_size, Argon2_id),
                      '\0');
  int rc = argon2id_hash_encoded(cost.time_cost, cost.memory_kib, cost.parallelism,
                                 data_or_empty(password), password.size(), salt.data(), salt.size(),
                                 hash_size, encoded.data(), encoded.size());
  if (rc != ARGON2_OK)
    throw std::runtime_error(std::string("hash_password: Argon2 hashing failed: ") +
                             argon2_error_message(rc));
  encoded.resize(std::strlen(encoded.c_str()));
  return encoded;
}

bool verify_password(std::string_view password, std::string_view encoded) {
  if (encoded.find('\0') != std::string_view::npos || !header_acceptable(encoded)) return false;
  const std::string terminated(encoded);
  return argon2id_verify(terminated.c_str(), data_or_empty(password), password.size()) == ARGON2_OK;
}

}  // namespace steward::auth
