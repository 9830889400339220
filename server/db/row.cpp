#include "db/row.hpp"

#include <stdexcept>

namespace steward::db {

const Value& Row::at(const std::string& column) const {
  for (std::size_t i = 0; i < columns_->size(); ++i)
    if ((*columns_)[i] == column) return values_[i];
  throw std::logic_error("no column '" + column + "' in result");
}

bool Row::is_null(const std::string& column) const {
  return std::holds_alternative<std::monostate>(at(column));
}

namespace {
std::optional<std::int64_t> to_i64(const Value& v, const std::string& column) {
  if (auto p = std::get_if<long long>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<std::int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v)) {
    std::size_t used = 0;
    const long long n = std::stoll(*p, &used);
    if (used != p->size()) throw std::runtime_error("column '" + column + "' is not an integer");
    return n;
  }
  return std::nullopt;
}
}  // namespace

std::optional<std::int64_t> Row::opt_i64(const std::string& column) const {
  return to_i64(at(column), column);
}

std::int64_t Row::first_i64() const {
  auto v = values_.empty() ? std::nullopt : to_i64(values_.front(), "first");
  if (!v) throw std::runtime_error("scalar query returned NULL");
  return *v;
}

std::int64_t Row::i64(const std::string& column) const {
  auto v = opt_i64(column);
  if (!v) throw std::runtime_error("column '" + column + "' is NULL");
  return *v;
}

bool Row::flag(const std::string& column) const { return opt_i64(column).value_or(0) != 0; }

double Row::number(const std::string& column) const {
  const Value& v = at(column);
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<long long>(&v)) return static_cast<double>(*p);
  if (auto p = std::get_if<std::string>(&v)) return std::stod(*p);
  return 0;
}

std::optional<std::string> Row::opt_str(const std::string& column) const {
  const Value& v = at(column);
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<long long>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) return std::to_string(*p);
  return std::nullopt;
}

std::string Row::str(const std::string& column) const { return opt_str(column).value_or(""); }

}  // namespace steward::db
