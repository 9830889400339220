#pragma once
// A result row copied out of the driver, so repositories see one shape whatever the engine:
// SQLite and PostgreSQL report integer columns with different widths, and COUNT(*) or SUM() as
// whatever they like; Row's getters convert, and fail loudly on a real type mismatch.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace steward::db {

using Value = std::variant<std::monostate, long long, double, std::string>;

class Row {
 public:
  Row(std::shared_ptr<const std::vector<std::string>> columns, std::vector<Value> values)
      : columns_(std::move(columns)), values_(std::move(values)) {}

  bool is_null(const std::string& column) const;
  std::int64_t i64(const std::string& column) const;  // throws when NULL
  std::optional<std::int64_t> opt_i64(const std::string& column) const;
  bool flag(const std::string& column) const;  // SMALLINT 0/1
  double number(const std::string& column) const;
  std::string str(const std::string& column) const;  // "" when NULL
  std::optional<std::string> opt_str(const std::string& column) const;
  std::int64_t first_i64() const;
  const Value& value(const std::string& column) const { return at(column); }  // the first column, whatever its name (scalar queries)

 private:
  const Value& at(const std::string& column) const;
  std::shared_ptr<const std::vector<std::string>> columns_;
  std::vector<Value> values_;
};

}  // namespace steward::db
