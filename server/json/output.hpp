#pragma once
#include <nlohmann/json.hpp>
#include <optional>

namespace steward::json {

template <class T>
nlohmann::json or_null(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

}  // namespace steward::json
