// The notice board (DOMAIN S3): notices, their states and the owners' board. See
// notice_service.hpp.
#include <algorithm>

#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/notices/notice_rules.hpp"
#include "modules/notices/notice_service.hpp"

namespace steward::notices {
namespace {

using ll = long long;
using json::Input;

constexpr int kCompanyOffset = 8 * 3600;

int offset_of(const std::string& zone) { return core::zone_offset_seconds(zone).value_or(kCompanyOffset); }
std::string day_at(std::int64_t t, int off) { return core::format_iso8601(t, off).substr(0, 10); }

bool valid_day(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  auto t = core::parse_iso8601(d + "T00:00:00Z");
  return t && day_at(*t, 0) == d;
}

std::optional<ll> by_of(const core::Context& ctx) {
  return ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt;
}

std::string scope(const core::Actor& actor) {
  if (actor.all_projects) return "";
  return " AND n.project_id IN (" + db::id_list({actor.project_ids.begin(), actor.project_ids.end()}) + ")";
}

const std::string kSelect =
    "SELECT n.*, p.name AS project_name, p.time_zone, u.display_name AS published_by_name FROM notice n "
    "JOIN project p ON p.id = n.project_id LEFT JOIN app_user u ON u.id = n.published_by";

nlohmann::json notice_json(const db::Row& r, std::int64_t now) {
  const int off = offset_of(r.str("time_zone"));
  auto day_or_null = [&](const char* col) {
    return r.opt_str(col) && !r.str(col).empty() ? nlohmann::json(r.str(col)) : nlohmann::json();
  };
  return {{"id", r.i64("id")},
          {"projectId", r.i64("project_id")},
          {"projectName", r.str("project_name")},
          {"kind", r.str("kind")},
          {"title", r.str("title")},
          {"body", r.str("body")},
          {"validFrom", day_or_null("valid_from")},
          {"validTo", day_or_null("valid_to")},
          {"pinned", r.flag("pinned")},
          {"status", r.str("status")},
          {"onBoard", on_board(r.str("status"), r.str("valid_from"), r.str("valid_to"), day_at(now, off))},
          {"publishedAt", r.opt_i64("published_at")
                              ? nlohmann::json(core::format_iso8601(*r.opt_i64("published_at"), off))
                              : nlohmann::json()},
          {"publishedBy", r.opt_i64("published_by") ? nlohmann::json(r.str("published_by_name")) : nlohmann::json()},
          {"updatedAt", core::format_iso8601(r.i64("updated_at"), off)}};
}

std::optional<db::Row> find(db::Session& s, const core::Actor& actor, std::int64_t id) {
  return db::Query(s, kSelect + " WHERE n.id = :id" + scope(actor)).bind("id", (ll)id).one();
}

struct NoticeIn {
  std::optional<std::int64_t> project;
  std::optional<std::string> kind, title, body;
  // A validity end: absent (keep), null or "" (open), or a day.
  struct End {
    bool present = false;
    std::string day;
  } from, to;
  std::optional<bool> pinned, publish;
};

NoticeIn read_notice(const nlohmann::json& body, Input::Mode mode) {
  if (!body.is_object())
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                         "the body must be a JSON object");
  nlohmann::json rest = body;
  NoticeIn n;
  auto end = [&](const char* key, NoticeIn::End& e, Input& in) {
    if (!body.contains(key)) return;
    e.present = true;
    const auto& v = body.at(key);
    if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) return;
    if (!v.is_string() || !valid_day(v.get<std::string>())) in.fail(key, "must be a date YYYY-MM-DD");
    else e.day = v.get<std::string>();
  };
  rest.erase("validFrom");
  rest.erase("validTo");
  Input in(rest, mode);
  if (mode == Input::Mode::create) n.project = in.id("projectId");
  n.kind = in.choice("kind", notice_kinds(), mode == Input::Mode::create);
  n.title = in.text("title", {.required = mode == Input::Mode::create, .max = 100});
  n.body = in.text("body", {.required = mode == Input::Mode::create, .max = 5000});
  n.pinned = in.boolean("pinned", false);
  if (mode == Input::Mode::create) n.publish = in.boolean("publish", false);
  end("validFrom", n.from, in);
  end("validTo", n.to, in);
  if (!n.from.day.empty() && !n.to.day.empty() && n.to.day < n.from.day)
    in.fail("validTo", "must not be before validFrom");
  in.finish();
  return n;
}

// The period after a change must suit the kind: works say when they start and end.
void check_period(const std::string& kind, const std::string& from, const std::string& to) {
  if (!from.empty() && !to.empty() && to < from)
    core::throw_invalid("invalid request", {{"validTo", "must not be before validFrom"}});
  if (needs_period(kind) && (from.empty() || to.empty()))
    core::throw_invalid("invalid request", {{from.empty() ? "validFrom" : "validTo",
                                             "is required for works: when they start and end"}});
}

void audit_row(db::Session& s, const core::Context& ctx, std::int64_t now, std::int64_t project,
               std::int64_t id, const std::string& action, const nlohmann::json& before,
               const nlohmann::json& after) {
  audit::record(s, ctx, now, {project, "notice", id, action, before, after});
}

}  // namespace

nlohmann::json NoticeService::list(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "notice.manage");
  const auto page = query.page();
  const auto project = query.id("projectId");
  const auto status = query.text("status");
  const auto kind = query.text("kind");
  const auto q = query.text("q");
  if (status && *status != "draft" && *status != "published" && *status != "withdrawn")
    core::throw_invalid("invalid request", {{"status", "must be one of: draft, published, withdrawn"}});
  if (kind && std::find(notice_kinds().begin(), notice_kinds().end(), *kind) == notice_kinds().end())
    core::throw_invalid("invalid request", {{"kind", "is not a kind of notice"}});
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    std::string where = " WHERE 1 = 1" + scope(actor);
    if (project) where += " AND n.project_id = :project";
    if (status) where += " AND n.status = :status";
    if (kind) where += " AND n.kind = :kind";
    if (q) where += " AND n.title LIKE :q";
    auto bind = [&](db::Query qy) {
      if (project) qy.bind("project", (ll)*project);
      if (status) qy.bind("status", *status);
      if (kind) qy.bind("kind", *kind);
      if (q) qy.bind("q", "%" + *q + "%");
      return qy;
    };
    const auto total = bind(db::Query(s, "SELECT COUNT(*) FROM notice n" + where)).scalar();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : bind(db::Query(s, kSelect + where + " ORDER BY n.updated_at DESC, n.id DESC LIMIT " +
                                                std::to_string(page.size) + " OFFSET " +
                                                std::to_string(page.offset())))
                             .all())
      items.push_back(notice_json(r, now));
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

nlohmann::json NoticeService::get(const core::Actor& actor, std::int64_t id) const {
  core::require(actor, "notice.manage");
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    auto r = find(s, actor, id);
    if (!r) core::throw_not_found("notice");
    return notice_json(*r, now);
  });
}

nlohmann::json NoticeService::create(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "notice.manage");
  const auto n = read_notice(body, Input::Mode::create);
  if (!ctx.actor.sees_project(*n.project)) core::throw_not_found("project");
  check_period(*n.kind, n.from.day, n.to.day);
  const auto now = clock_.now();
  const bool publish = n.publish.value_or(false);
  return db_.write([&](db::Session& s) {
    if (!db::Query(s, "SELECT id FROM project WHERE id = :p").bind("p", (ll)*n.project).one())
      core::throw_not_found("project");
    const auto id = db::Query(s,
                              "INSERT INTO notice (project_id, kind, title, body, valid_from, valid_to, pinned, "
                              "status, published_at, published_by, created_by, created_at, updated_at) VALUES "
                              "(:p, :k, :t, :b, :f, :to, :pin, :st, :pa, :pb, :by, :c, :u) RETURNING id")
                        .bind("p", (ll)*n.project)
                        .bind("k", *n.kind)
                        .bind("t", *n.title)
                        .bind("b", *n.body)
                        .bind("f", n.from.day.empty() ? std::nullopt : std::optional<std::string>(n.from.day))
                        .bind("to", n.to.day.empty() ? std::nullopt : std::optional<std::string>(n.to.day))
                        .bind("pin", n.pinned.value_or(false))
                        .bind("st", publish ? "published" : "draft")
                        .bind("pa", publish ? std::optional<ll>(now) : std::nullopt)
                        .bind("pb", publish ? by_of(ctx) : std::nullopt)
                        .bind("by", by_of(ctx))
                        .bind("c", (ll)now)
                        .bind("u", (ll)now)
                        .scalar();
    auto out = notice_json(*find(s, ctx.actor, id), now);
    audit_row(s, ctx, now, *n.project, id, "create", nullptr, out);
    return out;
  });
}

nlohmann::json NoticeService::update(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const {
  core::require(ctx.actor, "notice.manage");
  const auto n = read_notice(body, Input::Mode::update);
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto old = find(s, ctx.actor, id);
    if (!old) core::throw_not_found("notice");
    const auto kind = n.kind.value_or(old->str("kind"));
    const auto from = n.from.present ? n.from.day : old->str("valid_from");
    const auto to = n.to.present ? n.to.day : old->str("valid_to");
    check_period(kind, from, to);
    const auto before = notice_json(*old, now);
    db::Query(s, "UPDATE notice SET kind = :k, title = :t, body = :b, valid_from = :f, valid_to = :to, "
                 "pinned = :pin, updated_at = :u WHERE id = :id")
        .bind("k", kind)
        .bind("t", n.title.value_or(old->str("title")))
        .bind("b", n.body.value_or(old->str("body")))
        .bind("f", from.empty() ? std::nullopt : std::optional<std::string>(from))
        .bind("to", to.empty() ? std::nullopt : std::optional<std::string>(to))
        .bind("pin", n.pinned.value_or(old->flag("pinned")))
        .bind("u", (ll)now)
        .bind("id", (ll)id)
        .exec();
    auto out = notice_json(*find(s, ctx.actor, id), now);
    audit_row(s, ctx, now, old->i64("project_id"), id, "update", before, out);
    return out;
  });
}

nlohmann::json NoticeService::act(const core::Context& ctx, std::int64_t id, const std::string& action) const {
  if (action != "publish" && action != "withdraw") core::throw_not_found("notice action");
  core::require(ctx.actor, "notice.manage");
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto old = find(s, ctx.actor, id);
    if (!old) core::throw_not_found("notice");
    const auto next = next_status(old->str("status"), action);
    if (!next)
      core::throw_conflict("notice." + old->str("status"),
                           "a " + old->str("status") + " notice cannot be " +
                               (action == "publish" ? "published" : "withdrawn"));
    const auto before = notice_json(*old, now);
    if (action == "publish")
      db::Query(s, "UPDATE notice SET status = 'published', published_at = :pa, published_by = :pb, "
                   "updated_at = :u WHERE id = :id")
          .bind("pa", (ll)now)
          .bind("pb", by_of(ctx))
          .bind("u", (ll)now)
          .bind("id", (ll)id)
          .exec();
    else
      db::Query(s, "UPDATE notice SET status = 'withdrawn', updated_at = :u WHERE id = :id")
          .bind("u", (ll)now)
          .bind("id", (ll)id)
          .exec();
    auto out = notice_json(*find(s, ctx.actor, id), now);
    audit_row(s, ctx, now, old->i64("project_id"), id, action, before, out);
    return out;
  });
}

nlohmann::json NoticeService::board(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "notice.read");
  const auto project = query.id("projectId");
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    std::string where = " WHERE n.status = 'published'" + scope(actor);
    if (project) where += " AND n.project_id = :project";
    auto q = db::Query(s, kSelect + where + " ORDER BY n.pinned DESC, n.published_at DESC, n.id DESC LIMIT 500");
    if (project) q.bind("project", (ll)*project);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : q.all()) {
      auto j = notice_json(r, now);
      if (!j["onBoard"].get<bool>()) continue;  // outside its days in the project's local time
      j.erase("publishedBy");                   // staff names stay off the owners' pages
      j.erase("status");
      j.erase("onBoard");
      items.push_back(j);
    }
    return nlohmann::json{{"items", items}, {"total", (std::int64_t)items.size()}};
  });
}

void register_routes(http::Router& router, std::shared_ptr<const NoticeService> svc) {
  router.get("/api/v1/notices", [svc](http::Request& req) { return http::ok(svc->list(req.user(), req.query)); });
  router.post("/api/v1/notices", [svc](http::Request& req) {
    return http::created(svc->create({req.user(), req.request_id}, req.json()));
  });
  router.get("/api/v1/notice-board", [svc](http::Request& req) { return http::ok(svc->board(req.user(), req.query)); });
  router.get("/api/v1/notices/{id}", [svc](http::Request& req) { return http::ok(svc->get(req.user(), req.id())); });
  router.patch("/api/v1/notices/{id}", [svc](http::Request& req) {
    return http::ok(svc->update({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.post("/api/v1/notices/{id}/{action}", [svc](http::Request& req) {
    return http::ok(svc->act({req.user(), req.request_id}, req.id(), req.params.at("action")));
  });
}

}  // namespace steward::notices
