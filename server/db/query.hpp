#pragma once
// One SQL statement with `:name` parameters, bound by name (never the same name twice in one
// statement). SQL is written once for both engines; SOCI rewrites `:name` for PostgreSQL.
//
//   auto row = Query(tx, "SELECT id, name FROM region WHERE id = :id").bind("id", id).one();
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/row.hpp"

namespace soci {
class session;
}

namespace steward::db {

using Session = soci::session;

class Query {
 public:
  Query(Session& session, std::string_view sql) : session_(session), sql_(sql) { params_.reserve(16); }

  Query& bind(const std::string& name, long long value);
  Query& bind(const std::string& name, int value) { return bind(name, (long long)value); }
  Query& bind(const std::string& name, long value) { return bind(name, (long long)value); }
  Query& bind(const std::string& name, bool value) { return bind(name, value ? 1LL : 0LL); }
  Query& bind(const std::string& name, double value);
  Query& bind(const std::string& name, std::string value);
  Query& bind(const std::string& name, const char* value) { return bind(name, std::string(value)); }
  Query& bind(const std::string& name, std::optional<long long> value);
  Query& bind(const std::string& name, std::optional<long> value);
  Query& bind(const std::string& name, std::optional<std::string> value);
  Query& bind(const std::string& name, const Value& value);

  void exec();                     // a statement without result rows
  std::vector<Row> all();          // every row
  std::optional<Row> one();        // the first row, if any
  long long scalar();              // the first column of the first row; throws when none

 private:
  struct Param {
    std::string name;
    enum { integer, real, text } kind = integer;
    long long i = 0;
    double d = 0;
    std::string s;
    bool null = false;
    int indicator = 0;  // soci::indicator, kept as int so this header needs no SOCI
  };
  std::vector<Row> run(bool want_rows, std::size_t limit);
  Session& session_;
  std::string sql_;
  std::vector<Param> params_;  // bound to the statement only in run(), once all are added
};

// Tests only (the query-plan test): `observer` sees the SQL text of every statement run from now
// on, on whichever thread runs it; an empty function stops it.
void observe_statements(std::function<void(const std::string& sql)> observer);

// "a, b, c" from integers, for IN lists built from ids we already hold (never from user text).
std::string id_list(const std::vector<long long>& ids);

}  // namespace steward::db
