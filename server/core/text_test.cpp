#include "core/text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace steward::core {
namespace {

struct Utf8Case {
  std::string input;
  bool valid;
  const char* note;
};

TEST(TextUtf8, Validation) {
  const Utf8Case cases[] = {
      {"", true, "empty"},
      {"hello", true, "ascii"},
      {"物业服务", true, "chinese"},
      {"\xC2\x80", true, "U+0080 smallest 2-byte"},
      {"\xDF\xBF", true, "U+07FF"},
      {"\xE0\xA0\x80", true, "U+0800 smallest 3-byte"},
      {"\xED\x9F\xBF", true, "U+D7FF just below surrogates"},
      {"\xEE\x80\x80", true, "U+E000 just above surrogates"},
      {"\xEF\xBF\xBF", true, "U+FFFF"},
      {"\xF0\x90\x80\x80", true, "U+10000 smallest 4-byte"},
      {"\xF0\x9F\x98\x80", true, "emoji"},
      {"\xF4\x8F\xBF\xBF", true, "U+10FFFF"},
      {std::string("a\0b", 3), true, "embedded NUL"},
      {"\xC0\x80", false, "overlong NUL"},
      {"\xC1\xBF", false, "overlong 2-byte"},
      {"\xE0\x80\xAF", false, "overlong 3-byte"},
      {"\xE0\x9F\xBF", false, "overlong 3-byte upper"},
      {"\xF0\x80\x80\xAF", false, "overlong 4-byte"},
      {"\xF0\x8F\xBF\xBF", false, "overlong 4-byte upper"},
      {"\xED\xA0\x80", false, "U+D800 high surrogate"},
      {"\xED\xBF\xBF", false, "U+DFFF low surrogate"},
      {"\xF4\x90\x80\x80", false, "U+110000"},
      {"\xF5\x80\x80\x80", false, "lead F5"},
      {"\xFF", false, "byte FF"},
      {"\x80", false, "stray continuation"},
      {"a\xBF"
       "b",
       false, "stray continuation in middle"},
      {"\xE7\x89", false, "truncated 3-byte"},
      {"\xF0\x9F\x98", false, "truncated 4-byte"},
      {"\xC3", false, "truncated 2-byte at end"},
      {"\xE7\x89"
       "a",
       false, "continuation replaced by ascii"},
      {"\xC3\xC3\xA9", false, "lead followed by lead"},
  };
  for (const auto& c : cases) EXPECT_EQ(valid_utf8(c.input), c.valid) << c.note;
}

TEST(TextUtf8, Length) {
  const std::pair<std::string, std::size_t> cases[] = {
      {"", 0}, {"abc", 3}, {"物业", 2}, {"a物b", 3}, {"\xF0\x9F\x98\x80x", 2}, {"é", 1},
  };
  for (const auto& [input, length] : cases) EXPECT_EQ(utf8_length(input), length) << input;
}

TEST(TextDigits, DigitsOnly) {
  const std::pair<std::string, std::string> cases[] = {
      {"", ""},
      {"138-1234-1234", "13812341234"},
      {"+86 138 1234 1234", "8613812341234"},
      {"(010) 6512-3456", "01065123456"},
      {"no digits", ""},
      {"电话：１３８", ""},  // full-width digits are not ASCII digits
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(digits_only(input), expected) << input;
}

TEST(TextMask, Phone) {
  const std::pair<std::string, std::string> cases[] = {
      {"", ""},
      {"13812341234", "138****1234"},
      {"01065123456", "010****3456"},
      {"12345678", "123*5678"},
      {"+8613812341234", "+86*******1234"},
      {"1234567", "*****67"},
      {"123", "*23"},
      {"12", "**"},
      {"1", "*"},
      {"电话一二三四五六七", "电话一**四五六七"},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(mask_phone(input), expected) << input;
    EXPECT_EQ(utf8_length(mask_phone(input)), utf8_length(input)) << input;
  }
}

TEST(TextMask, IdNumber) {
  const std::pair<std::string, std::string> cases[] = {
      {"", ""},
      {"110101199001011234", "110***********1234"},
      {"11010119900101123X", "110***********123X"},
      {"110101900101123", "1*************3"},  // 15-digit legacy ID
      {"E12345678", "E*******8"},              // passport
      {"AB", "**"},
      {"A", "*"},
      {"ABC", "A*C"},
      {"身份证号码一二三四五六七八九十甲乙丙", "身份证***********十甲乙丙"},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(mask_id_number(input), expected) << input;
    EXPECT_EQ(utf8_length(mask_id_number(input)), utf8_length(input)) << input;
  }
}

TEST(TextMask, MalformedInputStaysSafe) {
  // Stray bytes are masked one by one; nothing crashes or reads past the end.
  EXPECT_EQ(mask_phone("\xE7\x89"), "*");  // truncated sequence is one piece
  EXPECT_EQ(mask_id_number("\xFF\xFF\xFF"), "\xFF*\xFF");
}

TEST(TextPhone, IsMainlandMobile) {
  const std::pair<std::string, bool> cases[] = {
      {"13812341234", true},
      {"19912341234", true},
      {"15000000000", true},
      {"12812341234", false},
      {"10812341234", false},
      {"23812341234", false},
      {"1381234123", false},
      {"138123412345", false},
      {"138-1234-1234", false},
      {"1381234123a", false},
      {"", false},
      {"+8613812341234", false},
      {"１３８１２３４１２３４", false},
  };
  for (const auto& [input, expected] : cases)
    EXPECT_EQ(is_mainland_mobile(input), expected) << input;
}

TEST(TextTrim, Trim) {
  const std::pair<std::string, std::string> cases[] = {
      {"", ""},
      {"   ", ""},
      {"abc", "abc"},
      {"  abc  ", "abc"},
      {"\t\r\n\v\fabc\n", "abc"},
      {"\xE3\x80\x80张三\xE3\x80\x80", "张三"},
      {" \xE3\x80\x80 \xE3\x80\x80张 三\xE3\x80\x80 ", "张 三"},
      {"a\xE3\x80\x80"
       "b",
       "a\xE3\x80\x80"
       "b"},
      {"\xE3\x80\x80", ""},
      {"\xC2\xA0x", "\xC2\xA0x"},  // NBSP is not trimmed
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(trim(input), expected) << input;
}

}  // namespace
}  // namespace steward::core
