#include "crud/resource.hpp"

#include "core/text.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "json/output.hpp"

namespace steward::crud {
std::string Where::sql() const {
  std::string out;
  for (const auto& c : clauses) out += (out.empty() ? " WHERE " : " AND ") + c;
  return out;
}

void Where::bind_to(db::Query& q) const {
  for (const auto& [name, value] : binds) q.bind(name, value);
}

Where Resource::scope_for(const core::Actor& actor) const {
  Where w;
  if (actor.all_projects || spec_.scope == Scope::company) return w;
  if (actor.is_owner() && spec_.scope == Scope::project_column) {
    if (spec_.owner_scope)
      spec_.owner_scope(actor, w);
    else
      w.add("1 = 0");
    return w;
  }
  const std::string ids = db::id_list({actor.project_ids.begin(), actor.project_ids.end()});
  switch (spec_.scope) {
    case Scope::project_column: w.add("t.project_id IN (" + ids + ")"); break;
    case Scope::project_itself: w.add("t.id IN (" + ids + ")"); break;
    case Scope::region:
      w.add("t.id IN (SELECT region_id FROM project WHERE id IN (" + ids + "))");
      break;
    case Scope::company: break;
  }
  return w;
}

std::optional<db::Row> Resource::find(db::Session& s, const core::Actor& actor,
                                      std::int64_t id) const {
  Where w = scope_for(actor);
  w.add("t.id = :id", "id", static_cast<long long>(id));
  db::Query q(s, "SELECT " + spec_.select + " FROM " + spec_.from + w.sql());
  w.bind_to(q);
  return q.one();
}

nlohmann::json Resource::view(const db::Row& row, const core::Actor& actor) const {
  nlohmann::json j{{"id", row.i64("id")}};
  for (const Field& f : spec_.fields) {
    switch (f.type) {
      case Type::text:
      case Type::choice: j[f.key] = row.str(f.column); break;
      case Type::integer: j[f.key] = row.i64(f.column); break;
      case Type::flag: j[f.key] = row.flag(f.column); break;
      case Type::hundredths: j[f.key] = static_cast<double>(row.i64(f.column)) / 100.0; break;
      case Type::hhmm: j[f.key] = core::format_hhmm(static_cast<int>(row.i64(f.column))); break;
      case Type::ref: j[f.key] = json::or_null(row.opt_i64(f.column)); break;
    }
  }
  j["createdAt"] = core::format_iso8601(row.i64("created_at"));
  j["updatedAt"] = core::format_iso8601(row.i64("updated_at"));
  if (spec_.decorate) spec_.decorate(j, row, actor);
  return j;
}

Values Resource::read_fields(json::Input& in, Mode mode) const {
  Values v;
  for (const Field& f : spec_.fields) {
    if (mode == Mode::update && f.immutable) {
      if (in.has(f.key)) in.fail(f.key, "cannot be changed");
      continue;
    }
    if (mode == Mode::create && f.fallback && !in.has(f.key)) v[f.column] = *f.fallback;
    auto put = [&](const std::optional<std::string>& value) {
      if (value) v[f.column] = *value;
    };
    switch (f.type) {
      case Type::text: {
        json::TextRule rule = f.text;
        rule.required = f.required;
        put(in.text(f.key, rule));
        break;
      }
      case Type::choice: put(in.choice(f.key, f.choices, f.required)); break;
      case Type::integer:
      case Type::hundredths: {
        json::IntRule rule = f.range;
        rule.required = f.required;
        auto n = f.type == Type::integer ? in.integer(f.key, rule) : in.hundredths(f.key, rule);
        if (n) v[f.column] = static_cast<long long>(*n);
        break;
      }
      case Type::flag:
        if (auto b = in.boolean(f.key, f.required)) v[f.column] = *b ? 1LL : 0LL;
        break;
      case Type::hhmm:
        if (auto t = in.text(f.key, {.required = f.required, .min = 1, .max = 5})) {
          if (auto m = core::parse_hhmm(*t))
            v[f.column] = static_cast<long long>(*m);
          else
            in.fail(f.key, "must be a time of day HH:MM");
        }
        break;
      case Type::ref:
        if (f.nullable) {
          auto n = in.nullable_id(f.key);
          if (n.present && n.value) v[f.column] = static_cast<long long>(*n.value);
          if (n.present && !n.value) v[f.column] = std::monostate{};
        } else if (auto id = in.id(f.key, f.required)) {
          v[f.column] = static_cast<long long>(*id);
        }
        break;
    }
  }
  if (spec_.read_extra) spec_.read_extra(in, v, mode);
  return v;
}

Values Resource::current_values(const db::Row& row) const {
  Values v;
  for (const Field& f : spec_.fields) v[f.column] = row.value(f.column);
  if (spec_.scope == Scope::project_column) v["project_id"] = row.value("project_id");
  return v;
}

std::optional<std::int64_t> Resource::audit_project(const db::Row& row) const {
  switch (spec_.scope) {
    case Scope::project_column: return row.i64("project_id");
    case Scope::project_itself: return row.i64("id");
    case Scope::region:
    case Scope::company: break;
  }
  return std::nullopt;
}

void Resource::check_references(db::Session& s, const Values& changes, std::int64_t project_id,
                                core::ErrorDetails& errors) const {
  for (const Field& f : spec_.fields) {
    if (f.type != Type::ref || f.column == "project_id") continue;
    auto it = changes.find(f.column);
    if (it == changes.end() || std::holds_alternative<std::monostate>(it->second)) continue;
    const bool in_project = f.ref_in_project && spec_.scope == Scope::project_column;
    db::Query q(s, "SELECT " + std::string(in_project ? "project_id" : "id") + " AS owner FROM " +
                       f.ref_table + " WHERE id = :id");
    auto row = q.bind("id", it->second).one();
    if (!row || (in_project && row->i64("owner") != project_id))
      errors.emplace(f.key, in_project ? "does not exist in this project" : "does not exist");
  }
}

void Resource::check_unique(db::Session& s, const Values& merged, std::int64_t self,
                            core::ErrorDetails& errors) const {
  for (const Unique& u : spec_.unique) {
    const Field* field = nullptr;
    for (const Field& f : spec_.fields)
      if (f.key == u.key) field = &f;
    Where w;
    w.add(field->column + " = :value", "value", merged.at(field->column));
    w.add("id <> :self", "self", static_cast<long long>(self));
    for (const auto& column : u.within) {
      const auto& value = merged.at(column);
      if (std::holds_alternative<std::monostate>(value))
        w.add(column + " IS NULL");
      else
        w.add(column + " = :w_" + column, "w_" + column, value);
    }
    db::Query q(s, "SELECT id FROM " + spec_.table + w.sql());
    w.bind_to(q);
    if (q.one()) errors.emplace(u.key, u.within.empty() ? "is already used"
                                                        : "is already used in this project");
  }
}

void Resource::check_record(db::Session& s, const Values& changes, const Values& merged,
                            std::int64_t project_id, std::int64_t self) const {
  core::ErrorDetails errors;
  if (spec_.check) spec_.check(merged, errors);
  check_references(s, changes, project_id, errors);
  check_unique(s, merged, self, errors);
  if (errors.empty()) return;
  std::string message = "invalid request:";
  for (const auto& [key, what] : errors) message += " " + key + " " + what + ";";
  message.pop_back();
  core::throw_invalid(message, errors);
}

}  // namespace steward::crud
