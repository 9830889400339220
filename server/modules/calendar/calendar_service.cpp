#include "modules/calendar/calendar_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/error.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"

namespace steward::calendar {
namespace {

struct Day {
  Date date;
  bool working = false;
  std::string note;
};

void check_year(int year) {
  if (year < CalendarService::kMinYear || year > CalendarService::kMaxYear)
    core::throw_invalid("the year must be between 2000 and 2100",
                        {{"year", "must be between 2000 and 2100"}});
}

nlohmann::json to_json(const std::vector<Day>& days) {
  nlohmann::json out = nlohmann::json::array();
  for (const Day& d : days)
    out.push_back({{"date", format_date(d.date)}, {"working", d.working}, {"note", d.note}});
  return out;
}

std::map<Date, bool> to_overrides(const std::vector<Day>& days) {
  std::map<Date, bool> out;
  for (const Day& d : days) out[d.date] = d.working;
  return out;
}

// The stored overrides, of one year or of all, in date order.
std::vector<Day> load(db::Session& s, std::optional<int> year) {
  std::string sql = "SELECT day, working, note FROM calendar_day";
  if (year) sql += " WHERE day >= :first AND day <= :last";
  db::Query q(s, sql + " ORDER BY day");
  if (year)
    q.bind("first", format_date(make_date(*year, 1, 1)))
        .bind("last", format_date(make_date(*year, 12, 31)));
  std::vector<Day> out;
  for (const auto& r : q.all()) {
    const auto date = parse_date(r.str("day"));
    if (!date) throw std::runtime_error("calendar_day holds a malformed day: " + r.str("day"));
    out.push_back({*date, r.flag("working"), r.str("note")});
  }
  return out;
}

nlohmann::json year_view(int year, const std::vector<Day>& days) {
  return {{"year", year},
          {"days", to_json(days)},
          {"workingDays", WorkingCalendar(to_overrides(days)).working_days_in_year(year)}};
}

// One entry of the body, its problems recorded under "days[i]" or "days[i].<field>".
std::optional<Day> read_day(const nlohmann::json& item, int year, const std::string& key,
                            core::ErrorDetails& errors) {
  if (!item.is_object()) {
    errors.emplace(key, "must be an object with date, working and note");
    return std::nullopt;
  }
  json::Input in(item, json::Input::Mode::create);
  const auto text = in.text("date", {.max = 10});
  const auto working = in.boolean("working");
  const auto note = in.text("note", {.max = 20});
  const auto date = text ? parse_date(*text) : std::nullopt;
  if (text && !date) in.fail("date", "must be a date written YYYY-MM-DD");
  if (date && year_of(*date) != year) in.fail("date", "must be a day of " + std::to_string(year));
  try {
    in.finish();
  } catch (const core::AppError& e) {
    for (const auto& [field, what] : e.details()) errors.emplace(key + "." + field, what);
    return std::nullopt;
  }
  if (is_weekend(*date) != *working) {  // a weekday worked or a weekend off: already so
    errors.emplace(key, *text + (*working ? " is a weekday, a working day anyway"
                                          : " is a weekend day, a day off anyway"));
    return std::nullopt;
  }
  return Day{*date, *working, *note};
}

[[noreturn]] void refuse(const core::ErrorDetails& errors) {
  std::string message = "invalid calendar:";
  int shown = 0;
  for (const auto& [key, what] : errors)
    if (++shown <= 5) message += " " + key + " " + what + ";";
  if (shown > 5) message += " and " + std::to_string(shown - 5) + " more;";
  message.pop_back();
  core::throw_invalid(message, errors);
}

std::vector<Day> read_days(const nlohmann::json& body, int year) {
  if (!body.is_object())
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                         "the body must be a JSON object");
  core::ErrorDetails errors;
  for (const auto& [key, value] : body.items())
    if (key != "days") errors.emplace(key, "is not a known field");
  const auto it = body.find("days");
  if (it == body.end() || !it->is_array() || it->size() > 366)
    errors.emplace("days", "is required: a list of at most 366 days");
  if (!errors.empty()) refuse(errors);
  std::vector<Day> days;
  std::map<Date, std::size_t> first_seen;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string key = "days[" + std::to_string(i) + "]";
    auto day = read_day((*it)[i], year, key, errors);
    if (!day) continue;
    auto [pos, fresh] = first_seen.emplace(day->date, i);
    if (!fresh)
      errors.emplace(key + ".date", "repeats days[" + std::to_string(pos->second) + "]");
    days.push_back(std::move(*day));
  }
  if (!errors.empty()) refuse(errors);
  std::sort(days.begin(), days.end(), [](const Day& a, const Day& b) { return a.date < b.date; });
  return days;
}

void store(db::Session& s, int year, const std::vector<Day>& days, std::int64_t now) {
  db::Query(s, "DELETE FROM calendar_day WHERE day >= :first AND day <= :last")
      .bind("first", format_date(make_date(year, 1, 1)))
      .bind("last", format_date(make_date(year, 12, 31)))
      .exec();
  for (const Day& d : days)
    db::Query(s,
              "INSERT INTO calendar_day (day, working, note, updated_at) "
              "VALUES (:day, :working, :note, :updated)")
        .bind("day", format_date(d.date))
        .bind("working", d.working)
        .bind("note", d.note)
        .bind("updated", static_cast<long long>(now))
        .exec();
}

}  // namespace

CalendarService::CalendarService(db::Database& db, const core::Clock& clock)
    : db_(db), clock_(clock) {
  reload();
}

std::shared_ptr<const WorkingCalendar> CalendarService::calendar() const {
  std::shared_lock lock(mutex_);
  return current_;
}

void CalendarService::reload() {
  std::lock_guard serial(reload_mutex_);
  auto days = db_.read([](db::Session& s) { return load(s, std::nullopt); });
  auto fresh = std::make_shared<const WorkingCalendar>(to_overrides(days));
  std::unique_lock lock(mutex_);
  current_ = std::move(fresh);
}

void CalendarService::on_change(std::function<void()> listener) {
  std::lock_guard lock(listeners_mutex_);
  listeners_.push_back(std::move(listener));
}

void CalendarService::notify() {
  std::vector<std::function<void()>> listeners;
  {
    std::lock_guard lock(listeners_mutex_);
    listeners = listeners_;
  }
  for (const auto& listener : listeners) {
    try {
      listener();
    } catch (const std::exception& e) {
      spdlog::error("a calendar change listener failed: {}", e.what());
    }
  }
}

nlohmann::json CalendarService::year(const core::Actor& actor, int year) const {
  check_year(year);
  return year_view(year, db_.read([&](db::Session& s) { return load(s, year); }));
}

nlohmann::json CalendarService::replace_year(const core::Context& ctx, int year,
                                             const nlohmann::json& body) {
  core::require(ctx.actor, "calendar.manage");
  check_year(year);
  const auto days = read_days(body, year);
  const auto after = to_json(days);
  const bool changed = db_.write([&](db::Session& s) {
    const auto before = to_json(load(s, year));
    if (before == after) return false;
    const auto now = clock_.now();
    store(s, year, days, now);
    audit::record(s, ctx, now, {std::nullopt, "calendar_year", year, "replace", before, after});
    return true;
  });
  if (changed) {
    reload();
    notify();
  }
  return year_view(year, days);
}

}  // namespace steward::calendar
