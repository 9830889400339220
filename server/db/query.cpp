#include "db/query.hpp"

#include <soci/soci.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace steward::db {
namespace {

Value read_value(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::monostate{};
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return static_cast<long long>(r.get<int>(i));
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_double: return r.get<double>(i);
    case soci::dt_string: return r.get<std::string>(i);
    default: throw std::runtime_error("unsupported column type in result");
  }
}

}  // namespace

Query& Query::bind(const std::string& name, long long value) {
  params_.push_back({name, Param::integer, value, 0, {}, false});
  return *this;
}
Query& Query::bind(const std::string& name, double value) {
  params_.push_back({name, Param::real, 0, value, {}, false});
  return *this;
}
Query& Query::bind(const std::string& name, std::string value) {
  params_.push_back({name, Param::text, 0, 0, std::move(value), false});
  return *this;
}
Query& Query::bind(const std::string& name, std::optional<long long> value) {
  params_.push_back({name, Param::integer, value.value_or(0), 0, {}, !value});
  return *this;
}
Query& Query::bind(const std::string& name, std::optional<long> value) {
  if (value) return bind(name, std::optional<long long>(*value));
  return bind(name, std::optional<long long>());
}
Query& Query::bind(const std::string& name, std::optional<std::string> value) {
  params_.push_back({name, Param::text, 0, 0, value.value_or(""), !value});
  return *this;
}

Query& Query::bind(const std::string& name, const Value& value) {
  if (auto p = std::get_if<long long>(&value)) return bind(name, *p);
  if (auto p = std::get_if<double>(&value)) return bind(name, *p);
  if (auto p = std::get_if<std::string>(&value)) return bind(name, *p);
  return bind(name, std::optional<long long>());
}

namespace {
std::atomic<bool> g_observed{false};
std::mutex g_observer_mutex;
std::function<void(const std::string&)> g_observer;
}  // namespace

void observe_statements(std::function<void(const std::string& sql)> observer) {
  std::lock_guard lock(g_observer_mutex);
  g_observer = std::move(observer);
  g_observed = static_cast<bool>(g_observer);
}

std::vector<Row> Query::run(bool want_rows, std::size_t limit) {
  if (g_observed) {
    std::lock_guard lock(g_observer_mutex);
    if (g_observer) g_observer(sql_);
  }
  std::vector<soci::indicator> indicators(params_.size());
  soci::row r;
  auto prep = (session_.prepare << sql_);
  if (want_rows) prep, soci::into(r);
  for (std::size_t k = 0; k < params_.size(); ++k) {
    Param& p = params_[k];
    indicators[k] = p.null ? soci::i_null : soci::i_ok;
    switch (p.kind) {
      case Param::integer: prep, soci::use(p.i, indicators[k], p.name); break;
      case Param::real: prep, soci::use(p.d, indicators[k], p.name); break;
      case Param::text: prep, soci::use(p.s, indicators[k], p.name); break;
    }
  }
  soci::statement st = prep;
  std::vector<Row> rows;
  // execute(true) also for statements without results: it is what exchanges the bound values.
  if (!st.execute(true) || !want_rows) return rows;
  std::shared_ptr<std::vector<std::string>> columns;
  do {
    if (!columns) {
      columns = std::make_shared<std::vector<std::string>>();
      for (std::size_t i = 0; i < r.size(); ++i) columns->push_back(r.get_properties(i).get_name());
    }
    std::vector<Value> values;
    values.reserve(r.size());
    for (std::size_t i = 0; i < r.size(); ++i) values.push_back(read_value(r, i));
    rows.emplace_back(columns, std::move(values));
  } while (rows.size() < limit && st.fetch());
  return rows;
}

void Query::exec() { run(false, 0); }
std::vector<Row> Query::all() { return run(true, SIZE_MAX); }

std::optional<Row> Query::one() {
  auto rows = run(true, 1);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

long long Query::scalar() {
  auto rows = run(true, 1);
  if (rows.empty()) throw std::runtime_error("scalar query returned no row");
  return rows.front().first_i64();
}

std::string id_list(const std::vector<long long>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ", ";
    out += std::to_string(id);
  }
  return out.empty() ? "NULL" : out;
}

}  // namespace steward::db
