#include "modules/settings/settings_service.hpp"

#include <stdexcept>

#include "core/error.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"

namespace steward::settings {
namespace {

enum class Type { text, integer, secret };

struct Key {
  const char* name;
  Type type;
  const char* fallback;
  std::int64_t min = 0, max = 0;  // integers
  std::size_t max_length = 0;     // texts
};

const std::vector<Key>& keys() {
  static const std::vector<Key> k{
      {"webhookUrl", Type::text, "", 0, 0, 500},
      {"webhookSecret", Type::secret, "", 0, 0, 200},
      {"unpaidChargeDays", Type::integer, "3", 1, 90, 0},
  };
  return k;
}

const Key& key_of(const std::string& name) {
  for (const Key& k : keys())
    if (name == k.name) return k;
  throw std::logic_error("unknown setting: " + name);
}

std::string stored(db::Session& s, const Key& k) {
  auto row = db::Query(s, "SELECT value FROM company_setting WHERE key = :k").bind("k", k.name).one();
  return row ? row->str("value") : k.fallback;
}

bool is_url(const std::string& v) {
  return v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0;
}

nlohmann::json view(db::Session& s) {
  return {{"webhookUrl", text_setting(s, "webhookUrl")},
          {"webhookSecretSet", !text_setting(s, "webhookSecret").empty()},
          {"unpaidChargeDays", int_setting(s, "unpaidChargeDays")}};
}

// The values the body sets, validated, as text.
std::vector<std::pair<const Key*, std::string>> read(const nlohmann::json& body) {
  json::Input in(body, json::Input::Mode::update);
  std::vector<std::pair<const Key*, std::string>> out;
  for (const Key& k : keys()) {
    if (!in.has(k.name)) continue;
    if (k.type == Type::integer) {
      if (auto v = in.integer(k.name, {.min = k.min, .max = k.max}))
        out.emplace_back(&k, std::to_string(*v));
    } else if (auto v = in.text(k.name, {.required = false, .min = 0, .max = k.max_length})) {
      if (std::string(k.name) == "webhookUrl" && !v->empty() && !is_url(*v))
        in.fail(k.name, "must start with http:// or https://");
      out.emplace_back(&k, *v);
    }
  }
  in.finish();
  return out;
}

}  // namespace

std::string text_setting(db::Session& s, const std::string& key) { return stored(s, key_of(key)); }

std::int64_t int_setting(db::Session& s, const std::string& key) {
  const Key& k = key_of(key);
  try {
    return std::stoll(stored(s, k));
  } catch (const std::exception&) {
    return std::stoll(k.fallback);
  }
}

nlohmann::json SettingsService::get(const core::Actor& actor) const {
  core::require(actor, "settings.manage");
  return db_.read([](db::Session& s) { return view(s); });
}

nlohmann::json SettingsService::update(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "settings.manage");
  const auto values = read(body);
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    const auto before = view(s);
    for (const auto& [k, value] : values) {
      db::Query(s, "DELETE FROM company_setting WHERE key = :k").bind("k", k->name).exec();
      db::Query(s, "INSERT INTO company_setting (key, value, updated_at, updated_by) "
                   "VALUES (:k, :v, :at, :by)")
          .bind("k", k->name).bind("v", value).bind("at", (long long)now)
          .bind("by", (long long)ctx.actor.user_id).exec();
    }
    auto after = view(s);
    // The secret is never written to the audit trail, only that it changed.
    for (const auto& [k, value] : values)
      if (k->type == Type::secret) after["webhookSecretChanged"] = true;
    audit::record(s, ctx, now, {std::nullopt, "settings", 0, "update", before, after});
    return view(s);
  });
}

void register_routes(http::Router& router, const SettingsService& service) {
  const SettingsService* s = &service;
  router.get("/api/v1/settings", [s](http::Request& req) { return http::ok(s->get(req.user())); });
  router.put("/api/v1/settings", [s](http::Request& req) {
    return http::ok(s->update({req.user(), req.request_id}, req.json()));
  });
}

}  // namespace steward::settings
