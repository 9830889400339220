#include "modules/demo/demo_orders.hpp"

#include "core/error.hpp"
#include "db/query.hpp"
#include "modules/auth/roles.hpp"
#include "modules/demo/demo_internal.hpp"
#include "crud/resource.hpp"
#include "modules/work_orders/charges.hpp"
#include "modules/work_orders/work_order_service.hpp"

namespace steward::demo {
namespace {

using detail::Random;
constexpr std::int64_t kMinute = 60, kHour = 3600, kDay = 86400;

struct Customer {
  std::int64_t id, unit_id;
};

struct ProjectCast {
  std::int64_t id = 0;
  int per_day = 0;
  std::vector<Customer> customers;
  std::vector<std::int64_t> technicians;  // staff ids
  // category -> the price item charged for it, and its name
  std::map<std::string, std::pair<std::int64_t, std::string>> prices;
  core::Actor desk, worker, supervisor;    // who registers, who works, who calls back
};

core::Actor actor_for(db::Session& s, const std::string& username, std::int64_t project) {
  core::Actor a;
  auto u = db::Query(s, "SELECT id, role FROM app_user WHERE username = :u").bind("u", username).one();
  if (!u) return auth::system_actor();
  a.user_id = u->i64("id");
  a.username = username;
  a.role = u->str("role");
  a.permissions = auth::find_role(a.role)->permissions;
  a.project_ids = {project};
  a.all_projects = a.role == "admin";
  return a;
}

ProjectCast cast(db::Session& s, const std::string& code, int per_day) {
  ProjectCast c;
  c.id = db::Query(s, "SELECT id FROM project WHERE code = :c").bind("c", code).scalar();
  c.per_day = per_day;
  for (const auto& r : db::Query(s, "SELECT id, unit_id FROM customer WHERE project_id = :p AND "
                                    "kind = 'owner' ORDER BY id")
                           .bind("p", (long long)c.id)
                           .all())
    c.customers.push_back({r.i64("id"), r.i64("unit_id")});
  for (const auto& r : db::Query(s, "SELECT id FROM staff WHERE project_id = :p AND role = "
                                    "'technician' ORDER BY id")
                           .bind("p", (long long)c.id)
                           .all())
    c.technicians.push_back(r.first_i64());
  // The demo logins work at 城市花园; the other projects are run by the administrator.
  const bool cshy = code == "CSHY";
  c.desk = cshy ? actor_for(s, "frontdesk", c.id) : auth::system_actor();
  c.supervisor = cshy ? actor_for(s, "supervisor", c.id) : auth::system_actor();
  c.worker = auth::system_actor();
  return c;
}

// The published price list of paid in-unit repairs (有偿服务), one item charged per category.
void add_price_list(db::Database& db, std::int64_t now, ProjectCast& p) {
  core::FixedClock clock(now);
  const crud::Resource prices(work_orders::price_item_spec(), db, clock);
  struct Item {
    const char *category, *name, *unit;
    int fen;
  };
  const Item items[] = {{"water", "更换角阀", "个", 2500},       {"water", "疏通下水管道", "次", 8000},
                        {"electricity", "更换插座", "个", 3000},  {"lighting", "更换户内灯泡", "个", 1500},
                        {"doors_windows", "更换门锁锁芯", "个", 12000}, {"", "上门服务费", "次", 3000}};
  for (const auto& i : items) {
    auto r = prices.create({auth::system_actor(), "demo"},
                           {{"projectId", p.id}, {"name", i.name}, {"unit", i.unit},
                            {"priceFen", i.fen}, {"category", i.category}});
    p.prices.emplace(i.category, std::pair(r["id"].get<std::int64_t>(), std::string(i.name)));
  }
}

struct Kind {
  const char* kind;
  std::vector<const char*> categories;
};

const Kind& pick_kind(Random& rng) {
  static const std::vector<Kind> kinds = {
      {"repair", {"water", "electricity", "doors_windows", "lighting", "lift", "facilities", "cleaning"}},
      {"complaint", {"noise", "parking", "cleaning", "service", "security", "fees"}},
      {"consultation", {"fees", "other", "parking"}},
      {"suggestion", {"greening", "facilities"}},
      {"praise", {"service"}},
  };
  const int roll = rng.between(0, 99);
  return kinds[roll < 60 ? 0 : roll < 75 ? 1 : roll < 90 ? 2 : roll < 96 ? 3 : 4];
}

const char* title_for(const std::string& category, Random& rng) {
  static const std::map<std::string, std::vector<const char*>> titles = {
      {"water", {"厨房水管漏水", "卫生间下水堵塞", "热水器进水阀滴水"}},
      {"electricity", {"户内跳闸", "插座无电", "单元配电箱异响"}},
      {"doors_windows", {"单元门禁故障", "窗户关不严", "入户门锁芯卡涩"}},
      {"lighting", {"楼道灯不亮", "地库照明损坏", "路灯夜间不亮"}},
      {"lift", {"电梯运行异响", "电梯按钮失灵", "电梯门关闭缓慢"}},
      {"facilities", {"健身器材损坏", "儿童滑梯松动", "单元信报箱损坏"}},
      {"cleaning", {"楼道垃圾未清", "地库积水", "垃圾桶满溢"}},
      {"noise", {"楼上装修噪音", "夜间广场舞噪音", "空调外机噪音"}},
      {"parking", {"车位被占", "外来车辆乱停", "停车费怎么交"}},
      {"service", {"客服电话无人接听", "秩序员态度生硬", "感谢维修师傅及时上门"}},
      {"security", {"陌生人尾随进入单元", "门岗未登记访客"}},
      {"fees", {"物业费账单有误", "物业费缴纳方式咨询"}},
      {"greening", {"建议增加休闲座椅", "建议修剪草坪"}},
      {"other", {"快递代收咨询", "装修备案需要什么材料"}},
  };
  auto it = titles.find(category);
  return it == titles.end() ? "业主来电" : rng.pick(it->second);
}

// Steps one order through its life at simulated times; stops at the first step still ahead of
// `now`, which leaves the order in that state.
class Simulation {
 public:
  Simulation(db::Database& db, const core::FieldCipher& cipher,
             const calendar::CalendarService& calendar, std::int64_t now, Random& rng)
      : clock_(now), service_(db, clock_, cipher, calendar), now_(now), rng_(rng) {}

  void order(const ProjectCast& p, const core::Actor& tech, std::int64_t tech_staff,
             std::int64_t reported);
  int orders = 0;

 private:
  bool after(int lo_minutes, int hi_minutes) {
    t_ += rng_.between(lo_minutes, hi_minutes) * kMinute;
    if (t_ > now_) return false;
    clock_.set(t_);
    return true;
  }
  void step(const core::Actor& a, const char* action, nlohmann::json body = nlohmann::json::object()) {
    service_.act({a, "demo"}, id_, action, body);
  }
  void repair(const ProjectCast& p, const core::Actor& worker, std::int64_t staff, bool emergency);
  void complaint(const ProjectCast& p, bool online);
  void call_back_and_close(const ProjectCast& p, bool repair);
  void paid_repair(const ProjectCast& p, const core::Actor& worker, std::int64_t item,
                   const std::string& name);

  core::FixedClock clock_;
  work_orders::WorkOrderService service_;
  std::int64_t now_, t_ = 0, id_ = 0;
  std::string category_;
  Random& rng_;
};

void Simulation::order(const ProjectCast& p, const core::Actor& tech, std::int64_t tech_staff,
                       std::int64_t reported) {
  const Kind& k = pick_kind(rng_);
  const std::string kind = k.kind, category = rng_.pick(k.categories);
  category_ = category;
  const bool emergency = kind == "repair" && rng_.percent(5);
  const char* channels[] = {"phone", "phone", "phone", "front_desk", "app", "app", "intercom", "online", "patrol"};
  const std::string channel = kind == "complaint" && rng_.percent(20) ? "online" : rng_.pick(channels);
  const Customer& c = rng_.pick(p.customers);
  t_ = reported;
  clock_.set(t_);
  auto o = service_.register_order(
      {p.desk, "demo"},
      {{"projectId", p.id}, {"kind", kind}, {"category", category},
       {"priority", emergency ? "emergency" : "normal"}, {"channel", channel}, {"unitId", c.unit_id},
       {"customerId", c.id}, {"title", title_for(category, rng_)}});
  id_ = o["id"].get<std::int64_t>();
  ++orders;
  if (rng_.percent(3)) {
    if (after(5, 120)) step(p.desk, "cancel", {{"reason", "业主已自行处理"}});
    return;
  }
  if (kind == "repair") {
    if (p.technicians.empty()) return;  // left registered
    const std::int64_t staff = tech_staff && rng_.percent(50) ? tech_staff : rng_.pick(p.technicians);
    return repair(p, staff == tech_staff ? tech : auth::system_actor(), staff, emergency);
  }
  if (kind == "complaint") return complaint(p, channel == "online");
  if (!after(10, 180)) return;
  step(p.desk, "answer", {{"result", "已电话答复业主"}});
  if (after(30, 600)) step(p.desk, "close");
}

void Simulation::repair(const ProjectCast& p, const core::Actor& worker, std::int64_t staff,
                        bool emergency) {
  if (!after(5, 60)) return;
  step(p.desk, "dispatch", {{"assigneeStaffId", staff}});
  if (!after(2, 30)) return;
  step(worker, "accept");
  if (!emergency) {
    if (!after(20, rng_.percent(10) ? 1800 : 300)) return;
    step(worker, "contact");
  }
  if (!after(emergency ? 5 : 60, emergency ? 45 : 900)) return;
  step(worker, "arrive");
  if (rng_.percent(10)) {
    if (!after(20, 90)) return;
    step(worker, "wait", {{"reason", "parts"}});
    if (!after(300, 2400)) return;
    step(worker, "resume");
  }
  if (!after(20, 240)) return;
  auto price = p.prices.find(category_);
  if (price != p.prices.end() && rng_.percent(35)) return paid_repair(p, worker, price->second.first, price->second.second);
  step(worker, "complete", {{"result", "已修复, 业主确认"}});
  call_back_and_close(p, true);
}

// A charged in-unit repair (W7): most owners pay within a day or two; a few stay unpaid past
// the limit, half of those with the written explanation.
void Simulation::paid_repair(const ProjectCast& p, const core::Actor& worker, std::int64_t item,
                             const std::string& name) {
  step(worker, "complete", {{"result", name + ", 业主确认"},
                            {"materials", {{{"name", name}, {"quantity", 1}, {"unit", "项"}}}},
                            {"charges", {{{"priceItemId", item}, {"quantity", 1}}}}});
  const auto total = service_.get(auth::system_actor(), id_)["charge"]["totalFen"];
  call_back_and_close(p, true);
  if (rng_.percent(85)) {
    if (after(10, 2 * 24 * 60))
      service_.pay({p.desk, "demo"}, id_, {{"method", rng_.percent(70) ? "wechat" : "cash"},
                                           {"amountFen", total}});
  } else if (rng_.percent(50) && after(3 * 24 * 60, 4 * 24 * 60)) {
    service_.explain_charge({p.desk, "demo"}, id_, {{"explanation", "业主对收费有异议, 待主管上门沟通"}});
  }
}

void Simulation::complaint(const ProjectCast& p, bool online) {
  if (online) {
    if (!after(10, 180)) return;
    step(p.desk, "acknowledge", {{"note", "已在论坛回复业主"}});
  }
  const char* departments[] = {"安全组", "环境组", "工程部", "客服组"};
  if (!after(30, rng_.percent(8) ? 2400 : 1200)) return;
  step(p.desk, "handover", {{"responsibleDepartment", rng_.pick(departments)}});
  if (!after(10, 180)) return;
  step(p.supervisor, "accept");
  if (!after(120, rng_.percent(10) ? 4800 : 2400)) return;
  step(p.desk, "feedback", {{"note", "已向业主反馈处理进展"}});
  if (!after(120, 4000)) return;
  step(p.supervisor, "complete", {{"result", "已整改并回复业主"}});
  if (rng_.percent(30)) {
    if (after(60, 600)) step(p.desk, "close", {{"valid", false}, {"rootCause", "非物业责任"}});
    return;
  }
  call_back_and_close(p, false);
}

void Simulation::call_back_and_close(const ProjectCast& p, bool repair) {
  if (!after(60, rng_.percent(10) ? 2400 : 900)) return;
  const int roll = rng_.between(0, 99);
  const char* level = roll < 60 ? "very_satisfied" : roll < 85 ? "satisfied" : roll < 95 ? "neutral"
                                                   : roll < 99 ? "dissatisfied" : "very_dissatisfied";
  step(p.desk, "visit", {{"method", rng_.percent(85) ? "phone" : "visit"}, {"satisfaction", level}});
  const bool unhappy = std::string(level).find("dissatisfied") != std::string::npos;
  if (repair && unhappy && rng_.percent(50)) {
    service_.rework({p.desk, "demo"}, id_, {{"reason", "回访不满意, 需返修"}});
    ++orders;
    return;
  }
  if (!after(5, 240)) return;
  nlohmann::json close = nlohmann::json::object();
  if (!repair) close = {{"valid", true}, {"rootCause", "日常管理疏漏"}};
  step(p.desk, "close", close);
}

}  // namespace

int build_demo_orders(db::Database& db, const core::FieldCipher& cipher,
                      const calendar::CalendarService& calendar, std::int64_t now, int days) {
  return db.write([&](db::Session& s) {
    if (db::Query(s, "SELECT id FROM work_order LIMIT 1").one())
      core::throw_conflict("demo.not_empty", "the database already holds work orders");
    Random rng(20261123);
    Simulation sim(db, cipher, calendar, now, rng);
    std::vector<ProjectCast> projects = {cast(s, "CSHY", 6), cast(s, "CHTD", 3), cast(s, "XSTY", 2)};
    for (auto& p : projects) add_price_list(db, (now / kDay - days) * kDay, p);
    const core::Actor tech = actor_for(s, "tech", projects[0].id);
    auto tech_row = db::Query(s, "SELECT staff_id FROM app_user WHERE username = 'tech'").one();
    const std::int64_t tech_staff = tech_row ? tech_row->opt_i64("staff_id").value_or(0) : 0;
    const std::int64_t start = (now / kDay - days) * kDay;  // at 08:00 +08:00
    for (std::int64_t day = start; day < now; day += kDay)
      for (auto& p : projects) {
        if (p.customers.empty()) continue;
        const int n = p.per_day + rng.between(-1, 2);
        for (int i = 0; i < n; ++i) {
          const std::int64_t reported = day + rng.between(0, 13 * 60) * kMinute;  // 08:00-21:00
          if (reported < now) sim.order(p, p.id == projects[0].id ? tech : auth::system_actor(),
                                        p.id == projects[0].id ? tech_staff : 0, reported);
        }
      }
    return sim.orders;
  });
}

}  // namespace steward::demo
