#pragma once

// Password hashing with Argon2id (libargon2), stored in the standard encoded
// form "$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>".

#include <cstdint>
#include <string>
#include <string_view>

namespace steward::auth {

// Defaults follow the OWASP minimum for Argon2id (19 MiB, 2 passes, 1 lane).
// Accepted ranges: time_cost 1..64, parallelism 1..16, memory_kib from
// 8 * parallelism up to 1 GiB (1048576 KiB).
struct PasswordCost {
  std::uint32_t time_cost = 2;
  std::uint32_t memory_kib = 19456;
  std::uint32_t parallelism = 1;
};

// Hashes with a fresh 16-byte random salt and a 32-byte output. Throws
// std::invalid_argument for a cost outside the accepted ranges and
// std::runtime_error if hashing fails.
std::string hash_password(std::string_view password, const PasswordCost& cost = {});

// True only if `encoded` is a well-formed Argon2id hash of `password`. False on
// mismatch, a malformed string, or cost parameters outside the accepted ranges
// (so a corrupt stored value cannot make the server allocate gigabytes).
bool verify_password(std::string_view password, std::string_view encoded);

}  // namespace steward::auth
