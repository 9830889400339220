// The HTTP server's threads: a handler that waits holds only its own thread, and many keep-alive
// connections served at once by several threads each get their own answers.
#include "http/server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "http/net.hpp"

namespace steward::http {
namespace {

class ServerThreads : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.get("/slow", [this](Request&) {
      ++slow_started_;
      release_.wait();
      return ok({{"slow", true}});
    }, Access::open);
    router_.get("/echo/{n}", [](Request& r) { return ok({{"n", r.path}}); }, Access::open);
  }
  void start(int threads) {
    ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.workers = threads;
    options.shutdown_grace_seconds = 2;
    server_ = std::make_unique<Server>(options, dispatcher_);
    port_ = server_->start();
  }
  void release() {
    if (!released_) release_promise_.set_value();
    released_ = true;
  }
  void TearDown() override {
    release();
    if (server_) server_->stop();
  }

  Router router_;
  Dispatcher dispatcher_{router_, [](const Request&) { return std::nullopt; }, std::nullopt};
  std::promise<void> release_promise_;
  bool released_ = false;
  std::shared_future<void> release_ = release_promise_.get_future().share();
  std::atomic<int> slow_started_{0};
  std::unique_ptr<Server> server_;
  unsigned short port_ = 0;
};

// One keep-alive connection.
class Client {
 public:
  explicit Client(unsigned short port) : stream_(ioc_) {
    stream_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  }
  // The status and body of GET target, or status 0 when nothing came within the timeout.
  std::pair<unsigned, std::string> get(const std::string& target, std::chrono::seconds timeout) {
    bhttp::request<bhttp::empty_body> req{bhttp::verb::get, target, 11};
    req.set(bhttp::field::host, "127.0.0.1");
    stream_.expires_after(timeout);
    beast::error_code ec;
    bhttp::write(stream_, req, ec);
    bhttp::response<bhttp::string_body> res;
    if (!ec) bhttp::read(stream_, buffer_, res, ec);
    if (ec) return {0, ec.message()};
    return {res.result_int(), res.body()};
  }

 private:
  asio::io_context ioc_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
};

TEST_F(ServerThreads, AHandlerThatWaitsHoldsUpNoOtherConnection) {
  start(2);
  std::thread slow([&] { Client(port_).get("/slow", std::chrono::seconds(20)); });
  while (slow_started_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto [status, body] = Client(port_).get("/echo/1", std::chrono::seconds(5));
  EXPECT_EQ(status, 200u) << body;
  EXPECT_NE(body.find("/echo/1"), std::string::npos);
  release();
  slow.join();
}

TEST_F(ServerThreads, ManyKeepAliveConnectionsOnSeveralThreadsEachGetTheirOwnAnswers) {
  start(4);
  std::atomic<int> wrong{0}, answered{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 16; ++c)
    clients.emplace_back([&, c] {
      Client client(port_);
      for (int i = 0; i < 50; ++i) {
        const std::string target = "/echo/" + std::to_string(c * 1000 + i);
        auto [status, body] = client.get(target, std::chrono::seconds(10));
        if (status != 200 || body.find("\"" + target + "\"") == std::string::npos) ++wrong;
        ++answered;
      }
    });
  for (auto& t : clients) t.join();
  EXPECT_EQ(answered, 800);
  EXPECT_EQ(wrong, 0);
}

}  // namespace
}  // namespace steward::http
