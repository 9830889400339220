// The company's targets: defaults from the seeds (migration 0013), edited by admin and quality.
#include "core/error.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/kpi/figures.hpp"
#include "modules/kpi/kpi_service.hpp"
#include "modules/kpi/targets.hpp"

namespace steward::kpi {
namespace {

using ll = long long;

nlohmann::json target_json(const TargetDef& d, const Target& t) {
  return {{"code", d.code}, {"name", d.name_zh}, {"nameEn", d.name_en}, {"unit", d.unit},
          {"target", t.target / 100.0}, {"amberMargin", t.amber_margin / 100.0}};
}

}  // namespace

nlohmann::json KpiService::targets(const core::Actor& actor) const {
  core::require(actor, "dashboard.read");
  return db_.read([&](db::Session& s) {
    const auto all = load_targets(s);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& d : target_defs()) items.push_back(target_json(d, all.at(d.code)));
    return nlohmann::json{{"items", items}, {"total", items.size()}};
  });
}

nlohmann::json KpiService::update_target(const core::Context& ctx, const std::string& code,
                                         const nlohmann::json& body) const {
  core::require(ctx.actor, "target.manage");
  const TargetDef* def = find_target(code);
  if (!def) core::throw_not_found("target");
  json::Input in(body, json::Input::Mode::update);
  const std::int64_t top = 10000;  // 100 % or 100 points
  const auto target = in.hundredths("target", {.required = false, .min = 0, .max = top});
  const auto margin = in.hundredths("amberMargin", {.required = false, .min = 0, .max = top});
  in.finish();
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    const Target before = load_targets(s).at(code);
    Target after = before;
    if (target) after.target = *target;
    if (margin) after.amber_margin = *margin;
    db::Query(s, "UPDATE kpi_target SET target = :t, amber_margin = :m, updated_by = :by, "
                 "updated_at = :now WHERE code = :c")
        .bind("t", (ll)after.target).bind("m", (ll)after.amber_margin)
        .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
        .bind("now", (ll)now).bind("c", code).exec();
    audit::record(s, ctx, now, {std::nullopt, "kpi_target", 0, "update",
                                target_json(*def, before), target_json(*def, after)});
    return target_json(*def, after);
  });
}

}  // namespace steward::kpi
