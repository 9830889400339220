#pragma once
// Company-wide settings, one value per key: the notification webhook (W4 escalation) and the
// number of days a paid repair may stay unpaid (W7). Every key has a type, limits and a default,
// so a reader always gets a usable value and a writer gets a 400 naming the field.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace steward::settings {

// Inside any transaction: the stored value, or the key's default. Throws on an unknown key.
std::string text_setting(db::Session& s, const std::string& key);
std::int64_t int_setting(db::Session& s, const std::string& key);

class SettingsService {
 public:
  SettingsService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}
  // {"webhookUrl", "webhookSecretSet", "unpaidChargeDays"}: the secret itself is never shown.
  nlohmann::json get(const core::Actor& actor) const;
  // Any subset of the keys; an empty webhookUrl switches the webhook off.
  nlohmann::json update(const core::Context& ctx, const nlohmann::json& body) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

void register_routes(http::Router& router, const SettingsService& service);

}  // namespace steward::settings
