// The people of the demo: names, mobile numbers, resident ID numbers, and the customers of a unit
// (DOMAIN O2): an owner for every occupied unit, sometimes a tenant or a family member too.
#include <cstdio>

#include "modules/demo/demo_internal.hpp"

namespace steward::demo::detail {
namespace {

const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                 "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};

const char* const kGivenNames[] = {
    "伟",   "芳",   "娜",   "敏",   "静",   "磊",   "洋",   "勇",   "军",   "杰",   "涛",
    "明",   "超",   "霞",   "平",   "刚",   "辉",   "鹏",   "丹",   "欣",   "建国", "建华",
    "志强", "志明", "秀英", "秀兰", "桂英", "玉兰", "丽娟", "丽华", "海燕", "海涛", "晓燕",
    "晓东", "晓明", "红梅", "春梅", "国庆", "国强", "文静", "文博", "子涵", "子轩", "雨桐",
    "思远", "浩然", "俊杰", "嘉怡", "佳琪", "欣怡", "梓萱", "一鸣", "天宇", "宇航", "婷婷",
    "雪梅", "淑珍", "凤英", "德明", "宏伟", "振华", "永刚", "立新", "美玲", "慧敏", "雅琴",
    "金凤", "长江", "卫东", "爱华", "少华", "晨曦", "明轩", "诗涵", "若曦", "博文", "昊天",
    "瑞霖", "可欣", "雨欣", "家豪", "建平", "建军", "亚男", "新民", "玉梅", "秋菊", "冬梅"};

// Mobile prefixes of the three mainland carriers (13x, 15x, 18x).
const char* const kMobilePrefixes[] = {"130", "131", "132", "133", "135", "136", "137", "138",
                                       "139", "150", "151", "152", "155", "156", "157", "158",
                                       "159", "180", "182", "183", "185", "186", "187", "188", "189"};

// Area codes of Beijing districts and a few provinces people move from.
const char* const kAreaCodes[] = {"110101", "110102", "110105", "110106", "110108", "110114",
                                  "130102", "130602", "370102", "410105", "210102", "420106",
                                  "510104", "320106", "140105", "230103"};

const char* const kKeyNotes[] = {
    "独居老人，子女在外地，需定期上门关怀",
    "行动不便（轮椅），报修时优先上门",
    "曾多次投诉楼上噪音，回访需客服主管亲自致电",
    "业主委员会委员，重要通知需当面送达",
    "家中有婴儿，维修施工需提前预约并避开午休",
    "对服务要求高，投诉处理结果需项目经理回复",
    "长期出国，房屋托管，联系其委托人",
    "患有心脏病，遇紧急情况先联系其家属"};

}  // namespace

char id_check_character(const std::string& first17) {
  static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char checks[] = "10X98765432";
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * weights[i];
  return checks[sum % 11];
}

std::string People::surname() { return rng_.pick(kSurnames); }

std::string People::name() { return name(surname()); }

std::string People::name(const std::string& surname) { return surname + rng_.pick(kGivenNames); }

std::string People::mobile() {
  for (;;) {
    // One draw per statement: the order in which arguments are evaluated is unspecified.
    const char* prefix = rng_.pick(kMobilePrefixes);
    const int high = rng_.between(0, 9999);
    const int low = rng_.between(0, 9999);
    char digits[16];
    std::snprintf(digits, sizeof digits, "%s%04d%04d", prefix, high, low);
    if (phones_.insert(digits).second) return digits;
  }
}

std::string People::id_number() {
  const char* area = rng_.pick(kAreaCodes);
  const int year = rng_.between(1945, 2002);
  const int month = rng_.between(1, 12);
  const int day = rng_.between(1, 28);
  const int sequence = rng_.between(1, 999);
  char first17[24];
  std::snprintf(first17, sizeof first17, "%s%04d%02d%02d%03d", area, year, month, day, sequence);
  return std::string(first17) + id_check_character(first17);
}

std::string People::key_customer_note() { return rng_.pick(kKeyNotes); }

namespace {

std::int64_t add_customer(Builder& b, std::int64_t project, std::int64_t unit,
                          const std::string& name, const char* kind) {
  nlohmann::json body = {{"projectId", project}, {"unitId", unit},        {"name", name},
                         {"kind", kind},         {"phone", b.people.mobile()}};
  if (b.rng.percent(10)) body["idNumber"] = b.people.id_number();
  if (b.rng.percent(3)) {
    body["keyCustomer"] = true;
    body["note"] = b.people.key_customer_note();
  }
  return b.create(b.org.customers, body, b.summary.customers);
}

}  // namespace

// The owner of an occupied unit; in about 15% of units also a tenant or a family member. The
// first owner of the login project is the owner login's customer.
void build_customers(Builder& b, std::int64_t project, std::int64_t unit, bool login_project) {
  const bool login_owner = login_project && !b.login_customer;
  std::string owner_surname = b.people.surname();
  std::string owner_name = b.people.name(owner_surname);
  if (login_owner)
    for (const auto& login : demo_logins())
      if (login.role == "owner") {
        owner_name = login.display_name;
        owner_surname = owner_name.substr(0, 3);  // one CJK character in UTF-8
      }
  const auto owner = add_customer(b, project, unit, owner_name, "owner");
  if (login_owner) b.login_customer = owner;
  if (!b.rng.percent(15)) return;
  if (b.rng.percent(60))
    add_customer(b, project, unit, b.people.name(owner_surname), "family");
  else
    add_customer(b, project, unit, b.people.name(), "tenant");
}

}  // namespace steward::demo::detail
