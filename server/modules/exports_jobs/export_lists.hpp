#pragma once
// The lists that export (issue 6 "Exports"), each read through its module's own list function
// with the filters on screen, so an export has exactly the rows, scope and masking of the list.
// Personal data: phones come masked from the lists for a caller without customer.view_contact;
// for such a caller the export also masks the names of owners and reporters (张**), which the
// screens show but a file carried away should not.
#include <map>
#include <string>

#include "modules/exports_jobs/export_service.hpp"
#include "modules/inspections/inspection_service.hpp"
#include "modules/inspections/spot_check_service.hpp"
#include "modules/org/org_module.hpp"
#include "modules/patrols/patrol_service.hpp"
#include "modules/work_orders/work_order_service.hpp"

namespace steward::exports_jobs {

// The services whose lists export.
struct ListServices {
  const work_orders::WorkOrderService& orders;
  const inspections::InspectionService& inspections;
  const inspections::SpotCheckService& spot_checks;
  const patrols::PatrolService& patrols;
  const org::OrgModule& org;
};

// "work_orders", "rectifications", "customers", "inspections", "patrol_checks", "patrol_alarms",
// "spot_checks".
std::map<std::string, ListSource> standard_lists(const ListServices& services);

// The first character of a name and one '*' for each of the others: 张三丰 -> 张**.
std::string mask_name(const std::string& name);

// A column reading a JSON pointer ("/responsible/name") of the item: strings as text, numbers
// as numbers, true/false as 是/否, null or absent as an empty cell; `names` translates codes.
Column column(std::string header, const std::string& pointer,
              std::map<std::string, std::string> names = {});

// A column of times read from the JSON's ISO texts (exports::when): "2026-12-02T18:57:28+08:00"
// is a date-time in the record's project's local time, "2026-12-02" a date, "2026-12" a month.
Column time_column(std::string header, const std::string& pointer);

// A column of texts made from the item (several fields in one cell, say).
Column text_column(std::string header, std::function<std::string(const nlohmann::json& item)> text);

}  // namespace steward::exports_jobs
