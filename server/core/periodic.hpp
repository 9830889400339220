#pragma once
// A job run every `interval` on its own thread until stopped (escalation of overdue clocks).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace steward::core {

class Periodic {
 public:
  Periodic(std::chrono::milliseconds interval, std::function<void()> job)
      : interval_(interval), job_(std::move(job)) {}
  ~Periodic() { stop(); }
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

  void start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    running_ = true;
    thread_ = std::thread([this] { loop(); });
  }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      running_ = false;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void loop() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, interval_, [this] { return !running_; })) {
      lock.unlock();
      job_();  // the job handles its own errors
      lock.lock();
    }
  }
  std::chrono::milliseconds interval_;
  std::function<void()> job_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool running_ = false;
  std::thread thread_;
};

}  // namespace steward::core
