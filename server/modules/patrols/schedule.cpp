#include "modules/patrols/schedule.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/time.hpp"

namespace steward::patrols {
namespace {

// Days from civil (Howard Hinnant's algorithm), proleptic Gregorian.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t y;
  unsigned m, d;
};
Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

int days_in_month(std::int64_t y, unsigned m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return days[m - 1];
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// "HH:MM" with 24:00 allowed where `allow_end`.
std::optional<int> minute_of(const nlohmann::json& j, bool allow_end) {
  if (!j.is_string()) return std::nullopt;
  const auto s = j.get<std::string>();
  if (allow_end && s == "24:00") return 1440;
  return core::parse_hhmm(s);
}

bool has_weekday(const Schedule& s, std::int64_t day) {
  return s.weekdays.empty() ||
         std::find(s.weekdays.begin(), s.weekdays.end(), iso_weekday(day)) != s.weekdays.end();
}

// An integer field within [lo, hi]; problems named "<prefix>.<key>".
std::optional<int> int_field(const nlohmann::json& j, const std::string& key, int lo, int hi,
                             bool required, core::ErrorDetails& errors, const std::string& prefix) {
  if (!j.contains(key) || j.at(key).is_null()) {
    if (required) errors.emplace(prefix + "." + key, "is required");
    return std::nullopt;
  }
  const auto& v = j.at(key);
  if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > hi) {
    errors.emplace(prefix + "." + key,
                   "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return std::nullopt;
  }
  return v.get<int>();
}

// {from, to} with defaults 00:00 and 24:00; from before to.
std::optional<Window> window_of(const nlohmann::json& j, bool required, core::ErrorDetails& errors,
                                const std::string& prefix) {
  Window w;
  bool ok = true;
  for (const char* key : {"from", "to"}) {
    const bool is_from = std::string(key) == "from";
    if (!j.contains(key) || j.at(key).is_null()) {
      if (required) {
        errors.emplace(prefix + "." + key, "is required");
        ok = false;
      }
      continue;
    }
    const auto m = minute_of(j.at(key), !is_from);
    if (!m) {
      errors.emplace(prefix + "." + key, is_from ? "must be a time HH:MM" : "must be a time HH:MM (24:00 allowed)");
      ok = false;
      continue;
    }
    (is_from ? w.from : w.to) = *m;
  }
  if (!ok) return std::nullopt;
  if (w.from == w.to) {
    errors.emplace(prefix + ".to", "must differ from from");
    return std::nullopt;
  }
  // A window that ends before it starts crosses midnight: it ends on the next day.
  if (w.to < w.from) w.to += 1440;
  return w;
}

// Windows sorted by start must not overlap, also across midnight: a window that crosses it must
// end before the first window of the next day starts.
bool windows_overlap(const std::vector<Window>& ws) {
  for (std::size_t i = 1; i < ws.size(); ++i)
    if (ws[i].from < ws[i - 1].to) return true;
  for (const auto& w : ws)
    if (w.to > 1440 && w.to - 1440 > ws.front().from) return true;
  return false;
}

void refuse_unknown(const nlohmann::json& j, const std::vector<std::string>& known,
                    core::ErrorDetails& errors, const std::string& prefix) {
  for (auto it = j.begin(); it != j.end(); ++it)
    if (std::find(known.begin(), known.end(), it.key()) == known.end())
      errors.emplace(prefix + "." + it.key(), "is not a field of this schedule kind");
}

nlohmann::json window_json(const Window& w) {
  return {{"from", core::format_hhmm(w.from)}, {"to", core::format_hhmm(w.to > 1440 ? w.to - 1440 : w.to)}};
}

}  // namespace

std::int64_t day_number(int y, int m, int d) { return days_from_civil(y, m, d); }

std::optional<std::int64_t> parse_day(const std::string& t) {
  int y, m, d;
  char tail;
  if (t.size() != 10 || t[4] != '-' || t[7] != '-' ||
      std::sscanf(t.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  if (y < 1970 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return days_from_civil(y, m, d);
}

std::string format_day(std::int64_t day) {
  const auto c = civil_from_days(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", (long long)c.y, c.m, c.d);
  return buf;
}

int iso_weekday(std::int64_t day) {
  // 1970-01-01 was a Thursday (4).
  const std::int64_t w = (day + 3) % 7;
  return static_cast<int>((w < 0 ? w + 7 : w) + 1);
}

std::int64_t local_day_of(std::int64_t utc, int offset) { return floor_div(utc + offset, 86400); }

std::int64_t instant_of(std::int64_t day, std::int64_t minute, int offset) {
  return day * 86400 + minute * 60 - offset;
}

std::optional<Schedule> parse_schedule(const nlohmann::json& j, core::ErrorDetails& errors,
                                       const std::string& prefix) {
  if (!j.is_object()) {
    errors.emplace(prefix, "must be an object");
    return std::nullopt;
  }
  const auto before = errors.size();
  Schedule s;
  const std::string kind = j.contains("kind") && j.at("kind").is_string() ? j.at("kind").get<std::string>() : "";
  auto weekdays = [&] {
    if (!j.contains("weekdays") || j.at("weekdays").is_null()) return;
    const auto& w = j.at("weekdays");
    if (!w.is_array() || w.empty() || w.size() > 7) {
      errors.emplace(prefix + ".weekdays", "must be a list of 1-7 weekdays (1 = Monday)");
      return;
    }
    for (const auto& d : w) {
      if (!d.is_number_integer() || d.get<int>() < 1 || d.get<int>() > 7) {
        errors.emplace(prefix + ".weekdays", "must be a list of 1-7 weekdays (1 = Monday)");
        return;
      }
      if (std::find(s.weekdays.begin(), s.weekdays.end(), d.get<int>()) == s.weekdays.end())
        s.weekdays.push_back(d.get<int>());
    }
    std::sort(s.weekdays.begin(), s.weekdays.end());
  };
  if (kind == "interval") {
    s.kind = Schedule::Kind::interval;
    refuse_unknown(j, {"kind", "everyMinutes", "windows", "weekdays"}, errors, prefix);
    s.every = int_field(j, "everyMinutes", 5, 1440, true, errors, prefix).value_or(0);
    weekdays();
    const auto w = j.contains("windows") ? j.at("windows") : nlohmann::json();
    if (!w.is_array() || w.empty() || w.size() > 6) {
      errors.emplace(prefix + ".windows", "must be a list of 1-6 windows {from, to}");
    } else {
      for (std::size_t i = 0; i < w.size(); ++i) {
        const std::string p = prefix + ".windows[" + std::to_string(i) + "]";
        if (!w[i].is_object()) {
          errors.emplace(p, "must be an object {from, to}");
          continue;
        }
        if (auto win = window_of(w[i], true, errors, p)) s.windows.push_back(*win);
      }
      std::sort(s.windows.begin(), s.windows.end(), [](const Window& a, const Window& b) { return a.from < b.from; });
      if (windows_overlap(s.windows)) errors.emplace(prefix + ".windows", "must not overlap");
    }
  } else if (kind == "times") {
    s.kind = Schedule::Kind::times;
    refuse_unknown(j, {"kind", "times", "slotMinutes", "weekdays"}, errors, prefix);
    s.slot_minutes = int_field(j, "slotMinutes", 5, 1440, true, errors, prefix).value_or(0);
    weekdays();
    const auto t = j.contains("times") ? j.at("times") : nlohmann::json();
    if (!t.is_array() || t.empty() || t.size() > 48) {
      errors.emplace(prefix + ".times", "must be a list of 1-48 times HH:MM");
    } else {
      for (const auto& x : t) {
        const auto m = minute_of(x, false);
        if (!m) {
          errors.emplace(prefix + ".times", "must be a list of 1-48 times HH:MM");
          break;
        }
        if (!s.times.empty() && *m <= s.times.back()) {
          errors.emplace(prefix + ".times", "must be in ascending order without repeats");
          break;
        }
        s.times.push_back(*m);
      }
    }
  } else if (kind == "weekly") {
    s.kind = Schedule::Kind::weekly;
    refuse_unknown(j, {"kind", "weekday", "from", "to"}, errors, prefix);
    s.weekday = int_field(j, "weekday", 1, 7, false, errors, prefix).value_or(0);
    if (!s.weekday && (j.contains("from") || j.contains("to")))
      errors.emplace(prefix + ".weekday", "is required with from/to");
    if (auto w = window_of(j, false, errors, prefix)) s.window = *w;
  } else if (kind == "monthly") {
    s.kind = Schedule::Kind::monthly;
    refuse_unknown(j, {"kind", "day", "from", "to"}, errors, prefix);
    s.day = int_field(j, "day", 1, 31, false, errors, prefix).value_or(0);
    if (!s.day && (j.contains("from") || j.contains("to")))
      errors.emplace(prefix + ".day", "is required with from/to");
    if (auto w = window_of(j, false, errors, prefix)) s.window = *w;
  } else {
    errors.emplace(prefix + ".kind", "must be interval, times, weekly or monthly");
  }
  if (errors.size() != before) return std::nullopt;
  return s;
}

nlohmann::json schedule_json(const Schedule& s) {
  nlohmann::json j;
  auto weekdays = [&] {
    if (!s.weekdays.empty()) j["weekdays"] = s.weekdays;
  };
  switch (s.kind) {
    case Schedule::Kind::interval: {
      j["kind"] = "interval";
      j["everyMinutes"] = s.every;
      j["windows"] = nlohmann::json::array();
      for (const auto& w : s.windows) j["windows"].push_back(window_json(w));
      weekdays();
      break;
    }
    case Schedule::Kind::times: {
      j["kind"] = "times";
      j["times"] = nlohmann::json::array();
      for (int t : s.times) j["times"].push_back(core::format_hhmm(t));
      j["slotMinutes"] = s.slot_minutes;
      weekdays();
      break;
    }
    case Schedule::Kind::weekly:
      j["kind"] = "weekly";
      if (s.weekday) {
        j["weekday"] = s.weekday;
        j.update(window_json(s.window));
      }
      break;
    case Schedule::Kind::monthly:
      j["kind"] = "monthly";
      if (s.day) {
        j["day"] = s.day;
        j.update(window_json(s.window));
      }
      break;
  }
  return j;
}

std::vector<Slot> slots_on(const Schedule& s, std::int64_t day, int offset) {
  std::vector<Slot> out;
  auto add = [&](std::int64_t from_min, std::int64_t to_min) {
    out.push_back({instant_of(day, from_min, offset), instant_of(day, to_min, offset)});
  };
  switch (s.kind) {
    case Schedule::Kind::interval:
      if (!has_weekday(s, day) || s.every <= 0) break;
      for (const auto& w : s.windows)
        for (int t = w.from; t < w.to; t += s.every) add(t, std::min(t + s.every, w.to));
      break;
    case Schedule::Kind::times:
      if (!has_weekday(s, day)) break;
      for (std::size_t i = 0; i < s.times.size(); ++i) {
        int end = std::min(s.times[i] + s.slot_minutes, 1440);
        if (i + 1 < s.times.size()) end = std::min(end, s.times[i + 1]);
        add(s.times[i], end);
      }
      break;
    case Schedule::Kind::weekly:
      if (s.weekday == 0) {
        if (iso_weekday(day) == 1) add(0, 7 * 1440);
      } else if (iso_weekday(day) == s.weekday) {
        add(s.window.from, s.window.to);
      }
      break;
    case Schedule::Kind::monthly: {
      const auto c = civil_from_days(day);
      const int len = days_in_month(c.y, c.m);
      if (s.day == 0) {
        if (c.d == 1) add(0, std::int64_t(len) * 1440);
      } else if ((int)c.d == std::min(s.day, len)) {
        add(s.window.from, s.window.to);
      }
      break;
    }
  }
  return out;
}

Placed place(const Schedule& s, int grace_minutes, std::int64_t made_at, int offset) {
  // Slots that may contain the instant or have it in their grace start at most this many days
  // before its day (grace is at most a day).
  const int lookback = s.kind == Schedule::Kind::weekly ? 15 : s.kind == Schedule::Kind::monthly ? 63 : 2;
  const std::int64_t today = local_day_of(made_at, offset);
  const std::int64_t grace = std::int64_t(grace_minutes) * 60;
  std::optional<Slot> late;
  for (std::int64_t d = today - lookback; d <= today; ++d)
    for (const Slot& slot : slots_on(s, d, offset)) {
      if (slot.start <= made_at && made_at < slot.end) return {Placement::done, slot};
      if (grace > 0 && slot.end <= made_at && made_at < slot.end + grace &&
          (!late || slot.start > late->start))
        late = slot;
    }
  if (late) return {Placement::late, late};
  return {};
}

std::string state_name(SlotState s) {
  switch (s) {
    case SlotState::open: return "open";
    case SlotState::grace: return "grace";
    case SlotState::done: return "done";
    case SlotState::late: return "late";
    case SlotState::missed: return "missed";
    case SlotState::not_needed: return "not_needed";
  }
  return "open";
}

SlotState state_at(const Slot& slot, int grace_minutes, std::optional<Placement> best,
                   std::int64_t now) {
  if (best == Placement::done) return SlotState::done;
  if (best == Placement::late) return SlotState::late;
  if (now < slot.end) return SlotState::open;
  if (now < slot.end + std::int64_t(grace_minutes) * 60) return SlotState::grace;
  return SlotState::missed;
}

std::string period_at(std::optional<int> opens, std::optional<int> closes, int minute) {
  // Opening hours that cross midnight (18:00-02:00) are open from opening to midnight and from
  // midnight to closing.
  const bool open = opens && closes &&
                    (*opens < *closes ? *opens <= minute && minute < *closes
                                      : minute >= *opens || minute < *closes);
  if (open)
    return minute < 12 * 60 ? "open_morning" : "open_afternoon";
  return "closed";
}

std::optional<Quota> parse_quota(const nlohmann::json& j, core::ErrorDetails& errors) {
  if (j.is_null()) return std::nullopt;
  const std::string prefix = "quota";
  if (!j.is_object()) {
    errors.emplace(prefix, "must be an object {per, count, shifts} or null");
    return std::nullopt;
  }
  const auto before = errors.size();
  Quota q;
  const std::string per = j.contains("per") && j.at("per").is_string() ? j.at("per").get<std::string>() : "";
  if (per != "day" && per != "shift") errors.emplace(prefix + ".per", "must be day or shift");
  q.per_shift = per == "shift";
  refuse_unknown(j, q.per_shift ? std::vector<std::string>{"per", "count", "shifts"}
                                : std::vector<std::string>{"per", "count"},
                 errors, prefix);
  q.count = int_field(j, "count", 1, 100, true, errors, prefix).value_or(0);
  if (q.per_shift) {
    const auto sh = j.contains("shifts") ? j.at("shifts") : nlohmann::json();
    if (!sh.is_array() || sh.empty() || sh.size() > 6) {
      errors.emplace(prefix + ".shifts", "must be a list of 1-6 shifts {name, from, to}");
    } else {
      for (std::size_t i = 0; i < sh.size(); ++i) {
        const std::string p = prefix + ".shifts[" + std::to_string(i) + "]";
        if (!sh[i].is_object()) {
          errors.emplace(p, "must be an object {name, from, to}");
          continue;
        }
        Shift shift;
        if (!sh[i].contains("name") || !sh[i].at("name").is_string() || sh[i].at("name").get<std::string>().empty() ||
            sh[i].at("name").get<std::string>().size() > 60)
          errors.emplace(p + ".name", "is required (at most 20 characters)");
        else
          shift.name = sh[i].at("name").get<std::string>();
        if (auto w = window_of(sh[i], true, errors, p)) shift.window = *w;
        q.shifts.push_back(shift);
      }
      std::vector<Window> ws;
      bool ordered = true;
      for (const auto& sh : q.shifts) {
        if (!ws.empty() && sh.window.from < ws.back().from) ordered = false;
        ws.push_back(sh.window);
      }
      if (!ordered || windows_overlap(ws)) errors.emplace(prefix + ".shifts", "must be in order and not overlap");
    }
  }
  if (errors.size() != before) return std::nullopt;
  return q;
}

nlohmann::json quota_json(const std::optional<Quota>& q) {
  if (!q) return nullptr;
  nlohmann::json j{{"per", q->per_shift ? "shift" : "day"}, {"count", q->count}};
  if (q->per_shift) {
    j["shifts"] = nlohmann::json::array();
    for (const auto& s : q->shifts) {
      auto w = window_json(s.window);
      w["name"] = s.name;
      j["shifts"].push_back(w);
    }
  }
  return j;
}

std::vector<QuotaPeriod> quota_periods(const Quota& q, std::int64_t day, int offset) {
  if (!q.per_shift) return {{"", instant_of(day, 0, offset), instant_of(day, 1440, offset)}};
  std::vector<QuotaPeriod> out;
  for (const auto& s : q.shifts)
    out.push_back({s.name, instant_of(day, s.window.from, offset), instant_of(day, s.window.to, offset)});
  return out;
}

std::optional<std::int64_t> scale_value(double value, int decimals) {
  if (!std::isfinite(value)) return std::nullopt;
  const double scaled = value * std::pow(10.0, decimals);
  if (std::fabs(scaled) > 1e15) return std::nullopt;
  const double rounded = std::round(scaled);
  if (std::fabs(scaled - rounded) > 1e-6 * std::max(1.0, std::fabs(scaled))) return std::nullopt;
  return static_cast<std::int64_t>(rounded);
}

double unscale(std::int64_t scaled, int decimals) {
  return static_cast<double>(scaled) / std::pow(10.0, decimals);
}

}  // namespace steward::patrols
