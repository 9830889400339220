#include "modules/inspections/spot_check_rules.hpp"

#include <cstdio>

namespace steward::inspections {
namespace {

// A standard the checker sees met or not; 10 points each (the seeds give none).
Item check(std::string code, std::string name, std::string standard) {
  return {std::move(code), std::move(name), std::move(standard), 1000, 0,
          {RuleKind::all_or_nothing, 0, 0, 0}};
}

SeedRubric phone() {
  return {"SPOT-PHONE",
          "电话接听礼仪抽查",
          "seed 000 (指挥中心, 电话接听礼仪): 7 standards, 每天不少于5次的抽查, 抽查结果与月度考核挂勾; "
          "the seed gives no points: 10 per standard (70), scored on 100 by scaling",
          7000,
          {{"电话接听礼仪",
            {check("PH-01", "态度亲切热情", "接线人员具备亲切热情的工作态度。"),
             check("PH-02", "心情喜悦", "接听时保持喜悦的心情。"),
             check("PH-03", "声音清晰明朗", "声音清晰明朗。"),
             check("PH-04", "接听迅速准确", "迅速准确的接听。"),
             check("PH-05", "了解来电目的", "了解来电的目的。"),
             check("PH-06", "记录认真清楚", "认真清楚的记录。"),
             check("PH-07", "礼貌用语", "挂电话前使用礼貌用语。")}}}};
}

SeedRubric morning_bi() {
  return {"SPOT-BI",
          "晨会BI行为规范检查",
          "seed 000 (客服组: 每天晨会进行BI检查、微笑服务的演示) with the standards of seed 001 "
          "(岗位形象, 服务意识); the seeds give no points: 10 per standard (80), scored on 100 by "
          "scaling",
          8000,
          {{"岗位形象",
            {check("BI-01", "着装统一整齐", "着装统一整齐。"),
             check("BI-02", "服装整洁佩带齐全", "服装整洁、佩带齐全。"),
             check("BI-03", "精神面貌", "整齐协调,精神面貌好。"),
             check("BI-04", "饰品", "严禁佩带违反规定的饰品上岗。"),
             check("BI-05", "发型", "女员工头发应束装,男员工不留长发。")}},
           {"服务意识",
            {check("BI-06", "微笑服务演示", "晨会微笑服务的演示。"),
             check("BI-07", "主动问好", "看见客户主动打招呼并问好;客户来办事应主动招呼并安坐。"),
             check("BI-08", "语气语调", "说话语气语调适中,使用普通话。")}}}};
}

SeedRubric front_desk() {
  return {"SPOT-FRONT",
          "客服前台服务检查",
          "seed 000 (每天不少于三次的客服前台服务情况的检查) with the reception steps of seed 002 "
          "(标准化接待流程); the seeds give no points: 10 per standard (60), scored on 100 by scaling",
          6000,
          {{"客户到达",
            {check("FD-01", "主动迎接", "前台接待人员主动迎接客户,询问其需求并记录。")}},
           {"客户咨询",
            {check("FD-02", "费用咨询", "熟悉收费标准并提供清晰的费用明细。"),
             check("FD-03", "维修请求", "记录详细信息并承诺在规定时间内反馈处理结果。")}},
           {"投诉处理",
            {check("FD-04", "记录投诉", "接到投诉后立即记录投诉内容,并向客户说明处理流程。"),
             check("FD-05", "再次沟通", "处理结果反馈后再次与客户沟通,确认其满意度。")}},
           {"服务反馈",
            {check("FD-06", "询问满意度", "客户离开时主动询问其对服务的满意度,并记录意见与建议。")}}}};
}

}  // namespace

const std::vector<SeedRubric>& spot_check_rubrics() {
  static const std::vector<SeedRubric> rubrics = {phone(), morning_bi(), front_desk()};
  return rubrics;
}

SpotScore spot_score(std::int64_t max_centi, const std::vector<SpotFinding>& findings) {
  std::int64_t lost = 0;
  for (const auto& f : findings) lost += f.item.max_centi - item_score_centi(f.item, f.finding);
  SpotScore out;
  out.max_centi = max_centi;
  out.raw_centi = max_centi - lost < 0 ? 0 : max_centi - lost;
  out.score_centi = scale_to_100(out.raw_centi, max_centi);
  return out;
}

std::optional<std::int64_t> monthly_score(const std::vector<std::int64_t>& scores) {
  if (scores.empty()) return std::nullopt;
  std::int64_t sum = 0;
  for (auto s : scores) sum += s;
  const auto n = static_cast<std::int64_t>(scores.size());
  return (2 * sum + n) / (2 * n);  // half up; scores are never negative
}

std::optional<std::pair<std::string, std::string>> month_range(const std::string& month) {
  if (month.size() != 7 || month[4] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
    if (month[i] < '0' || month[i] > '9') return std::nullopt;
  const int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2));
  if (m < 1 || m > 12 || y < 2000 || y > 2999) return std::nullopt;
  char a[16], b[16];
  std::snprintf(a, sizeof a, "%04d-%02d-01", y, m);
  std::snprintf(b, sizeof b, "%04d-%02d-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
  return std::make_pair(std::string(a), std::string(b));
}

}  // namespace steward::inspections
