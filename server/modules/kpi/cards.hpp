#pragma once
// A target's card: the figure of a month, its colour, the 12-month trend and the list behind it.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/params.hpp"
#include "modules/kpi/figures.hpp"
#include "modules/kpi/targets.hpp"

namespace steward::kpi {

nlohmann::json figure_json(const TargetDef& def, const Target& t, const Figure& f);
nlohmann::json card_json(const TargetDef& def, const Target& t, const ProjectInfo& p,
                         const Figures& figures, const std::vector<std::string>& months);
// The month asked for (?month=YYYY-MM) or the current one in +08:00.
std::string month_param(const core::Params& q, std::int64_t now, int offset);

}  // namespace steward::kpi
