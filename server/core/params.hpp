#pragma once
// Query-string parameters, read with the same care as a JSON body: a malformed value is a 400 that
// names the parameter, never a silent default.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/page.hpp"

namespace steward::core {

class Params {
 public:
  Params() = default;
  explicit Params(std::map<std::string, std::string> values) : values_(std::move(values)) {}

  void set(const std::string& key, std::string value) { values_[key] = std::move(value); }
  bool has(const std::string& key) const { return values_.count(key) > 0; }
  const std::map<std::string, std::string>& all() const { return values_; }

  std::optional<std::string> text(const std::string& key) const;  // trimmed; nullopt if empty
  std::optional<std::int64_t> id(const std::string& key) const;    // a positive integer
  std::optional<bool> flag(const std::string& key) const;          // true/false/1/0
  PageRequest page() const;                                        // page, pageSize

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace steward::core
