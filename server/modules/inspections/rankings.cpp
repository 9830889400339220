// Rankings (评比, DOMAIN I5): projects ranked by the mean composite score of their submitted
// inspections in a period (self-checks do not count), with the change from the previous period of
// the same length. With by=zone, zones instead: the inspections whose target is a zone.
#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "modules/inspections/inspection_repo.hpp"
#include "modules/inspections/inspection_service.hpp"

namespace steward::inspections {
namespace {

using ll = long long;

struct Standing {
  std::int64_t key = 0;  // the project's id, or the zone's
  std::int64_t project_id = 0;
  std::string name, project_name;
  std::int64_t score_centi = 0, count = 0, rank = 0;
};

std::vector<Standing> standings(db::Session& s, const core::Actor& actor, const std::string& from,
                                const std::string& to, std::optional<std::int64_t> scheme,
                                bool zones) {
  std::string sql =
      zones ? "SELECT i.target_id AS k, i.project_id, z.name, p.name AS project_name, "
              "SUM(i.score_centi) AS total, COUNT(*) AS n FROM inspection i JOIN zone z ON z.id = "
              "i.target_id JOIN project p ON p.id = i.project_id WHERE i.target_kind = 'zone' AND "
            : "SELECT i.project_id AS k, i.project_id, p.name, p.name AS project_name, "
              "SUM(i.score_centi) AS total, COUNT(*) AS n FROM inspection i JOIN project p ON p.id "
              "= i.project_id WHERE ";
  sql += "i.status = 'submitted' AND i.kind <> 'self_check' AND i.day >= :from AND i.day <= :to" +
         repo::scope(actor, "i");
  if (scheme) sql += " AND i.scheme_id = :scheme";
  sql += zones ? " GROUP BY i.target_id, i.project_id, z.name, p.name" : " GROUP BY i.project_id, p.name";
  db::Query q(s, sql);
  q.bind("from", from).bind("to", to);
  if (scheme) q.bind("scheme", (ll)*scheme);
  std::vector<Standing> out;
  for (const auto& r : q.all()) {
    const auto n = r.i64("n");
    // The mean, rounded half up to the hundredth.
    out.push_back({r.i64("k"), r.i64("project_id"), r.str("name"), r.str("project_name"),
                   (2 * r.i64("total") + n) / (2 * n), n, 0});
  }
  std::sort(out.begin(), out.end(), [](const Standing& a, const Standing& b) {
    if (a.score_centi != b.score_centi) return a.score_centi > b.score_centi;
    return a.project_name != b.project_name ? a.project_name < b.project_name : a.name < b.name;
  });
  for (std::size_t k = 0; k < out.size(); ++k)  // equal scores share a rank (1, 2, 2, 4)
    out[k].rank = k > 0 && out[k].score_centi == out[k - 1].score_centi ? out[k - 1].rank : (ll)k + 1;
  return out;
}

}  // namespace

nlohmann::json InspectionService::rankings(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "inspection.read");
  const auto from = query.text("from");
  const auto to = query.text("to");
  const auto scheme = query.id("schemeId");
  const auto by = query.text("by").value_or("project");
  core::ErrorDetails errors;
  if (by != "project" && by != "zone") errors.emplace("by", "must be one of: project, zone");
  // Parsed whatever was sent ("" is no date): built as `from ? day_start(*from) : std::nullopt`,
  // GCC could not see *f and *t below set (-Wmaybe-uninitialized).
  const auto f = repo::day_start(from.value_or(""));
  const auto t = repo::day_start(to.value_or(""));
  if (!f) errors.emplace("from", "is required: a date YYYY-MM-DD");
  if (!t) errors.emplace("to", "is required: a date YYYY-MM-DD");
  if (f && t && *t < *f) errors.emplace("to", "must not be before from");
  if (f && t && *t - *f > 366 * 86400) errors.emplace("to", "the period is at most a year");
  if (!errors.empty()) core::throw_invalid("invalid request", errors);
  const auto days = (*t - *f) / 86400 + 1;
  const auto prev_from = repo::day_of(*f - days * 86400);
  const auto prev_to = repo::day_of(*f - 86400);
  return db_.read([&](db::Session& s) {
    const bool zones = by == "zone";
    const auto now = standings(s, actor, *from, *to, scheme, zones);
    std::map<std::int64_t, Standing> before;
    for (const auto& st : standings(s, actor, prev_from, prev_to, scheme, zones)) before[st.key] = st;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& st : now) {
      nlohmann::json j = {{"rank", st.rank},
                          {"projectId", st.project_id},
                          {"projectName", st.project_name},
                          {"score", repo::points(st.score_centi)},
                          {"inspections", st.count},
                          {"previousRank", nullptr},
                          {"previousScore", nullptr},
                          {"change", nullptr},
                          {"rankChange", nullptr}};
      if (zones) {
        j["zoneId"] = st.key;
        j["zoneName"] = st.name;
      }
      auto p = before.find(st.key);
      if (p != before.end()) {
        j["previousRank"] = p->second.rank;
        j["previousScore"] = repo::points(p->second.score_centi);
        j["change"] = repo::points(st.score_centi - p->second.score_centi);
        j["rankChange"] = p->second.rank - st.rank;  // positive: moved up
      }
      items.push_back(j);
    }
    return nlohmann::json{{"by", by},
                          {"from", *from},
                          {"to", *to},
                          {"previousFrom", prev_from},
                          {"previousTo", prev_to},
                          {"items", items}};
  });
}

}  // namespace steward::inspections
