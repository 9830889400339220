#pragma once
// Master data (regions, projects, zones, buildings, units, customers, staff, teams) is described
// as data: which fields a record has, how each is validated, how it is scoped and searched. One
// engine (resource.cpp) then gives every such record the same create / read / update / delete,
// the same validation errors, the same scope rules and the same audit trail.
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "db/row.hpp"
#include "json/input.hpp"

namespace soci {
class session;
}
namespace steward::db {
class Query;
using Session = soci::session;
}

namespace steward::crud {

enum class Type {
  text,        // TEXT
  integer,     // BIGINT
  flag,        // SMALLINT 0/1 <-> true/false
  hundredths,  // BIGINT hundredths <-> a number with two decimals (area in m2)
  hhmm,        // BIGINT minutes after midnight <-> "09:00"
  ref,         // BIGINT id of a record in ref_table
  choice,      // TEXT, one of `choices`
};

struct Field {
  std::string key;     // JSON key, camelCase
  std::string column;  // table column, snake_case
  Type type = Type::text;
  bool required = true;
  bool nullable = false;   // ref: may be null
  bool immutable = false;  // set on create, never changed (projectId)
  json::TextRule text{};
  json::IntRule range{};
  std::vector<std::string> choices{};
  std::string ref_table{};
  bool ref_in_project = true;  // the referenced record must belong to the same project
  std::optional<db::Value> fallback{};  // the value on create when the field is absent
};

using Values = std::map<std::string, db::Value>;  // column -> value

// SQL conditions and their bound values, joined with AND.
struct Where {
  std::vector<std::string> clauses;
  std::vector<std::pair<std::string, db::Value>> binds;
  void add(std::string clause) { clauses.push_back(std::move(clause)); }
  void add(std::string clause, std::string name, db::Value value) {
    clauses.push_back(std::move(clause));
    binds.emplace_back(std::move(name), std::move(value));
  }
  std::string sql() const;  // " WHERE a AND b" or ""
  void bind_to(db::Query& q) const;
};

struct Filter {
  std::string param;      // query parameter, e.g. "zoneId"
  std::string condition;  // e.g. "t.zone_id = :zoneId" (bound by the param name)
  enum class Kind { id, flag, custom } kind = Kind::id;
  std::function<void(const std::string& value, Where&)> custom{};
};

struct Unique {
  std::string key;                  // the field that must be unique, e.g. "name"
  std::vector<std::string> within;  // columns of the same record, e.g. {"project_id"}
};

enum class Scope {
  project_column,  // the record has project_id
  project_itself,  // the record is a project
  region,          // the record is a region: visible when it holds a project in scope
  company,         // company-wide settings (rules, dictionaries): every user sees them
};

enum class Mode { create, update };

struct Spec {
  std::string entity;  // singular, for audit and errors: "building"
  std::string table;
  std::string read_permission;
  std::string manage_permission;
  Scope scope = Scope::project_column;
  std::vector<Field> fields;
  std::string select;  // e.g. "t.*, z.name AS zone_name" (the record's table is aliased t)
  std::string from;    // e.g. "building t LEFT JOIN zone z ON z.id = t.zone_id"
  std::vector<std::string> search;  // expressions the free-text parameter q is looked for in
  std::vector<Filter> filters;
  std::vector<Unique> unique;
  std::string order_by = "t.id";
  std::vector<std::pair<std::string, std::string>> referenced_by;  // (table, column) -> 409

  // Optional hooks.
  // Reads fields that are not plain columns (a customer's phone) into columns.
  std::function<void(json::Input&, Values&, Mode)> read_extra{};
  // Checks across fields, given the record as it would be after the change.
  std::function<void(const Values& merged, core::ErrorDetails& errors)> check{};
  // Adds fields computed for display (names of referenced records, decrypted contact data).
  std::function<void(nlohmann::json&, const db::Row&, const core::Actor&)> decorate{};
  // Runs inside the transaction after every change (e.g. recompute what depends on a rule).
  std::function<void(db::Session&)> after_write{};
  // Runs after every change is committed (e.g. forget cached sessions whose scope it changes).
  std::function<void()> after_commit{};
  // What an owner may see of this kind of record; absent: nothing.
  std::function<void(const core::Actor&, Where&)> owner_scope{};
};

}  // namespace steward::crud
