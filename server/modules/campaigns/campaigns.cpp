// Campaigns (专项活动, DOMAIN I6): campaigns, phases, tasks, and their routes. See
// campaign_service.hpp.
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/campaigns/campaign_rules.hpp"
#include "modules/campaigns/campaign_service.hpp"

namespace steward::campaigns {
namespace {

using ll = long long;
using json::Input;

// Campaign dates are company dates: China Standard Time, the zone of every project we support.
constexpr int kCompanyOffset = 8 * 3600;

std::string day_at(std::int64_t t, int off) { return core::format_iso8601(t, off).substr(0, 10); }

bool valid_day(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  auto t = core::parse_iso8601(d + "T00:00:00Z");
  return t && day_at(*t, 0) == d;
}

int offset_of(const std::string& zone) { return core::zone_offset_seconds(zone).value_or(kCompanyOffset); }

std::optional<ll> by_of(const core::Context& ctx) {
  return ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt;
}

void audit_row(db::Session& s, const core::Context& ctx, std::int64_t now,
               std::optional<std::int64_t> project, const std::string& entity, std::int64_t id,
               const std::string& action, const nlohmann::json& before, const nlohmann::json& after) {
  audit::record(s, ctx, now, {project, entity, id, action, before, after});
}

// " AND <alias>.project_id IN (...)" for a caller who does not see every project.
std::string task_scope(const core::Actor& actor, const std::string& alias) {
  if (actor.all_projects) return "";
  return " AND " + alias + ".project_id IN (" +
         db::id_list({actor.project_ids.begin(), actor.project_ids.end()}) + ")";
}

// Campaigns the caller sees: company-wide ones, and those naming a project of theirs.
std::string visible(const core::Actor& actor, const std::string& alias) {
  if (actor.all_projects) return "";
  return " AND (" + alias + ".company_wide = 1 OR EXISTS (SELECT 1 FROM campaign_project cp WHERE "
         "cp.campaign_id = " + alias + ".id" + task_scope(actor, "cp") + "))";
}

std::optional<db::Row> find_campaign(db::Session& s, const core::Actor& actor, std::int64_t id) {
  return db::Query(s, "SELECT * FROM campaign c WHERE c.id = :id" + visible(actor, "c")).bind("id", (ll)id).one();
}

const std::string kTaskSelect =
    "SELECT ct.*, p.name AS project_name, p.time_zone, t.name AS team_name, ph.name AS phase_name, "
    "st.name AS owner_name, u.display_name AS done_by_name FROM campaign_task ct JOIN project p ON "
    "p.id = ct.project_id LEFT JOIN team t ON t.id = ct.team_id LEFT JOIN campaign_phase ph ON "
    "ph.id = ct.phase_id JOIN staff st ON st.id = ct.owner_staff_id LEFT JOIN app_user u ON u.id = "
    "ct.done_by";

nlohmann::json task_json(const db::Row& r, std::int64_t now) {
  const int off = offset_of(r.str("time_zone"));
  const auto today = day_at(now, off);
  auto id_or_null = [&](const char* col) {
    return r.opt_i64(col) ? nlohmann::json(*r.opt_i64(col)) : nlohmann::json();
  };
  return {{"id", r.i64("id")},
          {"campaignId", r.i64("campaign_id")},
          {"projectId", r.i64("project_id")},
          {"projectName", r.str("project_name")},
          {"team", r.opt_i64("team_id") ? nlohmann::json{{"id", r.i64("team_id")}, {"name", r.str("team_name")}}
                                        : nlohmann::json()},
          {"phaseId", id_or_null("phase_id")},
          {"phaseName", r.str("phase_name")},
          {"title", r.str("title")},
          {"detail", r.str("detail")},
          {"owner", {{"staffId", r.i64("owner_staff_id")}, {"name", r.str("owner_name")}}},
          {"deadline", r.str("deadline_day")},
          {"status", r.str("status")},
          {"overdue", overdue(r.str("status"), today, r.str("deadline_day"))},
          {"evidence", r.str("evidence")},
          {"doneAt", r.opt_i64("done_at") ? nlohmann::json(core::format_iso8601(*r.opt_i64("done_at"), off))
                                          : nlohmann::json()},
          {"doneBy", r.opt_i64("done_by") ? nlohmann::json{{"userId", r.i64("done_by")}, {"name", r.str("done_by_name")}}
                                          : nlohmann::json()}};
}

// The campaign as the caller sees it; `full` adds its phases, projects and tasks.
nlohmann::json campaign_json(db::Session& s, const core::Actor& actor, const db::Row& c,
                             std::int64_t now, bool full) {
  const auto id = c.i64("id");
  const auto today = day_at(now, kCompanyOffset);
  nlohmann::json phases = nlohmann::json::array();
  nlohmann::json current = nullptr;
  for (const auto& p : db::Query(s, "SELECT * FROM campaign_phase WHERE campaign_id = :c ORDER BY position")
                           .bind("c", (ll)id)
                           .all()) {
    const auto state = phase_state(today, p.str("start_day"), p.str("end_day"));
    nlohmann::json j = {{"id", p.i64("id")},           {"name", p.str("name")},
                        {"startDay", p.str("start_day")}, {"endDay", p.str("end_day")},
                        {"note", p.str("note")},       {"state", state}};
    if (state == "current") current = j;
    phases.push_back(j);
  }
  nlohmann::json projects = nlohmann::json::array();
  for (const auto& p : db::Query(s,
                                 "SELECT p.id, p.name FROM campaign_project cp JOIN project p ON p.id = "
                                 "cp.project_id WHERE cp.campaign_id = :c ORDER BY p.id")
                           .bind("c", (ll)id)
                           .all())
    projects.push_back({{"id", p.i64("id")}, {"name", p.str("name")}});
  nlohmann::json tasks = nlohmann::json::array();
  std::int64_t done = 0, total = 0, late = 0;
  for (const auto& t : db::Query(s, kTaskSelect + " WHERE ct.campaign_id = :c" + task_scope(actor, "ct") +
                                        " ORDER BY ct.deadline_day, ct.id")
                           .bind("c", (ll)id)
                           .all()) {
    auto j = task_json(t, now);
    ++total;
    done += j["status"] == "done";
    late += j["overdue"].get<bool>();
    if (full) tasks.push_back(j);
  }
  const auto pr = progress(done, total);
  nlohmann::json slogans = nlohmann::json::array();
  try {
    slogans = nlohmann::json::parse(c.str("slogans"));
  } catch (const std::exception&) {
  }
  nlohmann::json out = {{"id", id},
                        {"name", c.str("name")},
                        {"goal", c.str("goal")},
                        {"slogans", slogans},
                        {"startDay", c.str("start_day")},
                        {"endDay", c.str("end_day")},
                        {"companyWide", c.flag("company_wide")},
                        {"projects", projects},
                        {"today", today},
                        {"state", campaign_state(today, c.str("start_day"), c.str("end_day"))},
                        {"currentPhase", current},
                        {"progress", {{"done", pr.done}, {"total", pr.total}, {"percent", pr.percent}}},
                        {"overdueTasks", late}};
  if (full) {
    out["phases"] = phases;
    out["tasks"] = tasks;
  } else {
    out["phaseCount"] = (std::int64_t)phases.size();
  }
  return out;
}

struct PhaseIn {
  std::optional<std::int64_t> id;
  PhaseDates dates;
  std::string note;
};
struct CampaignIn {
  std::string name, goal, start, end;
  std::vector<std::string> slogans;
  bool company_wide = false;
  std::vector<std::int64_t> projects;
  std::vector<PhaseIn> phases;
};

CampaignIn read_campaign(const core::Actor& actor, const nlohmann::json& body) {
  if (!body.is_object())
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                         "the body must be a JSON object");
  nlohmann::json top = body;
  top.erase("slogans");
  Input in(top, Input::Mode::create);
  CampaignIn c;
  c.name = in.text("name", {.max = 100}).value_or("");
  c.goal = in.text("goal", {.required = false, .min = 0, .max = 2000}).value_or("");
  c.start = in.text("startDay", {.max = 10}).value_or("");
  c.end = in.text("endDay", {.max = 10}).value_or("");
  c.company_wide = in.boolean("companyWide", false).value_or(false);
  c.projects = in.ids("projectIds", false, 200).value_or(std::vector<std::int64_t>{});
  in.objects("phases", 20, [&](Input& p, std::size_t) {
    PhaseIn ph;
    ph.id = p.id("id", false);
    ph.dates.name = p.text("name", {.max = 100}).value_or("");
    ph.dates.start = p.text("startDay", {.max = 10}).value_or("");
    ph.dates.end = p.text("endDay", {.max = 10}).value_or("");
    ph.note = p.text("note", {.required = false, .min = 0, .max = 2000}).value_or("");
    if (!ph.dates.start.empty() && !valid_day(ph.dates.start)) p.fail("startDay", "must be a date YYYY-MM-DD");
    if (!ph.dates.end.empty() && !valid_day(ph.dates.end)) p.fail("endDay", "must be a date YYYY-MM-DD");
    c.phases.push_back(ph);
  });
  if (!c.start.empty() && !valid_day(c.start)) in.fail("startDay", "must be a date YYYY-MM-DD");
  if (!c.end.empty() && !valid_day(c.end)) in.fail("endDay", "must be a date YYYY-MM-DD");
  if (valid_day(c.start) && valid_day(c.end) && c.end < c.start) in.fail("endDay", "must not be before startDay");
  if (body.contains("slogans") && !body.at("slogans").is_null()) {
    const auto& list = body.at("slogans");
    bool ok = list.is_array() && list.size() <= 10;
    if (ok)
      for (const auto& v : list) {
        if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 300) ok = false;
        else c.slogans.push_back(v.get<std::string>());
      }
    if (!ok) in.fail("slogans", "must be a list of at most 10 texts");
  }
  if (c.company_wide && !c.projects.empty()) in.fail("projectIds", "must be empty for a company-wide campaign");
  if (!c.company_wide && c.projects.empty() && body.is_object())
    in.fail("projectIds", "must name at least one project, or set companyWide");
  if (c.company_wide && !actor.all_projects)
    in.fail("companyWide", "only those who see every project may start a company-wide campaign");
  for (auto p : c.projects)
    if (!actor.sees_project(p)) {
      in.fail("projectIds", "names a project you cannot see");
      break;
    }
  in.finish();
  std::vector<PhaseDates> dates;
  for (const auto& p : c.phases) dates.push_back(p.dates);
  if (auto e = check_phases(c.start, c.end, dates))
    core::throw_invalid("invalid request", {{"phases[" + std::to_string(e->index) + "]." + e->field, e->message}});
  return c;
}

void write_projects(db::Session& s, std::int64_t id, const CampaignIn& c) {
  db::Query(s, "DELETE FROM campaign_project WHERE campaign_id = :c").bind("c", (ll)id).exec();
  std::set<std::int64_t> done;
  for (auto p : c.projects) {
    if (!done.insert(p).second) continue;
    if (!db::Query(s, "SELECT id FROM project WHERE id = :p").bind("p", (ll)p).one())
      core::throw_invalid("invalid request", {{"projectIds", "names a project that does not exist"}});
    db::Query(s, "INSERT INTO campaign_project (campaign_id, project_id) VALUES (:c, :p)")
        .bind("c", (ll)id)
        .bind("p", (ll)p)
        .exec();
  }
}

// Phases with an id are kept (renamed, moved); those without are added; the rest are removed
// and their tasks lose the phase.
void write_phases(db::Session& s, std::int64_t id, const CampaignIn& c) {
  std::set<std::int64_t> keep;
  for (std::size_t k = 0; k < c.phases.size(); ++k)
    if (c.phases[k].id) {
      if (!db::Query(s, "SELECT id FROM campaign_phase WHERE id = :p AND campaign_id = :c")
               .bind("p", (ll)*c.phases[k].id)
               .bind("c", (ll)id)
               .one())
        core::throw_invalid("invalid request", {{"phases[" + std::to_string(k) + "].id", "is not a phase of this campaign"}});
      keep.insert(*c.phases[k].id);
    }
  for (const auto& row : db::Query(s, "SELECT id FROM campaign_phase WHERE campaign_id = :c").bind("c", (ll)id).all())
    if (!keep.count(row.i64("id"))) {
      db::Query(s, "UPDATE campaign_task SET phase_id = NULL WHERE phase_id = :p").bind("p", (ll)row.i64("id")).exec();
      db::Query(s, "DELETE FROM campaign_phase WHERE id = :p").bind("p", (ll)row.i64("id")).exec();
    }
  ll pos = 0;
  for (const auto& p : c.phases) {
    ++pos;
    if (p.id)
      db::Query(s, "UPDATE campaign_phase SET position = :pos, name = :n, start_day = :s, end_day = :e, "
                   "note = :note WHERE id = :id")
          .bind("pos", pos)
          .bind("n", p.dates.name)
          .bind("s", p.dates.start)
          .bind("e", p.dates.end)
          .bind("note", p.note)
          .bind("id", (ll)*p.id)
          .exec();
    else
      db::Query(s, "INSERT INTO campaign_phase (campaign_id, position, name, start_day, end_day, note) "
                   "VALUES (:c, :pos, :n, :s, :e, :note)")
          .bind("c", (ll)id)
          .bind("pos", pos)
          .bind("n", p.dates.name)
          .bind("s", p.dates.start)
          .bind("e", p.dates.end)
          .bind("note", p.note)
          .exec();
  }
}

struct TaskIn {
  std::optional<std::int64_t> owner, team, phase;
  bool team_set = false, phase_set = false;
  std::optional<std::string> title, detail, deadline;
};

TaskIn read_task(const nlohmann::json& body, Input::Mode mode) {
  Input in(body, mode);
  TaskIn t;
  t.title = in.text("title", {.max = 200});
  t.detail = in.text("detail", {.required = false, .min = 0, .max = 2000});
  t.owner = in.id("ownerStaffId");
  const auto team = in.nullable_id("teamId");
  t.team_set = team.present;
  t.team = team.value;
  const auto phase = in.nullable_id("phaseId");
  t.phase_set = phase.present;
  t.phase = phase.value;
  t.deadline = in.text("deadline", {.max = 10});
  if (t.deadline && !valid_day(*t.deadline)) in.fail("deadline", "must be a date YYYY-MM-DD");
  in.finish();
  return t;
}

// The owner's project (must be in the campaign and the caller's scope), and the team and phase
// checked against it; 400s name the field.
std::int64_t check_task(db::Session& s, const core::Actor& actor, const db::Row& campaign,
                        std::int64_t owner, std::optional<std::int64_t> team,
                        std::optional<std::int64_t> phase) {
  auto st = db::Query(s, "SELECT project_id FROM staff WHERE id = :s AND active = 1").bind("s", (ll)owner).one();
  if (!st || !actor.sees_project(st->i64("project_id")))
    core::throw_invalid("invalid request", {{"ownerStaffId", "is not active staff of a project you can see"}});
  const auto project = st->i64("project_id");
  if (!campaign.flag("company_wide") &&
      !db::Query(s, "SELECT project_id FROM campaign_project WHERE campaign_id = :c AND project_id = :p")
           .bind("c", (ll)campaign.i64("id"))
           .bind("p", (ll)project)
           .one())
    core::throw_invalid("invalid request", {{"ownerStaffId", "works in a project outside this campaign"}});
  if (team && !db::Query(s, "SELECT id FROM team WHERE id = :t AND project_id = :p")
                   .bind("t", (ll)*team)
                   .bind("p", (ll)project)
                   .one())
    core::throw_invalid("invalid request", {{"teamId", "is not a team of the owner's project"}});
  if (phase && !db::Query(s, "SELECT id FROM campaign_phase WHERE id = :ph AND campaign_id = :c")
                    .bind("ph", (ll)*phase)
                    .bind("c", (ll)campaign.i64("id"))
                    .one())
    core::throw_invalid("invalid request", {{"phaseId", "is not a phase of this campaign"}});
  return project;
}

std::int64_t due_of(db::Session& s, std::int64_t project, const std::string& deadline) {
  auto p = db::Query(s, "SELECT time_zone FROM project WHERE id = :p").bind("p", (ll)project).one();
  const int off = offset_of(p ? p->str("time_zone") : "");
  return *core::parse_iso8601(deadline + "T00:00:00Z") + 86400 - off;  // the end of the day, locally
}

std::optional<db::Row> find_task(db::Session& s, const core::Actor& actor, std::int64_t id) {
  return db::Query(s, kTaskSelect + " WHERE ct.id = :id" + task_scope(actor, "ct")).bind("id", (ll)id).one();
}

}  // namespace

nlohmann::json CampaignService::list(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "campaign.read");
  const auto page = query.page();
  const auto state = query.text("state");
  if (state && *state != "planned" && *state != "running" && *state != "finished")
    core::throw_invalid("invalid request", {{"state", "must be one of: planned, running, finished"}});
  const auto project = query.id("projectId");
  const auto now = clock_.now();
  const auto today = day_at(now, kCompanyOffset);
  return db_.read([&](db::Session& s) {
    std::string where = " WHERE 1 = 1" + visible(actor, "c");
    if (state == "planned") where += " AND c.start_day > :today";
    if (state == "running") where += " AND c.start_day <= :today AND c.end_day >= :today2";
    if (state == "finished") where += " AND c.end_day < :today";
    if (project)
      where += " AND (c.company_wide = 1 OR EXISTS (SELECT 1 FROM campaign_project cq WHERE "
               "cq.campaign_id = c.id AND cq.project_id = :project))";
    auto bind = [&](db::Query q) {
      if (state) q.bind("today", today);
      if (state == "running") q.bind("today2", today);
      if (project) q.bind("project", (ll)*project);
      return q;
    };
    const auto total = bind(db::Query(s, "SELECT COUNT(*) FROM campaign c" + where)).scalar();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : bind(db::Query(s, "SELECT * FROM campaign c" + where +
                                               " ORDER BY c.start_day DESC, c.id DESC LIMIT " +
                                               std::to_string(page.size) + " OFFSET " +
                                               std::to_string(page.offset())))
                             .all())
      items.push_back(campaign_json(s, actor, c, now, false));
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

nlohmann::json CampaignService::get(const core::Actor& actor, std::int64_t id) const {
  core::require(actor, "campaign.read");
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    auto c = find_campaign(s, actor, id);
    if (!c) core::throw_not_found("campaign");
    return campaign_json(s, actor, *c, now, true);
  });
}

nlohmann::json CampaignService::templates(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "campaign.read");
  const auto year_text = query.text("year");
  int year = std::stoi(day_at(clock_.now(), kCompanyOffset).substr(0, 4));
  if (year_text) {
    if (year_text->size() != 4 || year_text->find_first_not_of("0123456789") != std::string::npos ||
        *year_text < "2000" || *year_text > "2999")
      core::throw_invalid("invalid request", {{"year", "must be a year 2000-2999"}});
    year = std::stoi(*year_text);
  }
  nlohmann::json phases = nlohmann::json::array();
  for (const auto& p : seed_phases(year))
    phases.push_back({{"name", p.name}, {"startDay", p.start}, {"endDay", p.end}});
  const auto y = std::to_string(year);
  return {{"items",
           {{{"code", "seed001"},
             {"name", "物业基础服务管理品质提升专项工作"},
             {"source", "seed 001: 专项工作时间阶段划分"},
             {"startDay", y + "-09-25"},
             {"endDay", y + "-12-31"},
             {"phases", phases}}}},
          {"total", 1}};
}

nlohmann::json CampaignService::create(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "campaign.manage");
  const auto c = read_campaign(ctx.actor, body);
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    const auto id = db::Query(s,
                              "INSERT INTO campaign (name, goal, slogans, start_day, end_day, "
                              "company_wide, created_by, created_at, updated_at) VALUES (:n, :g, :sl, "
                              ":s, :e, :cw, :by, :c, :u) RETURNING id")
                        .bind("n", c.name)
                        .bind("g", c.goal)
                        .bind("sl", nlohmann::json(c.slogans).dump())
                        .bind("s", c.start)
                        .bind("e", c.end)
                        .bind("cw", c.company_wide)
                        .bind("by", by_of(ctx))
                        .bind("c", (ll)now)
                        .bind("u", (ll)now)
                        .scalar();
    write_projects(s, id, c);
    write_phases(s, id, c);
    auto out = campaign_json(s, ctx.actor, *find_campaign(s, ctx.actor, id), now, true);
    audit_row(s, ctx, now, std::nullopt, "campaign", id, "create", nullptr, out);
    return out;
  });
}

nlohmann::json CampaignService::update(const core::Context& ctx, std::int64_t id,
                                       const nlohmann::json& body) const {
  core::require(ctx.actor, "campaign.manage");
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto old = find_campaign(s, ctx.actor, id);
    if (!old) core::throw_not_found("campaign");
    // Changing a campaign takes the same reach as starting it: every project it names.
    if (old->flag("company_wide") && !ctx.actor.all_projects) core::throw_forbidden("campaign.manage");
    if (!ctx.actor.all_projects)
      for (const auto& p : db::Query(s, "SELECT project_id FROM campaign_project WHERE campaign_id = :c").bind("c", (ll)id).all())
        if (!ctx.actor.sees_project(p.i64("project_id"))) core::throw_forbidden("campaign.manage");
    const auto c = read_campaign(ctx.actor, body);
    const auto before = campaign_json(s, ctx.actor, *old, now, true);
    db::Query(s, "UPDATE campaign SET name = :n, goal = :g, slogans = :sl, start_day = :s, end_day = :e, "
                 "company_wide = :cw, updated_at = :u WHERE id = :id")
        .bind("n", c.name)
        .bind("g", c.goal)
        .bind("sl", nlohmann::json(c.slogans).dump())
        .bind("s", c.start)
        .bind("e", c.end)
        .bind("cw", c.company_wide)
        .bind("u", (ll)now)
        .bind("id", (ll)id)
        .exec();
    write_projects(s, id, c);
    write_phases(s, id, c);
    if (!c.company_wide) {
      // Tasks of projects the campaign no longer names would be invisible: refuse instead.
      if (db::Query(s, "SELECT ct.id FROM campaign_task ct WHERE ct.campaign_id = :c AND NOT EXISTS (SELECT "
                       "1 FROM campaign_project cp WHERE cp.campaign_id = ct.campaign_id AND cp.project_id = "
                       "ct.project_id)")
              .bind("c", (ll)id)
              .one())
        core::throw_invalid("invalid request", {{"projectIds", "must keep every project that has tasks"}});
    }
    auto out = campaign_json(s, ctx.actor, *find_campaign(s, ctx.actor, id), now, true);
    audit_row(s, ctx, now, std::nullopt, "campaign", id, "update", before, out);
    return out;
  });
}

nlohmann::json CampaignService::add_task(const core::Context& ctx, std::int64_t campaign_id,
                                         const nlohmann::json& body) const {
  core::require(ctx.actor, "campaign.task");
  const auto t = read_task(body, Input::Mode::create);
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto c = find_campaign(s, ctx.actor, campaign_id);
    if (!c) core::throw_not_found("campaign");
    const auto project = check_task(s, ctx.actor, *c, *t.owner, t.team, t.phase);
    const auto id = db::Query(s,
                              "INSERT INTO campaign_task (campaign_id, project_id, team_id, phase_id, "
                              "title, detail, owner_staff_id, deadline_day, due_at, status, evidence, "
                              "created_at, updated_at) VALUES (:c, :p, :t, :ph, :title, :d, :o, :dl, "
                              ":due, 'open', '', :cr, :u) RETURNING id")
                        .bind("c", (ll)campaign_id)
                        .bind("p", (ll)project)
                        .bind("t", t.team ? std::optional<ll>(*t.team) : std::nullopt)
                        .bind("ph", t.phase ? std::optional<ll>(*t.phase) : std::nullopt)
                        .bind("title", *t.title)
                        .bind("d", t.detail.value_or(""))
                        .bind("o", (ll)*t.owner)
                        .bind("dl", *t.deadline)
                        .bind("due", (ll)due_of(s, project, *t.deadline))
                        .bind("cr", (ll)now)
                        .bind("u", (ll)now)
                        .scalar();
    auto out = task_json(*find_task(s, ctx.actor, id), now);
    audit_row(s, ctx, now, project, "campaign_task", id, "create", nullptr, out);
    return out;
  });
}

nlohmann::json CampaignService::update_task(const core::Context& ctx, std::int64_t id,
                                            const nlohmann::json& body) const {
  core::require(ctx.actor, "campaign.task");
  const auto t = read_task(body, Input::Mode::update);
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto old = find_task(s, ctx.actor, id);
    if (!old) core::throw_not_found("campaign task");
    auto c = find_campaign(s, ctx.actor, old->i64("campaign_id"));
    const auto owner = t.owner.value_or(old->i64("owner_staff_id"));
    const auto team = t.team_set ? t.team : old->opt_i64("team_id");
    const auto phase = t.phase_set ? t.phase : old->opt_i64("phase_id");
    const auto project = check_task(s, ctx.actor, *c, owner, team, phase);
    const auto deadline = t.deadline.value_or(old->str("deadline_day"));
    const auto before = task_json(*old, now);
    db::Query(s, "UPDATE campaign_task SET project_id = :p, team_id = :t, phase_id = :ph, title = :title, "
                 "detail = :d, owner_staff_id = :o, deadline_day = :dl, due_at = :due, updated_at = :u "
                 "WHERE id = :id")
        .bind("p", (ll)project)
        .bind("t", team ? std::optional<ll>(*team) : std::nullopt)
        .bind("ph", phase ? std::optional<ll>(*phase) : std::nullopt)
        .bind("title", t.title.value_or(old->str("title")))
        .bind("d", t.detail.value_or(old->str("detail")))
        .bind("o", (ll)owner)
        .bind("dl", deadline)
        .bind("due", (ll)due_of(s, project, deadline))
        .bind("u", (ll)now)
        .bind("id", (ll)id)
        .exec();
    auto out = task_json(*find_task(s, ctx.actor, id), now);
    audit_row(s, ctx, now, project, "campaign_task", id, "update", before, out);
    return out;
  });
}

nlohmann::json CampaignService::act_task(const core::Context& ctx, std::int64_t id,
                                         const std::string& action, const nlohmann::json& body) const {
  if (action != "complete" && action != "reopen") core::throw_not_found("campaign task action");
  core::require(ctx.actor, "campaign.read");
  Input in(body, Input::Mode::create);
  std::string text;
  if (action == "complete") text = in.text("evidence", {.max = 2000}).value_or("");
  else text = in.text("reason", {.required = false, .min = 0, .max = 500}).value_or("");
  in.finish();
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto old = find_task(s, ctx.actor, id);
    if (!old) core::throw_not_found("campaign task");
    if (!ctx.actor.can("campaign.task")) {
      // The owner may report their own task done (or take it back).
      auto me = db::Query(s, "SELECT staff_id FROM app_user WHERE id = :u").bind("u", (ll)ctx.actor.user_id).one();
      if (!me || me->opt_i64("staff_id") != old->opt_i64("owner_staff_id")) core::throw_forbidden("campaign.task");
    }
    const auto status = old->str("status");
    if (action == "complete" && status == "done")
      core::throw_conflict("campaign_task.done", "the task is already done");
    if (action == "reopen" && status != "done")
      core::throw_conflict("campaign_task.open", "the task is not done");
    const auto before = task_json(*old, now);
    if (action == "complete")
      db::Query(s, "UPDATE campaign_task SET status = 'done', evidence = :e, done_at = :t, done_by = :by, "
                   "updated_at = :u WHERE id = :id")
          .bind("e", text)
          .bind("t", (ll)now)
          .bind("by", by_of(ctx))
          .bind("u", (ll)now)
          .bind("id", (ll)id)
          .exec();
    else
      db::Query(s, "UPDATE campaign_task SET status = 'open', done_at = NULL, done_by = NULL, updated_at = :u "
                   "WHERE id = :id")
          .bind("u", (ll)now)
          .bind("id", (ll)id)
          .exec();
    auto out = task_json(*find_task(s, ctx.actor, id), now);
    nlohmann::json after = out;
    if (action == "reopen") after["reason"] = text;
    audit_row(s, ctx, now, old->i64("project_id"), "campaign_task", id, action, before, after);
    return out;
  });
}

void register_routes(http::Router& router, const CampaignService& svc) {
  const CampaignService* s = &svc;
  router.get("/api/v1/campaigns", [s](http::Request& req) { return http::ok(s->list(req.user(), req.query)); });
  router.post("/api/v1/campaigns", [s](http::Request& req) {
    return http::created(s->create({req.user(), req.request_id}, req.json()));
  });
  router.get("/api/v1/campaign-templates",
             [s](http::Request& req) { return http::ok(s->templates(req.user(), req.query)); });
  router.get("/api/v1/campaigns/{id}", [s](http::Request& req) { return http::ok(s->get(req.user(), req.id())); });
  router.put("/api/v1/campaigns/{id}", [s](http::Request& req) {
    return http::ok(s->update({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.post("/api/v1/campaigns/{id}/tasks", [s](http::Request& req) {
    return http::created(s->add_task({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.patch("/api/v1/campaign-tasks/{id}", [s](http::Request& req) {
    return http::ok(s->update_task({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.post("/api/v1/campaign-tasks/{id}/{action}", [s](http::Request& req) {
    const auto body = req.body.empty() ? nlohmann::json::object() : req.json();
    return http::ok(s->act_task({req.user(), req.request_id}, req.id(), req.params.at("action"), body));
  });
}

}  // namespace steward::campaigns
