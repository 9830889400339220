// Inspections (DOMAIN I2-I5): planned on a scheme and a target, scored item by item by their
// inspectors, fixed by submitting: scores, grade, recurring findings and the payments per person.
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/time.hpp"
#include "json/input.hpp"
#include "json/output.hpp"
#include "modules/inspections/inspection_photos.hpp"
#include "modules/inspections/inspection_repo.hpp"
#include "modules/inspections/inspection_service.hpp"
#include "modules/inspections/inspection_view.hpp"

namespace steward::inspections {
namespace {

using ll = long long;
using json::Input;

const std::vector<std::string>& kinds() {
  static const std::vector<std::string> k = {"inspection", "self_check", "mutual_check"};
  return k;
}
const std::vector<std::string>& target_kinds() {
  static const std::vector<std::string> k = {"project", "zone", "team", "person"};
  return k;
}
const std::vector<std::string>& methods() {
  static const std::vector<std::string> m = {"open",        "unannounced", "mystery_shopper",
                                             "questioning", "callback",    "written_test"};
  return m;
}

struct Target {
  std::int64_t project_id = 0;
  std::string name;
};

std::optional<Target> find_target(db::Session& s, const std::string& kind, std::int64_t id) {
  const std::string table = kind == "project" ? "project"
                            : kind == "zone"  ? "zone"
                            : kind == "team"  ? "team"
                                              : "staff";
  const std::string project = kind == "project" ? "id" : "project_id";
  auto row = db::Query(s, "SELECT " + project + " AS project_id, name FROM " + table +
                              " WHERE id = :id")
                 .bind("id", (ll)id)
                 .one();
  if (!row) return std::nullopt;
  return Target{row->i64("project_id"), row->str("name")};
}

std::string position_of(const db::Row& staff) {
  const auto role = staff.str("role");
  if (role == "project_manager") return "project_manager";
  if (role == "deputy_manager") return "deputy_manager";
  if (role == "supervisor") return "department_head";
  if (staff.i64("leads") > 0) return "team_leader";
  return "";
}

}  // namespace

nlohmann::json InspectionService::create_inspection(const core::Context& ctx,
                                                    const nlohmann::json& body) const {
  core::require(ctx.actor, "inspection.perform");
  Input in(body, Input::Mode::create);
  const auto scheme_id = in.id("schemeId");
  const auto kind = in.choice("kind", kinds(), false).value_or("inspection");
  const auto target_kind = in.choice("targetKind", target_kinds());
  const auto target_id = in.id("targetId");
  const auto method = in.choice("method", methods());
  const auto day = in.text("day", {.max = 10});
  const auto note = in.text("note", {.required = false, .min = 0, .max = 2000}).value_or("");
  auto inspectors = in.ids("inspectorIds", false, 20);
  if (day && !repo::day_start(*day)) in.fail("day", "must be a date YYYY-MM-DD");
  if (inspectors && inspectors->empty()) in.fail("inspectorIds", "must name at least one inspector");
  in.finish();
  if (kind != "self_check" && !ctx.actor.can("inspection.manage"))
    core::throw_forbidden("inspection.manage");
  if (!inspectors) inspectors = std::vector<std::int64_t>{ctx.actor.user_id};
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto target = find_target(s, *target_kind, *target_id);
    if (!target || !ctx.actor.sees_project(target->project_id))
      core::throw_invalid("invalid request", {{"targetId", "is not a " + *target_kind + " you can see"}});
    auto scheme = db::Query(s, "SELECT id FROM inspection_scheme WHERE id = :id AND active = 1")
                      .bind("id", (ll)*scheme_id)
                      .one();
    if (!scheme) core::throw_invalid("invalid request", {{"schemeId", "is not an active scheme"}});
    std::set<std::int64_t> unique(inspectors->begin(), inspectors->end());
    const auto users = db::Query(s, "SELECT id FROM app_user WHERE active = 1 AND customer_id IS "
                                    "NULL AND id IN (" +
                                        db::id_list({unique.begin(), unique.end()}) + ")")
                           .all();
    if (users.size() != unique.size())
      core::throw_invalid("invalid request", {{"inspectorIds", "must all be active staff users"}});
    const auto id =
        db::Query(s,
                  "INSERT INTO inspection (project_id, scheme_id, kind, target_kind, target_id, "
                  "target_name, method, day, status, note, bonus, created_by, created_at, "
                  "updated_at) VALUES (:p, :s, :k, :tk, :tid, :tn, :m, :d, 'open', :note, 0, :by, "
                  ":c, :u) RETURNING id")
            .bind("p", (ll)target->project_id)
            .bind("s", (ll)*scheme_id)
            .bind("k", kind)
            .bind("tk", *target_kind)
            .bind("tid", (ll)*target_id)
            .bind("tn", target->name)
            .bind("m", *method)
            .bind("d", *day)
            .bind("note", note)
            .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
            .bind("c", (ll)now)
            .bind("u", (ll)now)
            .scalar();
    for (auto u : unique)
      db::Query(s, "INSERT INTO inspection_inspector (inspection_id, project_id, user_id) VALUES "
                   "(:i, :p, :u)")
          .bind("i", (ll)id)
          .bind("p", (ll)target->project_id)
          .bind("u", (ll)u)
          .exec();
    // The latest version of each rubric of the scheme, kept for the life of the inspection.
    const auto parts = db::Query(s,
                                 "SELECT r.id, sr.weight_bp, sr.position FROM "
                                 "inspection_scheme_rubric sr JOIN rubric r ON r.code = "
                                 "sr.rubric_code AND r.latest = 1 WHERE sr.scheme_id = :s ORDER BY "
                                 "sr.position")
                           .bind("s", (ll)*scheme_id)
                           .all();
    for (const auto& p : parts)
      db::Query(s,
                "INSERT INTO inspection_rubric (inspection_id, project_id, position, rubric_id, "
                "weight_bp) VALUES (:i, :p, :pos, :r, :w)")
          .bind("i", (ll)id)
          .bind("p", (ll)target->project_id)
          .bind("pos", (ll)p.i64("position"))
          .bind("r", (ll)p.i64("id"))
          .bind("w", (ll)p.i64("weight_bp"))
          .exec();
    auto out = view::inspection(s, ctx.actor, id);
    repo::audit(s, ctx, now, target->project_id, "inspection", id, "create", nullptr,
                view::summary_of(out));
    return out;
  });
}

nlohmann::json InspectionService::list_inspections(const core::Actor& actor,
                                                   const core::Params& query) const {
  core::require(actor, "inspection.read");
  const auto page = query.page();
  const auto project = query.id("projectId");
  const auto status = query.text("status");
  const auto from = query.text("from");
  const auto to = query.text("to");
  if (status && *status != "open" && *status != "submitted")
    core::throw_invalid("invalid request", {{"status", "must be one of: open, submitted"}});
  if (from && !repo::day_start(*from)) core::throw_invalid("invalid request", {{"from", "must be a date YYYY-MM-DD"}});
  if (to && !repo::day_start(*to)) core::throw_invalid("invalid request", {{"to", "must be a date YYYY-MM-DD"}});
  return db_.read([&](db::Session& s) {
    std::string where = " WHERE 1 = 1" + view::visible(actor, "i");
    if (project) where += " AND i.project_id = :project";
    if (status) where += " AND i.status = :status";
    if (from) where += " AND i.day >= :from";
    if (to) where += " AND i.day <= :to";
    auto bind = [&](db::Query q) {
      if (project) q.bind("project", (ll)*project);
      if (status) q.bind("status", *status);
      if (from) q.bind("from", *from);
      if (to) q.bind("to", *to);
      return q;
    };
    const auto total = bind(db::Query(s, "SELECT COUNT(*) FROM inspection i" + where)).scalar();
    nlohmann::json items = nlohmann::json::array();
    const auto rows = bind(db::Query(s, view::select_sql() + where +
                                            " ORDER BY i.day DESC, i.id DESC LIMIT " +
                                            std::to_string(page.size) + " OFFSET " +
                                            std::to_string(page.offset())))
                          .all();
    for (auto& j : view::summaries(s, rows)) items.push_back(std::move(j));
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

nlohmann::json InspectionService::get_inspection(const core::Actor& actor, std::int64_t id) const {
  core::require(actor, "inspection.read");
  return db_.read([&](db::Session& s) { return view::inspection(s, actor, id); });
}

nlohmann::json InspectionService::record_deduction(const core::Context& ctx, std::int64_t id,
                                                   const nlohmann::json& body) const {
  core::require(ctx.actor, "inspection.perform");
  if (!body.is_object())
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                         "the body must be a JSON object");
  nlohmann::json rest = body;
  rest.erase("amounts");
  Input in(rest, Input::Mode::create);
  const auto item_id = in.id("itemId");
  Finding f;
  if (body.contains("amounts") && !body.at("amounts").is_null()) {
    const auto& a = body.at("amounts");
    bool ok = a.is_array() && a.size() <= 50;
    if (ok)
      for (const auto& v : a) {
        const nlohmann::json holder = {{"v", v}};  // Input keeps a reference
        Input one(holder, Input::Mode::create);
        auto c = one.hundredths("v", {.min = 0, .max = 10000});
        if (!c) ok = false;
        else f.amounts_centi.push_back(*c);
        try {
          one.finish();
        } catch (const core::AppError&) {
          ok = false;
        }
      }
    if (!ok) in.fail("amounts", "must be a list of amounts with at most two decimal places");
  }
  f.occurrences = in.integer("occurrences", {.required = false, .min = 0, .max = 100000}).value_or(0);
  f.failed = in.boolean("failed", false).value_or(false);
  const auto note = in.text("note", {.required = false, .min = 0, .max = 2000}).value_or("");
  const auto photo_ids = in.ids("photoIds", false, kPhotosPerDeduction);
  in.finish();
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto row = view::find(s, ctx.actor, id);
    if (!row) core::throw_not_found("inspection");
    view::require_inspector(s, ctx.actor, id);
    if (row->str("status") != "open")
      core::throw_conflict("inspection.submitted", "the inspection is submitted: its scores are fixed");
    auto item = db::Query(s,
                          "SELECT it.id FROM rubric_item it JOIN inspection_rubric ir ON "
                          "ir.rubric_id = it.rubric_id WHERE ir.inspection_id = :i AND it.id = :it")
                    .bind("i", (ll)id)
                    .bind("it", (ll)*item_id)
                    .one();
    if (!item) core::throw_invalid("invalid request", {{"itemId", "is not an item of this inspection's rubrics"}});
    const auto r = db::Query(s, "SELECT rubric_id FROM rubric_item WHERE id = :it").bind("it", (ll)*item_id).one();
    const auto rubric = repo::load_rubric(s, r->i64("rubric_id"));
    const Item* it = nullptr;
    for (const auto& sec : rubric->sections)
      for (const auto& ri : sec.items)
        if (ri.id == *item_id) it = &ri.item;
    if (auto bad = check_finding(*it, f)) core::throw_invalid("invalid request", {{bad->field, bad->message}});
    const std::set<std::int64_t> photos = photo_ids ? std::set<std::int64_t>(photo_ids->begin(), photo_ids->end())
                                                    : std::set<std::int64_t>{};
    if (!photos.empty()) {
      // Photos of this inspection, not yet on another item's deduction.
      const auto ok = db::Query(s,
                                "SELECT COUNT(*) FROM inspection_photo ph LEFT JOIN "
                                "inspection_deduction d ON d.id = ph.deduction_id WHERE "
                                "ph.inspection_id = :i AND (ph.deduction_id IS NULL OR d.item_id = "
                                ":it) AND ph.id IN (" +
                                    db::id_list({photos.begin(), photos.end()}) + ")")
                          .bind("i", (ll)id)
                          .bind("it", (ll)*item_id)
                          .scalar();
      if (ok != (std::int64_t)photos.size())
        core::throw_invalid("invalid request",
                            {{"photoIds", "must be photos uploaded to this inspection and not on another item"}});
    }
    const auto before = view::summary_of(view::inspection(s, ctx.actor, id));
    nlohmann::json amounts = f.amounts_centi;
    const auto existing = db::Query(s, "SELECT id FROM inspection_deduction WHERE inspection_id = "
                                       ":i AND item_id = :it")
                              .bind("i", (ll)id)
                              .bind("it", (ll)*item_id)
                              .one();
    std::int64_t deduction_id = existing ? existing->i64("id") : 0;
    if (existing)
      db::Query(s,
                "UPDATE inspection_deduction SET amounts = :a, occurrences = :o, failed = :f, "
                "deduct_centi = :d, note = :n, updated_at = :u WHERE id = :id")
          .bind("a", amounts.dump())
          .bind("o", (ll)f.occurrences)
          .bind("f", f.failed)
          .bind("d", (ll)deduction_centi(*it, f))
          .bind("n", note)
          .bind("u", (ll)now)
          .bind("id", (ll)existing->i64("id"))
          .exec();
    else
      deduction_id = db::Query(s,
                "INSERT INTO inspection_deduction (project_id, inspection_id, item_id, amounts, "
                "occurrences, failed, deduct_centi, note, recurring, created_by, created_at, "
                "updated_at) VALUES (:p, :i, :it, :a, :o, :f, :d, :n, 0, :by, :c, :u) RETURNING id")
          .bind("p", (ll)row->i64("project_id"))
          .bind("i", (ll)id)
          .bind("it", (ll)*item_id)
          .bind("a", amounts.dump())
          .bind("o", (ll)f.occurrences)
          .bind("f", f.failed)
          .bind("d", (ll)deduction_centi(*it, f))
          .bind("n", note)
          .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
          .bind("c", (ll)now)
          .bind("u", (ll)now)
          .scalar();
    if (photo_ids) {  // the deduction's photos are exactly those named; absent: unchanged
      db::Query(s, "UPDATE inspection_photo SET deduction_id = NULL WHERE deduction_id = :d")
          .bind("d", (ll)deduction_id)
          .exec();
      if (!photos.empty())
        db::Query(s, "UPDATE inspection_photo SET deduction_id = :d WHERE inspection_id = :i AND id IN (" +
                         db::id_list({photos.begin(), photos.end()}) + ")")
            .bind("d", (ll)deduction_id)
            .bind("i", (ll)id)
            .exec();
    }
    db::Query(s, "UPDATE inspection SET updated_at = :u WHERE id = :id").bind("u", (ll)now).bind("id", (ll)id).exec();
    auto out = view::inspection(s, ctx.actor, id);
    nlohmann::json after = {{"itemId", *item_id}, {"amounts", amounts}, {"occurrences", f.occurrences},
                            {"failed", f.failed}, {"note", note}, {"score", out["score"]}};
    if (photo_ids) after["photoIds"] = *photo_ids;
    repo::audit(s, ctx, now, row->i64("project_id"), "inspection", id, "deduct", before, after);
    return out;
  });
}

nlohmann::json InspectionService::remove_deduction(const core::Context& ctx, std::int64_t id,
                                                   std::int64_t deduction_id) const {
  core::require(ctx.actor, "inspection.perform");
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto row = view::find(s, ctx.actor, id);
    if (!row) core::throw_not_found("inspection");
    view::require_inspector(s, ctx.actor, id);
    auto d = db::Query(s, "SELECT * FROM inspection_deduction WHERE id = :d AND inspection_id = :i")
                 .bind("d", (ll)deduction_id)
                 .bind("i", (ll)id)
                 .one();
    if (!d) core::throw_not_found("deduction");
    if (row->str("status") != "open")
      core::throw_conflict("inspection.submitted", "the inspection is submitted: its scores are fixed");
    const auto before = view::summary_of(view::inspection(s, ctx.actor, id));
    // Its photos stay with the inspection, free to go on another deduction.
    db::Query(s, "UPDATE inspection_photo SET deduction_id = NULL WHERE deduction_id = :d")
        .bind("d", (ll)deduction_id)
        .exec();
    db::Query(s, "DELETE FROM inspection_deduction WHERE id = :d").bind("d", (ll)deduction_id).exec();
    db::Query(s, "UPDATE inspection SET updated_at = :u WHERE id = :id").bind("u", (ll)now).bind("id", (ll)id).exec();
    auto out = view::inspection(s, ctx.actor, id);
    repo::audit(s, ctx, now, row->i64("project_id"), "inspection", id, "remove_deduction", before,
                {{"deductionId", deduction_id}, {"itemId", d->i64("item_id")},
                 {"deducted", repo::points(d->i64("deduct_centi"))}, {"note", d->str("note")},
                 {"score", out["score"]}});
    return out;
  });
}

nlohmann::json InspectionService::submit(const core::Context& ctx, std::int64_t id) const {
  core::require(ctx.actor, "inspection.perform");
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto row = view::find(s, ctx.actor, id);
    if (!row) core::throw_not_found("inspection");
    view::require_inspector(s, ctx.actor, id);
    if (row->str("status") != "open")
      core::throw_conflict("inspection.already_submitted", "the inspection is already submitted");
    const auto grades = repo::grade_rules(s);
    const auto scored = view::score(s, id);
    for (const auto& r : scored.rubrics)
      db::Query(s, "UPDATE inspection_rubric SET raw_centi = :raw, score_centi = :score WHERE "
                   "inspection_id = :i AND rubric_id = :r")
          .bind("raw", (ll)r.raw_centi)
          .bind("score", (ll)r.score_centi)
          .bind("i", (ll)id)
          .bind("r", (ll)r.rubric_id)
          .exec();
    const auto g = to_string(grade(scored.composite_centi, grades));
    const bool bonus = earns_bonus(scored.composite_centi, grades);
    db::Query(s,
              "UPDATE inspection SET status = 'submitted', score_centi = :sc, grade = :g, bonus = "
              ":b, submitted_by = :by, submitted_at = :at, updated_at = :u WHERE id = :id")
        .bind("sc", (ll)scored.composite_centi)
        .bind("g", g)
        .bind("b", bonus)
        .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
        .bind("at", (ll)now)
        .bind("u", (ll)now)
        .bind("id", (ll)id)
        .exec();
    // Recurring findings: the same item (rubric code and item code) deducted at the same target
    // by another submitted inspection within the window before this one's day.
    const auto day = row->str("day");
    const auto from = repo::day_of(*repo::day_start(day) - repo::recurrence_days(s) * 86400);
    for (const auto& d : db::Query(s,
                                   "SELECT d.id, it.code AS item_code, r.code AS rubric_code FROM "
                                   "inspection_deduction d JOIN rubric_item it ON it.id = "
                                   "d.item_id JOIN rubric r ON r.id = it.rubric_id WHERE "
                                   "d.inspection_id = :i")
                             .bind("i", (ll)id)
                             .all()) {
      const bool again =
          db::Query(s,
                    "SELECT d2.id FROM inspection_deduction d2 JOIN inspection i2 ON i2.id = "
                    "d2.inspection_id JOIN rubric_item it2 ON it2.id = d2.item_id JOIN rubric r2 "
                    "ON r2.id = it2.rubric_id WHERE i2.status = 'submitted' AND i2.id <> :me AND "
                    "i2.target_kind = :tk AND i2.target_id = :tid AND i2.day >= :from AND i2.day "
                    "<= :day AND it2.code = :ic AND r2.code = :rc")
              .bind("me", (ll)id)
              .bind("tk", row->str("target_kind"))
              .bind("tid", (ll)row->i64("target_id"))
              .bind("from", from)
              .bind("day", day)
              .bind("ic", d.str("item_code"))
              .bind("rc", d.str("rubric_code"))
              .one()
              .has_value();
      if (again)
        db::Query(s, "UPDATE inspection_deduction SET recurring = 1 WHERE id = :id")
            .bind("id", (ll)d.i64("id"))
            .exec();
    }
    // Rewards and penalties go to the project's people when the project itself was inspected.
    if (row->str("target_kind") == "project") {
      std::vector<Person> people;
      for (const auto& st : db::Query(s,
                                      "SELECT s.id, s.name, s.role, (SELECT COUNT(*) FROM team t "
                                      "WHERE t.leader_staff_id = s.id) AS leads FROM staff s WHERE "
                                      "s.project_id = :p AND s.active = 1 ORDER BY s.id")
                                .bind("p", (ll)row->i64("project_id"))
                                .all()) {
        const auto pos = position_of(st);
        if (!pos.empty()) people.push_back({st.i64("id"), st.str("name"), pos});
      }
      for (const auto& p : payments(scored.composite_centi, grades, repo::reward_rules(s), people,
                                    row->str("target_name")))
        db::Query(s,
                  "INSERT INTO inspection_payment (project_id, inspection_id, staff_id, name, "
                  "position, outcome, amount_yuan) VALUES (:p, :i, :st, :n, :pos, :o, :a)")
            .bind("p", (ll)row->i64("project_id"))
            .bind("i", (ll)id)
            .bind("st", p.person.staff_id ? std::optional<ll>(*p.person.staff_id) : std::nullopt)
            .bind("n", p.person.name)
            .bind("pos", p.person.position)
            .bind("o", p.outcome)
            .bind("a", (ll)p.amount_yuan)
            .exec();
    }
    auto out = view::inspection(s, ctx.actor, id);
    repo::audit(s, ctx, now, row->i64("project_id"), "inspection", id, "submit",
                {{"status", "open"}}, view::summary_of(out));
    return out;
  });
}

}  // namespace steward::inspections
