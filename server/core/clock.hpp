#pragma once
// The clock is passed in: services ask it for "now" (UTC epoch seconds), SQL never calls now(),
// and tests pin time with FixedClock.
#include <atomic>
#include <chrono>
#include <cstdint>

namespace steward::core {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now() const = 0;  // UTC epoch seconds
};

class SystemClock final : public Clock {
 public:
  std::int64_t now() const override {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
  }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::int64_t t) : t_(t) {}
  std::int64_t now() const override { return t_.load(); }
  void set(std::int64_t t) { t_.store(t); }
  void advance(std::int64_t seconds) { t_.fetch_add(seconds); }

 private:
  std::atomic<std::int64_t> t_;
};

}  // namespace steward::core
