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
const std::map<std::string, std::string> kInspectionKinds = {
    {"inspection", "品质检查"}, {"self_check", "自查"}, {"mutual_check", "互查"}};
const std::map<std::string, std::string> kMethods = {
    {"open", "明查"},           {"unannounced", "暗访"}, {"mystery_shopper", "神秘客户"},
    {"questioning", "岗位询问"}, {"callback", "客户回访"}, {"written_test", "笔试"}};
const std::map<std::string, std::string> kTargets = {
    {"project", "项目"}, {"zone", "园区"}, {"team", "班组"}, {"person", "个人"}};
const std::map<std::string, std::string> kInspectionStatuses = {{"open", "检查中"}, {"submitted", "已提交"}};
const std::map<std::string, std::string> kGrades = {{"fail", "不及格"}, {"good", "良好"}, {"excellent", "优秀"}};
const std::map<std::string, std::string> kSpotGrades = {{"fail", "不合格"}, {"good", "良好"}, {"excellent", "优秀"}};
const std::map<std::string, std::string> kPlacements = {{"done", "按时"}, {"late", "迟检"}, {"unscheduled", "计划外"}};
const std::map<std::string, std::string> kAlarmStatuses = {{"open", "未解除"}, {"closed", "已解除"}};

std::string text_of(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

// The texts of an array's elements joined by `separator`.
std::string joined(const nlohmann::json& items, const std::function<std::string(const nlohmann::json&)>& one,
                   const std::string& separator) {
  std::string out;
  if (!items.is_array()) return out;
  for (const auto& item : items) {
    const auto text = one(item);
    if (text.empty()) continue;
    if (!out.empty()) out += separator;
    out += text;
  }
  return out;
}

// One patrol result as the checks page shows it: 水温：28.5 ℃ (26–30)（note）, 消防通道：不正常.
std::string patrol_result(const nlohmann::json& r) {
  std::string answer;
  if (r.value("kind", "") == "reading") {
    answer = text_of(r.value("value", nlohmann::json())) + " " + r.value("unit", "");
    const auto low = r.value("low", nlohmann::json()), high = r.value("high", nlohmann::json());
    if (!low.is_null() || !high.is_null())
      answer += " (" + (low.is_null() ? std::string("…") : text_of(low)) + "–" + (high.is_null() ? std::string("…") : text_of(high)) + ")";
    if (r.value("withinLimits", nlohmann::json()) == false) answer += " 超出标准";
  } else {
    const auto ok = r.value("ok", nlohmann::json());
    answer = ok.is_null() ? "" : ok.get<bool>() ? "正常" : "不正常";
  }
  std::string out = r.value("label", "") + "：" + answer;
  const auto note = r.value("note", nlohmann::json());
  if (note.is_string() && !note.get<std::string>().empty()) out += "（" + note.get<std::string>() + "）";
  return out;
}

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

Column time_column(std::string header, const std::string& pointer) {
  const nlohmann::json::json_pointer ptr(pointer);
  return {std::move(header), [ptr](const nlohmann::json& item) {
            if (!item.contains(ptr) || !item.at(ptr).is_string()) return exports::empty();
            return exports::when(item.at(ptr).get<std::string>());
          }};
}

Column text_column(std::string header, std::function<std::string(const nlohmann::json& item)> text) {
  return {std::move(header), [text = std::move(text)](const nlohmann::json& item) { return exports::text(text(item)); }};
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

std::map<std::string, ListSource> standard_lists(const ListServices& services) {
  const auto& orders = services.orders;
  const auto& inspections = services.inspections;
  const auto& org = services.org;
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
            time_column("登记时间", "/reportedAt"),   time_column("完成时间", "/completedAt"),
            time_column("关闭时间", "/closedAt"),     column("超时", "/overdue"),
            column("满意度", "/satisfaction"),  column("处理结果", "/result")};
      },
      [&orders](const core::Actor& a, const core::Params& q) { return orders.list(a, q); }};
  out["rectifications"] = {
      "整改清单",
      [](const core::Actor&) {
        return std::vector<Column>{
            column("项目", "/projectName"),      column("来源", "/source", {{"inspection", "品质检查"}, {"patrol", "巡检"}}),
            time_column("检查日期", "/inspectionDay"), column("对象", "/target/name"),
            column("条款", "/item/code"),        column("条款名称", "/item/name"),
            column("扣分", "/deducted"),         column("问题", "/finding"),
            column("整改要求", "/requirement"),  column("责任人", "/responsible/name"),
            time_column("截止日期", "/deadline"),     column("状态", "/status", kRectStatuses),
            column("逾期", "/overdue"),          column("重复问题", "/recurring"),
            column("整改说明", "/evidence"),     time_column("完成时间", "/doneAt"),
            time_column("验证时间", "/verifiedAt")};
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
  out["inspections"] = {
      "检查记录",
      [](const core::Actor&) {
        return std::vector<Column>{
            time_column("检查日期", "/day"),               column("项目", "/projectName"),
            column("检查对象", "/target/name"),       column("对象类型", "/target/kind", kTargets),
            column("检查类型", "/kind", kInspectionKinds), column("检查方式", "/method", kMethods),
            column("检查方案", "/scheme/name"),
            text_column("检查人", [](const nlohmann::json& i) {
              return joined(i.value("inspectors", nlohmann::json::array()),
                            [](const nlohmann::json& x) { return x.value("name", ""); }, "、");
            }),
            column("扣分项数", "/deductionCount"),    column("得分", "/score"),
            column("等级", "/grade", kGrades),        column("96分以上", "/bonus"),
            column("状态", "/status", kInspectionStatuses), time_column("提交时间", "/submittedAt"),
            column("备注", "/note")};
      },
      [&inspections](const core::Actor& a, const core::Params& q) { return inspections.list_inspections(a, q); }};
  out["spot_checks"] = {
      "员工抽查记录",
      [](const core::Actor&) {
        return std::vector<Column>{
            time_column("抽查时间", "/checkedAt"),  column("项目", "/projectName"),
            column("抽查类别", "/kindName"),   column("被抽查人", "/staff/name"),
            column("班组", "/staff/team"),     column("评分细则", "/rubric/name"),
            column("扣分", "/deducted"),       column("得分", "/score"),
            column("等级", "/grade", kSpotGrades), column("抽查人", "/checkedBy/name"),
            column("备注", "/note")};
      },
      [&spot = services.spot_checks](const core::Actor& a, const core::Params& q) { return spot.list(a, q); }};
  out["patrol_checks"] = {
      "巡检记录",
      [](const core::Actor&) {
        return std::vector<Column>{
            time_column("检查时间", "/madeAt"),        column("巡检点", "/checkpointName"),
            column("位置", "/place"),             column("巡检计划", "/planName"),
            column("检查人", "/madeBy/name"),     column("时段", "/placement", kPlacements),
            column("延迟上传", "/lateArrival"),   column("问题项数", "/notOk"),
            text_column("结果", [](const nlohmann::json& k) {
              return joined(k.value("results", nlohmann::json::array()), patrol_result, "；");
            }),
            column("备注", "/note")};
      },
      [&patrols = services.patrols](const core::Actor& a, const core::Params& q) { return patrols.list_checks(a, q); }};
  out["patrol_alarms"] = {
      "读数报警",
      [](const core::Actor&) {
        return std::vector<Column>{
            time_column("报警时间", "/raisedAt"),       column("巡检点", "/checkpointName"),
            column("指标", "/metric/name"),        column("读数", "/value"),
            column("单位", "/metric/unit"),        column("下限", "/low"),
            column("上限", "/high"),               column("状态", "/status", kAlarmStatuses),
            column("测量人", "/raisedBy"),
            text_column("处理记录", [](const nlohmann::json& a) {
              return joined(a.value("treatments", nlohmann::json::array()), [](const nlohmann::json& t) {
                auto at = t.value("at", "").substr(0, 16);
                if (at.size() > 10) at[10] = ' ';
                return at + " " + t.value("by", "") + "：" + t.value("note", "");
              }, "；");
            }),
            time_column("解除时间", "/closedAt"),       column("工单", "/workOrderId")};
      },
      [&patrols = services.patrols](const core::Actor& a, const core::Params& q) { return patrols.list_alarms(a, q); }};
  return out;
}

}  // namespace steward::exports_jobs
