#pragma once
// The audit trail (DOMAIN Q3): every change of state writes one row, in the same transaction as
// the change: who, when, which record, what action, and the record before and after (as the JSON
// a reader without contact permission would see, so no personal data in clear).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/context.hpp"
#include "core/page.hpp"
#include "db/database.hpp"

namespace steward::audit {

struct Change {
  std::optional<std::int64_t> project_id;
  std::string entity;  // "customer"
  std::int64_t entity_id = 0;
  std::string action;  // "create", "update", "delete", "login", ...
  nlohmann::json before;  // null when there was nothing before
  nlohmann::json after;   // null when nothing is left after
};

// Writes the audit row on the session of the running write job.
void record(db::Session& tx, const core::Context& ctx, std::int64_t now, const Change& change);

class AuditService {
 public:
  explicit AuditService(db::Database& db) : db_(db) {}
  // The history of one record, newest first, for callers with audit.read in its project.
  nlohmann::json history(const core::Actor& actor, const std::string& entity,
                         std::optional<std::int64_t> entity_id, core::PageRequest page);

 private:
  db::Database& db_;
};

}  // namespace steward::audit
