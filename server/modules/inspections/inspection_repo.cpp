#include "modules/inspections/inspection_repo.hpp"

#include "core/time.hpp"
#include "modules/audit/audit.hpp"

namespace steward::inspections::repo {
namespace {
using ll = long long;
}

std::string scope(const core::Actor& actor, const std::string& alias) {
  if (actor.all_projects) return "";
  return " AND " + alias + ".project_id IN (" +
         db::id_list({actor.project_ids.begin(), actor.project_ids.end()}) + ")";
}

std::optional<Rubric> load_rubric(db::Session& s, std::int64_t id) {
  auto row = db::Query(s, "SELECT * FROM rubric WHERE id = :id").bind("id", (ll)id).one();
  if (!row) return std::nullopt;
  Rubric r;
  r.id = id;
  r.code = row->str("code");
  r.version = row->i64("version");
  r.name = row->str("name");
  r.source = row->str("source");
  r.max_centi = row->i64("max_centi");
  r.built_in = row->flag("built_in");
  r.latest = row->flag("latest");
  for (const auto& sec :
       db::Query(s, "SELECT id, name FROM rubric_section WHERE rubric_id = :r ORDER BY position")
           .bind("r", (ll)id)
           .all())
    r.sections.push_back({sec.i64("id"), sec.str("name"), {}});
  for (const auto& it :
       db::Query(s, "SELECT * FROM rubric_item WHERE rubric_id = :r ORDER BY position")
           .bind("r", (ll)id)
           .all()) {
    RubricItem ri;
    ri.id = it.i64("id");
    ri.item.code = it.str("code");
    ri.item.name = it.str("name");
    ri.item.standard = it.str("standard");
    ri.item.max_centi = it.i64("max_centi");
    ri.item.check_points = it.i64("check_points");
    ri.item.rule = {rule_kind(it.str("rule")).value_or(RuleKind::range), it.i64("min_centi"),
                    it.i64("max_deduct_centi"), it.i64("fixed_centi")};
    for (auto& sec : r.sections)
      if (sec.id == it.i64("section_id")) sec.items.push_back(ri);
  }
  return r;
}

std::int64_t insert_rubric(db::Session& s, const Rubric& r, std::optional<std::int64_t> by,
                           std::int64_t now) {
  const auto max = max_of(r);
  const auto id = db::Query(s,
                            "INSERT INTO rubric (code, version, name, source, max_centi, built_in, "
                            "latest, created_by, created_at, updated_at) VALUES (:code, :v, :name, "
                            ":src, :max, :b, 1, :by, :c, :u) RETURNING id")
                      .bind("code", r.code)
                      .bind("v", (ll)r.version)
                      .bind("name", r.name)
                      .bind("src", r.source)
                      .bind("max", (ll)max)
                      .bind("b", r.built_in)
                      .bind("by", by ? std::optional<ll>(*by) : std::nullopt)
                      .bind("c", (ll)now)
                      .bind("u", (ll)now)
                      .scalar();
  insert_contents(s, id, r);
  return id;
}

std::int64_t max_of(const Rubric& r) {
  std::int64_t max = 0;
  for (const auto& sec : r.sections)
    for (const auto& it : sec.items) max += it.item.max_centi;
  return max;
}

void insert_contents(db::Session& s, std::int64_t id, const Rubric& r) {
  ll sec_pos = 0, item_pos = 0;
  for (const auto& sec : r.sections) {
    const auto sid = db::Query(s,
                               "INSERT INTO rubric_section (rubric_id, position, name) VALUES "
                               "(:r, :p, :n) RETURNING id")
                         .bind("r", (ll)id)
                         .bind("p", ++sec_pos)
                         .bind("n", sec.name)
                         .scalar();
    for (const auto& it : sec.items)
      db::Query(s,
                "INSERT INTO rubric_item (rubric_id, section_id, position, code, name, standard, "
                "max_centi, check_points, rule, min_centi, max_deduct_centi, fixed_centi) VALUES "
                "(:r, :s, :p, :code, :name, :std, :max, :cp, :rule, :min, :maxd, :fixed)")
          .bind("r", (ll)id)
          .bind("s", (ll)sid)
          .bind("p", ++item_pos)
          .bind("code", it.item.code)
          .bind("name", it.item.name)
          .bind("std", it.item.standard)
          .bind("max", (ll)it.item.max_centi)
          .bind("cp", (ll)it.item.check_points)
          .bind("rule", to_string(it.item.rule.kind))
          .bind("min", (ll)it.item.rule.min_centi)
          .bind("maxd", (ll)it.item.rule.max_centi)
          .bind("fixed", (ll)it.item.rule.fixed_centi)
          .exec();
  }
}

bool rubric_used(db::Session& s, std::int64_t id) {
  return db::Query(s, "SELECT rubric_id FROM inspection_rubric WHERE rubric_id = :r")
             .bind("r", (ll)id)
             .one()
             .has_value() ||
         db::Query(s, "SELECT id FROM spot_check WHERE rubric_id = :r")  // a spot check's rubric
             .bind("r", (ll)id)
             .one()
             .has_value();
}

nlohmann::json item_json(const RubricItem& ri) {
  const auto& i = ri.item;
  nlohmann::json j = {{"id", ri.id},          {"code", i.code},
                      {"name", i.name},       {"standard", i.standard},
                      {"max", points(i.max_centi)}, {"rule", to_string(i.rule.kind)}};
  if (i.rule.kind == RuleKind::range) {
    j["checkPoints"] = i.check_points;
    j["deductMin"] = points(i.rule.min_centi);
    j["deductMax"] = points(i.rule.max_centi);
  } else if (i.rule.kind == RuleKind::per_occurrence) {
    j["deductEach"] = points(i.rule.fixed_centi);
  }
  return j;
}

nlohmann::json rubric_json(const Rubric& r, bool used) {
  nlohmann::json sections = nlohmann::json::array();
  std::size_t items = 0;
  for (const auto& sec : r.sections) {
    nlohmann::json list = nlohmann::json::array();
    std::int64_t max = 0;
    for (const auto& it : sec.items) {
      list.push_back(item_json(it));
      max += it.item.max_centi;
    }
    items += sec.items.size();
    sections.push_back({{"id", sec.id}, {"name", sec.name}, {"max", points(max)}, {"items", list}});
  }
  return {{"id", r.id},           {"code", r.code},         {"version", r.version},
          {"name", r.name},       {"source", r.source},     {"max", points(r.max_centi)},
          {"builtIn", r.built_in}, {"latest", r.latest},    {"used", used},
          {"itemCount", items},   {"sections", sections}};
}

std::optional<std::int64_t> day_start(const std::string& day) {
  if (day.size() != 10 || day[4] != '-' || day[7] != '-') return std::nullopt;
  auto t = core::parse_iso8601(day + "T00:00:00Z");
  if (!t || day_of(*t) != day) return std::nullopt;  // 2026-02-30 does not come back the same
  return t;
}

std::string day_of(std::int64_t epoch_utc) { return core::format_iso8601(epoch_utc, 0).substr(0, 10); }

GradeRules grade_rules(db::Session& s) {
  auto r = db::Query(s, "SELECT * FROM inspection_setting WHERE id = 1").one();
  if (!r) return {};
  return {r->i64("fail_below_centi"), r->i64("excellent_above_centi"), r->i64("bonus_from_centi")};
}

std::int64_t recurrence_days(db::Session& s) {
  auto r = db::Query(s, "SELECT recurrence_days FROM inspection_setting WHERE id = 1").one();
  return r ? r->i64("recurrence_days") : 90;
}

std::vector<RewardRule> reward_rules(db::Session& s) {
  std::vector<RewardRule> out;
  // In the order of kPositions within fail, excellent, bonus (the order of the seed's table).
  for (const auto& r : db::Query(s,
                                 "SELECT * FROM inspection_reward_rule ORDER BY CASE outcome WHEN "
                                 "'fail' THEN 1 WHEN 'good' THEN 2 WHEN 'excellent' THEN 3 ELSE 4 "
                                 "END, CASE position WHEN 'project_manager' THEN 1 WHEN "
                                 "'deputy_manager' THEN 2 WHEN 'department_head' THEN 3 WHEN "
                                 "'team_leader' THEN 4 ELSE 5 END")
                           .all())
    out.push_back({r.str("outcome"), r.str("position"), r.i64("amount_yuan")});
  return out;
}

void audit(db::Session& s, const core::Context& ctx, std::int64_t now,
           std::optional<std::int64_t> project_id, const std::string& entity, std::int64_t id,
           const std::string& action, const nlohmann::json& before, const nlohmann::json& after) {
  audit::record(s, ctx, now, {project_id, entity, id, action, before, after});
}

}  // namespace steward::inspections::repo
