// The logged-in user's own view: who they are, what they may do, which projects they see; and
// changing their own password.
#include "core/crypto.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "json/output.hpp"
#include "modules/audit/audit.hpp"
#include "modules/auth/auth_service.hpp"
#include "modules/auth/roles.hpp"

namespace steward::auth {

nlohmann::json AuthService::me(const core::Actor& a) const {
  return db_.read([&](db::Session& s) {
    auto user = db::Query(s, "SELECT * FROM app_user WHERE id = :id")
                    .bind("id", static_cast<long long>(a.user_id))
                    .one();
    if (!user) core::throw_not_found("user");
    std::string sql = "SELECT id, name, code, region_id FROM project";
    if (!a.all_projects)
      sql += " WHERE id IN (" + db::id_list({a.project_ids.begin(), a.project_ids.end()}) + ")";
    nlohmann::json projects = nlohmann::json::array();
    for (const auto& p : db::Query(s, sql + " ORDER BY code").all())
      projects.push_back({{"id", p.i64("id")}, {"name", p.str("name")}, {"code", p.str("code")},
                          {"regionId", p.i64("region_id")}});
    const Role* role = find_role(a.role);
    return nlohmann::json{
        {"id", a.user_id},
        {"username", a.username},
        {"displayName", user->str("display_name")},
        {"role", a.role},
        {"roleName", role ? role->name_zh : a.role},
        {"roleNameEn", role ? role->name_en : a.role},
        {"permissions", a.permissions},
        {"projects", projects},
        {"customerId", json::or_null(a.customer_id)},
        {"staffId", json::or_null(user->opt_i64("staff_id"))},
        {"regionId", json::or_null(user->opt_i64("region_id"))},
    };
  });
}

void AuthService::change_own_password(const core::Context& ctx, const std::string& token,
                                      const nlohmann::json& body) {
  json::Input in(body, json::Input::Mode::create);
  const auto current = in.text("currentPassword", {.max = 200});
  const auto next = in.text("newPassword", {.min = 8, .max = 200});
  in.finish();
  db_.write([&](db::Session& s) {
    auto user = db::Query(s, "SELECT password_hash FROM app_user WHERE id = :id")
                    .bind("id", static_cast<long long>(ctx.actor.user_id))
                    .one();
    if (!user || !verify_password(*current, user->str("password_hash")))
      core::throw_invalid("the current password is wrong",
                          {{"currentPassword", "is wrong"}});
    const auto now = clock_.now();
    db::Query(s,
              "UPDATE app_user SET password_hash = :h, password_changed_at = :t, updated_at = :u "
              "WHERE id = :id")
        .bind("h", hash_password(*next, options_.password_cost))
        .bind("t", static_cast<long long>(now))
        .bind("u", static_cast<long long>(now))
        .bind("id", static_cast<long long>(ctx.actor.user_id))
        .exec();
    revoke_sessions(s, ctx.actor.user_id, now, core::sha256_hex(token));
    audit::record(s, ctx, now,
                  {std::nullopt, "user", ctx.actor.user_id, "change_password", nullptr, nullptr});
  });
  sessions_.forget_user(ctx.actor.user_id);
}

}  // namespace steward::auth
