// `steward_bench generate`: a database of a large company for the benchmarks. 500 projects (by
// default) with zones, buildings, units, owners and a maintenance team each, and N work orders
// spread over three years before "now", every one with its clocks, its timeline and its audit
// rows, in the state that the time since it was reported leads to: old orders are closed (a few
// cancelled, a few stuck), recent ones are still being worked. Rows are written in large
// transactions through prepared statements; the schema is Steward's own (the App migrates the
// file first), so the server serves the result as it is.
#include "generate.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <random>
#include <unordered_map>
#include <vector>

#include "app/app.hpp"
#include "app/commands.hpp"
#include "bulk.hpp"
#include "rows.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"

namespace steward::bench {
namespace {

using ll = std::int64_t;
constexpr ll kHour = 3600, kDay = 86400, kOffset = 8 * kHour;  // the projects are in +08:00

const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
const char* const kGiven[] = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "霞"};

struct Category {
  const char* code;
  const char* title;
};
const Category kRepairs[] = {{"water", "厨房水管漏水"},      {"electricity", "入户开关跳闸"},
                             {"doors_windows", "单元门闭门器损坏"}, {"lighting", "楼道灯不亮"},
                             {"lift", "电梯按键失灵"},       {"facilities", "健身器材松动"}};
const Category kComplaints[] = {{"noise", "夜间装修噪音"},   {"parking", "车位被占用"},
                                {"cleaning", "垃圾未及时清运"}, {"security", "陌生人进入小区"},
                                {"service", "前台服务态度差"},  {"fees", "物业费账单有误"},
                                {"greening", "绿化带无人修剪"}};
const Category kOther[] = {{"other", "咨询停车办理"}, {"other", "建议增加充电桩"},
                           {"service", "表扬维修师傅"}};
const char* const kChannels[] = {"phone", "front_desk", "app", "intercom", "online"};

struct Unit {
  ll id, building, zone, customer;
  std::string customer_name, phone_enc, phone_index, phone, building_name, name;
};
struct Project {
  ll id;
  std::string code;
  std::vector<Unit> units;
  std::vector<ll> technicians;
  ll team;
};

// Civil date of a day number since 1970-01-01 (Howard Hinnant's algorithm, written out).
std::string civil(ll days) {
  days += 719468;
  const ll era = (days >= 0 ? days : days - 146096) / 146097;
  const ll doe = days - era * 146097;
  const ll yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const ll doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const ll mp = (5 * doy + 2) / 153;
  const ll d = doy - (153 * mp + 2) / 5 + 1;
  const ll m = mp < 10 ? mp + 3 : mp - 9;
  const ll y = yoe + era * 400 + (m <= 2);
  char out[48];
  std::snprintf(out, sizeof out, "%04lld-%02lld-%02lld", (long long)y, (long long)m, (long long)d);
  return out;
}

class Generator {
 public:
  Generator(const GenerateOptions& o, const core::FieldCipher& cipher, ll admin)
      : o_(o), cipher_(cipher), admin_(admin), db_(sqlite_path(o.db_url), true), rng_(o.seed) {
    db_.exec("PRAGMA synchronous=OFF");
    db_.exec("PRAGMA cache_size=-262144");  // 256 MiB of page cache while filling
    db_.exec("PRAGMA temp_store=MEMORY");
  }

  ll run() {
    std::vector<std::string> indexes;
    if (o_.bulk) {
      db_.exec("PRAGMA journal_mode=OFF");
      indexes = drop_indexes();
    }
    db_.exec("BEGIN");
    master_data();
    db_.exec("COMMIT");
    phase("company");
    rules();
    orders();
    phase("orders");
    if (o_.bulk) {
      for (const auto& sql : indexes) db_.exec(sql);  // one sort each instead of a B-tree insert per row
      db_.exec("PRAGMA journal_mode=WAL");            // what the server expects
      phase("indexes");
    }
    db_.exec("ANALYZE");
    phase("analyze");
    return rows_;
  }

  // Seconds spent since the last phase, on stderr (bench/run.sh reads stdout only).
  void phase(const char* name) {
    const auto t = std::chrono::steady_clock::now();
    std::fprintf(stderr, "phase %s: %.2f s\n", name, std::chrono::duration<double>(t - last_phase_).count());
    last_phase_ = t;
  }

  // Drops the secondary indexes of the tables the orders and the company's units and customers
  // fill (constraints' own indexes stay);
  // returns their CREATE statements.
  std::vector<std::string> drop_indexes() {
    std::vector<std::pair<std::string, std::string>> found;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_.handle(),
                       "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
                       "tbl_name IN ('work_order', 'wo_clock', 'wo_event', 'audit_log', 'customer', 'unit')",
                       -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW)
      found.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                         reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
    sqlite3_finalize(st);
    std::vector<std::string> create;
    for (const auto& [name, sql] : found) {
      db_.exec("DROP INDEX \"" + name + "\"");
      create.push_back(sql);
    }
    return create;
  }

 private:
  ll pick(ll n) { return std::uniform_int_distribution<ll>(0, n - 1)(rng_); }
  double chance() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  ll delay(ll mean) { return 60 + static_cast<ll>(std::exponential_distribution<double>(1.0 / mean)(rng_)); }

  void master_data() {
    Stmt region(db_, "INSERT INTO region (name, code, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)");
    Stmt project(db_,
                 "INSERT INTO project (region_id, name, code, time_zone, work_start_min, work_end_min, "
                 "address, service_phone, created_at, updated_at) "
                 "VALUES (?1, ?2, ?3, 'Asia/Shanghai', 510, 1050, ?4, '400-800-0000', ?5, ?5)");
    Stmt zone(db_, "INSERT INTO zone (project_id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)");
    Stmt building(db_,
                  "INSERT INTO building (project_id, zone_id, name, floors, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, 18, ?4, ?4)");
    Stmt unit(db_,
              "INSERT INTO unit (project_id, building_id, name, floor, area_centi, vacant, created_at, "
              "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6)");
    Stmt customer(db_,
                  "INSERT INTO customer (project_id, unit_id, name, kind, phone_enc, phone_index, "
                  "phone_tail, id_number_enc, key_customer, note, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, 'owner', ?4, ?5, ?6, '', 0, '', ?7, ?7)");
    Stmt team(db_,
              "INSERT INTO team (project_id, name, kind, created_at, updated_at) "
              "VALUES (?1, '维修组', 'engineering', ?2, ?2)");
    Stmt staff(db_,
               "INSERT INTO staff (project_id, name, phone, role, team_id, employer, active, created_at, "
               "updated_at) VALUES (?1, ?2, '13800000000', 'technician', ?3, '', 1, ?4, ?4)");
    const ll t0 = o_.now - o_.years * 365 * kDay;
    std::vector<ll> regions;
    for (ll r = 0; r < (o_.projects + 49) / 50; ++r) {
      char name[64], code[32];
      std::snprintf(name, sizeof name, "基准区域%02lld", (long long)r + 1);
      std::snprintf(code, sizeof code, "BR%02lld", (long long)r + 1);
      region.bind(1, name).bind(2, code).bind(3, t0).step();
      regions.push_back(region.last_id());
      ++rows_;
    }
    for (ll p = 0; p < o_.projects; ++p) {
      Project pr;
      char name[64], code[32];
      std::snprintf(name, sizeof name, "基准项目%04lld", (long long)p + 1);
      std::snprintf(code, sizeof code, "B%04lld", (long long)p + 1);
      pr.code = code;
      project.bind(1, regions[p / 50]).bind(2, name).bind(3, code).bind(4, std::string(name) + "路1号")
          .bind(5, t0).step();
      pr.id = project.last_id();
      ll zones[2];
      for (int z = 0; z < 2; ++z) {
        zone.bind(1, pr.id).bind(2, z == 0 ? "一区" : "二区").bind(3, t0).step();
        zones[z] = zone.last_id();
      }
      team.bind(1, pr.id).bind(2, t0).step();
      pr.team = team.last_id();
      for (int s = 0; s < 6; ++s) {
        staff.bind(1, pr.id).bind(2, person()).bind(3, pr.team).bind(4, t0).step();
        pr.technicians.push_back(staff.last_id());
      }
      rows_ += 2 + 1 + 6;
      for (int b = 0; b < o_.buildings; ++b) {
        building.bind(1, pr.id).bind(2, zones[b % 2]).bind(3, std::to_string(b + 1) + "栋").bind(4, t0).step();
        const ll bid = building.last_id();
        ++rows_;
        for (int u = 0; u < o_.units_per_building; ++u) {
          const int floor = 1 + u / 4;
          const std::string uname = std::to_string(floor) + "0" + std::to_string(u % 4 + 1);
          unit.bind(1, pr.id).bind(2, bid).bind(3, uname).bind(4, floor).bind(5, 9000 + pick(5000))
              .bind(6, t0).step();
          Unit un{unit.last_id(), bid, zones[b % 2], 0, person(), "", "", "", std::to_string(b + 1) + "栋", uname};
          char phone[16];
          std::snprintf(phone, sizeof phone, "13%09lld", (long long)pick(1000000000));
          un.phone_enc = cipher_.encrypt(phone);
          un.phone_index = cipher_.blind_index(phone);
          un.phone = phone;
          customer.bind(1, pr.id).bind(2, un.id).bind(3, un.customer_name).bind(4, un.phone_enc)
              .bind(5, un.phone_index).bind(6, std::string(phone + 7)).bind(7, t0).step();
          un.customer = customer.last_id();
          pr.units.push_back(std::move(un));
          rows_ += 2;
        }
      }
      projects_.push_back(std::move(pr));
    }
    // Project sizes differ: a few large estates, many small ones (weights 0.25 to 4, log-uniform).
    // The first order goes to the largest, which the list scenario then reads.
    double sum = 0, heaviest = 0;
    for (ll p = 0; p < o_.projects; ++p) {
      const double weight = std::exp2(chance() * 4 - 2);
      if (weight > heaviest) heaviest = weight, largest_ = p;
      sum += weight;
      cumulative_.push_back(sum);
    }
    for (auto& c : cumulative_) c /= sum;
  }

  std::string person() { return std::string(kSurnames[pick(10)]) + kGiven[pick(12)] + kGiven[pick(12)]; }

  void rules() {
    auto id = [&](const char* clock, const char* kind) {
      return db_.scalar(std::string("SELECT id FROM sla_rule WHERE clock = '") + clock + "' AND kind = '" +
                        kind + "' AND category = '' AND priority = '' AND channel = ''");
    };
    handle_rule_ = id("handle", "");
    resolve_rule_[0] = id("resolve", "repair");
    resolve_rule_[1] = id("resolve", "complaint");
    visit_rule_[0] = id("visit", "repair");
    visit_rule_[1] = id("visit", "complaint");
  }

  ll project_index() {
    return std::lower_bound(cumulative_.begin(), cumulative_.end(), chance()) - cumulative_.begin();
  }

  struct Step {
    const char* action;
    const char* to;
    ll at;
  };

  void orders();

  // "2024-03-01 09:30:00" in the projects' time (+08:00).
  static void local_time(char* out, ll t) {
    const ll local = t + kOffset, day = local / kDay, s = local % kDay;
    const std::string date = civil(day);
    std::snprintf(out, 24, "%s %02lld:%02lld:%02lld", date.c_str(), (long long)(s / 3600),
                  (long long)(s / 60 % 60), (long long)(s % 60));
  }

  // One order as a row of the import's CSV (docs/import.md), with the story its steps tell.
  void write_csv_row(ll i, const Project& pr, const Unit& un, const char* kind, const Category& cat,
                     bool emergency, const std::string& status, const std::vector<Step>& steps, ll reported,
                     ll completed, ll visited, ll closed, bool complaint) {
    char rep[24], handled[24] = "", done[24] = "", visit[24] = "", shut[24] = "";
    local_time(rep, reported);
    const bool cancelled = status == "cancelled";
    if (!steps.empty() && !cancelled && std::string_view(steps[0].to) != "completed") local_time(handled, steps[0].at);
    if (completed) local_time(done, completed);
    if (visited) local_time(visit, visited);
    if (closed) local_time(shut, closed);
    if (cancelled) local_time(shut, steps[0].at);
    const char* satisfaction = "";
    if (visited) {
      const double sat = chance();
      satisfaction = sat < 0.45 ? "very_satisfied" : sat < 0.88 ? "satisfied" : sat < 0.96 ? "neutral" : "dissatisfied";
    }
    const char* valid = complaint && closed ? (chance() < 0.8 ? "1" : "0") : "";
    std::fprintf(csv_, "G%lld,%s,%s,%s,%s,%s,%s,%s,,%s,%s,\"%s\",\"业主来电反映, 请尽快处理\",%s,%s,%s,%s,%s,%s,%s,%s\r\n",
                 (long long)i + 1, pr.code.c_str(), kind, cat.code, emergency ? "emergency" : "normal",
                 kChannels[pick(5)], un.building_name.c_str(), un.name.c_str(), un.customer_name.c_str(),
                 un.phone.c_str(), cat.title, status.c_str(), rep, handled, done, visit, shut, satisfaction, valid);
  }

 public:
  void open_csv(const std::string& path) {
    csv_ = std::fopen(path.c_str(), "wb");
    if (!csv_) throw std::runtime_error("cannot write " + path);
    static char buffer[1 << 20];
    std::setvbuf(csv_, buffer, _IOFBF, sizeof buffer);
    std::fputs("externalId,project,kind,category,priority,channel,building,unit,location,reporterName,"
               "reporterPhone,title,description,status,reportedAt,handledAt,completedAt,visitedAt,closedAt,"
               "satisfaction,validComplaint\r\n", csv_);
  }
  ~Generator() {
    if (csv_) std::fclose(csv_);
  }

 private:
  std::FILE* csv_ = nullptr;
  const GenerateOptions& o_;
  const core::FieldCipher& cipher_;
  ll admin_;
  Sqlite db_;
  std::mt19937_64 rng_;
  std::vector<Project> projects_;
  std::vector<double> cumulative_;
  std::ptrdiff_t largest_ = 0;
  ll handle_rule_ = 0, resolve_rule_[2] = {0, 0}, visit_rule_[2] = {0, 0};
  ll rows_ = 0;
  std::chrono::steady_clock::time_point last_phase_ = std::chrono::steady_clock::now();
};

void Generator::orders() {
  Stmt order(db_, kInsertOrder);
  Stmt clock(db_,
             "INSERT INTO wo_clock (project_id, order_id, clock, rule_id, amount, unit, start_at, "
             "paused_seconds, paused_since, done_at, stopped, due_at, remind_at, reminded, breach_notified) "
             "VALUES (?1, ?2, ?3, ?4, ?5, 'hour', ?6, 0, NULL, ?7, ?8, ?9, ?10, ?11, ?12)");
  Stmt event(db_, kInsertEvent);
  Stmt audit(db_, kInsertAudit);
  std::unordered_map<ll, ll> sequence;  // (project, day) -> last number of the day's codes
  const ll span = o_.years * 365 * kDay, t0 = o_.now - span;
  const ll batch = 20000;
  db_.exec("BEGIN");
  for (ll i = 0; i < o_.orders; ++i) {
    if (i > 0 && i % batch == 0) {
      db_.exec("COMMIT");
      db_.exec("BEGIN");
    }
    const ll reported = t0 + (i * span) / o_.orders + pick(std::max<ll>(1, span / o_.orders));
    const ll p = i == 0 ? largest_ : project_index();
    const Project& pr = projects_[p];
    const Unit& un = pr.units[pick(static_cast<ll>(pr.units.size()))];
    const double k = chance();
    const int kind = k < 0.62 ? 0 : k < 0.74 ? 1 : 2;  // repair, complaint, consultation/...
    static const char* const kKinds[] = {"repair", "complaint"};
    const char* const kAnswered[] = {"consultation", "suggestion", "praise"};
    const ll other = pick(3);
    const Category& cat = kind == 0 ? kRepairs[pick(6)] : kind == 1 ? kComplaints[pick(7)] : kOther[other];
    const char* kind_code = kind < 2 ? kKinds[kind] : kAnswered[other];
    const bool emergency = kind == 0 && chance() < 0.04;
    const ll day = (reported + kOffset) / kDay;
    const ll n = ++sequence[pr.id * 100000 + day];
    std::string date = civil(day);
    date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
    char code[48];
    std::snprintf(code, sizeof code, "%s-%s-%04lld", pr.code.c_str(), date.c_str(), (long long)n);

    // The path the order takes, each step at a random delay after the one before; steps after
    // "now" have not happened yet. 3% are cancelled, 4% get stuck at a random point.
    std::vector<Step> steps;
    ll t = reported;
    const double fate = chance();
    if (kind < 2) {
      steps = {{"dispatch", "dispatched", t += delay(15 * 60)},
               {"accept", "accepted", t += delay(20 * 60)},
               {"arrive", "in_progress", t += delay(emergency ? 20 * 60 : 2 * kHour)},
               {"complete", "completed", t += delay(kind == 0 ? 3 * kHour : 30 * kHour)},
               {"visit", "visited", t += delay(20 * kHour)},
               {"close", "closed", t += delay(10 * kHour)}};
      if (kind == 1) steps[2].action = "feedback";
    } else {
      steps = {{"answer", "completed", t += delay(30 * 60)}, {"close", "closed", t += delay(kDay)}};
    }
    if (fate < 0.03) steps = {{"cancel", "cancelled", reported + delay(kHour)}};
    else if (fate < 0.07) steps.resize(pick(static_cast<ll>(steps.size())));
    while (!steps.empty() && steps.back().at > o_.now) steps.pop_back();

    std::string status = "registered";
    ll completed = 0, closed = 0, visited = 0, updated = reported;
    for (const auto& s : steps) {
      if (std::string_view(s.action) != "feedback") status = s.to;
      if (std::string_view(s.to) == "completed") completed = s.at;
      if (std::string_view(s.to) == "visited") visited = s.at;
      if (std::string_view(s.to) == "closed") closed = s.at;
      updated = s.at;
    }
    if (kind == 1 && status == "in_progress") status = "accepted";  // complaints have no "arrive"
    const bool cancelled = status == "cancelled";
    const bool dispatched = status != "registered" && !cancelled;
    const bool done = completed > 0;

    // Clocks: handle (12 h) for every order, resolve and visit for repairs and complaints.
    struct ClockRow {
      const char* name;
      ll rule, hours, start, done;
    };
    std::vector<ClockRow> clocks = {{"handle", handle_rule_, 12, reported, completed}};
    if (kind < 2) {
      clocks.push_back({"resolve", resolve_rule_[kind], emergency ? 4 : kind == 0 ? 72 : 120, reported, completed});
      if (done) clocks.push_back({"visit", visit_rule_[kind], 24, completed, visited ? visited : closed});
    }
    ll next_due = 0;
    for (const auto& c : clocks) {
      const ll due = c.start + c.hours * kHour;
      if (!cancelled && c.done == 0 && (next_due == 0 || due < next_due)) next_due = due;
    }

    if (csv_) {
      write_csv_row(i, pr, un, kind_code, cat, emergency, status, steps, reported, completed, visited, closed,
                    kind == 1);
      ++rows_;  // one row of the file
      continue;
    }
    order.bind(1, pr.id).bind(2, code).bind(3, kind_code).bind(4, cat.code)
        .bind(5, emergency ? "emergency" : "normal").bind(6, kChannels[pick(5)]).bind(7, status)
        .bind(8, un.id).bind(9, un.building).bind(10, un.zone).bind(11, un.customer).bind(12, un.customer_name)
        .bind(13, un.phone_enc).bind(14, un.phone_index).bind(15, cat.title).bind(16, "业主来电反映");
    if (dispatched && kind < 2) order.bind(17, pr.technicians[pick(6)]).bind(18, pr.team);
    else order.null(17).null(18);
    order.bind(19, kind == 1 && closed ? "管理疏忽" : "");
    if (kind == 1 && closed) order.bind(20, chance() < 0.8 ? 1 : 0); else order.null(20);
    order.bind(21, closed ? "已处理" : "");
    // The return visit gives the satisfaction, and its time (visited_at) is when the dashboards
    // count it (satisfaction, customers called back), as the server's visit step does.
    if (visited && kind < 2) {
      const double sat = chance();
      order.bind(22, sat < 0.45 ? "very_satisfied" : sat < 0.88 ? "satisfied" : sat < 0.96 ? "neutral" : "dissatisfied");
      order.bind(29, visited);
    } else {
      order.null(22).null(29);
    }
    order.bind(23, reported).bind(24, admin_).bind(25, updated);
    if (done) order.bind(26, completed); else order.null(26);
    if (closed) order.bind(27, closed); else order.null(27);
    if (next_due) order.bind(28, next_due); else order.null(28);
    order.step();
    const ll id = order.last_id();

    for (const auto& c : clocks) {
      const ll due = c.start + c.hours * kHour, remind = due - c.hours * kHour / 5;
      clock.bind(1, pr.id).bind(2, id).bind(3, c.name).bind(4, c.rule).bind(5, c.hours).bind(6, c.start);
      if (c.done) clock.bind(7, c.done); else clock.null(7);
      // Reminders and breaches in the past count as sent, so the server does not send a year's.
      clock.bind(8, cancelled ? 1 : 0).bind(9, due).bind(10, remind).bind(11, remind <= o_.now ? 1 : 0)
          .bind(12, due <= o_.now ? 1 : 0).step();
    }
    // The audit row holds the order as it was after the step, as Steward's own writes do.
    char after[640];
    auto audit_row = [&](const char* action, const char* to, ll at) {
      std::snprintf(after, sizeof after,
                    R"({"id":%lld,"code":"%s","projectId":%lld,"kind":"%s","category":"%s","status":"%s",)"
                    R"("title":"%s","reporterName":"%s","reporterPhone":"138****0000","unitId":%lld,)"
                    R"("customerId":%lld,"reportedAt":%lld,"updatedAt":%lld})",
                    (long long)id, code, (long long)pr.id, kind_code, cat.code, to, cat.title,
                    un.customer_name.c_str(), (long long)un.id, (long long)un.customer, (long long)reported,
                    (long long)at);
      audit.bind(1, pr.id).bind(2, admin_).bind(3, at).bind(4, id).bind(5, action).bind(6, after).step();
    };
    event.bind(1, pr.id).bind(2, id).bind(3, reported).bind(4, admin_).bind(5, "register").bind(6, "")
        .bind(7, "registered").step();
    audit_row("register", "registered", reported);
    std::string from = "registered";
    for (const auto& s : steps) {
      const std::string to = std::string_view(s.action) == "feedback" ? from : s.to;
      event.bind(1, pr.id).bind(2, id).bind(3, s.at).bind(4, admin_).bind(5, s.action).bind(6, from)
          .bind(7, to).step();
      audit_row(s.action, to.c_str(), s.at);
      from = to;
    }
    rows_ += 1 + static_cast<ll>(clocks.size()) + 2 * (1 + static_cast<ll>(steps.size()));
  }
  if (csv_) {  // the import numbers the orders itself
    db_.exec("COMMIT");
    std::cout << "largest project: " << projects_[largest_].code << " (id " << projects_[largest_].id << ")\n";
    return;
  }
  Stmt seq(db_, "INSERT INTO wo_code_seq (project_id, day, last) VALUES (?1, ?2, ?3)");
  for (const auto& [key, last] : sequence) seq.bind(1, key / 100000).bind(2, civil(key % 100000)).bind(3, last).step();
  rows_ += static_cast<ll>(sequence.size());
  db_.exec("COMMIT");
  std::cout << "largest project: " << projects_[largest_].code << " (id " << projects_[largest_].id << ")\n";
}

}  // namespace

int generate(const GenerateOptions& options) {
  using namespace std::chrono;
  app::AppConfig config;
  config.db = options.db_url;
  config.data_dir = options.data_dir;
  const core::SystemClock clock;
  std::unique_ptr<core::FieldCipher> cipher;
  {
    app::App app(config, clock);  // creates and migrates the database, and the key file
    cipher = std::make_unique<core::FieldCipher>(app.cipher());
  }
  app::UserArgs admin{.username = "bench", .display_name = "基准管理员", .role = "admin",
                      .region = "", .password = "bench-password", .projects = {}};
  if (app::user_add_command(config, admin) != 0) return 1;
  const ll admin_id = [&] {
    Sqlite db(sqlite_path(options.db_url));
    return db.scalar("SELECT id FROM app_user WHERE username = 'bench'");
  }();
  const auto start = steady_clock::now();
  Generator generator(options, *cipher, admin_id);
  if (!options.csv.empty()) generator.open_csv(options.csv);
  const ll rows = generator.run();
  const double seconds = duration<double>(steady_clock::now() - start).count();
  std::printf("generated %lld orders, %lld rows in %.1f s: %.0f rows/s\n", (long long)options.orders,
              (long long)rows, seconds, rows / seconds);
  return 0;
}

}  // namespace steward::bench
