// The notification webhook through the API: a listener inside the test receives the signed POST;
// one answering 500 leaves the delivery pending for a retry a minute later.
#include <mutex>
#include <cctype>
#include <set>
#include <thread>

#include "core/time.hpp"
#include "http/net.hpp"
#include "modules/notifications/webhook.hpp"
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

using namespace steward::http;

// An HTTP listener on 127.0.0.1:<any port> that records every request and answers `status`.
class Listener {
 public:
  struct Received {
    std::string target, body;
    std::map<std::string, std::string> headers;  // lower-case names
  };

  explicit Listener(unsigned status) : status_(status) {
    acceptor_.open(tcp::v4());
    acceptor_.bind(tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    acceptor_.listen();
    asio::co_spawn(ioc_, serve(), asio::detached);
    thread_ = std::thread([this] { ioc_.run(); });
  }
  ~Listener() {
    ioc_.stop();
    thread_.join();
  }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/hooks/steward";
  }
  std::vector<Received> received() {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  asio::awaitable<void> serve() {
    for (;;) {
      tcp::socket socket = co_await acceptor_.async_accept(asio::use_awaitable);
      beast::tcp_stream stream(std::move(socket));
      beast::flat_buffer buffer;
      bhttp::request<bhttp::string_body> req;
      beast::error_code ec;
      co_await bhttp::async_read(stream, buffer, req, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) continue;
      Received r{std::string(req.target()), req.body(), {}};
      for (const auto& f : req) {
        std::string name(f.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers[name] = std::string(f.value());
      }
      {
        std::lock_guard lock(mutex_);
        received_.push_back(std::move(r));
      }
      bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(status_), 11};
      res.body() = status_ < 300 ? "ok" : "receiver broken";
      res.keep_alive(false);
      res.prepare_payload();
      co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
      stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    }
  }

  unsigned status_;
  asio::io_context ioc_;
  tcp::acceptor acceptor_{ioc_};
  std::thread thread_;
  std::mutex mutex_;
  std::vector<Received> received_;
};

class Webhook : public ApiSuite<Webhook> {
 protected:
  Reply step(const std::string& user, std::int64_t id, const std::string& action,
             const nlohmann::json& body = nlohmann::json::object()) {
    auto r = act(user, "POST", "/api/v1/work-orders/" + std::to_string(id) + "/" + action, body);
    EXPECT_EQ(r.status, 200u) << action << ": " << r.raw;
    return r;
  }
  void use_webhook(const std::string& url, const std::string& secret) {
    auto r = act("admin", "PUT", "/api/v1/settings", {{"webhookUrl", url}, {"webhookSecret", secret}});
    ASSERT_EQ(r.status, 200u) << r.raw;
  }
  // A repair taken to a dissatisfied call-back, which tells the supervisor and the manager.
  std::int64_t dissatisfied_repair() {
    auto projects = act("admin", "GET", "/api/v1/projects?q=CSHY").body["items"];
    std::int64_t project = 0;
    for (const auto& p : projects)
      if (p["code"] == "CSHY") project = p["id"];
    auto o = act("frontdesk", "POST", "/api/v1/work-orders",
                 {{"projectId", project}, {"kind", "repair"}, {"category", "lighting"},
                  {"priority", "normal"}, {"channel", "phone"}, {"location", "5栋电梯厅"},
                  {"title", unique("灯不亮")}});
    EXPECT_EQ(o.status, 201u) << o.raw;
    const auto id = o.body["id"].get<std::int64_t>();
    const auto tech = act("tech", "GET", "/api/v1/me").body["staffId"];
    step("frontdesk", id, "dispatch", {{"assigneeStaffId", tech}});
    step("tech", id, "accept");
    step("tech", id, "arrive");
    step("tech", id, "complete", {{"result", "换灯管"}});
    step("frontdesk", id, "visit",
         {{"method", "phone"}, {"satisfaction", "dissatisfied"}, {"comment", "还是不亮"}});
    return id;
  }
  nlohmann::json deliveries_of(std::int64_t order, const std::string& status) {
    auto r = act("admin", "GET", "/api/v1/webhook-deliveries?pageSize=200&status=" + status);
    EXPECT_EQ(r.status, 200u) << r.raw;
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : r.body["items"])
      if (d["payload"]["orderId"] == order) out.push_back(d);
    return out;
  }
};

TEST_P(Webhook, ANotificationIsPostedSignedToTheCompanysUrl) {
  at_time("2026-11-23T10:00:00");
  Listener listener(200);
  use_webhook(listener.url(), "s3cret-for-tests");
  const auto id = dissatisfied_repair();
  // Queued for the supervisor and the manager (the server's own sender may already be at it).
  EXPECT_EQ(deliveries_of(id, "pending").size() + deliveries_of(id, "delivered").size(), 2u);
  const auto now = server().clock().now();
  server().app().webhook().deliver_due(now);

  int seen = 0;
  std::set<std::string> recipients;
  for (const auto& r : listener.received()) {
    auto body = nlohmann::json::parse(r.body);
    if (body["orderId"] != id) continue;
    ++seen;
    EXPECT_EQ(r.target, "/hooks/steward");
    EXPECT_EQ(body["kind"], "dissatisfied");
    EXPECT_EQ(body["projectId"].is_number(), true);
    EXPECT_FALSE(body["title"].get<std::string>().empty());
    EXPECT_EQ(body["createdAt"], core::format_iso8601(now));
    recipients.insert(body["recipient"].get<std::string>());
    EXPECT_EQ(r.headers.at("content-type"), "application/json");
    EXPECT_EQ(r.headers.at("x-steward-event"), "notification");
    EXPECT_EQ(r.headers.at("x-steward-timestamp"), std::to_string(now));
    // What a receiver does: recompute the HMAC over "<timestamp>.<body>" with the shared secret.
    EXPECT_EQ(r.headers.at("x-steward-signature"),
              notifications::webhook_signature("s3cret-for-tests", now, r.body));
    EXPECT_NE(r.headers.at("x-steward-signature"),
              notifications::webhook_signature("another-secret", now, r.body));
  }
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(recipients, (std::set<std::string>{"pm", "supervisor"}));
  const auto delivered = deliveries_of(id, "delivered");
  ASSERT_EQ(delivered.size(), 2u);
  EXPECT_EQ(delivered[0]["attempts"], 1);
  EXPECT_EQ(delivered[0]["deliveredAt"], core::format_iso8601(now));
  EXPECT_TRUE(deliveries_of(id, "pending").empty());
  // Delivered once: the next round sends nothing again.
  const auto count = listener.received().size();
  server().app().webhook().deliver_due(now + 60);
  EXPECT_EQ(listener.received().size(), count);
  use_webhook("", "");
}

TEST_P(Webhook, AReceiverAnswering500IsTriedAgainAMinuteLater) {
  at_time("2026-11-23T11:00:00");
  Listener listener(500);
  use_webhook(listener.url(), "s3cret-for-tests");
  const auto id = dissatisfied_repair();
  const auto now = server().clock().now();
  server().app().webhook().deliver_due(now);
  auto pending = deliveries_of(id, "pending");
  ASSERT_EQ(pending.size(), 2u);
  for (const auto& d : pending) {
    EXPECT_EQ(d["attempts"], 1);
    EXPECT_EQ(d["nextAttemptAt"], core::format_iso8601(now + 60));
    EXPECT_EQ(d["lastError"], "HTTP 500");
  }
  // Not due yet half a minute later; due a minute later, and then waits two.
  auto sent = listener.received().size();
  server().app().webhook().deliver_due(now + 30);
  EXPECT_EQ(listener.received().size(), sent);
  server().app().webhook().deliver_due(now + 60);
  EXPECT_GT(listener.received().size(), sent);
  for (const auto& d : deliveries_of(id, "pending")) {
    EXPECT_EQ(d["attempts"], 2);
    EXPECT_EQ(d["nextAttemptAt"], core::format_iso8601(now + 60 + 120));
  }
  // After the eighth failure it is given up, and listed as failed.
  std::int64_t t = now + 60 + 120;
  for (int attempt = 3; attempt <= 8; ++attempt) {
    server().app().webhook().deliver_due(t);
    t += notifications::retry_delay(attempt);
  }
  EXPECT_TRUE(deliveries_of(id, "pending").empty());
  const auto failed = deliveries_of(id, "failed");
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_EQ(failed[0]["attempts"], 8);
  EXPECT_TRUE(failed[0]["nextAttemptAt"].is_null());
  use_webhook("", "");
}

TEST_P(Webhook, WithoutAUrlNothingIsQueued) {
  at_time("2026-11-23T14:00:00");
  use_webhook("", "");
  const auto id = dissatisfied_repair();
  EXPECT_TRUE(deliveries_of(id, "pending").empty());
  EXPECT_TRUE(deliveries_of(id, "delivered").empty());
}

TEST_P(Webhook, OnlyAdministratorsSeeTheDeliveries) {
  at_time("2026-11-23T10:00:00");
  EXPECT_EQ(act("frontdesk", "GET", "/api/v1/webhook-deliveries").status, 403u);
  EXPECT_EQ(act("pm", "GET", "/api/v1/webhook-deliveries").status, 403u);
  auto bad = act("admin", "GET", "/api/v1/webhook-deliveries?status=lost");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_TRUE(bad.body["details"].contains("status"));
  EXPECT_EQ(act("admin", "GET", "/api/v1/webhook-deliveries").status, 200u);
}

INSTANTIATE_TEST_SUITE_P(Engines, Webhook, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
