#include "modules/auth/password.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace steward::auth {
namespace {

// Low cost keeps the tests fast; production uses the defaults.
constexpr PasswordCost fast{1, 64, 1};

TEST(Password, VerifiesRightAndRejectsWrong) {
  const auto encoded = hash_password("correct horse 电池 staple", fast);
  EXPECT_TRUE(verify_password("correct horse 电池 staple", encoded));
  EXPECT_FALSE(verify_password("correct horse 电池 staplE", encoded));
  EXPECT_FALSE(verify_password("", encoded));
}

TEST(Password, EncodingFormat) {
  const auto encoded = hash_password("secret", fast);
  EXPECT_TRUE(encoded.starts_with("$argon2id$v=19$m=64,t=1,p=1$")) << encoded;
  EXPECT_EQ(encoded.find('\0'), std::string::npos);
  EXPECT_EQ(encoded.find("secret"), std::string::npos);
}

TEST(Password, DefaultCost) {
  const auto encoded = hash_password("secret");
  EXPECT_TRUE(encoded.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << encoded;
  EXPECT_TRUE(verify_password("secret", encoded));
}

TEST(Password, SaltMakesHashesDiffer) {
  const auto a = hash_password("same password", fast);
  const auto b = hash_password("same password", fast);
  EXPECT_NE(a, b);
  EXPECT_TRUE(verify_password("same password", a));
  EXPECT_TRUE(verify_password("same password", b));
}

TEST(Password, EmptyPasswordHashes) {
  const auto encoded = hash_password("", fast);
  EXPECT_TRUE(verify_password("", encoded));
  EXPECT_FALSE(verify_password(" ", encoded));
}

TEST(Password, MalformedEncodingReturnsFalse) {
  const auto good = hash_password("secret", fast);
  const std::string cases[] = {
      "",
      "secret",
      "$argon2id$",
      "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaA",
      "$argon2id$v=19$m=64,t=1,p=1$",
      "$argon2id$v=19$m=64,t=1,p=1$!!!$!!!",
      "$argon2id$v=19$m=4294967295,t=1,p=1$c29tZXNhbHRzYWx0$aGFzaGhhc2hoYXNo",  // 4 TiB
      "$argon2id$v=19$m=64,t=100000,p=1$c29tZXNhbHRzYWx0$aGFzaGhhc2hoYXNo",
      "$argon2id$v=19$m=064,t=1,p=1$c29tZXNhbHRzYWx0$aGFzaGhhc2hoYXNo",
      good.substr(0, good.size() - 5),
      good + "AAAA",
      good.substr(0, 20) + std::string(1, '\0') + good.substr(21),
      std::string("$argon2id$v=18") + good.substr(14),
  };
  for (const auto& encoded : cases) {
    EXPECT_NO_THROW(EXPECT_FALSE(verify_password("secret", encoded)) << encoded);
  }
}

TEST(Password, TamperedHashRejected) {
  auto encoded = hash_password("secret", fast);
  char& last = encoded[encoded.size() - 2];
  last = last == 'A' ? 'B' : 'A';
  EXPECT_FALSE(verify_password("secret", encoded));
}

TEST(Password, CostOutOfRangeThrows) {
  EXPECT_THROW(hash_password("x", PasswordCost{0, 64, 1}), std::invalid_argument);
  EXPECT_THROW(hash_password("x", PasswordCost{1, 4, 1}), std::invalid_argument);
  EXPECT_THROW(hash_password("x", PasswordCost{1, 64, 0}), std::invalid_argument);
  EXPECT_THROW(hash_password("x", PasswordCost{1, 2u * 1024 * 1024, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace steward::auth
