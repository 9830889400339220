#include "modules/kpi/cards.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/params.hpp"
#include "modules/kpi/rollup_rules.hpp"

namespace steward::kpi {
namespace {

// The list behind a card (web route and filters), for the month's registrations.
nlohmann::json link_of(const std::string& code, const ProjectInfo& p, const std::string& month) {
  nlohmann::json q{{"projectId", std::to_string(p.id)}, {"from", month + "-01"}, {"to", month_end(month)}};
  if (code == "inspection_score")
    return {{"path", "/inspections"}, {"query", {{"projectId", std::to_string(p.id)}}}};
  if (code == "handover_24h" || code == "valid_complaints_handled") q["kind"] = "complaint";
  if (code == "satisfaction" || code == "customers_called") q["status"] = "visited";
  if (code == "return_visit") q = {{"projectId", std::to_string(p.id)}, {"status", "completed"}};
  return {{"path", "/work-orders"}, {"query", q}};
}

}  // namespace

nlohmann::json figure_json(const TargetDef& def, const Target& t, const Figure& f) {
  nlohmann::json j{{"numerator", f.num}, {"denominator", f.den},
                   {"colour", colour_name(colour(t, def.unit, f.num, f.den))}};
  j["value"] = f.den > 0 ? nlohmann::json(figure(def.unit, f.num, f.den) / 100.0) : nlohmann::json();
  if (def.code == "handover_24h" || def.code == "return_visit" || def.code == "handled_12h" ||
      def.code == "valid_complaints_handled")
    j["overdueOpen"] = f.overdue;
  return j;
}

nlohmann::json card_json(const TargetDef& def, const Target& t, const ProjectInfo& p,
                         const Figures& figures, const std::vector<std::string>& months) {
  auto get = [&](const std::string& m) {
    auto it = figures.find({p.id, m});
    if (it == figures.end()) return Figure{};
    auto f = it->second.find(def.code);
    return f == it->second.end() ? Figure{} : f->second;
  };
  nlohmann::json trend = nlohmann::json::array();
  for (const auto& m : months) {
    auto j = figure_json(def, t, get(m));
    j["month"] = m;
    trend.push_back(j);
  }
  nlohmann::json card = figure_json(def, t, get(months.back()));
  card.update({{"code", def.code}, {"name", def.name_zh}, {"nameEn", def.name_en}, {"unit", def.unit},
               {"target", t.target / 100.0}, {"amberMargin", t.amber_margin / 100.0},
               {"month", months.back()}, {"trend", trend}, {"link", link_of(def.code, p, months.back())}});
  return card;
}

std::string month_param(const core::Params& q, std::int64_t now, int offset) {
  auto m = q.text("month");
  if (!m) return local_month(now, offset);
  const bool shape = m->size() == 7 && (*m)[4] == '-' &&
                     std::all_of(m->begin(), m->end(), [](char c) { return std::isdigit((unsigned char)c) || c == '-'; });
  const int month = shape ? std::stoi(m->substr(5, 2)) : 0;
  if (!shape || month < 1 || month > 12 || std::stoi(m->substr(0, 4)) < 2000)
    core::throw_invalid("query parameter month must be a month YYYY-MM",
                        {{"month", "must be a month YYYY-MM"}});
  return *m;
}

}  // namespace steward::kpi
