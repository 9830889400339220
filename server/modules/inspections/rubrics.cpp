// Rubrics (versioned), schemes and the company's settings (DOMAIN I1, I2).
#include <set>

#include "core/error.hpp"
#include "json/input.hpp"
#include "modules/auth/roles.hpp"
#include "modules/inspections/inspection_repo.hpp"
#include "modules/inspections/inspection_service.hpp"
#include "modules/inspections/seed_rubrics.hpp"

namespace steward::inspections {
namespace {

using ll = long long;
using json::Input;

std::optional<std::int64_t> by_of(const core::Context& ctx) {
  return ctx.actor.user_id > 0 ? std::optional<std::int64_t>(ctx.actor.user_id) : std::nullopt;
}

// Runs the checks of a nested object and files its problems under "prefix.field".
template <class F>
void nested(core::ErrorDetails& errors, const std::string& prefix, const nlohmann::json& obj, F&& f) {
  if (!obj.is_object()) {
    errors.emplace(prefix, "must be an object");
    return;
  }
  try {
    Input in(obj, Input::Mode::create);
    f(in);
    in.finish();
  } catch (const core::AppError& e) {
    if (e.kind() != core::ErrorKind::invalid_argument) throw;
    for (const auto& [k, v] : e.details()) errors.emplace(prefix + "." + k, v);
  }
}

// A rubric from a request body: name, source and sections with items (code only on create).
repo::Rubric read_rubric(const nlohmann::json& body, bool with_code) {
  if (!body.is_object())
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                         "the body must be a JSON object");
  nlohmann::json top = body;
  top.erase("sections");
  Input in(top, Input::Mode::create);
  repo::Rubric r;
  if (with_code) r.code = in.text("code", {.max = 40}).value_or("");
  r.name = in.text("name", {.max = 100}).value_or("");
  r.source = in.text("source", {.required = false, .min = 0, .max = 500}).value_or("");
  core::ErrorDetails errors;
  const auto sections = body.find("sections");
  if (sections == body.end() || !sections->is_array() || sections->empty() || sections->size() > 50)
    errors.emplace("sections", "must be a list of 1 to 50 sections");
  else {
    std::set<std::string> codes;
    for (std::size_t si = 0; si < sections->size(); ++si) {
      const auto& sj = (*sections)[si];
      const std::string sp = "sections[" + std::to_string(si) + "]";
      repo::RubricSection sec;
      nlohmann::json shead = sj.is_object() ? sj : nlohmann::json::object();
      shead.erase("items");
      nested(errors, sp, shead, [&](Input& s) { sec.name = s.text("name", {.max = 100}).value_or(""); });
      const auto items = sj.is_object() ? sj.find("items") : sj.end();
      if (!sj.is_object() || items == sj.end() || !items->is_array() || items->empty() ||
          items->size() > 200) {
        errors.emplace(sp + ".items", "must be a list of 1 to 200 items");
        continue;
      }
      for (std::size_t ii = 0; ii < items->size(); ++ii) {
        const std::string ip = sp + ".items[" + std::to_string(ii) + "]";
        repo::RubricItem ri;
        Item& item = ri.item;
        nested(errors, ip, (*items)[ii], [&](Input& i) {
          item.code = i.text("code", {.max = 40}).value_or("");
          item.name = i.text("name", {.max = 200}).value_or("");
          item.standard = i.text("standard", {.required = false, .min = 0, .max = 2000}).value_or("");
          item.max_centi = i.hundredths("max", {.min = 1, .max = 10000}).value_or(0);
          const auto kind = i.choice("rule", {"range", "per_occurrence", "all_or_nothing"});
          item.rule.kind = rule_kind(kind.value_or("range")).value_or(RuleKind::range);
          if (kind == "range") {
            item.check_points = i.integer("checkPoints", {.min = 1, .max = 50}).value_or(0);
            item.rule.min_centi = i.hundredths("deductMin", {.min = 1, .max = 10000}).value_or(0);
            item.rule.max_centi = i.hundredths("deductMax", {.min = 1, .max = 10000}).value_or(0);
            if (item.rule.max_centi < item.rule.min_centi)
              i.fail("deductMax", "must not be below deductMin");
            if (item.max_centi > 0 && item.rule.min_centi > item.max_centi)
              i.fail("deductMin", "must not exceed the item's max");
          } else if (kind == "per_occurrence") {
            item.rule.fixed_centi = i.hundredths("deductEach", {.min = 1, .max = 10000}).value_or(0);
            if (item.max_centi > 0 && item.rule.fixed_centi > item.max_centi)
              i.fail("deductEach", "must not exceed the item's max");
          }
          if (!item.code.empty() && !codes.insert(item.code).second)
            i.fail("code", "is used by another item of this rubric");
        });
        sec.items.push_back(ri);
      }
      r.sections.push_back(sec);
    }
  }
  try {
    in.finish();
  } catch (const core::AppError& e) {
    for (const auto& [k, v] : e.details()) errors.emplace(k, v);
  }
  if (!errors.empty()) core::throw_invalid("invalid request", errors);
  return r;
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

nlohmann::json scheme_json(db::Session& s, std::int64_t id) {
  auto row = db::Query(s, "SELECT * FROM inspection_scheme WHERE id = :id").bind("id", (ll)id).one();
  if (!row) core::throw_not_found("inspection scheme");
  nlohmann::json rubrics = nlohmann::json::array();
  for (const auto& r : db::Query(s,
                                 "SELECT sr.rubric_code, sr.weight_bp, r.id, r.name, r.version, "
                                 "r.max_centi FROM inspection_scheme_rubric sr LEFT JOIN rubric r "
                                 "ON r.code = sr.rubric_code AND r.latest = 1 WHERE sr.scheme_id = "
                                 ":id ORDER BY sr.position")
                           .bind("id", (ll)id)
                           .all())
    rubrics.push_back({{"code", r.str("rubric_code")},
                       {"weight", repo::points(r.i64("weight_bp"))},
                       {"rubricId", r.opt_i64("id") ? nlohmann::json(*r.opt_i64("id")) : nlohmann::json()},
                       {"name", r.str("name")},
                       {"version", r.opt_i64("version").value_or(0)},
                       {"max", repo::points(r.opt_i64("max_centi").value_or(0))}});
  return {{"id", id}, {"name", row->str("name")}, {"active", row->flag("active")}, {"rubrics", rubrics}};
}

struct SchemeInput {
  std::string name;
  bool active = true;
  std::vector<std::pair<std::string, std::int64_t>> weights;
};

SchemeInput read_scheme(db::Session& s, const nlohmann::json& body) {
  if (!body.is_object())
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                         "the body must be a JSON object");
  nlohmann::json top = body;
  top.erase("rubrics");
  Input in(top, Input::Mode::create);
  SchemeInput out;
  out.name = in.text("name", {.max = 100}).value_or("");
  out.active = in.boolean("active", false).value_or(true);
  core::ErrorDetails errors;
  const auto list = body.find("rubrics");
  if (list == body.end() || !list->is_array() || list->empty() || list->size() > 20) {
    errors.emplace("rubrics", "must be a list of 1 to 20 rubrics with weights");
  } else {
    std::vector<Weighted> parts;
    std::set<std::string> seen;
    for (std::size_t k = 0; k < list->size(); ++k) {
      const std::string p = "rubrics[" + std::to_string(k) + "]";
      std::string code;
      std::int64_t weight = 0;
      nested(errors, p, (*list)[k], [&](Input& i) {
        code = i.text("code", {.max = 40}).value_or("");
        weight = i.hundredths("weight", {.min = 1, .max = 10000}).value_or(0);
        if (!code.empty() && !db::Query(s, "SELECT id FROM rubric WHERE code = :c AND latest = 1")
                                  .bind("c", code)
                                  .one())
          i.fail("code", "is not a rubric");
        if (!code.empty() && !seen.insert(code).second) i.fail("code", "is listed twice");
      });
      parts.push_back({0, weight});
      out.weights.emplace_back(code, weight);
    }
    if (errors.empty() && !weights_complete(parts))
      errors.emplace("rubrics", "the weights must add up to 100");
  }
  try {
    in.finish();
  } catch (const core::AppError& e) {
    for (const auto& [k, v] : e.details()) errors.emplace(k, v);
  }
  if (!errors.empty()) core::throw_invalid("invalid request", errors);
  return out;
}

void write_scheme_rubrics(db::Session& s, std::int64_t id, const SchemeInput& in) {
  db::Query(s, "DELETE FROM inspection_scheme_rubric WHERE scheme_id = :id").bind("id", (ll)id).exec();
  ll pos = 0;
  for (const auto& [code, bp] : in.weights)
    db::Query(s,
              "INSERT INTO inspection_scheme_rubric (scheme_id, position, rubric_code, weight_bp) "
              "VALUES (:s, :p, :c, :w)")
        .bind("s", (ll)id)
        .bind("p", ++pos)
        .bind("c", code)
        .bind("w", (ll)bp)
        .exec();
}

void refuse_duplicate_scheme(db::Session& s, const std::string& name, std::int64_t except) {
  if (db::Query(s, "SELECT id FROM inspection_scheme WHERE name = :n AND id <> :id")
          .bind("n", name)
          .bind("id", (ll)except)
          .one())
    throw core::AppError(core::ErrorKind::conflict, "inspection_scheme.duplicate",
                         "a scheme of that name exists", {{"name", "is taken"}});
}

nlohmann::json settings_json(db::Session& s) {
  const auto g = repo::grade_rules(s);
  nlohmann::json rewards = nlohmann::json::array();
  for (const auto& r : repo::reward_rules(s))
    rewards.push_back({{"outcome", r.outcome}, {"position", r.position}, {"amount", r.amount_yuan}});
  return {{"failBelow", repo::points(g.fail_below_centi)},
          {"excellentAbove", repo::points(g.excellent_above_centi)},
          {"bonusFrom", repo::points(g.bonus_from_centi)},
          {"recurrenceDays", repo::recurrence_days(s)},
          {"rewards", rewards}};
}

}  // namespace

void InspectionService::install_builtin() const {
  const auto now = clock_.now();
  const core::Context ctx{auth::system_actor(), "install"};
  db_.write([&](db::Session& s) {
    if (db::Query(s, "SELECT id FROM rubric WHERE built_in = 1").one()) return 0;
    for (const auto& seed : seed_rubrics()) {
      const auto id = repo::insert_rubric(s, from_seed(seed), std::nullopt, now);
      repo::audit(s, ctx, now, std::nullopt, "rubric", id, "install", nullptr,
                  {{"code", seed.code}, {"version", 1}});
    }
    const auto& scheme = seed_scheme();
    const auto sid = db::Query(s,
                               "INSERT INTO inspection_scheme (name, active, created_at, updated_at) "
                               "VALUES (:n, 1, :c, :u) RETURNING id")
                         .bind("n", scheme.name)
                         .bind("c", (ll)now)
                         .bind("u", (ll)now)
                         .scalar();
    write_scheme_rubrics(s, sid, {scheme.name, true, scheme.weights_bp});
    repo::audit(s, ctx, now, std::nullopt, "inspection_scheme", sid, "install", nullptr,
                {{"name", scheme.name}});
    return 0;
  });
}

nlohmann::json InspectionService::list_rubrics(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "inspection.read");
  const auto code = query.text("code");
  return db_.read([&](db::Session& s) {
    nlohmann::json items = nlohmann::json::array();
    auto rows = code ? db::Query(s, "SELECT id FROM rubric WHERE code = :c ORDER BY version DESC")
                           .bind("c", *code)
                           .all()
                     : db::Query(s, "SELECT id FROM rubric WHERE latest = 1 ORDER BY id").all();
    for (const auto& row : rows) {
      auto r = repo::load_rubric(s, row.i64("id"));
      auto j = repo::rubric_json(*r, repo::rubric_used(s, r->id));
      j.erase("sections");
      items.push_back(j);
    }
    const auto n = (std::int64_t)items.size();
    return nlohmann::json{{"items", items}, {"total", n}};
  });
}

nlohmann::json InspectionService::get_rubric(const core::Actor& actor, std::int64_t id) const {
  core::require(actor, "inspection.read");
  return db_.read([&](db::Session& s) {
    auto r = repo::load_rubric(s, id);
    if (!r) core::throw_not_found("rubric");
    return repo::rubric_json(*r, repo::rubric_used(s, id));
  });
}

nlohmann::json InspectionService::create_rubric(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "rubric.manage");
  auto r = read_rubric(body, true);
  r.version = 1;
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    if (db::Query(s, "SELECT id FROM rubric WHERE code = :c").bind("c", r.code).one())
      throw core::AppError(core::ErrorKind::conflict, "rubric.duplicate",
                           "a rubric with that code exists", {{"code", "is taken"}});
    const auto id = repo::insert_rubric(s, r, by_of(ctx), now);
    auto out = repo::rubric_json(*repo::load_rubric(s, id), false);
    repo::audit(s, ctx, now, std::nullopt, "rubric", id, "create", nullptr, out);
    return out;
  });
}

nlohmann::json InspectionService::update_rubric(const core::Context& ctx, std::int64_t id,
                                                const nlohmann::json& body) const {
  core::require(ctx.actor, "rubric.manage");
  auto r = read_rubric(body, false);
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto old = repo::load_rubric(s, id);
    if (!old) core::throw_not_found("rubric");
    if (!old->latest)
      throw core::AppError(core::ErrorKind::conflict, "rubric.not_latest",
                           "only the latest version of a rubric can be edited",
                           {{"id", "version " + std::to_string(old->version) + " is not the latest"}});
    const auto before = repo::rubric_json(*old, repo::rubric_used(s, id));
    r.code = old->code;
    r.built_in = old->built_in;
    std::int64_t new_id = id;
    if (repo::rubric_used(s, id)) {
      // Past inspections keep the version they scored with; the edit is a new version.
      db::Query(s, "UPDATE rubric SET latest = 0, updated_at = :u WHERE id = :id")
          .bind("u", (ll)now)
          .bind("id", (ll)id)
          .exec();
      r.version = old->version + 1;
      new_id = repo::insert_rubric(s, r, by_of(ctx), now);
    } else {
      db::Query(s, "DELETE FROM rubric_item WHERE rubric_id = :id").bind("id", (ll)id).exec();
      db::Query(s, "DELETE FROM rubric_section WHERE rubric_id = :id").bind("id", (ll)id).exec();
      db::Query(s, "UPDATE rubric SET name = :n, source = :src, max_centi = :max, updated_at = :u "
                   "WHERE id = :id")
          .bind("n", r.name)
          .bind("src", r.source)
          .bind("max", (ll)repo::max_of(r))
          .bind("u", (ll)now)
          .bind("id", (ll)id)
          .exec();
      repo::insert_contents(s, id, r);
    }
    auto out = repo::rubric_json(*repo::load_rubric(s, new_id), false);
    repo::audit(s, ctx, now, std::nullopt, "rubric", new_id,
                new_id == id ? "update" : "new_version", before, out);
    return out;
  });
}

nlohmann::json InspectionService::list_schemes(const core::Actor& actor) const {
  core::require(actor, "inspection.read");
  return db_.read([&](db::Session& s) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : db::Query(s, "SELECT id FROM inspection_scheme ORDER BY id").all())
      items.push_back(scheme_json(s, row.i64("id")));
    const auto n = (std::int64_t)items.size();
    return nlohmann::json{{"items", items}, {"total", n}};
  });
}

nlohmann::json InspectionService::get_scheme(const core::Actor& actor, std::int64_t id) const {
  core::require(actor, "inspection.read");
  return db_.read([&](db::Session& s) { return scheme_json(s, id); });
}

nlohmann::json InspectionService::create_scheme(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "inspection.manage");
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    const auto in = read_scheme(s, body);
    refuse_duplicate_scheme(s, in.name, 0);
    const auto id = db::Query(s,
                              "INSERT INTO inspection_scheme (name, active, created_at, updated_at) "
                              "VALUES (:n, :a, :c, :u) RETURNING id")
                        .bind("n", in.name)
                        .bind("a", in.active)
                        .bind("c", (ll)now)
                        .bind("u", (ll)now)
                        .scalar();
    write_scheme_rubrics(s, id, in);
    auto out = scheme_json(s, id);
    repo::audit(s, ctx, now, std::nullopt, "inspection_scheme", id, "create", nullptr, out);
    return out;
  });
}

nlohmann::json InspectionService::update_scheme(const core::Context& ctx, std::int64_t id,
                                                const nlohmann::json& body) const {
  core::require(ctx.actor, "inspection.manage");
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    const auto before = scheme_json(s, id);  // 404 when there is none
    const auto in = read_scheme(s, body);
    refuse_duplicate_scheme(s, in.name, id);
    db::Query(s, "UPDATE inspection_scheme SET name = :n, active = :a, updated_at = :u WHERE id = :id")
        .bind("n", in.name)
        .bind("a", in.active)
        .bind("u", (ll)now)
        .bind("id", (ll)id)
        .exec();
    write_scheme_rubrics(s, id, in);
    auto out = scheme_json(s, id);
    repo::audit(s, ctx, now, std::nullopt, "inspection_scheme", id, "update", before, out);
    return out;
  });
}

nlohmann::json InspectionService::settings(const core::Actor& actor) const {
  core::require(actor, "inspection.read");
  return db_.read([&](db::Session& s) { return settings_json(s); });
}

nlohmann::json InspectionService::update_settings(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "inspection.manage");
  if (!body.is_object())
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                         "the body must be a JSON object");
  nlohmann::json top = body;
  top.erase("rewards");
  Input in(top, Input::Mode::create);
  GradeRules g;
  g.fail_below_centi = in.hundredths("failBelow", {.min = 0, .max = 10000}).value_or(0);
  g.excellent_above_centi = in.hundredths("excellentAbove", {.min = 0, .max = 10000}).value_or(0);
  g.bonus_from_centi = in.hundredths("bonusFrom", {.min = 0, .max = 10000}).value_or(0);
  const auto days = in.integer("recurrenceDays", {.min = 1, .max = 3650}).value_or(90);
  core::ErrorDetails errors;
  try {
    in.finish();
  } catch (const core::AppError& e) {
    for (const auto& [k, v] : e.details()) errors.emplace(k, v);
  }
  if (errors.empty())
    if (auto bad = check_grade_rules(g)) errors.emplace(bad->field, bad->message);
  std::vector<RewardRule> rewards;
  const auto list = body.find("rewards");
  if (list == body.end() || !list->is_array() || list->size() > 40) {
    errors.emplace("rewards", "must be a list of at most 40 rules");
  } else {
    std::set<std::pair<std::string, std::string>> seen;
    std::vector<std::string> positions(std::begin(kPositions), std::end(kPositions));
    for (std::size_t k = 0; k < list->size(); ++k) {
      RewardRule r;
      nested(errors, "rewards[" + std::to_string(k) + "]", (*list)[k], [&](Input& i) {
        r.outcome = i.choice("outcome", {"fail", "good", "excellent", "bonus"}).value_or("");
        r.position = i.choice("position", positions).value_or("");
        r.amount_yuan = i.integer("amount", {.min = -1'000'000, .max = 1'000'000}).value_or(0);
        if (!r.outcome.empty() && !r.position.empty() && !seen.insert({r.outcome, r.position}).second)
          i.fail("position", "is listed twice for this outcome");
      });
      rewards.push_back(r);
    }
  }
  if (!errors.empty()) core::throw_invalid("invalid request", errors);
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    const auto before = settings_json(s);
    db::Query(s,
              "UPDATE inspection_setting SET fail_below_centi = :f, excellent_above_centi = :e, "
              "bonus_from_centi = :b, recurrence_days = :d, updated_at = :u WHERE id = 1")
        .bind("f", (ll)g.fail_below_centi)
        .bind("e", (ll)g.excellent_above_centi)
        .bind("b", (ll)g.bonus_from_centi)
        .bind("d", (ll)days)
        .bind("u", (ll)now)
        .exec();
    db::Query(s, "DELETE FROM inspection_reward_rule").exec();
    for (const auto& r : rewards)
      db::Query(s,
                "INSERT INTO inspection_reward_rule (outcome, position, amount_yuan) VALUES (:o, "
                ":p, :a)")
          .bind("o", r.outcome)
          .bind("p", r.position)
          .bind("a", (ll)r.amount_yuan)
          .exec();
    auto out = settings_json(s);
    repo::audit(s, ctx, now, std::nullopt, "inspection_setting", 1, "update", before, out);
    return out;
  });
}

}  // namespace steward::inspections
