#include "modules/exports_jobs/export_lists.hpp"

namespace steward::exports_jobs {
namespace {

using exports::Cell;

const std::map<std::string, std::string> kKinds = {
    {"repair", "报修"}, {"complaint", "投诉"}, {"consultation", "咨询"}, {"suggestion", "建议"}, {"praise", "表扬"}};
const std::map<std::string, std::string> kStatuses = {
    {"registered", "已登记"}, {"dispatched", "已派单"}, {"accepted", "已接单"}, {"in_progress", "处理中"},
    {"waiting", "等待中"},    {"completed", "已完成"},  {"visited", "已回访"},  {"closed", "已关闭"},
    {"cancelled", "已取消"}};
const std::map<std::string, std::string> kRectStatuses = {
    {"open", "待整改"}, {"done", "待验证"}, {"verified", "已验证"}, {"rejected", "已驳回"}};
const std::map<std::string, std::string> kCustomerKinds = {
    {"owner", "业主"}, {"tenant", "租户"}, {"family", "家属"}};

// A name column: masked for a caller who may not see customers' contact data.
Column name_column(std::string header, const std::string& pointer, const core::Actor& actor) {
  Column c = column(std::move(header), pointer);
  if (actor.can("customer.view_contact")) return c;
  auto read = c.cell;
  c.cell = [read](const nlohmann::json& item) {
    Cell v = read(item);
    if (v.kind == Cell::Kind::text) v.text = mask_name(v.text);
    return v;
  };
  return c;
}

}  // namespace

std::string mask_name(const std::string& name) {
  if (name.empty()) return name;
  std::size_t first = 1;
  const auto lead = static_cast<unsigned char>(name[0]);
  if (lead >= 0xF0) first = 4;
  else if (lead >= 0xE0) first = 3;
  else if (lead >= 0xC0) first = 2;
  std::size_t rest = 0;
  for (std::size_t k = first; k < name.size(); ++k)
    if ((static_cast<unsigned char>(name[k]) & 0xC0) != 0x80) ++rest;
  return name.substr(0, std::min(first, name.size())) + std::string(rest, '*');
}

Column column(std::string header, const std::string& pointer, std::map<std::string, std::string> names) {
  const nlohmann::json::json_pointer ptr(pointer);
  return {std::move(header), [ptr, names = std::move(names)](const nlohmann::json& item) {
            if (!item.contains(ptr)) return exports::empty();
            const auto& v = item.at(ptr);
            if (v.is_string()) {
              const auto s = v.get<std::string>();
              const auto it = names.find(s);
              return exports::text(it == names.end() ? s : it->second);
            }
            if (v.is_boolean()) return exports::text(v.get<bool>() ? "是" : "否");
            if (v.is_number()) return exports::number(v.get<double>());
            return exports::empty();
          }};
}

std::map<std::string, ListSource> standard_lists(const work_orders::WorkOrderService& orders,
                                                 const inspections::InspectionService& inspections,
                                                 const org::OrgModule& org) {
  std::map<std::string, ListSource> out;
  out["work_orders"] = {
      "工单登记簿",
      [](const core::Actor& a) {
        return std::vector<Column>{
            column("工单号", "/code"),           column("项目", "/projectCode"),
            column("类型", "/kind", kKinds),     column("类别", "/category"),
            column("状态", "/status", kStatuses), column("标题", "/title"),
            column("房屋", "/unitLabel"),        column("位置", "/location"),
            name_column("客户", "/customerName", a), name_column("报事人", "/reporterName", a),
            column("报事人电话", "/reporterPhone"), column("渠道", "/channel"),
            column("处理人", "/assigneeName"),   column("班组", "/teamName"),
            column("登记时间", "/reportedAt"),   column("完成时间", "/completedAt"),
            column("关闭时间", "/closedAt"),     column("超时", "/overdue"),
            column("满意度", "/satisfaction"),  column("处理结果", "/result")};
      },
      [&orders](const core::Actor& a, const core::Params& q) { return orders.list(a, q); }};
  out["rectifications"] = {
      "整改清单",
      [](const core::Actor&) {
        return std::vector<Column>{
            column("项目", "/projectName"),      column("来源", "/source", {{"inspection", "品质检查"}, {"patrol", "巡检"}}),
            column("检查日期", "/inspectionDay"), column("对象", "/target/name"),
            column("条款", "/item/code"),        column("条款名称", "/item/name"),
            column("扣分", "/deducted"),         column("问题", "/finding"),
            column("整改要求", "/requirement"),  column("责任人", "/responsible/name"),
            column("截止日期", "/deadline"),     column("状态", "/status", kRectStatuses),
            column("逾期", "/overdue"),          column("重复问题", "/recurring"),
            column("整改说明", "/evidence"),     column("完成时间", "/doneAt"),
            column("验证时间", "/verifiedAt")};
      },
      [&inspections](const core::Actor& a, const core::Params& q) { return inspections.list_rectifications(a, q); }};
  out["customers"] = {
      "客户名册",
      [](const core::Actor& a) {
        return std::vector<Column>{column("房屋", "/unitLabel"), name_column("姓名", "/name", a),
                                   column("身份", "/kind", kCustomerKinds), column("电话", "/phone"),
                                   column("证件号", "/idNumber"), column("重点客户", "/keyCustomer"),
                                   column("备注", "/note")};
      },
      [&org](const core::Actor& a, const core::Params& q) { return org.customers.list(a, q); }};
  return out;
}

}  // namespace steward::exports_jobs
