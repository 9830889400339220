// Staff spot checks and the monthly front-desk score (DOMAIN I7). See spot_check_service.hpp.
#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "exports/download.hpp"
#include "json/input.hpp"
#include "modules/auth/roles.hpp"
#include "modules/inspections/inspection_repo.hpp"
#include "modules/inspections/spot_check_rules.hpp"
#include "modules/inspections/spot_check_service.hpp"

namespace steward::inspections {
namespace {

using ll = long long;
using json::Input;

constexpr std::int64_t kBackdateDays = 31;  // a paper record may be entered up to a month late
constexpr std::int64_t kFutureSlack = 300;  // clocks of phones differ by a few minutes

int offset_of(const std::string& zone) { return core::zone_offset_seconds(zone).value_or(8 * 3600); }
std::string local_day(std::int64_t t, int off) { return repo::day_of(t + off); }

std::optional<std::int64_t> user_of(const core::Context& ctx) {
  return ctx.actor.user_id > 0 ? std::optional<std::int64_t>(ctx.actor.user_id) : std::nullopt;
}

repo::Rubric from_seed(const SeedRubric& seed) {
  repo::Rubric r;
  r.code = seed.code;
  r.version = 1;
  r.name = seed.name;
  r.source = seed.source;
  r.built_in = true;
  for (const auto& sec : seed.sections) {
    repo::RubricSection out{0, sec.name, {}};
    for (const auto& it : sec.items) out.items.push_back({0, it});
    r.sections.push_back(out);
  }
  return r;
}

std::optional<std::int64_t> latest_rubric(db::Session& s, const std::string& code) {
  auto r = db::Query(s, "SELECT id FROM rubric WHERE code = :c AND latest = 1").bind("c", code).one();
  return r ? std::optional<std::int64_t>(r->i64("id")) : std::nullopt;
}

nlohmann::json kind_json(db::Session& s, const db::Row& k, bool with_rubric) {
  nlohmann::json j = {{"code", k.str("code")},
                      {"name", k.str("name")},
                      {"nameEn", k.str("name_en")},
                      {"rubricCode", k.str("rubric_code")},
                      {"dailyQuota", k.i64("daily_quota")}};
  if (with_rubric) {
    const auto id = latest_rubric(s, k.str("rubric_code"));
    j["rubric"] = id ? repo::rubric_json(*repo::load_rubric(s, *id), false) : nlohmann::json();
    if (id) j["rubric"].erase("used");
  }
  return j;
}

const std::string kSelect =
    "SELECT sc.*, st.name AS staff_name, st.role AS staff_role, t.name AS team_name, p.name AS "
    "project_name, p.time_zone, k.name AS kind_name, r.code AS rubric_code, r.version AS "
    "rubric_version, r.name AS rubric_name, u.display_name AS checker_name FROM spot_check sc "
    "JOIN staff st ON st.id = sc.staff_id LEFT JOIN team t ON t.id = st.team_id JOIN project p ON "
    "p.id = sc.project_id JOIN spot_check_kind k ON k.code = sc.kind JOIN rubric r ON r.id = "
    "sc.rubric_id LEFT JOIN app_user u ON u.id = sc.created_by";

nlohmann::json check_json(db::Session& s, const db::Row& r, const GradeRules& grades, bool full) {
  const int off = offset_of(r.str("time_zone"));
  const auto score = r.i64("score_centi");
  nlohmann::json j = {
      {"id", r.i64("id")},
      {"projectId", r.i64("project_id")},
      {"projectName", r.str("project_name")},
      {"staff",
       {{"id", r.i64("staff_id")}, {"name", r.str("staff_name")}, {"role", r.str("staff_role")},
        {"team", r.str("team_name")}}},
      {"kind", r.str("kind")},
      {"kindName", r.str("kind_name")},
      {"rubric",
       {{"id", r.i64("rubric_id")}, {"code", r.str("rubric_code")},
        {"version", r.i64("rubric_version")}, {"name", r.str("rubric_name")}}},
      {"checkedAt", core::format_iso8601(r.i64("checked_at"), off)},
      {"day", r.str("day")},
      {"raw", repo::points(r.i64("raw_centi"))},
      {"max", repo::points(r.i64("max_centi"))},
      {"score", repo::points(score)},
      {"grade", to_string(grade(score, grades))},
      {"note", r.str("note")},
      {"checkedBy",
       {{"userId", r.opt_i64("created_by") ? nlohmann::json(*r.opt_i64("created_by")) : nlohmann::json()},
        {"name", r.str("checker_name")}}},
      {"createdAt", core::format_iso8601(r.i64("created_at"), off)}};
  nlohmann::json deductions = nlohmann::json::array();
  std::int64_t lost = 0;
  for (const auto& d : db::Query(s,
                                 "SELECT d.*, it.code, it.name, it.rule FROM spot_check_deduction d "
                                 "JOIN rubric_item it ON it.id = d.item_id WHERE d.spot_check_id = "
                                 ":id ORDER BY it.position")
                           .bind("id", (ll)r.i64("id"))
                           .all()) {
    lost += d.i64("deduct_centi");
    if (!full) continue;
    nlohmann::json amounts = nlohmann::json::array();
    for (const auto& a : nlohmann::json::parse(d.str("amounts"))) amounts.push_back(repo::points(a.get<std::int64_t>()));
    deductions.push_back({{"itemId", d.i64("item_id")},
                          {"code", d.str("code")},
                          {"name", d.str("name")},
                          {"rule", d.str("rule")},
                          {"failed", d.flag("failed")},
                          {"amounts", amounts},
                          {"occurrences", d.i64("occurrences")},
                          {"deducted", repo::points(d.i64("deduct_centi"))},
                          {"note", d.str("note")}});
  }
  j["deducted"] = repo::points(lost);
  if (full) j["deductions"] = deductions;
  return j;
}

std::optional<db::Row> find_check(db::Session& s, const core::Actor& actor, std::int64_t id) {
  return db::Query(s, kSelect + " WHERE sc.id = :id" + repo::scope(actor, "sc")).bind("id", (ll)id).one();
}

// A project the caller sees, with its zone offset; 400 naming `field` otherwise.
int project_offset(db::Session& s, const core::Actor& actor, std::int64_t project) {
  auto p = db::Query(s, "SELECT time_zone FROM project WHERE id = :p").bind("p", (ll)project).one();
  if (!p || !actor.sees_project(project))
    core::throw_invalid("invalid request", {{"projectId", "is not a project you can see"}});
  return offset_of(p->str("time_zone"));
}

struct DeductionInput {
  std::int64_t item_id = 0;
  Finding finding;
  std::string note;
};

// The deductions of a request body, each checked for its form (the rubric is checked later).
std::vector<DeductionInput> read_deductions(const nlohmann::json& list, core::ErrorDetails& errors) {
  std::vector<DeductionInput> out;
  if (list.is_null()) return out;
  if (!list.is_array() || list.size() > 100) {
    errors.emplace("deductions", "must be a list of at most 100 deductions");
    return out;
  }
  for (std::size_t k = 0; k < list.size(); ++k) {
    const std::string p = "deductions[" + std::to_string(k) + "]";
    const auto& d = list[k];
    if (!d.is_object()) {
      errors.emplace(p, "must be an object");
      continue;
    }
    DeductionInput in;
    nlohmann::json rest = d;
    rest.erase("amounts");
    try {
      Input i(rest, Input::Mode::create);
      in.item_id = i.id("itemId").value_or(0);
      in.finding.occurrences = i.integer("occurrences", {.required = false, .min = 0, .max = 1000}).value_or(0);
      in.finding.failed = i.boolean("failed", false).value_or(false);
      in.note = i.text("note", {.required = false, .min = 0, .max = 500}).value_or("");
      if (d.contains("amounts") && !d.at("amounts").is_null()) {
        const auto& a = d.at("amounts");
        bool ok = a.is_array() && a.size() <= 50;
        if (ok)
          for (const auto& v : a) {
            const nlohmann::json holder = {{"v", v}};
            Input one(holder, Input::Mode::create);
            auto c = one.hundredths("v", {.min = 0, .max = 10000});
            if (c) in.finding.amounts_centi.push_back(*c);
            try {
              one.finish();
            } catch (const core::AppError&) {
              ok = false;
            }
            if (!c) ok = false;
          }
        if (!ok) i.fail("amounts", "must be a list of amounts with at most two decimal places");
      }
      i.finish();
    } catch (const core::AppError& e) {
      if (e.kind() != core::ErrorKind::invalid_argument) throw;
      for (const auto& [f, v] : e.details()) errors.emplace(p + "." + f, v);
    }
    out.push_back(in);
  }
  return out;
}

}  // namespace

void SpotCheckService::install_builtin() const {
  const auto now = clock_.now();
  const core::Context ctx{auth::system_actor(), "install"};
  db_.write([&](db::Session& s) {
    for (const auto& seed : spot_check_rubrics()) {
      if (db::Query(s, "SELECT id FROM rubric WHERE code = :c").bind("c", seed.code).one()) continue;
      const auto id = repo::insert_rubric(s, from_seed(seed), std::nullopt, now);
      repo::audit(s, ctx, now, std::nullopt, "rubric", id, "install", nullptr,
                  {{"code", seed.code}, {"version", 1}});
    }
    return 0;
  });
}

nlohmann::json SpotCheckService::kinds(const core::Actor& actor) const {
  core::require(actor, "spot_check.read");
  return db_.read([&](db::Session& s) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& k : db::Query(s, "SELECT * FROM spot_check_kind ORDER BY position").all())
      items.push_back(kind_json(s, k, true));
    const auto n = (std::int64_t)items.size();
    return nlohmann::json{{"items", items}, {"total", n}};
  });
}

nlohmann::json SpotCheckService::update_kind(const core::Context& ctx, const std::string& code,
                                             const nlohmann::json& body) const {
  core::require(ctx.actor, "spot_check.manage");
  Input in(body, Input::Mode::create);
  const auto quota = in.integer("dailyQuota", {.min = 0, .max = 100});
  in.finish();
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto k = db::Query(s, "SELECT * FROM spot_check_kind WHERE code = :c").bind("c", code).one();
    if (!k) core::throw_not_found("spot check kind");
    const auto before = kind_json(s, *k, false);
    db::Query(s, "UPDATE spot_check_kind SET daily_quota = :q, updated_at = :u WHERE code = :c")
        .bind("q", (ll)*quota)
        .bind("u", (ll)now)
        .bind("c", code)
        .exec();
    auto row = db::Query(s, "SELECT * FROM spot_check_kind WHERE code = :c").bind("c", code).one();
    const auto after = kind_json(s, *row, false);
    repo::audit(s, ctx, now, std::nullopt, "spot_check_kind", k->i64("position"), "update", before, after);
    return kind_json(s, *row, true);
  });
}

nlohmann::json SpotCheckService::create(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "spot_check.record");
  if (!body.is_object())
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                         "the body must be a JSON object");
  nlohmann::json top = body;
  top.erase("deductions");
  core::ErrorDetails errors;
  std::optional<std::int64_t> staff_id;
  std::optional<std::string> kind, checked_text;
  std::string note;
  try {
    Input in(top, Input::Mode::create);
    staff_id = in.id("staffId");
    kind = in.text("kind", {.max = 40});
    checked_text = in.text("checkedAt", {.required = false, .max = 40});
    note = in.text("note", {.required = false, .min = 0, .max = 1000}).value_or("");
    in.finish();
  } catch (const core::AppError& e) {
    if (e.kind() != core::ErrorKind::invalid_argument) throw;
    for (const auto& [f, v] : e.details()) errors.emplace(f, v);
  }
  const auto now = clock_.now();
  std::int64_t checked_at = now;
  if (checked_text) {
    auto t = core::parse_iso8601(*checked_text);
    if (!t) errors.emplace("checkedAt", "must be a time like 2026-11-23T09:30:00+08:00");
    else if (*t > now + kFutureSlack) errors.emplace("checkedAt", "must not be in the future");
    else if (*t < now - kBackdateDays * 86400) errors.emplace("checkedAt", "must be within the last 31 days");
    else checked_at = *t;
  }
  auto deductions = read_deductions(body.contains("deductions") ? body.at("deductions") : nlohmann::json(), errors);
  if (!errors.empty()) core::throw_invalid("invalid request", errors);
  return db_.write([&](db::Session& s) {
    auto k = db::Query(s, "SELECT * FROM spot_check_kind WHERE code = :c").bind("c", *kind).one();
    if (!k) core::throw_invalid("invalid request", {{"kind", "is not a kind of spot check"}});
    auto staff = db::Query(s, "SELECT st.project_id, p.time_zone FROM staff st JOIN project p ON "
                              "p.id = st.project_id WHERE st.id = :id AND st.active = 1")
                     .bind("id", (ll)*staff_id)
                     .one();
    if (!staff || !ctx.actor.sees_project(staff->i64("project_id")))
      core::throw_invalid("invalid request", {{"staffId", "is not active staff of a project you can see"}});
    const auto project = staff->i64("project_id");
    const auto rubric_id = latest_rubric(s, k->str("rubric_code"));
    if (!rubric_id) core::throw_conflict("spot_check.no_rubric", "the kind's rubric is missing");
    const auto rubric = repo::load_rubric(s, *rubric_id);
    std::map<std::int64_t, const Item*> items;
    for (const auto& sec : rubric->sections)
      for (const auto& ri : sec.items) items[ri.id] = &ri.item;
    std::vector<SpotFinding> findings;
    std::set<std::int64_t> seen;
    core::ErrorDetails bad;
    for (std::size_t n = 0; n < deductions.size(); ++n) {
      const std::string p = "deductions[" + std::to_string(n) + "]";
      const auto& d = deductions[n];
      auto it = items.find(d.item_id);
      if (it == items.end()) {
        bad.emplace(p + ".itemId", "is not an item of the " + rubric->code + " rubric");
        continue;
      }
      if (!seen.insert(d.item_id).second) {
        bad.emplace(p + ".itemId", "is listed twice");
        continue;
      }
      if (auto e = check_finding(*it->second, d.finding)) {
        bad.emplace(p + "." + e->field, e->message);
        continue;
      }
      findings.push_back({*it->second, d.finding});
    }
    if (!bad.empty()) core::throw_invalid("invalid request", bad);
    const auto score = spot_score(rubric->max_centi, findings);
    const auto day = local_day(checked_at, offset_of(staff->str("time_zone")));
    const auto id = db::Query(s,
                              "INSERT INTO spot_check (project_id, staff_id, kind, rubric_id, "
                              "checked_at, day, raw_centi, max_centi, score_centi, note, created_by, "
                              "created_at, updated_at) VALUES (:p, :st, :k, :r, :at, :day, :raw, "
                              ":max, :score, :note, :by, :c, :u) RETURNING id")
                        .bind("p", (ll)project)
                        .bind("st", (ll)*staff_id)
                        .bind("k", *kind)
                        .bind("r", (ll)*rubric_id)
                        .bind("at", (ll)checked_at)
                        .bind("day", day)
                        .bind("raw", (ll)score.raw_centi)
                        .bind("max", (ll)score.max_centi)
                        .bind("score", (ll)score.score_centi)
                        .bind("note", note)
                        .bind("by", user_of(ctx) ? std::optional<ll>(*user_of(ctx)) : std::nullopt)
                        .bind("c", (ll)now)
                        .bind("u", (ll)now)
                        .scalar();
    std::size_t n = 0;
    for (const auto& d : deductions) {
      const auto& f = findings[n++];
      db::Query(s,
                "INSERT INTO spot_check_deduction (project_id, spot_check_id, item_id, amounts, "
                "occurrences, failed, deduct_centi, note) VALUES (:p, :sc, :it, :a, :o, :f, :d, :n)")
          .bind("p", (ll)project)
          .bind("sc", (ll)id)
          .bind("it", (ll)d.item_id)
          .bind("a", nlohmann::json(d.finding.amounts_centi).dump())
          .bind("o", (ll)d.finding.occurrences)
          .bind("f", d.finding.failed)
          .bind("d", (ll)(f.item.max_centi - item_score_centi(f.item, f.finding)))
          .bind("n", d.note)
          .exec();
    }
    auto out = check_json(s, *find_check(s, ctx.actor, id), repo::grade_rules(s), true);
    repo::audit(s, ctx, now, project, "spot_check", id, "create", nullptr, out);
    return out;
  });
}

nlohmann::json SpotCheckService::list(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "spot_check.read");
  const auto page = query.page();
  const auto project = query.id("projectId");
  const auto staff = query.id("staffId");
  const auto kind = query.text("kind");
  const auto day = query.text("day");
  const auto month = query.text("month");
  if (day && !repo::day_start(*day)) core::throw_invalid("invalid request", {{"day", "must be a date YYYY-MM-DD"}});
  std::optional<std::pair<std::string, std::string>> range;
  if (month && !(range = month_range(*month)))
    core::throw_invalid("invalid request", {{"month", "must be a month YYYY-MM"}});
  return db_.read([&](db::Session& s) {
    std::string where = " WHERE 1 = 1" + repo::scope(actor, "sc");
    if (project) where += " AND sc.project_id = :project";
    if (staff) where += " AND sc.staff_id = :staff";
    if (kind) where += " AND sc.kind = :kind";
    if (day) where += " AND sc.day = :day";
    if (range) where += " AND sc.day >= :from AND sc.day < :to";
    auto bind = [&](db::Query q) {
      if (project) q.bind("project", (ll)*project);
      if (staff) q.bind("staff", (ll)*staff);
      if (kind) q.bind("kind", *kind);
      if (day) q.bind("day", *day);
      if (range) q.bind("from", range->first).bind("to", range->second);
      return q;
    };
    const auto total = bind(db::Query(s, "SELECT COUNT(*) FROM spot_check sc" + where)).scalar();
    const auto grades = repo::grade_rules(s);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : bind(db::Query(s, kSelect + where + " ORDER BY sc.checked_at DESC, sc.id DESC LIMIT " +
                                               std::to_string(page.size) + " OFFSET " +
                                               std::to_string(page.offset())))
                             .all())
      items.push_back(check_json(s, r, grades, false));
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

nlohmann::json SpotCheckService::get(const core::Actor& actor, std::int64_t id) const {
  core::require(actor, "spot_check.read");
  return db_.read([&](db::Session& s) {
    auto r = find_check(s, actor, id);
    if (!r) core::throw_not_found("spot check");
    return check_json(s, *r, repo::grade_rules(s), true);
  });
}

nlohmann::json SpotCheckService::quota(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "spot_check.read");
  const auto project = query.id("projectId");
  if (!project) core::throw_invalid("invalid request", {{"projectId", "is required"}});
  auto day = query.text("day");
  if (day && !repo::day_start(*day)) core::throw_invalid("invalid request", {{"day", "must be a date YYYY-MM-DD"}});
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    const int off = project_offset(s, actor, *project);
    const auto d = day.value_or(local_day(now, off));
    nlohmann::json kinds = nlohmann::json::array();
    bool all_met = true;
    for (const auto& k : db::Query(s,
                                   "SELECT k.code, k.name, k.daily_quota, (SELECT COUNT(*) FROM "
                                   "spot_check sc WHERE sc.kind = k.code AND sc.project_id = :p AND "
                                   "sc.day = :d) AS done FROM spot_check_kind k ORDER BY k.position")
                             .bind("p", (ll)*project)
                             .bind("d", d)
                             .all()) {
      const bool met = quota_met(k.i64("done"), k.i64("daily_quota"));
      all_met = all_met && met;
      kinds.push_back({{"kind", k.str("code")}, {"name", k.str("name")}, {"quota", k.i64("daily_quota")},
                       {"done", k.i64("done")}, {"met", met}});
    }
    return nlohmann::json{{"projectId", *project}, {"day", d}, {"met", all_met}, {"kinds", kinds}};
  });
}

nlohmann::json SpotCheckService::monthly(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "spot_check.read");
  const auto project = query.id("projectId");
  if (!project) core::throw_invalid("invalid request", {{"projectId", "is required"}});
  auto month = query.text("month");
  if (month && !month_range(*month)) core::throw_invalid("invalid request", {{"month", "must be a month YYYY-MM"}});
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    const int off = project_offset(s, actor, *project);
    const auto today = local_day(now, off);
    const auto m = month.value_or(today.substr(0, 7));
    const auto range = *month_range(m);
    const auto grades = repo::grade_rules(s);
    // Everyone checked this month, and every active front-desk person (unchecked ones show so).
    struct Person {
      std::int64_t id = 0;
      std::string name, role, team;
      std::vector<std::int64_t> scores;
      std::map<std::string, std::int64_t> by_kind;
    };
    std::map<std::int64_t, Person> people;
    for (const auto& r : db::Query(s,
                                   "SELECT st.id, st.name, st.role, t.name AS team FROM staff st LEFT "
                                   "JOIN team t ON t.id = st.team_id WHERE st.project_id = :p AND "
                                   "((st.active = 1 AND st.role = 'front_desk') OR st.id IN (SELECT "
                                   "staff_id FROM spot_check WHERE project_id = :p2 AND day >= :f AND "
                                   "day < :t))")
                             .bind("p", (ll)*project)
                             .bind("p2", (ll)*project)
                             .bind("f", range.first)
                             .bind("t", range.second)
                             .all())
      people[r.i64("id")] = {r.i64("id"), r.str("name"), r.str("role"), r.str("team"), {}, {}};
    for (const auto& r : db::Query(s,
                                   "SELECT staff_id, kind, score_centi FROM spot_check WHERE "
                                   "project_id = :p AND day >= :f AND day < :t ORDER BY id")
                             .bind("p", (ll)*project)
                             .bind("f", range.first)
                             .bind("t", range.second)
                             .all()) {
      auto& p = people[r.i64("staff_id")];
      p.scores.push_back(r.i64("score_centi"));
      ++p.by_kind[r.str("kind")];
    }
    std::vector<const Person*> order;
    for (const auto& [id, p] : people) order.push_back(&p);
    std::stable_sort(order.begin(), order.end(), [](const Person* a, const Person* b) {
      const auto sa = monthly_score(a->scores), sb = monthly_score(b->scores);
      if (sa.has_value() != sb.has_value()) return sa.has_value();
      return sa && *sa != *sb ? *sa > *sb : a->id < b->id;
    });
    nlohmann::json items = nlohmann::json::array();
    for (const Person* p : order) {
      const auto score = monthly_score(p->scores);
      const std::int64_t lowest = p->scores.empty() ? 0 : *std::min_element(p->scores.begin(), p->scores.end());
      items.push_back({{"staffId", p->id},
                       {"name", p->name},
                       {"role", p->role},
                       {"team", p->team},
                       {"checks", (std::int64_t)p->scores.size()},
                       {"byKind", p->by_kind},
                       {"score", score ? nlohmann::json(repo::points(*score)) : nlohmann::json()},
                       {"grade", score ? nlohmann::json(to_string(grade(*score, grades))) : nlohmann::json()},
                       {"lowest", p->scores.empty() ? nlohmann::json() : nlohmann::json(repo::points(lowest))}});
    }
    // The quota per kind: on how many of the month's days so far (up to today) it was met.
    std::vector<std::string> days;
    for (auto d = *repo::day_start(range.first); repo::day_of(d) < range.second; d += 86400)
      if (repo::day_of(d) <= today) days.push_back(repo::day_of(d));
    nlohmann::json quota = nlohmann::json::array();
    for (const auto& k : db::Query(s, "SELECT code, name, daily_quota FROM spot_check_kind ORDER BY position").all()) {
      std::map<std::string, std::int64_t> per_day;
      for (const auto& r : db::Query(s,
                                     "SELECT day, COUNT(*) AS n FROM spot_check WHERE project_id = :p "
                                     "AND kind = :k AND day >= :f AND day < :t GROUP BY day")
                               .bind("p", (ll)*project)
                               .bind("k", k.str("code"))
                               .bind("f", range.first)
                               .bind("t", range.second)
                               .all())
        per_day[r.str("day")] = r.i64("n");
      std::int64_t met = 0, done = 0;
      for (const auto& d : days) {
        const auto n = per_day.count(d) ? per_day[d] : 0;
        done += n;
        if (quota_met(n, k.i64("daily_quota"))) ++met;
      }
      quota.push_back({{"kind", k.str("code")}, {"name", k.str("name")}, {"dailyQuota", k.i64("daily_quota")},
                       {"days", (std::int64_t)days.size()}, {"daysMet", met}, {"checks", done}});
    }
    return nlohmann::json{{"projectId", *project}, {"month", m}, {"today", today}, {"items", items}, {"quota", quota}};
  });
}

exports::Table SpotCheckService::monthly_table(const core::Actor& actor, const core::Params& query) const {
  const auto m = monthly(actor, query);  // the figures of the page, never computed twice
  const auto project = db_.read([&](db::Session& s) {
    return db::Query(s, "SELECT name FROM project WHERE id = :p").bind("p", (long long)m["projectId"].get<std::int64_t>()).one();
  });
  exports::Table t{"前台月度服务评分 " + (project ? project->str("name") : std::string()) + " " + m["month"].get<std::string>(),
                   {"月份", "姓名", "员工编号", "岗位", "班组", "抽查次数", "月度得分", "等级", "最低分"},
                   {}};
  auto num = [](const nlohmann::json& v) { return v.is_null() ? exports::empty() : exports::number(v.get<double>()); };
  for (const auto& p : m["items"]) {
    const auth::Role* role = auth::find_role(p["role"].get<std::string>());
    const std::string grade = p["grade"].is_null() ? "" : p["grade"].get<std::string>();
    t.rows.push_back({exports::when(m["month"].get<std::string>()), exports::text(p["name"].get<std::string>()),
                      exports::number(static_cast<double>(p["staffId"].get<std::int64_t>())),
                      exports::text(role ? role->name_zh : p["role"].get<std::string>()),
                      exports::text(p["team"].is_string() ? p["team"].get<std::string>() : ""),
                      exports::number(static_cast<double>(p["checks"].get<std::int64_t>())), num(p["score"]),
                      exports::text(grade == "fail" ? "不及格" : grade == "good" ? "良好" : grade == "excellent" ? "优秀" : ""),
                      num(p["lowest"])});
  }
  return t;
}

void register_spot_check_routes(http::Router& router, const SpotCheckService& svc) {
  const SpotCheckService* s = &svc;
  router.get("/api/v1/spot-check-kinds", [s](http::Request& req) { return http::ok(s->kinds(req.user())); });
  router.put("/api/v1/spot-check-kinds/{code}", [s](http::Request& req) {
    return http::ok(s->update_kind({req.user(), req.request_id}, req.params.at("code"), req.json()));
  });
  router.get("/api/v1/spot-checks", [s](http::Request& req) { return http::ok(s->list(req.user(), req.query)); });
  router.post("/api/v1/spot-checks", [s](http::Request& req) {
    return http::created(s->create({req.user(), req.request_id}, req.json()));
  });
  router.get("/api/v1/spot-checks/{id}", [s](http::Request& req) { return http::ok(s->get(req.user(), req.id())); });
  router.get("/api/v1/spot-check-quota", [s](http::Request& req) { return http::ok(s->quota(req.user(), req.query)); });
  router.get("/api/v1/spot-check-scores", [s](http::Request& req) { return http::ok(s->monthly(req.user(), req.query)); });
  router.get("/api/v1/spot-check-scores/export", [s](http::Request& req) {
    const auto format = exports::format_of(req.query);
    auto table = s->monthly_table(req.user(), req.query);
    const auto month = table.rows.empty() ? req.query.text("month").value_or("") : table.rows.front()[0].text;
    return exports::download(table, format, "前台月度评分-" + month);
  });
}

}  // namespace steward::inspections
