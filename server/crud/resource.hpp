#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "core/params.hpp"
#include "crud/spec.hpp"
#include "db/database.hpp"

namespace steward::crud {

// The use cases every master-data record has, each in one transaction with its audit row.
class Resource {
 public:
  Resource(Spec spec, db::Database& db, const core::Clock& clock)
      : spec_(std::move(spec)), db_(db), clock_(clock) {}

  const Spec& spec() const { return spec_; }
  nlohmann::json list(const core::Actor& actor, const core::Params& query) const;
  nlohmann::json get(const core::Actor& actor, std::int64_t id) const;
  nlohmann::json create(const core::Context& ctx, const nlohmann::json& body) const;
  nlohmann::json update(const core::Context& ctx, std::int64_t id, const nlohmann::json& body) const;
  void remove(const core::Context& ctx, std::int64_t id) const;

  // The record's row as the given actor may see it, or nullopt (absent or out of scope).
  std::optional<db::Row> find(db::Session& s, const core::Actor& actor, std::int64_t id) const;
  nlohmann::json view(const db::Row& row, const core::Actor& actor) const;

 private:
  Where scope_for(const core::Actor& actor) const;
  Values read_fields(json::Input& in, Mode mode) const;
  void check_references(db::Session& s, const Values& changes, std::int64_t project_id,
                        core::ErrorDetails& errors) const;
  void check_unique(db::Session& s, const Values& merged, std::int64_t self,
                    core::ErrorDetails& errors) const;
  void check_record(db::Session& s, const Values& changes, const Values& merged,
                    std::int64_t project_id, std::int64_t self) const;
  Values current_values(const db::Row& row) const;
  std::optional<std::int64_t> audit_project(const db::Row& row) const;

  Spec spec_;
  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace steward::crud
