// Photos of work orders through the API: upload as the raw body, fetch back, and who may see them.
#include <cstdint>
#include <filesystem>

#include "core/time.hpp"
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

std::uint32_t crc32(const std::string& data) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char byte : data) {
    c ^= byte;
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return c ^ 0xFFFFFFFFu;
}

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

std::string chunk(const std::string& type, const std::string& data) {
  return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32(type + data));
}

// A real 1x1 red PNG: signature, IHDR, one IDAT (zlib with a stored block), IEND.
std::string tiny_png() {
  const std::string ihdr = be32(1) + be32(1) + std::string("\x08\x02\x00\x00\x00", 5);
  const std::string raw("\x00\xFF\x00\x00", 4);  // filter 0, then R G B
  std::uint32_t a = 1, b = 0;
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  const std::string zlib = std::string("\x78\x01\x01\x04\x00\xFB\xFF", 7) + raw + be32((b << 16) | a);
  return std::string("\x89PNG\r\n\x1A\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", zlib) +
         chunk("IEND", "");
}

// The frame of a JFIF file: SOI, the APP0 JFIF header, a comment, EOI.
std::string tiny_jpeg() {
  return std::string("\xFF\xD8", 2) +
         std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18) +
         std::string("\xFF\xFE\x00\x07steward", 11) + std::string("\xFF\xD9", 2);
}

class Photos : public ApiSuite<Photos> {
 protected:
  void SetUp() override { server().clock().set(kMonday1000); }

  Reply upload(const std::string& user, std::int64_t order, const std::string& stage,
               const std::string& type, const std::string& bytes) {
    return server().raw_request(
        "POST", "/api/v1/work-orders/" + std::to_string(order) + "/photos?stage=" + stage, bytes,
        {{"Authorization", "Bearer " + as(user)}, {"Content-Type", type}});
  }
  Reply fetch(const std::string& user, const std::string& url) {
    return server().raw_request("GET", url, "", {{"Authorization", "Bearer " + as(user)}});
  }
  std::int64_t new_order(const std::string& user, const std::string& project_code) {
    auto r = call(user, "POST", "/api/v1/work-orders",
                  {{"projectId", project(project_code)}, {"kind", "repair"}, {"category", "water"},
                   {"priority", "normal"}, {"channel", "phone"}, {"location", "3栋大堂"},
                   {"title", unique("照片报修")}});
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body.value("id", std::int64_t{0});
  }
  nlohmann::json photos_of(std::int64_t order) {
    return get("admin", path_id("/api/v1/work-orders", order)).body["photos"];
  }
  std::size_t files_stored() {
    std::size_t n = 0;
    const auto dir = std::filesystem::path(server().app().config().data_dir) / "photos";
    if (std::filesystem::exists(dir))
      for (const auto& f : std::filesystem::recursive_directory_iterator(dir))
        n += f.is_regular_file() ? 1 : 0;
    return n;
  }
};

TEST_P(Photos, APngAndAJpegComeBackByteForByteAndAppearOnTheOrder) {
  const auto order = new_order("frontdesk", "CSHY");
  const auto png = tiny_png();
  auto r = upload("frontdesk", order, "report", "image/png", png);
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["orderId"], order);
  EXPECT_EQ(r.body["stage"], "report");
  EXPECT_EQ(r.body["contentType"], "image/png");
  EXPECT_EQ(r.body["size"], png.size());
  EXPECT_EQ(r.body["uploadedBy"], "李婷婷");
  EXPECT_EQ(r.body["createdAt"], core::format_iso8601(kMonday1000));
  const std::string png_url = r.body["url"];
  EXPECT_EQ(png_url, "/api/v1/photos/" + r.body["id"].dump());

  const auto jpeg = tiny_jpeg();
  r = upload("tech", order, "complete", "image/jpeg; charset=binary", jpeg);
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["contentType"], "image/jpeg");
  const std::string jpeg_url = r.body["url"];

  auto back = fetch("frontdesk", png_url);
  ASSERT_EQ(back.status, 200u);
  EXPECT_EQ(back.raw, png);
  EXPECT_EQ(back.headers["content-type"], "image/png");
  EXPECT_EQ(back.headers["cache-control"], "private, max-age=86400");
  back = fetch("pm", jpeg_url);
  ASSERT_EQ(back.status, 200u);
  EXPECT_EQ(back.raw, jpeg);
  EXPECT_EQ(back.headers["content-type"], "image/jpeg");

  const auto photos = photos_of(order);
  ASSERT_EQ(photos.size(), 2u);
  EXPECT_EQ(photos[0]["url"], png_url);
  EXPECT_EQ(photos[0]["uploadedBy"], "李婷婷");
  EXPECT_EQ(photos[1]["url"], jpeg_url);
  EXPECT_EQ(photos[1]["stage"], "complete");
  // The timeline tells who added which.
  const auto timeline = get("admin", path_id("/api/v1/work-orders", order)).body["timeline"];
  int photo_events = 0;
  for (const auto& e : timeline) photo_events += e["action"] == "photo" ? 1 : 0;
  EXPECT_EQ(photo_events, 2);
  // And the file sits under the project's directory.
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(server().app().config().data_dir) /
                                      "photos" / std::to_string(project("CSHY"))));
}

TEST_P(Photos, TheTypeIsCheckedByTheBytesAndAMismatchStoresNothing) {
  const auto order = new_order("frontdesk", "CSHY");
  const auto files = files_stored();
  auto r = upload("frontdesk", order, "report", "image/png", "just some text, not an image\n");
  EXPECT_EQ(r.status, 415u);
  EXPECT_EQ(r.body["code"], "photo.not_an_image");
  r = upload("frontdesk", order, "report", "image/png", tiny_jpeg());
  EXPECT_EQ(r.status, 415u);
  EXPECT_EQ(r.body["code"], "photo.type_mismatch");
  r = upload("frontdesk", order, "report", "image/gif", "GIF89a....");
  EXPECT_EQ(r.status, 415u);
  EXPECT_EQ(r.body["code"], "photo.unsupported_type");
  r = upload("frontdesk", order, "later", "image/png", tiny_png());
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("stage"));
  EXPECT_TRUE(photos_of(order).empty());
  EXPECT_EQ(files_stored(), files);
}

TEST_P(Photos, AWebpIsRecognisedToo) {
  const auto order = new_order("frontdesk", "CSHY");
  std::string webp = "RIFF" + std::string("\x1A\x00\x00\x00", 4) + "WEBPVP8L" +
                     std::string("\x0D\x00\x00\x00\x2F\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xFE\x07\x00", 18);
  auto r = upload("frontdesk", order, "report", "image/webp", webp);
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(fetch("frontdesk", r.body["url"]).raw, webp);
}

TEST_P(Photos, MoreThanTenMebibytesIs413AndJsonKeepsItsOneMebibyteLimit) {
  const auto order = new_order("frontdesk", "CSHY");
  std::string big = tiny_png();
  big.resize(10 * 1024 * 1024 + 1, '\0');
  auto r = upload("frontdesk", order, "report", "image/png", big);
  EXPECT_EQ(r.status, 413u);
  EXPECT_EQ(r.body["code"], "request.body_too_large");
  // Just at the limit is fine (the bytes after the PNG's end do not matter to the check).
  big.resize(10 * 1024 * 1024);
  r = upload("frontdesk", order, "report", "image/png", big);
  EXPECT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["size"], big.size());
  // Any other route still refuses 2 MiB.
  r = server().raw_request("POST", "/api/v1/work-orders/" + std::to_string(order) + "/accept",
                           std::string(2 * 1024 * 1024, ' '),
                           {{"Authorization", "Bearer " + as("tech")}, {"Content-Type", "application/json"}});
  EXPECT_EQ(r.status, 413u);
  EXPECT_EQ(photos_of(order).size(), 1u);
}

TEST_P(Photos, APhotoIsSeenOnlyByThoseWhoMaySeeTheOrder) {
  const auto order = new_order("frontdesk", "CSHY");
  auto r = upload("frontdesk", order, "report", "image/png", tiny_png());
  ASSERT_EQ(r.status, 201u) << r.raw;
  const std::string url = r.body["url"];
  // A technician of another project.
  const std::string name = unique("chtdtech");
  auto made = call("admin", "POST", "/api/v1/users",
                   {{"username", name}, {"displayName", "外项目技工"}, {"password", "steward-demo"},
                    {"role", "technician"}, {"projectIds", {project("CHTD")}}, {"active", true}});
  ASSERT_EQ(made.status, 201u) << made.raw;
  auto other = server().raw_request("GET", url, "", {{"Authorization", "Bearer " + server().login(name)}});
  EXPECT_EQ(other.status, 404u);
  EXPECT_EQ(other.body["code"], "not_found");
  // Nor may they add one to it.
  other = server().raw_request(
      "POST", "/api/v1/work-orders/" + std::to_string(order) + "/photos?stage=report", tiny_png(),
      {{"Authorization", "Bearer " + server().login(name)}, {"Content-Type", "image/png"}});
  EXPECT_EQ(other.status, 404u);
  // An owner sees the photos of their own orders only.
  EXPECT_EQ(fetch("owner", url).status, 404u);
  EXPECT_EQ(fetch("owner", "/api/v1/photos/99999999").status, 404u);
  // Without a login, nothing.
  EXPECT_EQ(server().raw_request("GET", url, "", {}).status, 401u);
}

TEST_P(Photos, AnOwnerAddsPhotosToTheirOwnReportOnly) {
  const auto me = get("owner", "/api/v1/me").body;
  const auto unit = get("owner", "/api/v1/units").body["items"][0]["id"].get<std::int64_t>();
  auto mine = call("owner", "POST", "/api/v1/work-orders",
                   {{"projectId", project("CSHY")}, {"kind", "repair"}, {"category", "water"},
                    {"unitId", unit}, {"title", unique("业主报修")}});
  ASSERT_EQ(mine.status, 201u) << mine.raw;
  const auto id = mine.body["id"].get<std::int64_t>();
  auto r = upload("owner", id, "report", "image/png", tiny_png());
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(fetch("owner", r.body["url"]).status, 200u);
  EXPECT_EQ(get("owner", path_id("/api/v1/work-orders", id)).body["photos"].size(), 1u);
  r = upload("owner", id, "complete", "image/png", tiny_png());
  EXPECT_EQ(r.status, 403u);
  EXPECT_EQ(r.body["code"], "photo.stage_not_allowed");
  const auto someone_else = new_order("frontdesk", "CSHY");
  EXPECT_EQ(upload("owner", someone_else, "report", "image/png", tiny_png()).status, 404u);
  EXPECT_TRUE(photos_of(someone_else).empty());
}

TEST_P(Photos, TheTenthPhotoOfAStageIs409) {
  const auto order = new_order("frontdesk", "CSHY");
  for (int i = 0; i < 9; ++i) ASSERT_EQ(upload("frontdesk", order, "report", "image/png", tiny_png()).status, 201u);
  const auto files = files_stored();
  auto r = upload("frontdesk", order, "report", "image/png", tiny_png());
  EXPECT_EQ(r.status, 409u);
  EXPECT_EQ(r.body["code"], "photo.too_many");
  EXPECT_EQ(files_stored(), files);
  // The other stage has its own nine.
  EXPECT_EQ(upload("tech", order, "complete", "image/png", tiny_png()).status, 201u);
  EXPECT_EQ(photos_of(order).size(), 10u);
}

INSTANTIATE_TEST_SUITE_P(Engines, Photos, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
