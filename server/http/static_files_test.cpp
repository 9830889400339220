// The web application's files: client-side routes get index.html, hashed assets are cached for a
// year, index.html never, and no path, however encoded, reads a file outside the web root.
#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/crypto.hpp"
#include "http/wire.hpp"

namespace steward::http {
namespace {

namespace fs = std::filesystem;

const char* kIndex = "<!doctype html><title>Steward</title>";
const char* kSecret = "TOP-SECRET-OUTSIDE-THE-ROOT";

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base = fs::temp_directory_path() /
           ("steward-static-" + core::sha256_hex(core::random_bytes(8)).substr(0, 12));
    root = base / "web";
    fs::create_directories(root / "assets");
    write(root / "index.html", kIndex);
    write(root / "assets" / "app.3f2a.js", "console.log(1)");
    write(root / "assets" / "style.9c1d.css", "body{}");
    write(root / "favicon.ico", "ico");
    write(base / "secret.txt", kSecret);
    write(base / "secret", kSecret);
    fs::create_symlink(base / "secret.txt", root / "link.txt");
    fs::create_directory_symlink(base, root / "up");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(base, ec);
  }
  static void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

  std::optional<Response> serve(const std::string& path, const std::string& method = "GET") {
    Request r;
    r.method = method;
    r.path = path;
    return StaticFiles(root.string()).serve(r);
  }
  // As the server does: the raw target is percent-decoded before anything looks at it.
  std::optional<Response> serve_target(const std::string& target) {
    WireRequest wire{bhttp::verb::get, target, 11};
    RequestIds ids;
    Request r = from_wire(wire, "127.0.0.1", ids);
    return StaticFiles(root.string()).serve(r);
  }
  static std::string header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return "";
  }

  fs::path base, root;
};

TEST_F(StaticFilesTest, AClientSideRouteGetsIndexHtmlNeverCached) {
  for (const char* path : {"/", "/projects/3", "/units", "/login", "/index.html"}) {
    auto r = serve(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200u);
    EXPECT_EQ(r->body, kIndex) << path;
    EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
    EXPECT_EQ(header(*r, "Cache-Control"), "no-cache") << path;
  }
  EXPECT_TRUE(serve("/projects/3", "HEAD"));
}

TEST_F(StaticFilesTest, HashedAssetsAreCachedForAYear) {
  auto r = serve("/assets/app.3f2a.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "console.log(1)");
  EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
  const auto cache = header(*r, "Cache-Control");
  EXPECT_NE(cache.find("immutable"), std::string::npos) << cache;
  EXPECT_NE(cache.find("max-age=31536000"), std::string::npos) << cache;
  r = serve("/assets/style.9c1d.css");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->content_type, "text/css; charset=utf-8");
  // A file outside /assets is not hashed and not cached for long.
  r = serve("/favicon.ico");
  ASSERT_TRUE(r);
  EXPECT_EQ(header(*r, "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, AMissingFileIsNotFoundRatherThanTheApp) {
  EXPECT_FALSE(serve("/assets/x.js"));
  EXPECT_FALSE(serve("/assets/old.1234.css"));
  EXPECT_FALSE(serve("/robots.txt"));
}

TEST_F(StaticFilesTest, TheApiAndOtherVerbsAreLeftToTheRouter) {
  EXPECT_FALSE(serve("/api"));
  EXPECT_FALSE(serve("/api/v1/units"));
  EXPECT_FALSE(serve("/api/anything/else"));
  EXPECT_FALSE(serve("/projects/3", "POST"));
  EXPECT_FALSE(serve("/index.html", "DELETE"));
  EXPECT_TRUE(serve("/apiary")) << "only /api itself and what is below it";
}

TEST_F(StaticFilesTest, NoPathReadsAFileOutsideTheRoot) {
  const std::vector<std::string> paths = {
      "/../secret.txt",
      "/../../etc/passwd",
      "/assets/../../secret.txt",
      "//etc/passwd",
      "/../secret",
      "/./../secret.txt",
      "/link.txt",
      "/up/secret.txt",
      "/up/secret",
      "/assets/../../../../../../etc/passwd",
  };
  for (const auto& path : paths) {
    auto r = serve(path);
    if (!r) continue;  // refused: fine
    EXPECT_EQ(r->body.find(kSecret), std::string::npos) << path;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(r->body, kIndex) << path << " may only fall back to the app";
  }
  const std::vector<std::string> targets = {
      "/%2e%2e/secret.txt",
      "/%2E%2E/%2E%2E/etc/passwd",
      "/..%2fsecret.txt",
      "/assets/..%2F..%2Fsecret.txt",
      "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/.%2e/secret",
      "/%2fetc%2fpasswd",
      "/up%2fsecret.txt",
  };
  for (const auto& target : targets) {
    auto r = serve_target(target);
    if (!r) continue;
    EXPECT_EQ(r->body.find(kSecret), std::string::npos) << target;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << target;
    EXPECT_EQ(r->body, kIndex) << target;
  }
}

TEST_F(StaticFilesTest, ANulByteIsRefused) {
  EXPECT_FALSE(serve(std::string("/index.html\0.js", 15)));
  EXPECT_FALSE(serve_target("/index.html%00.js"));
}

TEST_F(StaticFilesTest, WithoutAWebRootNothingIsServed) {
  Request r;
  r.method = "GET";
  r.path = "/projects/3";
  EXPECT_FALSE(StaticFiles("").serve(r));
  EXPECT_FALSE(StaticFiles((base / "no-such-dir").string()).serve(r));
}

}  // namespace
}  // namespace steward::http
