// The webhook's signature and retry schedule, without a network.
#include "modules/notifications/webhook.hpp"

#include <gtest/gtest.h>

#include "http/client.hpp"

namespace steward::notifications {
namespace {

TEST(WebhookSignature, IsTheHexHmacOfTimestampDotBody) {
  // printf '%s' '1795399200.{"id":1,"kind":"dissatisfied"}' |
  //   openssl dgst -sha256 -hmac 'steward-test-secret'
  EXPECT_EQ(webhook_signature("steward-test-secret", 1795399200, R"({"id":1,"kind":"dissatisfied"})"),
            "sha256=117c5cc13e00c84af8d59a95c17d30433124356167a535a8865de3bbebdd883a");
}

TEST(WebhookSignature, ChangesWithTheTimestampAndTheBody) {
  const auto base = webhook_signature("k", 100, "{}");
  EXPECT_NE(webhook_signature("k", 101, "{}"), base);
  EXPECT_NE(webhook_signature("k", 100, "{ }"), base);
  EXPECT_NE(webhook_signature("other", 100, "{}"), base);
}

TEST(WebhookRetry, WaitsOneMinuteThenDoubles) {
  EXPECT_EQ(retry_delay(1), 60);
  EXPECT_EQ(retry_delay(2), 120);
  EXPECT_EQ(retry_delay(3), 240);
  EXPECT_EQ(retry_delay(7), 60 * 64);
}

TEST(WebhookUrl, ParsesSchemeHostPortAndTarget) {
  auto u = http::parse_url("https://hooks.example.com/steward?x=1");
  ASSERT_TRUE(u);
  EXPECT_TRUE(u->tls);
  EXPECT_EQ(u->host, "hooks.example.com");
  EXPECT_EQ(u->port, "443");
  EXPECT_EQ(u->target, "/steward?x=1");
  u = http::parse_url("http://127.0.0.1:8081");
  ASSERT_TRUE(u);
  EXPECT_FALSE(u->tls);
  EXPECT_EQ(u->port, "8081");
  EXPECT_EQ(u->target, "/");
  u = http::parse_url("http://[::1]:9000/h");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->host, "::1");
  EXPECT_EQ(u->port, "9000");
  EXPECT_FALSE(http::parse_url("ftp://example.com/"));
  EXPECT_FALSE(http::parse_url("http://user:pw@example.com/"));
  EXPECT_FALSE(http::parse_url("http://example.com:99999/"));
  EXPECT_FALSE(http::parse_url("http:///path"));
}

TEST(WebhookClient, NoListenerIsAnErrorNotAnAnswer) {
  // Port 1 on loopback: nobody listens, the connection is refused at once.
  auto r = http::post("http://127.0.0.1:1/", {}, "{}", std::chrono::seconds(2));
  EXPECT_EQ(r.status, 0u);
  EXPECT_FALSE(r.error.empty());
}

}  // namespace
}  // namespace steward::notifications
