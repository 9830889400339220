#include "core/crypto.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace steward::core {
namespace {

std::string all_bytes() {
  std::string s;
  for (int i = 0; i < 256; ++i) s += static_cast<char>(i);
  return s;
}

// Fresh private directory, removed with its files at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = ::testing::TempDir() + "steward_crypto_XXXXXX";
    if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    for (const auto& f : files_) ::unlink(f.c_str());
    ::rmdir(path_.c_str());
  }
  std::string file(const std::string& name) {
    files_.push_back(path_ + "/" + name);
    return files_.back();
  }

 private:
  std::string path_;
  std::vector<std::string> files_;
};

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(CryptoBase64, KnownVectors) {
  const std::pair<std::string, std::string> cases[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : cases) {
    EXPECT_EQ(base64_encode(plain), encoded);
    EXPECT_EQ(base64_decode(encoded), plain) << encoded;
  }
}

TEST(CryptoBase64, BinaryRoundTrip) {
  const std::string data = all_bytes();
  for (std::size_t n = 0; n <= data.size(); n += 37) {
    auto part = data.substr(n > 0 ? n - 1 : 0, n);
    EXPECT_EQ(base64_decode(base64_encode(part)), part);
    EXPECT_EQ(base64url_decode(base64url_encode(part)), part);
  }
  EXPECT_EQ(base64_decode(base64_encode(data)), data);
  EXPECT_EQ(base64url_decode(base64url_encode(data)), data);
}

TEST(CryptoBase64, UrlAlphabetWithoutPadding) {
  const std::string data("\xfb\xff", 2);
  EXPECT_EQ(base64_encode(data), "+/8=");
  EXPECT_EQ(base64url_encode(data), "-_8");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_decode("-_8"), data);
}

TEST(CryptoBase64, RejectsMalformed) {
  for (const char* bad : {"Zg", "Zg=", "Zm9", "Z===", "Zm9v!", "Zm 9v", "Zh==", "-_8=", "=Zg="})
    EXPECT_FALSE(base64_decode(bad).has_value()) << bad;
  for (const char* bad : {"Zg==", "Z", "+/8", "Zh", "Zm9vY"})
    EXPECT_FALSE(base64url_decode(bad).has_value()) << bad;
}

TEST(CryptoHash, Sha256KnownVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(CryptoHash, HmacRfc4231Case2) {
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(CryptoCompare, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("secret", "secret"));
  EXPECT_FALSE(constant_time_equal("secret", "secreT"));
  EXPECT_FALSE(constant_time_equal("secret", "secret2"));
}

TEST(CryptoRandom, BytesAndTokens) {
  EXPECT_EQ(random_bytes(0).size(), 0u);
  EXPECT_EQ(random_bytes(17).size(), 17u);
  EXPECT_NE(random_bytes(16), random_bytes(16));
  std::set<std::string> tokens;
  for (int i = 0; i < 50; ++i) {
    auto token = new_session_token();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(base64url_decode(token)->size(), 32u);
    tokens.insert(token);
  }
  EXPECT_EQ(tokens.size(), 50u);
}

TEST(CryptoFieldCipher, RoundTripIncludingChinese) {
  FieldCipher cipher(random_bytes(32));
  for (std::string text :
       {"13812341234", "110101199001011234", "张三 北京市朝阳区建国路88号", "x"}) {
    auto stored = cipher.encrypt(text);
    EXPECT_TRUE(stored.starts_with("v1:"));
    if (text.size() > 4) {  // a 1-character text may occur in the base64 by chance
      EXPECT_EQ(stored.find(text), std::string::npos);
    }
    EXPECT_EQ(base64_decode(stored.substr(3))->size(), 12 + text.size() + 16);
    EXPECT_EQ(cipher.decrypt(stored), text);
  }
}

TEST(CryptoFieldCipher, EmptyStaysEmpty) {
  FieldCipher cipher(random_bytes(32));
  EXPECT_EQ(cipher.encrypt(""), "");
  EXPECT_EQ(cipher.decrypt(""), "");
}

TEST(CryptoFieldCipher, EncryptionsDiffer) {
  FieldCipher cipher(random_bytes(32));
  EXPECT_NE(cipher.encrypt("13812341234"), cipher.encrypt("13812341234"));
}

TEST(CryptoFieldCipher, TamperingDetected) {
  FieldCipher cipher(random_bytes(32));
  auto stored = cipher.encrypt("13812341234");
  auto blob = *base64_decode(stored.substr(3));
  for (std::size_t i = 0; i < blob.size(); ++i) {
    auto tampered = blob;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
    EXPECT_THROW(cipher.decrypt("v1:" + base64_encode(tampered)), std::runtime_error) << i;
  }
  EXPECT_THROW(cipher.decrypt("v1:" + base64_encode(blob.substr(0, blob.size() - 1))),
               std::runtime_error);
}

TEST(CryptoFieldCipher, RejectsMalformedStoredValues) {
  FieldCipher cipher(random_bytes(32));
  auto stored = cipher.encrypt("13812341234");
  EXPECT_THROW(cipher.decrypt("v2:" + stored.substr(3)), std::runtime_error);
  EXPECT_THROW(cipher.decrypt("13812341234"), std::runtime_error);
  EXPECT_THROW(cipher.decrypt("v1:not base64!"), std::runtime_error);
  EXPECT_THROW(cipher.decrypt("v1:" + base64_encode("short")), std::runtime_error);
}

TEST(CryptoFieldCipher, WrongKeyFails) {
  FieldCipher a(random_bytes(32));
  FieldCipher b(random_bytes(32));
  EXPECT_THROW(b.decrypt(a.encrypt("13812341234")), std::runtime_error);
}

TEST(CryptoFieldCipher, ErrorMessageDoesNotLeakPlaintext) {
  FieldCipher a(random_bytes(32));
  FieldCipher b(random_bytes(32));
  try {
    b.decrypt(a.encrypt("13812341234"));
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).find("1381234"), std::string::npos);
  }
}

TEST(CryptoFieldCipher, KeyMustBe32Bytes) {
  EXPECT_THROW(FieldCipher(std::string(31, 'k')), std::invalid_argument);
  EXPECT_THROW(FieldCipher(std::string(33, 'k')), std::invalid_argument);
  EXPECT_THROW(FieldCipher(base64_encode(random_bytes(32))), std::invalid_argument);
  EXPECT_NO_THROW(FieldCipher(std::string(32, 'k')));
}

TEST(CryptoFieldCipher, BlindIndexDeterministicAndKeyDependent) {
  const std::string key = random_bytes(32);
  FieldCipher a(key);
  FieldCipher a2(key);
  FieldCipher b(random_bytes(32));
  EXPECT_EQ(a.blind_index("13812341234"), a2.blind_index("13812341234"));
  EXPECT_EQ(a.blind_index("13812341234").size(), 64u);
  EXPECT_NE(a.blind_index("13812341234"), a.blind_index("13812341235"));
  EXPECT_NE(a.blind_index("13812341234"), b.blind_index("13812341234"));
  // Derived key, not the main key itself.
  EXPECT_NE(a.blind_index("13812341234"), hmac_sha256_hex(key, "13812341234"));
}

TEST(CryptoFieldCipher, ConcurrentUse) {
  FieldCipher cipher(random_bytes(32));
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cipher, &failures, t] {
      for (int i = 0; i < 500; ++i) {
        std::string text = "客户-" + std::to_string(t) + "-" + std::to_string(i);
        if (cipher.decrypt(cipher.encrypt(text)) != text) ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

TEST(CryptoKeyFile, CreatedWith0600AndReadBack) {
  TempDir dir;
  const auto path = dir.file("field.key");
  const auto key = load_or_create_key_file(path);
  EXPECT_EQ(key.size(), 32u);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(load_or_create_key_file(path), key);
}

TEST(CryptoKeyFile, ReadsExistingKeyWithWhitespace) {
  TempDir dir;
  const auto path = dir.file("given.key");
  const auto key = random_bytes(32);
  write_text(path, "  " + base64_encode(key) + "\r\n");
  EXPECT_EQ(load_or_create_key_file(path), key);
}

TEST(CryptoKeyFile, BadKeyFileRejected) {
  TempDir dir;
  const auto path = dir.file("bad.key");
  for (std::string content : {std::string("not a key"), base64_encode(random_bytes(16)),
                              std::string(), base64_encode(random_bytes(33))}) {
    write_text(path, content);
    EXPECT_THROW(load_or_create_key_file(path), std::runtime_error) << content;
  }
}

TEST(CryptoKeyFile, MissingDirectoryFails) {
  TempDir dir;
  EXPECT_THROW(load_or_create_key_file(dir.file("missing") + "/field.key"), std::runtime_error);
}

TEST(CryptoKeyFile, DecodeKey) {
  const auto key = random_bytes(32);
  EXPECT_EQ(decode_key(base64_encode(key)), key);
  EXPECT_EQ(decode_key(" " + base64_encode(key) + "\n"), key);
  EXPECT_THROW(decode_key(base64_encode(random_bytes(16))), std::invalid_argument);
  EXPECT_THROW(decode_key("not base64"), std::invalid_argument);
  EXPECT_THROW(decode_key(""), std::invalid_argument);
}

}  // namespace
}  // namespace steward::core
