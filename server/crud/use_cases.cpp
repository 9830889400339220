// The five use cases of a master-data record. Each write is one transaction with its audit row.
#include "core/text.hpp"
#include "crud/resource.hpp"
#include "db/query.hpp"
#include "modules/audit/audit.hpp"

namespace steward::crud {
namespace {

const core::Actor& audit_reader() {
  static const core::Actor reader;  // no permissions: the audit trail keeps contact data masked
  return reader;
}

// "%text%" for `LIKE ... ESCAPE '!'`: lower-cased like LOWER() (ASCII on both engines), and the
// wildcards the user typed ("50%", "a_b") matched as themselves.
std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '%' || c == '_' || c == '!') out.push_back('!');
    out.push_back(c);
  }
  return out + "%";
}

}  // namespace

nlohmann::json Resource::list(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, spec_.read_permission);
  const auto page = query.page();
  Where w = scope_for(actor);
  for (const Filter& f : spec_.filters) {
    if (f.kind == Filter::Kind::id) {
      if (auto id = query.id(f.param)) w.add(f.condition, f.param, static_cast<long long>(*id));
    } else if (f.kind == Filter::Kind::flag) {
      if (auto b = query.flag(f.param)) w.add(f.condition, f.param, *b ? 1LL : 0LL);
    } else if (auto text = query.text(f.param)) {
      f.custom(*text, w);
    }
  }
  if (auto q = query.text("q"); q && !spec_.search.empty()) {
    std::string any;
    for (std::size_t i = 0; i < spec_.search.size(); ++i) {
      const std::string name = "q" + std::to_string(i);
      any += (any.empty() ? "" : " OR ") +
             ("LOWER(" + spec_.search[i] + ") LIKE :" + name + " ESCAPE '!'");
      w.binds.emplace_back(name, like_pattern(*q));
    }
    w.add("(" + any + ")");
  }
  return db_.read([&](db::Session& s) {
    db::Query count(s, "SELECT COUNT(*) AS n FROM " + spec_.from + w.sql());
    w.bind_to(count);
    const auto total = count.scalar();
    db::Query rows(s, "SELECT " + spec_.select + " FROM " + spec_.from + w.sql() + " ORDER BY " +
                          spec_.order_by + " LIMIT :limit OFFSET :offset");
    w.bind_to(rows);
    rows.bind("limit", page.size).bind("offset", static_cast<long long>(page.offset()));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : rows.all()) items.push_back(view(row, actor));
    return nlohmann::json{{"items", std::move(items)}, {"total", total}};
  });
}

nlohmann::json Resource::get(const core::Actor& actor, std::int64_t id) const {
  core::require(actor, spec_.read_permission);
  return db_.read([&](db::Session& s) {
    auto row = find(s, actor, id);
    if (!row) core::throw_not_found(spec_.entity);
    return view(*row, actor);
  });
}

nlohmann::json Resource::create(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, spec_.manage_permission);
  json::Input in(body, json::Input::Mode::create);
  Values values = read_fields(in, Mode::create);
  in.finish();
  std::int64_t project_id = 0;
  if (spec_.scope == Scope::project_column) {
    project_id = std::get<long long>(values.at("project_id"));
    if (!ctx.actor.sees_project(project_id)) core::throw_not_found("project");
  }
  auto out = db_.write([&](db::Session& s) {
    if (project_id &&
        !db::Query(s, "SELECT id FROM project WHERE id = :id").bind("id", (long long)project_id).one())
      core::throw_not_found("project");
    check_record(s, values, values, project_id, 0);
    const auto now = clock_.now();
    values["created_at"] = static_cast<long long>(now);
    values["updated_at"] = static_cast<long long>(now);
    std::string columns, params;
    for (const auto& [column, value] : values) {
      columns += (columns.empty() ? "" : ", ") + column;
      params += (params.empty() ? ":" : ", :") + column;
    }
    db::Query insert(s, "INSERT INTO " + spec_.table + " (" + columns + ") VALUES (" + params +
                            ") RETURNING id");
    for (const auto& [column, value] : values) insert.bind(column, value);
    const auto id = insert.scalar();
    auto row = find(s, ctx.actor, id);
    audit::record(s, ctx, now,
                  {audit_project(*row), spec_.entity, id, "create", nullptr, view(*row, audit_reader())});
    if (spec_.after_write) spec_.after_write(s);
    return view(*row, ctx.actor);
  });
  if (spec_.after_commit) spec_.after_commit();
  return out;
}

nlohmann::json Resource::update(const core::Context& ctx, std::int64_t id,
                                const nlohmann::json& body) const {
  core::require(ctx.actor, spec_.manage_permission);
  json::Input in(body, json::Input::Mode::update);
  Values changes = read_fields(in, Mode::update);
  in.finish();
  auto out = db_.write([&](db::Session& s) {
    auto before = find(s, ctx.actor, id);
    if (!before) core::throw_not_found(spec_.entity);
    if (changes.empty()) return view(*before, ctx.actor);
    Values merged = current_values(*before);
    for (const auto& [column, value] : changes) merged[column] = value;
    const std::int64_t project_id =
        spec_.scope == Scope::project_column ? before->i64("project_id") : 0;
    check_record(s, changes, merged, project_id, id);
    const auto now = clock_.now();
    std::string sets;
    for (const auto& [column, value] : changes) sets += column + " = :" + column + ", ";
    db::Query update(s, "UPDATE " + spec_.table + " SET " + sets +
                            "updated_at = :updated_at WHERE id = :id");
    for (const auto& [column, value] : changes) update.bind(column, value);
    update.bind("updated_at", static_cast<long long>(now)).bind("id", static_cast<long long>(id));
    update.exec();
    auto after = find(s, ctx.actor, id);
    audit::record(s, ctx, now,
                  {audit_project(*after), spec_.entity, id, "update", view(*before, audit_reader()), view(*after, audit_reader())});
    if (spec_.after_write) spec_.after_write(s);
    return view(*after, ctx.actor);
  });
  if (spec_.after_commit) spec_.after_commit();
  return out;
}

void Resource::remove(const core::Context& ctx, std::int64_t id) const {
  core::require(ctx.actor, spec_.manage_permission);
  db_.write([&](db::Session& s) {
    auto before = find(s, ctx.actor, id);
    if (!before) core::throw_not_found(spec_.entity);
    for (const auto& [table, column] : spec_.referenced_by) {
      db::Query q(s, "SELECT 1 AS used FROM " + table + " WHERE " + column + " = :id LIMIT 1");
      if (q.bind("id", static_cast<long long>(id)).one())
        core::throw_conflict("conflict.in_use",
                             "this " + spec_.entity + " is still referred to by a " + table,
                             {{table, "refers to this record"}});
    }
    db::Query(s, "DELETE FROM " + spec_.table + " WHERE id = :id")
        .bind("id", static_cast<long long>(id))
        .exec();
    audit::record(s, ctx, clock_.now(),
                  {audit_project(*before), spec_.entity, id, "delete", view(*before, audit_reader()), nullptr});
    if (spec_.after_write) spec_.after_write(s);
  });
  if (spec_.after_commit) spec_.after_commit();
}

}  // namespace steward::crud
