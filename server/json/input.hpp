#pragma once
// Reads and validates a JSON request body field by field, collecting every problem, so one 400
// answer names all the offending fields: {"details": {"name": "is required", "floors": "..."}}.
// Unknown fields are refused too: a typo in a field name must not be silently ignored.
//
//   Input in(req.json(), Input::Mode::create);
//   auto name = in.text("name", {.max = 100});
//   auto floors = in.integer("floors", {.min = 1, .max = 200});
//   in.finish();  // throws AppError(invalid_argument) when anything was wrong
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace steward::json {

struct TextRule {
  bool required = true;
  std::size_t min = 1;    // characters (code points), after trimming
  std::size_t max = 100;
};
struct IntRule {
  bool required = true;
  std::int64_t min = 0;
  std::int64_t max = 1'000'000'000;
};

// A field that may be explicitly null: present=false when absent from the body.
struct NullableId {
  bool present = false;
  std::optional<std::int64_t> value;
};

class Input {
 public:
  enum class Mode { create, update };  // update: every field optional (PATCH)
  Input(const nlohmann::json& body, Mode mode);

  bool has(const std::string& key) const;
  std::optional<std::string> text(const std::string& key, TextRule rule = {});
  std::optional<std::int64_t> integer(const std::string& key, IntRule rule = {});
  std::optional<bool> boolean(const std::string& key, bool required = true);
  // Any finite JSON number (reading values; the caller checks the decimals).
  std::optional<double> number(const std::string& key, bool required = true);
  // A nested object, returned for the caller to read (null or absent: nullopt).
  std::optional<nlohmann::json> object(const std::string& key, bool required = true);
  // A decimal with at most two places, returned in hundredths (12.5 -> 1250).
  std::optional<std::int64_t> hundredths(const std::string& key, IntRule rule = {});
  std::optional<std::string> choice(const std::string& key, const std::vector<std::string>& allowed,
                                    bool required = true);
  std::optional<std::int64_t> id(const std::string& key, bool required = true);
  NullableId nullable_id(const std::string& key);
  std::optional<std::vector<std::int64_t>> ids(const std::string& key, bool required = true,
                                               std::size_t max_items = 500);
  // A list of at most `max_items` objects, each read by `each` with an Input of its own; their
  // problems are named by position: "charges[1].quantity". Returns how many items there were.
  std::size_t objects(const std::string& key, std::size_t max_items,
                      const std::function<void(Input& item, std::size_t index)>& each,
                      bool required = false);
  // Records a problem found by the caller's own rule (e.g. workEnd before workStart).
  void fail(const std::string& key, const std::string& what);
  void finish();  // throws when any field failed or an unknown field was sent

 private:
  const nlohmann::json* take(const std::string& key, bool required);
  core::ErrorDetails problems() const;  // the failures, and every field nobody read
  const nlohmann::json& body_;
  Mode mode_;
  std::set<std::string> seen_;
  core::ErrorDetails errors_;
};

}  // namespace steward::json
