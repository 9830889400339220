#include "core/text.hpp"

#include <vector>

namespace steward::core {
namespace {

constexpr std::string_view ideographic_space = "\xE3\x80\x80";  // U+3000

struct LeadInfo {
  std::size_t length;       // 0: not a valid lead byte
  unsigned char second_lo;  // allowed range of the second byte
  unsigned char second_hi;
};

// Restricting the second byte's range is what rejects overlongs (E0, F0),
// surrogates (ED) and code points above U+10FFFF (F4).
LeadInfo lead_info(unsigned char c) {
  if (c < 0x80) return {1, 0, 0};
  if (c >= 0xC2 && c <= 0xDF) return {2, 0x80, 0xBF};
  if (c == 0xE0) return {3, 0xA0, 0xBF};
  if (c == 0xED) return {3, 0x80, 0x9F};
  if (c >= 0xE1 && c <= 0xEF) return {3, 0x80, 0xBF};
  if (c == 0xF0) return {4, 0x90, 0xBF};
  if (c >= 0xF1 && c <= 0xF3) return {4, 0x80, 0xBF};
  if (c == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Splits into code points; on malformed input a stray byte becomes its own
// piece, so masking never cuts a valid character in half.
std::vector<std::string_view> code_points(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 1;
    auto info = lead_info(static_cast<unsigned char>(s[i]));
    if (info.length > 1) {
      while (len < info.length && i + len < s.size() && is_continuation(s[i + len])) ++len;
    }
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

struct MaskRule {
  std::size_t long_from;                // values with at least this many code points ...
  std::size_t long_front, long_back;    // ... keep these many at each end,
  std::size_t short_front, short_back;  // shorter values keep these.
};

// Replaces each hidden code point with one '*'. If the kept parts would cover
// the whole value, everything is masked.
std::string mask(std::string_view s, const MaskRule& rule) {
  auto pieces = code_points(s);
  const bool is_long = pieces.size() >= rule.long_from;
  std::size_t front = is_long ? rule.long_front : rule.short_front;
  std::size_t back = is_long ? rule.long_back : rule.short_back;
  if (front + back >= pieces.size()) front = back = 0;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i < front || i >= pieces.size() - back)
      out.append(pieces[i]);
    else
      out += '*';
  }
  return out;
}

}  // namespace

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto info = lead_info(static_cast<unsigned char>(text[i]));
    if (info.length == 0 || text.size() - i < info.length) return false;
    if (info.length > 1) {
      auto second = static_cast<unsigned char>(text[i + 1]);
      if (second < info.second_lo || second > info.second_hi) return false;
      for (std::size_t k = 2; k < info.length; ++k)
        if (!is_continuation(text[i + k])) return false;
    }
    i += info.length;
  }
  return true;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (char c : text)
    if (!is_continuation(c)) ++count;
  return count;
}

std::string digits_only(std::string_view text) {
  std::string out;
  for (char c : text)
    if (is_digit(c)) out += c;
  return out;
}

std::string mask_phone(std::string_view phone) { return mask(phone, MaskRule{8, 3, 4, 0, 2}); }

std::string mask_id_number(std::string_view id) { return mask(id, MaskRule{18, 3, 4, 1, 1}); }

bool is_mainland_mobile(std::string_view text) {
  if (text.size() != 11 || text[0] != '1' || text[1] < '3' || text[1] > '9') return false;
  for (char c : text)
    if (!is_digit(c)) return false;
  return true;
}

std::string trim(std::string_view text) {
  for (;;) {
    if (!text.empty() && is_ascii_space(text.front()))
      text.remove_prefix(1);
    else if (text.starts_with(ideographic_space))
      text.remove_prefix(ideographic_space.size());
    else
      break;
  }
  for (;;) {
    if (!text.empty() && is_ascii_space(text.back()))
      text.remove_suffix(1);
    else if (text.ends_with(ideographic_space))
      text.remove_suffix(ideographic_space.size());
    else
      break;
  }
  return std::string(text);
}

}  // namespace steward::core
