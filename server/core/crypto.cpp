#include "core/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <system_error>

namespace steward::core {
namespace {

constexpr std::size_t key_size = 32;
constexpr std::size_t nonce_size = 12;
constexpr std::size_t tag_size = 16;
constexpr std::string_view cipher_prefix = "v1:";
constexpr std::string_view blind_index_label = "steward-blind-index";

constexpr std::string_view std_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view url_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

using ReverseTable = std::array<std::int8_t, 256>;

constexpr ReverseTable make_reverse(std::string_view alphabet) {
  ReverseTable table{};
  table.fill(-1);
  for (std::size_t i = 0; i < alphabet.size(); ++i)
    table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
  return table;
}

constexpr ReverseTable std_reverse = make_reverse(std_alphabet);
constexpr ReverseTable url_reverse = make_reverse(url_alphabet);

const unsigned char* bytes(std::string_view s) {
  static const unsigned char empty = 0;
  return s.empty() ? &empty : reinterpret_cast<const unsigned char*>(s.data());
}

unsigned char* bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

std::string encode(std::string_view data, std::string_view alphabet, bool pad) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  const unsigned char* p = bytes(data);
  std::size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    std::uint32_t v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
    for (int shift = 18; shift >= 0; shift -= 6) out += alphabet[(v >> shift) & 63];
  }
  std::size_t rest = data.size() - i;
  if (rest == 0) return out;
  std::uint32_t v = p[i] << 16;
  if (rest == 2) v |= p[i + 1] << 8;
  out += alphabet[(v >> 18) & 63];
  out += alphabet[(v >> 12) & 63];
  if (rest == 2) out += alphabet[(v >> 6) & 63];
  if (pad) out.append(3 - rest, '=');
  return out;
}

std::optional<std::string> decode(std::string_view text, const ReverseTable& table, bool padded) {
  if (padded) {
    if (text.size() % 4 != 0) return std::nullopt;
    for (int k = 0; k < 2 && !text.empty() && text.back() == '='; ++k) text.remove_suffix(1);
  }
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v = table[static_cast<unsigned char>(c)];
    if (v < 0) return std::nullopt;
    acc = ((acc << 6) | static_cast<std::uint32_t>(v)) & 0xFFFF;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  if (bits > 0 && (acc & ((1u << bits) - 1)) != 0) return std::nullopt;  // non-canonical
  return out;
}

std::string to_hex(const unsigned char* data, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 15];
  }
  return out;
}

std::string hmac_sha256_raw(std::string_view key, std::string_view data) {
  std::string mac(EVP_MAX_MD_SIZE, '\0');
  unsigned int len = 0;
  if (HMAC(EVP_sha256(), bytes(key), static_cast<int>(key.size()), bytes(data), data.size(),
           bytes(mac), &len) == nullptr)
    throw std::runtime_error("HMAC-SHA256 computation failed");
  mac.resize(len);
  return mac;
}

std::string_view trim_ascii(std::string_view s) {
  constexpr std::string_view ws = " \t\r\n\v\f";
  auto first = s.find_first_not_of(ws);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(ws) - first + 1);
}

struct CtxFree {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

CtxPtr new_cipher_ctx() {
  CtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!ctx) throw std::runtime_error("FieldCipher: cannot allocate a cipher context");
  return ctx;
}

}  // namespace

std::string random_bytes(std::size_t n) {
  if (n > static_cast<std::size_t>(INT_MAX))
    throw std::invalid_argument("random_bytes: size too large");
  std::string out(n, '\0');
  if (n > 0 && RAND_bytes(bytes(out), static_cast<int>(n)) != 1)
    throw std::runtime_error("random_bytes: system random generator failed");
  return out;
}

std::string base64_encode(std::string_view data) { return encode(data, std_alphabet, true); }

std::optional<std::string> base64_decode(std::string_view text) {
  return decode(text, std_reverse, true);
}

std::string base64url_encode(std::string_view data) { return encode(data, url_alphabet, false); }

std::optional<std::string> base64url_decode(std::string_view text) {
  return decode(text, url_reverse, false);
}

std::string sha256_hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes(data), data.size(), md, &len, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 computation failed");
  return to_hex(md, len);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  std::string mac = hmac_sha256_raw(key, data);
  return to_hex(bytes(mac), mac.size());
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string new_session_token() { return base64url_encode(random_bytes(32)); }

FieldCipher::FieldCipher(std::string key) {
  if (key.size() != key_size) {
    OPENSSL_cleanse(key.data(), key.size());
    throw std::invalid_argument("FieldCipher: key must be exactly 32 bytes");
  }
  index_key_ = hmac_sha256_raw(key, blind_index_label);
  key_ = std::move(key);
}

FieldCipher::~FieldCipher() {
  OPENSSL_cleanse(key_.data(), key_.size());
  OPENSSL_cleanse(index_key_.data(), index_key_.size());
}

std::string FieldCipher::encrypt(std::string_view plaintext) const {
  if (plaintext.empty()) return {};
  if (plaintext.size() > static_cast<std::size_t>(INT_MAX) / 2)
    throw std::invalid_argument("FieldCipher: value too large to encrypt");
  std::string blob = random_bytes(nonce_size);
  blob.resize(nonce_size + plaintext.size() + tag_size);
  unsigned char* nonce = bytes(blob);
  unsigned char* out = nonce + nonce_size;
  auto ctx = new_cipher_ctx();
  int len = 0;
  int final_len = 0;
  if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key_), nonce) != 1 ||
      EVP_EncryptUpdate(ctx.get(), out, &len, bytes(plaintext),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), out + len, &final_len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tag_size, out + plaintext.size()) != 1)
    throw std::runtime_error("FieldCipher: encryption failed");
  return std::string(cipher_prefix) + base64_encode(blob);
}

std::string FieldCipher::decrypt(std::string_view stored) const {
  if (stored.empty()) return {};
  if (!stored.starts_with(cipher_prefix))
    throw std::runtime_error("FieldCipher: unsupported stored value format");
  auto blob = base64_decode(stored.substr(cipher_prefix.size()));
  if (!blob) throw std::runtime_error("FieldCipher: stored value is not valid base64");
  if (blob->size() < nonce_size + tag_size)
    throw std::runtime_error("FieldCipher: stored value is truncated");
  const std::size_t ct_size = blob->size() - nonce_size - tag_size;
  const unsigned char* nonce = bytes(*blob);
  const unsigned char* ct = nonce + nonce_size;
  std::array<unsigned char, tag_size> tag{};
  std::copy(ct + ct_size, ct + ct_size + tag_size, tag.begin());

  std::string plain(ct_size, '\0');
  auto ctx = new_cipher_ctx();
  int len = 0;
  int final_len = 0;
  bool ok = EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key_), nonce) == 1 &&
            EVP_DecryptUpdate(ctx.get(), bytes(plain), &len, ct, static_cast<int>(ct_size)) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tag_size, tag.data()) == 1 &&
            EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + len, &final_len) == 1;
  if (!ok) {
    OPENSSL_cleanse(plain.data(), plain.size());
    throw std::runtime_error("FieldCipher: authentication failed (tampered value or wrong key)");
  }
  return plain;
}

std::string FieldCipher::blind_index(std::string_view value) const {
  std::string mac = hmac_sha256_raw(index_key_, value);
  return to_hex(bytes(mac), mac.size());
}

namespace {

// Whole file contents, or nullopt when it does not exist.
std::optional<std::string> read_key_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    throw std::system_error(errno, std::generic_category(), "cannot open key file " + path);
  }
  std::string text;
  std::array<char, 512> buf{};
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      throw std::system_error(err, std::generic_category(), "cannot read key file " + path);
    }
    if (n == 0 || text.size() > 4096) break;  // a valid key file is tiny
    text.append(buf.data(), static_cast<std::size_t>(n));
  }
  ::close(fd);
  OPENSSL_cleanse(buf.data(), buf.size());
  return text;
}

std::string parse_key_file(std::string text, const std::string& path) {
  auto key = base64_decode(trim_ascii(text));
  OPENSSL_cleanse(text.data(), text.size());
  if (!key || key->size() != key_size)
    throw std::runtime_error("key file " + path +
                             " does not hold a valid key (expected base64 of 32 bytes)");
  return std::move(*key);
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) errno = EIO;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Creates the file with `key`; false when it already exists.
bool create_key_file(const std::string& path, const std::string& key) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return false;
    throw std::system_error(errno, std::generic_category(), "cannot create key file " + path);
  }
  std::string text = base64_encode(key) + "\n";
  bool ok = write_all(fd, text) && ::fsync(fd) == 0;
  int err = ok ? 0 : errno;
  OPENSSL_cleanse(text.data(), text.size());
  if (::close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    ::unlink(path.c_str());
    throw std::system_error(err, std::generic_category(), "cannot write key file " + path);
  }
  return true;
}

}  // namespace

std::string load_or_create_key_file(const std::string& path) {
  if (auto text = read_key_file(path)) return parse_key_file(std::move(*text), path);
  std::string key = random_bytes(key_size);
  if (create_key_file(path, key)) return key;
  // Another process created the file between our read and create.
  if (auto text = read_key_file(path)) return parse_key_file(std::move(*text), path);
  throw std::runtime_error("key file " + path + " disappeared while being created");
}

std::string decode_key(std::string_view base64) {
  auto key = base64_decode(trim_ascii(base64));
  if (!key || key->size() != key_size)
    throw std::invalid_argument("encryption key must be base64 of exactly 32 bytes");
  return std::move(*key);
}

}  // namespace steward::core
