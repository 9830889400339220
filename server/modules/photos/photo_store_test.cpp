// The shared photo storage: a failed upload leaves no file behind, not even a temporary one, and
// the temporary files of a crash are removed when the server starts.
#include "modules/photos/photo_store.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "app/app.hpp"
#include "core/error.hpp"
#include "tests/support/test_env.hpp"

namespace steward::photos {
namespace {

namespace fs = std::filesystem;

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, 'x');

std::size_t files_under(const fs::path& dir) {
  std::size_t n = 0;
  if (fs::exists(dir))
    for (const auto& f : fs::recursive_directory_iterator(dir)) n += f.is_regular_file() ? 1 : 0;
  return n;
}

void touch(const fs::path& path, std::chrono::seconds age) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << "partial";
  fs::last_write_time(path, fs::file_time_type::clock::now() - age);
}

TEST(PhotoStore, ARenameThatFailsLeavesNoTemporaryFile) {
  testing::TestDatabase db("sqlite");
  const fs::path dir = fs::path(db.dir()) / "photos" / "1";
  // The target is a directory that is not empty: the rename fails after the bytes are written.
  fs::create_directories(dir / "taken.png" / "inside");
  EXPECT_THROW(write_file_atomically((dir / "taken.png").string(), kPng), std::runtime_error);
  EXPECT_FALSE(fs::exists(dir / ".taken.png.tmp"));
  EXPECT_EQ(files_under(dir), 0u);
}

TEST(PhotoStore, AWriteCutShortHalfWayLeavesNoTemporaryFile) {
  testing::TestDatabase db("sqlite");
  const fs::path target = fs::path(db.dir()) / "photos" / "1" / "big.png";
  // A file size limit of 4 KiB: the first write stores part of the bytes, the next fails (EFBIG).
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit old_limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  rlimit small = old_limit;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  bool threw = false;
  try {
    write_file_atomically(target.string(), kPng + std::string(20000, 'y'));
  } catch (const std::runtime_error&) {
    threw = true;
  }
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_TRUE(threw);
  EXPECT_EQ(files_under(target.parent_path()), 0u);
}

TEST(PhotoStore, AnUploadWhoseRowFailsKeepsNoFile) {
  testing::TestDatabase tdb("sqlite");
  auto db = db::Database::open({.url = tdb.url()});
  int checks = 0;
  UploadSteps steps;
  steps.check = [&](db::Session&) {
    ++checks;
    return std::int64_t{7};
  };
  steps.insert = [&](db::Session&, std::int64_t project, const Stored& file) -> nlohmann::json {
    EXPECT_EQ(project, 7);
    EXPECT_EQ(file.type, "image/png");
    EXPECT_TRUE(fs::exists(fs::path(tdb.dir()) / file.relative));
    throw std::runtime_error("the row could not be written");
  };
  EXPECT_THROW(upload_into(*db, tdb.dir(), kPhotoMaxBytes, "image/png", kPng, steps), std::runtime_error);
  EXPECT_EQ(checks, 2);  // in the read, then again in the write
  EXPECT_EQ(files_under(fs::path(tdb.dir()) / "photos"), 0u);
}

TEST(PhotoStore, ARefusedUploadStoresNothingAndDoesNotInsert) {
  testing::TestDatabase tdb("sqlite");
  auto db = db::Database::open({.url = tdb.url()});
  bool inserted = false;
  UploadSteps steps;
  steps.check = [&](db::Session&) -> std::int64_t { core::throw_not_found("inspection"); };
  steps.insert = [&](db::Session&, std::int64_t, const Stored&) {
    inserted = true;
    return nlohmann::json();
  };
  EXPECT_THROW(upload_into(*db, tdb.dir(), kPhotoMaxBytes, "image/png", kPng, steps), core::AppError);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(files_under(fs::path(tdb.dir()) / "photos"), 0u);
}

TEST(PhotoStore, StaleTemporaryFilesGoFreshOnesAndPhotosStay) {
  testing::TestDatabase db("sqlite");
  const fs::path dir = fs::path(db.dir()) / "photos";
  touch(dir / "1" / ".old.png.tmp", std::chrono::hours(2));
  touch(dir / "2" / ".old.jpg.tmp", std::chrono::hours(30));
  touch(dir / "1" / ".new.png.tmp", std::chrono::minutes(5));  // an upload still being written
  touch(dir / "1" / "kept.png", std::chrono::hours(48));
  EXPECT_EQ(remove_stale_temp_files(db.dir()), 2u);
  EXPECT_FALSE(fs::exists(dir / "1" / ".old.png.tmp"));
  EXPECT_FALSE(fs::exists(dir / "2" / ".old.jpg.tmp"));
  EXPECT_TRUE(fs::exists(dir / "1" / ".new.png.tmp"));
  EXPECT_TRUE(fs::exists(dir / "1" / "kept.png"));
  EXPECT_EQ(remove_stale_temp_files(db.dir() + "/nowhere"), 0u);
}

TEST(PhotoStore, TheServerRemovesStaleTemporaryFilesWhenItStarts) {
  testing::TestDatabase db("sqlite");
  const fs::path stale = fs::path(db.dir()) / "photos" / "3" / ".crash.webp.tmp";
  touch(stale, std::chrono::hours(3));
  app::AppConfig c;
  c.db = db.url();
  c.data_dir = db.dir();
  c.log_level = "warn";
  const core::FixedClock clock(testing::kMonday1000);
  app::App app(c, clock);
  EXPECT_FALSE(fs::exists(stale));
}

TEST(PhotoStore, TheTypeComesFromTheBytes) {
  EXPECT_EQ(sniff_image_type(kPng), "image/png");
  EXPECT_EQ(sniff_image_type("\xFF\xD8\xFF\xE0"), "image/jpeg");
  EXPECT_EQ(sniff_image_type("RIFF0000WEBPVP8 "), "image/webp");
  EXPECT_EQ(sniff_image_type("GIF89a"), std::nullopt);
  EXPECT_EQ(check_photo("Image/PNG; q=1", kPng, kPhotoMaxBytes), "image/png");
  EXPECT_THROW(check_photo("image/jpeg", kPng, kPhotoMaxBytes), core::AppError);
}

TEST(PhotoStore, ADownloadIsTheBytesWithTheirTypeCachedPrivately) {
  const auto r = photo_response({"image/png", kPng});
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.content_type, "image/png");
  EXPECT_EQ(r.body, kPng);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "Cache-Control");
  EXPECT_EQ(r.headers[0].second, "private, max-age=86400");
}

}  // namespace
}  // namespace steward::photos
