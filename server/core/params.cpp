#include "core/params.hpp"

#include <charconv>

#include "core/error.hpp"
#include "core/text.hpp"

namespace steward::core {
namespace {

std::optional<std::int64_t> parse_i64(const std::string& s) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

[[noreturn]] void bad(const std::string& key, const std::string& what) {
  throw_invalid("query parameter " + key + " " + what, {{key, what}});
}

}  // namespace

std::optional<std::string> Params::text(const std::string& key) const {
  auto it = values_.find(key);
  if (it == values_.end()) return std::nullopt;
  if (!valid_utf8(it->second)) bad(key, "is not valid UTF-8");
  if (utf8_length(it->second) > 100) bad(key, "must be at most 100 characters");
  std::string value = trim(it->second);
  if (value.empty()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> Params::id(const std::string& key) const {
  auto it = values_.find(key);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  auto v = parse_i64(it->second);
  if (!v || *v <= 0) bad(key, "must be a positive integer");
  return v;
}

std::optional<bool> Params::flag(const std::string& key) const {
  auto it = values_.find(key);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  if (it->second == "true" || it->second == "1") return true;
  if (it->second == "false" || it->second == "0") return false;
  bad(key, "must be true or false");
}

PageRequest Params::page() const {
  PageRequest p;
  if (auto it = values_.find("page"); it != values_.end()) {
    auto v = parse_i64(it->second);
    if (!v || *v < 1 || *v > 1'000'000) bad("page", "must be an integer from 1 to 1000000");
    p.page = static_cast<int>(*v);
  }
  if (auto it = values_.find("pageSize"); it != values_.end()) {
    auto v = parse_i64(it->second);
    if (!v || *v < 1 || *v > PageRequest::kMaxSize)
      bad("pageSize", "must be an integer from 1 to " + std::to_string(PageRequest::kMaxSize));
    p.size = static_cast<int>(*v);
  }
  return p;
}

}  // namespace steward::core
