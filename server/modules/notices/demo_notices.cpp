#include "modules/notices/demo_notices.hpp"

#include "core/clock.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/auth/roles.hpp"
#include "modules/notices/notice_service.hpp"

namespace steward::notices {

int build_demo_notices(db::Database& db, std::int64_t now) {
  core::FixedClock clock(now);
  const NoticeService svc(db, clock);
  const core::Context system{auth::system_actor(), "demo"};
  auto project = [&](const char* code) {
    return db.read([&](db::Session& s) {
      return db::Query(s, "SELECT id FROM project WHERE code = :c").bind("c", std::string(code)).scalar();
    });
  };
  auto day = [&](int days) { return core::format_iso8601(now + days * 86400LL, 8 * 3600).substr(0, 10); };
  const auto cshy = project("CSHY"), chtd = project("CHTD");
  const nlohmann::json notices[] = {
      {{"projectId", cshy}, {"kind", "service_hours"}, {"title", "服务时间及24小时服务电话"},
       {"body", "服务中心接待时间：每日 08:30-18:00。\n24小时服务电话：0755-8888 6666，报修、投诉随时受理。"},
       {"pinned", true}, {"publish", true}},
      {{"projectId", cshy}, {"kind", "works"}, {"title", "玉兰园3栋电梯更换主机施工"},
       {"body", "为保障电梯运行安全，玉兰园3栋1号电梯更换曳引主机，施工期间该梯停用，请使用2号电梯。给您带来不便，敬请谅解。"},
       {"validFrom", day(-2)}, {"validTo", day(12)}, {"publish", true}},
      {{"projectId", cshy}, {"kind", "complaint_outcome"}, {"title", "上月投诉处理结果公示"},
       {"body", "上月共受理投诉 18 件，已全部处理完毕，回访满意率 94%。主要问题：地下车库照明（已更换灯具）、"
                "垃圾清运时间（已调整至 07:00 前）。"},
       {"validTo", day(28)}, {"publish", true}},
      {{"projectId", cshy}, {"kind", "fees"}, {"title", "下半年物业费收支情况（草稿）"},
       {"body", "收支明细待财务核对后公示。"}},
      {{"projectId", chtd}, {"kind", "service_standard"}, {"title", "物业服务标准"},
       {"body", "报修 30 分钟内响应，12 小时内处置完毕；投诉 24 小时内答复；公共区域每日清洁两次。"},
       {"publish", true}},
  };
  int n = 0;
  for (const auto& body : notices) {
    svc.create(system, body);
    ++n;
  }
  return n;
}

}  // namespace steward::notices
