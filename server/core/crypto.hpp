#pragma once

// Cryptographic helpers: random bytes, base64, hashing, session tokens and
// field-level encryption of personal data at rest. Backed by OpenSSL in the
// .cpp; this header depends on the standard library only.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace steward::core {

// `n` cryptographically secure random bytes. Throws std::runtime_error if the
// system generator fails.
std::string random_bytes(std::size_t n);

// Standard alphabet (+/), padded with '='. Decoding is strict: no whitespace,
// correct padding, canonical trailing bits; returns nullopt otherwise.
std::string base64_encode(std::string_view data);
std::optional<std::string> base64_decode(std::string_view text);

// URL-safe alphabet (-_), no padding. Decoding rejects '=' and invalid
// characters/lengths.
std::string base64url_encode(std::string_view data);
std::optional<std::string> base64url_decode(std::string_view text);

// Lower-case hex digests.
std::string sha256_hex(std::string_view data);
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

// Compares contents in time independent of where they differ (the length is
// not secret: different lengths return false at once).
bool constant_time_equal(std::string_view a, std::string_view b);

// 32 random bytes, base64url (43 characters).
std::string new_session_token();

// AES-256-GCM encryption of individual database fields (phones, ID numbers).
// Stored form: "v1:" + base64(nonce[12] | ciphertext | tag[16]).
// The empty string maps to the empty string both ways so optional fields stay
// empty. All methods are const and safe to call concurrently.
class FieldCipher {
 public:
  // `key` must be exactly 32 raw bytes, else std::invalid_argument.
  explicit FieldCipher(std::string key);
  FieldCipher(const FieldCipher&) = default;
  FieldCipher& operator=(const FieldCipher&) = default;
  ~FieldCipher();

  std::string encrypt(std::string_view plaintext) const;

  // Throws std::runtime_error on an unknown prefix, bad base64, a truncated
  // value or failed authentication (tampering or wrong key).
  std::string decrypt(std::string_view stored) const;

  // Deterministic keyed hash (hex HMAC-SHA256 under a key derived from the
  // main key) for exact-match lookups without storing the value in clear.
  // Callers should normalise the value (e.g. digits_only) before hashing.
  std::string blind_index(std::string_view value) const;

 private:
  std::string key_;
  std::string index_key_;
};

// Reads a key file holding base64 of 32 bytes (surrounding whitespace is
// ignored). If the file does not exist it is created with mode 0600 and 32
// fresh random bytes. Throws std::runtime_error if the file cannot be read or
// created, or does not hold a valid key.
std::string load_or_create_key_file(const std::string& path);

// Decodes a key given in configuration as base64 (surrounding whitespace is
// ignored). Throws std::invalid_argument unless it decodes to 32 bytes.
std::string decode_key(std::string_view base64);

}  // namespace steward::core
