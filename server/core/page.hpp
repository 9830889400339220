#pragma once
#include <cstdint>

namespace steward::core {

// Server-side paging. Lists answer {"items": [...], "total": N}.
struct PageRequest {
  static constexpr int kDefaultSize = 20;
  static constexpr int kMaxSize = 200;
  int page = 1;  // 1-based
  int size = kDefaultSize;
  std::int64_t offset() const { return static_cast<std::int64_t>(page - 1) * size; }
};

}  // namespace steward::core
