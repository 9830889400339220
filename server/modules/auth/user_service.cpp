#include "modules/auth/user_service.hpp"

#include "core/time.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "json/output.hpp"
#include "modules/audit/audit.hpp"
#include "modules/auth/auth_service.hpp"
#include "modules/auth/roles.hpp"

namespace steward::auth {
namespace {

// What a create or update asks for, after validation of each field on its own.
struct UserInput {
  std::optional<std::string> username, display_name, password, role;
  std::optional<std::vector<std::int64_t>> project_ids;
  json::NullableId region_id, staff_id, customer_id;
  std::optional<bool> active;
};

UserInput read_input(const nlohmann::json& body, json::Input::Mode mode) {
  json::Input in(body, mode);
  UserInput u;
  const bool creating = mode == json::Input::Mode::create;
  u.username = in.text("username", {.required = creating, .min = 2, .max = 50});
  if (u.username)
    for (char c : *u.username)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
        in.fail("username", "may hold only a-z, 0-9, '.', '_' and '-'");
  if (!creating && u.username) in.fail("username", "cannot be changed");
  u.display_name = in.text("displayName", {.required = creating, .max = 50});
  u.password = in.text("password", {.required = creating, .min = 8, .max = 200});
  u.role = in.choice("role", role_codes(true), creating);
  u.project_ids = in.ids("projectIds", false, 1000);
  u.region_id = in.nullable_id("regionId");
  u.staff_id = in.nullable_id("staffId");
  u.customer_id = in.nullable_id("customerId");
  u.active = in.boolean("active", false);
  in.finish();
  return u;
}

bool exists(db::Session& s, const std::string& table, std::int64_t id) {
  return db::Query(s, "SELECT id FROM " + table + " WHERE id = :id")
      .bind("id", static_cast<long long>(id))
      .one()
      .has_value();
}

// The rules that tie fields together, checked against the account as it will be.
void check_links(db::Session& s, const std::string& role, const std::vector<std::int64_t>& projects,
                 std::optional<std::int64_t> region, std::optional<std::int64_t> staff,
                 std::optional<std::int64_t> customer, const core::Actor& actor) {
  core::ErrorDetails errors;
  const Role* r = find_role(role);
  for (auto p : projects)
    if (!actor.sees_project(p) || !exists(s, "project", p))
      errors.emplace("projectIds", "holds a project that does not exist");
  if (r->scope == RoleScope::assigned && projects.empty())
    errors.emplace("projectIds", "must name at least one project for this role");
  if (r->scope == RoleScope::region && !region)
    errors.emplace("regionId", "is required for a region manager");
  if (region && !exists(s, "region", *region)) errors.emplace("regionId", "does not exist");
  if (staff && !exists(s, "staff", *staff)) errors.emplace("staffId", "does not exist");
  if (r->scope == RoleScope::owner && !customer)
    errors.emplace("customerId", "is required for an owner");
  if (customer && !exists(s, "customer", *customer)) errors.emplace("customerId", "does not exist");
  if (!actor.all_projects && r->scope == RoleScope::company)
    errors.emplace("role", "can be given only by a company-wide administrator");
  if (!errors.empty()) core::throw_invalid("invalid account settings", errors);
}

nlohmann::json to_view(const db::Row& r, const std::vector<std::int64_t>& projects) {
  const Role* role = find_role(r.str("role"));
  return {{"id", r.i64("id")},
          {"username", r.str("username")},
          {"displayName", r.str("display_name")},
          {"role", r.str("role")},
          {"roleName", role ? role->name_zh : r.str("role")},
          {"projectIds", projects},
          {"regionId", json::or_null(r.opt_i64("region_id"))},
          {"staffId", json::or_null(r.opt_i64("staff_id"))},
          {"customerId", json::or_null(r.opt_i64("customer_id"))},
          {"active", r.flag("active")},
          {"lastLoginAt", r.opt_i64("last_login_at")
                              ? nlohmann::json(core::format_iso8601(*r.opt_i64("last_login_at")))
                              : nlohmann::json()},
          {"createdAt", core::format_iso8601(r.i64("created_at"))},
          {"updatedAt", core::format_iso8601(r.i64("updated_at"))}};
}

std::vector<std::int64_t> projects_of(db::Session& s, std::int64_t user) {
  std::vector<std::int64_t> out;
  for (const auto& r : db::Query(s, "SELECT project_id FROM user_project WHERE user_id = :u ORDER "
                                    "BY project_id")
                           .bind("u", static_cast<long long>(user))
                           .all())
    out.push_back(r.first_i64());
  return out;
}

// Users a scoped manager may see: those assigned to one of the manager's projects.
std::string scope_clause(const core::Actor& actor) {
  if (actor.all_projects) return "";
  return " AND u.id IN (SELECT user_id FROM user_project WHERE project_id IN (" +
         db::id_list({actor.project_ids.begin(), actor.project_ids.end()}) + "))";
}

void set_projects(db::Session& s, std::int64_t user, const std::vector<std::int64_t>& projects) {
  db::Query(s, "DELETE FROM user_project WHERE user_id = :u").bind("u", (long long)user).exec();
  for (auto p : projects)
    db::Query(s, "INSERT INTO user_project (user_id, project_id) VALUES (:u, :p)")
        .bind("u", static_cast<long long>(user))
        .bind("p", static_cast<long long>(p))
        .exec();
}

}  // namespace

std::optional<nlohmann::json> UserService::find(db::Session& s, const core::Actor& actor,
                                                std::int64_t id) const {
  auto row = db::Query(s, "SELECT u.* FROM app_user u WHERE u.id = :id" + scope_clause(actor))
                 .bind("id", static_cast<long long>(id))
                 .one();
  if (!row) return std::nullopt;
  return to_view(*row, projects_of(s, id));
}

nlohmann::json UserService::list(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "user.read");
  const auto page = query.page();
  const auto q = query.text("q");
  std::string where = " WHERE 1 = 1" + scope_clause(actor);
  if (q)
    where += " AND (LOWER(u.username) LIKE :q1 ESCAPE '!' OR LOWER(u.display_name) LIKE :q2 "
             "ESCAPE '!')";
  std::string pattern = "%";  // lower-cased like LOWER(), the wildcards typed matched as such
  for (char c : q.value_or("")) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '%' || c == '_' || c == '!') pattern.push_back('!');
    pattern.push_back(c);
  }
  pattern.push_back('%');
  return db_.read([&](db::Session& s) {
    auto bind = [&](db::Query& query) -> db::Query& {
      if (q) query.bind("q1", pattern).bind("q2", pattern);
      return query;
    };
    db::Query count(s, "SELECT COUNT(*) AS n FROM app_user u" + where);
    const auto total = bind(count).scalar();
    db::Query rows(s, "SELECT u.* FROM app_user u" + where +
                          " ORDER BY u.username LIMIT :limit OFFSET :offset");
    bind(rows).bind("limit", page.size).bind("offset", static_cast<long long>(page.offset()));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : rows.all()) items.push_back(to_view(r, projects_of(s, r.i64("id"))));
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

nlohmann::json UserService::create(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "user.manage");
  const UserInput u = read_input(body, json::Input::Mode::create);
  const std::string hash = hash_password(*u.password, cost_);  // slow: not inside the transaction
  return db_.write([&](db::Session& s) {
    if (db::Query(s, "SELECT id FROM app_user WHERE username = :u").bind("u", *u.username).one())
      core::throw_invalid("the username is already used", {{"username", "is already used"}});
    const auto projects = u.project_ids.value_or(std::vector<std::int64_t>{});
    check_links(s, *u.role, projects, u.region_id.value, u.staff_id.value, u.customer_id.value,
                ctx.actor);
    const auto now = clock_.now();
    const auto id =
        db::Query(s,
                  "INSERT INTO app_user (username, display_name, password_hash, role, region_id, "
                  "staff_id, customer_id, active, password_changed_at, created_at, updated_at) "
                  "VALUES (:username, :display, :hash, :role, :region, :staff, :customer, "
                  ":active, :changed, :created, :updated) RETURNING id")
            .bind("username", *u.username)
            .bind("display", *u.display_name)
            .bind("hash", hash)
            .bind("role", *u.role)
            .bind("region", u.region_id.value)
            .bind("staff", u.staff_id.value)
            .bind("customer", u.customer_id.value)
            .bind("active", u.active.value_or(true))
            .bind("changed", static_cast<long long>(now))
            .bind("created", static_cast<long long>(now))
            .bind("updated", static_cast<long long>(now))
            .scalar();
    set_projects(s, id, projects);
    auto view = *find(s, ctx.actor, id);
    audit::record(s, ctx, now, {std::nullopt, "user", id, "create", nullptr, view});
    return view;
  });
}

nlohmann::json UserService::update(const core::Context& ctx, std::int64_t id,
                                   const nlohmann::json& body) const {
  core::require(ctx.actor, "user.manage");
  const UserInput u = read_input(body, json::Input::Mode::update);
  std::optional<std::string> hash;
  if (u.password) hash = hash_password(*u.password, cost_);
  auto after = db_.write([&](db::Session& s) {
    auto before = find(s, ctx.actor, id);
    if (!before) core::throw_not_found("user");
    auto pick = [&](const json::NullableId& n, const char* key) -> std::optional<std::int64_t> {
      if (n.present) return n.value;
      if ((*before)[key].is_null()) return std::nullopt;
      return (*before)[key].get<std::int64_t>();
    };
    const auto role = u.role.value_or((*before)["role"].get<std::string>());
    const auto projects =
        u.project_ids.value_or((*before)["projectIds"].get<std::vector<std::int64_t>>());
    const auto region = pick(u.region_id, "regionId");
    const auto staff = pick(u.staff_id, "staffId");
    const auto customer = pick(u.customer_id, "customerId");
    check_links(s, role, projects, region, staff, customer, ctx.actor);
    const auto now = clock_.now();
    const bool active = u.active.value_or((*before)["active"].get<bool>());
    db::Query(s,
              "UPDATE app_user SET display_name = :display, role = :role, region_id = :region, "
              "staff_id = :staff, customer_id = :customer, active = :active, "
              "password_hash = COALESCE(:hash, password_hash), updated_at = :updated WHERE id = :id")
        .bind("display", u.display_name.value_or((*before)["displayName"].get<std::string>()))
        .bind("role", role)
        .bind("region", region)
        .bind("staff", staff)
        .bind("customer", customer)
        .bind("active", active)
        .bind("hash", hash)
        .bind("updated", static_cast<long long>(now))
        .bind("id", static_cast<long long>(id))
        .exec();
    if (hash)
      db::Query(s, "UPDATE app_user SET password_changed_at = :t WHERE id = :id")
          .bind("t", static_cast<long long>(now))
          .bind("id", static_cast<long long>(id))
          .exec();
    if (u.project_ids) set_projects(s, id, projects);
    if (hash || !active) revoke_sessions(s, id, now);
    auto after = *find(s, ctx.actor, id);
    audit::record(s, ctx, now, {std::nullopt, "user", id, "update", *before, after});
    return after;
  });
  if (sessions_) sessions_->forget_user(id);  // committed: see session_cache.hpp
  return after;
}

nlohmann::json UserService::get(const core::Actor& actor, std::int64_t id) const {
  core::require(actor, "user.read");
  return db_.read([&](db::Session& s) {
    auto user = find(s, actor, id);
    if (!user) core::throw_not_found("user");
    return *user;
  });
}

}  // namespace steward::auth
