#include "modules/inspections/inspection_view.hpp"

#include <map>

#include "core/error.hpp"
#include "core/time.hpp"
#include "json/output.hpp"
#include "modules/inspections/inspection_photos.hpp"
#include "modules/inspections/inspection_repo.hpp"

namespace steward::inspections::view {
namespace {

using ll = long long;

struct Recorded {
  std::int64_t id = 0;
  Finding finding;
  std::int64_t deduct_centi = 0;
  std::string note;
  bool recurring = false;
  std::optional<std::int64_t> rectification_id;
  nlohmann::json photos = nlohmann::json::array();
};

std::map<std::int64_t, Recorded> deductions(db::Session& s, std::int64_t id) {
  std::map<std::int64_t, Recorded> out;
  for (const auto& r : db::Query(s,
                                 "SELECT d.*, rc.id AS rectification_id FROM inspection_deduction "
                                 "d LEFT JOIN rectification rc ON rc.deduction_id = d.id WHERE "
                                 "d.inspection_id = :i")
                           .bind("i", (ll)id)
                           .all()) {
    Recorded rec;
    rec.id = r.i64("id");
    for (const auto& a : nlohmann::json::parse(r.str("amounts")))
      rec.finding.amounts_centi.push_back(a.get<std::int64_t>());
    rec.finding.occurrences = r.i64("occurrences");
    rec.finding.failed = r.flag("failed");
    rec.deduct_centi = r.i64("deduct_centi");
    rec.note = r.str("note");
    rec.recurring = r.flag("recurring");
    rec.rectification_id = r.opt_i64("rectification_id");
    out[r.i64("item_id")] = rec;
  }
  if (out.empty()) return out;
  std::map<std::int64_t, nlohmann::json> photos;  // deduction id -> its photos, oldest first
  for (const auto& p : db::Query(s, "SELECT * FROM inspection_photo WHERE inspection_id = :i AND "
                                    "deduction_id IS NOT NULL ORDER BY id")
                           .bind("i", (ll)id)
                           .all())
    photos[*p.opt_i64("deduction_id")].push_back(inspection_photo_json(p));
  for (auto& [item, rec] : out)
    if (auto p = photos.find(rec.id); p != photos.end()) rec.photos = p->second;
  return out;
}

std::string iso(std::optional<std::int64_t> t) {
  return t ? core::format_iso8601(*t) : std::string();
}

}  // namespace

std::string visible(const core::Actor& actor, const std::string& a) {
  if (actor.all_projects) return "";
  return " AND (" + a + ".project_id IN (" +
         db::id_list({actor.project_ids.begin(), actor.project_ids.end()}) +
         ") OR EXISTS (SELECT 1 FROM inspection_inspector vi WHERE vi.inspection_id = " + a +
         ".id AND vi.user_id = " + std::to_string(actor.user_id) + "))";
}

std::optional<db::Row> find(db::Session& s, const core::Actor& actor, std::int64_t id) {
  return db::Query(s, select_sql() + " WHERE i.id = :id" + visible(actor, "i"))
      .bind("id", (ll)id)
      .one();
}

bool is_inspector(db::Session& s, const core::Actor& actor, std::int64_t id) {
  return db::Query(s, "SELECT user_id FROM inspection_inspector WHERE inspection_id = :i AND "
                      "user_id = :u")
      .bind("i", (ll)id)
      .bind("u", (ll)actor.user_id)
      .one()
      .has_value();
}

void require_inspector(db::Session& s, const core::Actor& actor, std::int64_t id) {
  if (actor.can("inspection.manage") || is_inspector(s, actor, id)) return;
  throw core::AppError(core::ErrorKind::forbidden, "inspection.not_inspector",
                       "only this inspection's inspectors may record or submit it");
}

Scored score(db::Session& s, std::int64_t id) {
  Scored out;
  const auto recorded = deductions(s, id);
  std::vector<Weighted> parts;
  for (const auto& ir : db::Query(s, "SELECT rubric_id, weight_bp FROM inspection_rubric WHERE "
                                     "inspection_id = :i ORDER BY position")
                            .bind("i", (ll)id)
                            .all()) {
    const auto rubric = repo::load_rubric(s, ir.i64("rubric_id"));
    RubricScore rs;
    rs.rubric_id = rubric->id;
    rs.weight_bp = ir.i64("weight_bp");
    for (const auto& sec : rubric->sections)
      for (const auto& it : sec.items) {
        rs.max_centi += it.item.max_centi;
        auto d = recorded.find(it.id);
        rs.raw_centi += d == recorded.end() ? it.item.max_centi : item_score_centi(it.item, d->second.finding);
      }
    rs.score_centi = scale_to_100(rs.raw_centi, rs.max_centi);
    parts.push_back({rs.score_centi, rs.weight_bp});
    out.rubrics.push_back(rs);
  }
  out.composite_centi = composite_centi(parts);
  return out;
}

nlohmann::json inspection(db::Session& s, const core::Actor& actor, std::int64_t id) {
  auto row = find(s, actor, id);
  if (!row) core::throw_not_found("inspection");
  const auto recorded = deductions(s, id);
  const auto scored = score(s, id);
  const auto grades = repo::grade_rules(s);
  nlohmann::json rubrics = nlohmann::json::array();
  std::size_t found = 0;
  for (const auto& rs : scored.rubrics) {
    const auto rubric = repo::load_rubric(s, rs.rubric_id);
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& sec : rubric->sections) {
      std::int64_t max = 0, raw = 0;
      nlohmann::json items = nlohmann::json::array();
      for (const auto& it : sec.items) {
        auto j = repo::item_json(it);
        auto d = recorded.find(it.id);
        const auto item_score =
            d == recorded.end() ? it.item.max_centi : item_score_centi(it.item, d->second.finding);
        j["score"] = repo::points(item_score);
        if (d == recorded.end()) {
          j["deduction"] = nullptr;
        } else {
          ++found;
          const auto& r = d->second;
          nlohmann::json amounts = nlohmann::json::array();
          for (auto a : r.finding.amounts_centi) amounts.push_back(repo::points(a));
          j["deduction"] = {{"id", r.id},
                            {"amounts", amounts},
                            {"occurrences", r.finding.occurrences},
                            {"failed", r.finding.failed},
                            {"deducted", repo::points(r.deduct_centi)},
                            {"note", r.note},
                            {"recurring", r.recurring},
                            {"rectificationId", json::or_null(r.rectification_id)},
                            {"photos", r.photos}};
        }
        max += it.item.max_centi;
        raw += item_score;
        items.push_back(j);
      }
      sections.push_back({{"id", sec.id},
                          {"name", sec.name},
                          {"max", repo::points(max)},
                          {"raw", repo::points(raw)},
                          {"score", repo::points(scale_to_100(raw, max))},
                          {"items", items}});
    }
    rubrics.push_back({{"id", rubric->id},
                       {"code", rubric->code},
                       {"version", rubric->version},
                       {"name", rubric->name},
                       {"weight", repo::points(rs.weight_bp)},
                       {"max", repo::points(rs.max_centi)},
                       {"raw", repo::points(rs.raw_centi)},
                       {"score", repo::points(rs.score_centi)},
                       {"sections", sections}});
  }
  const bool submitted = row->str("status") == "submitted";
  const auto composite = submitted ? row->i64("score_centi") : scored.composite_centi;
  nlohmann::json inspectors = nlohmann::json::array();
  for (const auto& u : db::Query(s, "SELECT u.id, u.display_name FROM inspection_inspector ii JOIN "
                                    "app_user u ON u.id = ii.user_id WHERE ii.inspection_id = :i "
                                    "ORDER BY u.id")
                           .bind("i", (ll)id)
                           .all())
    inspectors.push_back({{"userId", u.i64("id")}, {"name", u.str("display_name")}});
  nlohmann::json pays = nlohmann::json::array();
  for (const auto& p : db::Query(s, "SELECT * FROM inspection_payment WHERE inspection_id = :i "
                                    "ORDER BY id")
                           .bind("i", (ll)id)
                           .all())
    pays.push_back({{"staffId", json::or_null(p.opt_i64("staff_id"))},
                    {"name", p.str("name")},
                    {"position", p.str("position")},
                    {"outcome", p.str("outcome")},
                    {"amount", p.i64("amount_yuan")}});
  return {{"id", id},
          {"projectId", row->i64("project_id")},
          {"projectName", row->str("project_name")},
          {"scheme", {{"id", row->i64("scheme_id")}, {"name", row->str("scheme_name")}}},
          {"kind", row->str("kind")},
          {"target", {{"kind", row->str("target_kind")}, {"id", row->i64("target_id")}, {"name", row->str("target_name")}}},
          {"method", row->str("method")},
          {"day", row->str("day")},
          {"status", row->str("status")},
          {"note", row->str("note")},
          {"inspectors", inspectors},
          {"deductionCount", found},
          {"score", repo::points(composite)},
          {"grade", submitted ? row->str("grade") : to_string(grade(composite, grades))},
          {"bonus", submitted ? row->flag("bonus") : earns_bonus(composite, grades)},
          {"rubrics", rubrics},
          {"payments", pays},
          {"submittedAt", submitted ? nlohmann::json(iso(row->opt_i64("submitted_at"))) : nlohmann::json()},
          {"createdAt", iso(row->i64("created_at"))}};
}

std::string select_sql() {
  return "SELECT i.*, p.name AS project_name, sc.name AS scheme_name FROM inspection i JOIN "
         "project p ON p.id = i.project_id JOIN inspection_scheme sc ON sc.id = i.scheme_id";
}

std::vector<nlohmann::json> summaries(db::Session& s, const std::vector<db::Row>& rows) {
  std::vector<nlohmann::json> out;
  if (rows.empty()) return out;
  std::vector<long long> ids;
  for (const auto& r : rows) ids.push_back(r.i64("id"));
  const auto in_ids = db::id_list(ids);
  const auto grades = repo::grade_rules(s);
  // Five queries for the whole page, whatever its length.
  std::map<std::int64_t, nlohmann::json> inspectors, pays;
  for (const auto& u : db::Query(s, "SELECT ii.inspection_id, u.id, u.display_name FROM "
                                    "inspection_inspector ii JOIN app_user u ON u.id = ii.user_id "
                                    "WHERE ii.inspection_id IN (" + in_ids + ") ORDER BY u.id")
                           .all())
    inspectors[u.i64("inspection_id")].push_back({{"userId", u.i64("id")}, {"name", u.str("display_name")}});
  for (const auto& p : db::Query(s, "SELECT * FROM inspection_payment WHERE inspection_id IN (" +
                                        in_ids + ") ORDER BY id")
                           .all())
    pays[p.i64("inspection_id")].push_back({{"staffId", json::or_null(p.opt_i64("staff_id"))},
                                            {"name", p.str("name")},
                                            {"position", p.str("position")},
                                            {"outcome", p.str("outcome")},
                                            {"amount", p.i64("amount_yuan")}});
  struct Part {
    std::int64_t rubric_id, weight_bp;
    std::string code;
    std::int64_t version;
  };
  std::map<std::int64_t, std::vector<Part>> parts;
  std::vector<long long> rubric_ids;
  for (const auto& r : db::Query(s, "SELECT ir.inspection_id, ir.rubric_id, ir.weight_bp, r.code, "
                                    "r.version FROM inspection_rubric ir JOIN rubric r ON r.id = "
                                    "ir.rubric_id WHERE ir.inspection_id IN (" + in_ids +
                                    ") ORDER BY ir.inspection_id, ir.position")
                           .all()) {
    parts[r.i64("inspection_id")].push_back(
        {r.i64("rubric_id"), r.i64("weight_bp"), r.str("code"), r.i64("version")});
    rubric_ids.push_back(r.i64("rubric_id"));
  }
  std::map<std::int64_t, std::vector<std::pair<std::int64_t, Item>>> items;  // rubric -> items
  if (!rubric_ids.empty())
    for (const auto& it : db::Query(s, "SELECT * FROM rubric_item WHERE rubric_id IN (" +
                                           db::id_list(rubric_ids) + ") ORDER BY position")
                              .all()) {
      Item item;
      item.max_centi = it.i64("max_centi");
      item.check_points = it.i64("check_points");
      item.rule = {rule_kind(it.str("rule")).value_or(RuleKind::range), it.i64("min_centi"),
                   it.i64("max_deduct_centi"), it.i64("fixed_centi")};
      items[it.i64("rubric_id")].emplace_back(it.i64("id"), item);
    }
  std::map<std::int64_t, std::map<std::int64_t, Finding>> findings;  // inspection -> item -> finding
  for (const auto& d : db::Query(s, "SELECT inspection_id, item_id, amounts, occurrences, failed "
                                    "FROM inspection_deduction WHERE inspection_id IN (" + in_ids + ")")
                           .all()) {
    Finding f;
    for (const auto& a : nlohmann::json::parse(d.str("amounts"))) f.amounts_centi.push_back(a.get<std::int64_t>());
    f.occurrences = d.i64("occurrences");
    f.failed = d.flag("failed");
    findings[d.i64("inspection_id")][d.i64("item_id")] = f;
  }
  for (const auto& row : rows) {
    const auto id = row.i64("id");
    const auto& found = findings[id];
    std::size_t count = 0;
    nlohmann::json rubrics = nlohmann::json::array();
    std::vector<Weighted> weighted;
    for (const auto& part : parts[id]) {
      std::int64_t raw = 0, max = 0;
      for (const auto& [item_id, item] : items[part.rubric_id]) {
        max += item.max_centi;
        auto f = found.find(item_id);
        if (f != found.end()) ++count;
        raw += f == found.end() ? item.max_centi : item_score_centi(item, f->second);
      }
      const auto score = scale_to_100(raw, max);
      weighted.push_back({score, part.weight_bp});
      rubrics.push_back({{"id", part.rubric_id}, {"code", part.code}, {"version", part.version},
                         {"weight", repo::points(part.weight_bp)}, {"score", repo::points(score)}});
    }
    const bool submitted = row.str("status") == "submitted";
    const auto composite = submitted ? row.i64("score_centi") : composite_centi(weighted);
    out.push_back({{"id", id},
                   {"projectId", row.i64("project_id")},
                   {"projectName", row.str("project_name")},
                   {"scheme", {{"id", row.i64("scheme_id")}, {"name", row.str("scheme_name")}}},
                   {"kind", row.str("kind")},
                   {"target", {{"kind", row.str("target_kind")}, {"id", row.i64("target_id")}, {"name", row.str("target_name")}}},
                   {"method", row.str("method")},
                   {"day", row.str("day")},
                   {"status", row.str("status")},
                   {"note", row.str("note")},
                   {"inspectors", inspectors.count(id) ? inspectors[id] : nlohmann::json::array()},
                   {"deductionCount", count},
                   {"score", repo::points(composite)},
                   {"grade", submitted ? row.str("grade") : to_string(grade(composite, grades))},
                   {"bonus", submitted ? row.flag("bonus") : earns_bonus(composite, grades)},
                   {"payments", pays.count(id) ? pays[id] : nlohmann::json::array()},
                   {"submittedAt", submitted ? nlohmann::json(iso(row.opt_i64("submitted_at"))) : nlohmann::json()},
                   {"createdAt", iso(row.i64("created_at"))},
                   {"rubrics", rubrics}});
  }
  return out;
}

nlohmann::json summary_of(const nlohmann::json& inspection) {
  nlohmann::json out = inspection;
  out.erase("rubrics");
  out["rubrics"] = nlohmann::json::array();
  for (const auto& r : inspection["rubrics"])
    out["rubrics"].push_back({{"id", r["id"]}, {"code", r["code"]}, {"version", r["version"]},
                              {"weight", r["weight"]}, {"score", r["score"]}});
  return out;
}

}  // namespace steward::inspections::view
