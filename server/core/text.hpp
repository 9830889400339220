#pragma once

// UTF-8 validation and helpers for displaying personal data (phones, ID
// numbers) in masked form.

#include <cstddef>
#include <string>
#include <string_view>

namespace steward::core {

// Strict UTF-8: rejects overlong forms, surrogates (U+D800..U+DFFF), code
// points above U+10FFFF, stray continuation bytes and truncated sequences.
bool valid_utf8(std::string_view text);

// Number of code points. The input is assumed to be valid UTF-8.
std::size_t utf8_length(std::string_view text);

// Only the ASCII digits 0-9, in order.
std::string digits_only(std::string_view text);

// 13812341234 -> "138****1234". Counted in code points: 8 or more keeps the
// first 3 and last 4; shorter keeps only the last 2 (a value of 1-2 characters
// is fully masked). The result has the same length; empty stays empty.
std::string mask_phone(std::string_view phone);

// 110101199001011234 -> "110***********1234". Counted in code points: 18 or
// more keeps the first 3 and last 4; shorter keeps the first and the last
// (a value of 1-2 characters is fully masked). Same length; empty stays empty.
std::string mask_id_number(std::string_view id);

// Exactly 11 ASCII digits starting with 13..19.
bool is_mainland_mobile(std::string_view text);

// Removes ASCII whitespace (space, \t, \n, \v, \f, \r) and U+3000
// IDEOGRAPHIC SPACE from both ends.
std::string trim(std::string_view text);

}  // namespace steward::core
