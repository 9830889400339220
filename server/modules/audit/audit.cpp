#include "modules/audit/audit.hpp"

#include "core/time.hpp"
#include "json/output.hpp"

namespace steward::audit {
namespace {

std::optional<std::string> dump_or_null(const nlohmann::json& j) {
  if (j.is_null()) return std::nullopt;
  return j.dump();
}

nlohmann::json parse_or_null(const std::optional<std::string>& s) {
  return s ? nlohmann::json::parse(*s) : nlohmann::json();
}

}  // namespace

void record(db::Session& tx, const core::Context& ctx, std::int64_t now, const Change& c) {
  std::optional<long long> project;
  if (c.project_id) project = *c.project_id;
  std::optional<long long> actor;
  if (ctx.actor.user_id > 0) actor = ctx.actor.user_id;
  db::Query(tx,
            "INSERT INTO audit_log (project_id, actor_user_id, at, entity, entity_id, action, "
            "before_json, after_json, request_id) VALUES (:project, :actor, :at, :entity, :eid, "
            ":action, :before, :after, :rid)")
      .bind("project", project)
      .bind("actor", actor)
      .bind("at", static_cast<long long>(now))
      .bind("entity", c.entity)
      .bind("eid", static_cast<long long>(c.entity_id))
      .bind("action", c.action)
      .bind("before", dump_or_null(c.before))
      .bind("after", dump_or_null(c.after))
      .bind("rid", ctx.request_id)
      .exec();
}

nlohmann::json AuditService::history(const core::Actor& actor, const std::string& entity,
                                     std::optional<std::int64_t> entity_id,
                                     core::PageRequest page) {
  core::require(actor, "audit.read");
  std::string where = " WHERE a.entity = :entity";
  if (entity_id) where += " AND a.entity_id = :eid";
  if (!actor.all_projects)
    where += " AND a.project_id IN (" +
             db::id_list({actor.project_ids.begin(), actor.project_ids.end()}) + ")";
  return db_.read([&](db::Session& s) {
    auto bind = [&](db::Query& q) -> db::Query& {
      q.bind("entity", entity);
      if (entity_id) q.bind("eid", static_cast<long long>(*entity_id));
      return q;
    };
    db::Query count(s, "SELECT COUNT(*) AS n FROM audit_log a" + where);
    const auto total = bind(count).scalar();
    db::Query list(s,
                   "SELECT a.id, a.project_id, a.actor_user_id, u.username, a.at, a.entity, "
                   "a.entity_id, a.action, a.before_json, a.after_json, a.request_id FROM "
                   "audit_log a LEFT JOIN app_user u ON u.id = a.actor_user_id" +
                       where + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset");
    bind(list).bind("limit", page.size).bind("offset", static_cast<long long>(page.offset()));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : list.all())
      items.push_back({{"id", r.i64("id")},
                       {"projectId", json::or_null(r.opt_i64("project_id"))},
                       {"actorUserId", json::or_null(r.opt_i64("actor_user_id"))},
                       {"actorUsername", r.str("username")},
                       {"at", core::format_iso8601(r.i64("at"))},
                       {"entity", r.str("entity")},
                       {"entityId", r.i64("entity_id")},
                       {"action", r.str("action")},
                       {"before", parse_or_null(r.opt_str("before_json"))},
                       {"after", parse_or_null(r.opt_str("after_json"))},
                       {"requestId", r.str("request_id")}});
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

}  // namespace steward::audit
