#include "app/app.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "db/migrations.hpp"
#include "http/server.hpp"
#include "modules/auth/auth_routes.hpp"
#include "crud/routes.hpp"
#include "modules/calendar/calendar_routes.hpp"
#include "modules/inspections/inspection_routes.hpp"
#include "modules/patrols/patrol_photos.hpp"
#include "modules/photos/photo_store.hpp"
#include "modules/patrols/patrol_routes.hpp"
#include "modules/kpi/analyses.hpp"
#include "modules/kpi/kpi_routes.hpp"
#include "modules/kpi/rollups.hpp"
#include "modules/exports_jobs/export_lists.hpp"
#include "modules/notices/notice_service.hpp"
#include "modules/work_orders/charges.hpp"
#include "modules/work_orders/photos.hpp"
#include "modules/work_orders/sla_rules.hpp"
#include "modules/work_orders/work_order_routes.hpp"

namespace steward::app {

std::string load_crypto_key(const AppConfig& config) {
  if (!config.crypto_key.empty()) return core::decode_key(config.crypto_key);
  std::filesystem::create_directories(config.data_dir);
  return core::load_or_create_key_file(config.data_dir + "/steward.key");
}

App::App(AppConfig config, const core::Clock& clock) : config_(std::move(config)), clock_(clock) {
  spdlog::set_level(spdlog::level::from_str(config_.log_level));
  if (config_.db.rfind("postgres", 0) != 0) {
    const std::string path = config_.db.rfind("sqlite:", 0) == 0 ? config_.db.substr(7) : config_.db;
    const auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir);
  }
  db_ = db::Database::open(
      {.url = config_.db, .readers = config_.db_connections, .durable = config_.durable});
  db::migrate(*db_, clock_.now());
  kpi::rollups::rebuild_if_needed(*db_);  // orders from before the dashboards' roll-ups
  cipher_ = std::make_unique<core::FieldCipher>(load_crypto_key(config_));
  const auth::PasswordCost cost{config_.password_time_cost, config_.password_memory_kib, 1};
  audit_ = std::make_unique<audit::AuditService>(*db_);
  auth_ = std::make_unique<auth::AuthService>(
      *db_, clock_, auth::AuthOptions{.session_ttl_seconds = config_.session_ttl_seconds,
                                      .password_cost = cost});
  users_ = std::make_unique<auth::UserService>(*db_, clock_, cost, &auth_->sessions());
  org_ = std::make_unique<org::OrgModule>(*db_, clock_, *cipher_,
                                          [this] { auth_->sessions().forget_all(); });
  calendar_ = std::make_unique<calendar::CalendarService>(*db_, clock_);
  work_orders_ =
      std::make_unique<work_orders::WorkOrderService>(*db_, clock_, *cipher_, *calendar_);
  calendar_->on_change([this] { work_orders_->recompute_open_clocks(); });
  sla_rules_ = std::make_unique<crud::Resource>(
      work_orders::sla_rule_spec([this] { work_orders_->recompute_open_clocks(); }), *db_, clock_);
  price_items_ = std::make_unique<crud::Resource>(work_orders::price_item_spec(), *db_, clock_);
  notifications_ = std::make_unique<notifications::NotificationService>(*db_, clock_);
  // What uploads cut short by a crash left (an upload takes seconds, an hour is well past it).
  if (const auto n = photos::remove_stale_temp_files(config_.data_dir))
    spdlog::info("removed {} stale temporary photo files", n);
  photos_ = std::make_unique<work_orders::PhotoService>(
      *db_, clock_, config_.data_dir, static_cast<std::size_t>(config_.upload_limit));
  webhook_ = std::make_unique<notifications::WebhookSender>(*db_, clock_);
  webhook_sender_ = std::make_unique<core::Periodic>(std::chrono::seconds(15), [this] {
    try {
      webhook_->deliver_due(clock_.now());
    } catch (const std::exception& e) {
      spdlog::error("webhook delivery failed: {}", e.what());
    }
  });
  settings_ = std::make_unique<settings::SettingsService>(*db_, clock_);
  inspections_ = std::make_unique<inspections::InspectionService>(*db_, clock_);
  inspections_->install_builtin();
  kpi_ = std::make_unique<kpi::KpiService>(*db_, clock_);
  inspection_photos_ = std::make_unique<inspections::InspectionPhotoService>(
      *db_, clock_, config_.data_dir, static_cast<std::size_t>(config_.upload_limit));
  spot_checks_ = std::make_unique<inspections::SpotCheckService>(*db_, clock_);
  spot_checks_->install_builtin();  // after the inspections' own: theirs skip a company with built-ins
  campaigns_ = std::make_unique<campaigns::CampaignService>(*db_, clock_);
  escalation_ = std::make_unique<core::Periodic>(std::chrono::seconds(60), [this] {
    try {
      work_orders_->escalate(clock_.now());
      inspections_->escalate_rectifications(clock_.now());
    } catch (const std::exception& e) {
      spdlog::error("escalation failed: {}", e.what());
    }
  });
  patrol_photos_ = std::make_unique<patrols::PatrolPhotoService>(
      *db_, clock_, config_.data_dir, static_cast<std::size_t>(config_.upload_limit));
  patrols_ = std::make_unique<patrols::PatrolService>(*db_, clock_, *work_orders_, *photos_);
  patrol_quota_check_ = std::make_unique<core::Periodic>(std::chrono::seconds(300), [this] {
    try {
      patrols_->report_shortfalls(clock_.now());
    } catch (const std::exception& e) {
      spdlog::error("patrol quota check failed: {}", e.what());
    }
  });
  register_routes();
  std::optional<http::StaticFiles> files;
  if (!config_.web_root.empty()) files.emplace(config_.web_root);
  dispatcher_ = std::make_unique<http::Dispatcher>(
      router_, [this](const http::Request& r) { return auth_->authenticate(auth::token_of(r)); },
      std::move(files));
}

App::~App() { stop(); }

void App::register_routes() {
  router_.get("/api/v1/health", [this](http::Request&) {
    return http::ok({{"status", "ok"},
                     {"version", STEWARD_VERSION},
                     {"database", db::engine_name(db_->engine())}});
  }, http::Access::open);
  auth::register_routes(router_, *auth_, *users_, *audit_);
  org_->register_routes(router_);
  calendar::register_routes(router_, *calendar_);
  work_orders::register_photo_routes(router_, *photos_);  // before .../work-orders/{id}/{action}
  work_orders::register_routes(router_, *work_orders_);
  crud::register_routes(router_, "/api/v1/sla-rules", *sla_rules_);
  crud::register_routes(router_, "/api/v1/price-items", *price_items_);
  notifications::register_routes(router_, *notifications_);
  notifications::register_routes(router_, *webhook_);
  settings::register_routes(router_, *settings_);
  inspections::register_photo_routes(router_, *inspection_photos_);  // before .../rectifications/{id}/{action}
  inspections::register_routes(router_, *inspections_);
  kpi::register_routes(router_, *kpi_);
  kpi::register_analysis_routes(router_, *db_, clock_, *cipher_);
  inspections::register_spot_check_routes(router_, *spot_checks_);
  campaigns::register_routes(router_, *campaigns_);
  patrols::register_routes(router_, *patrols_);
  patrols::register_photo_routes(router_, *patrol_photos_);
  notices::register_routes(router_, std::make_shared<notices::NoticeService>(*db_, clock_));
  exports_jobs::register_routes(router_, std::make_shared<exports_jobs::ExportService>(
      *db_, clock_, config_.data_dir, exports_jobs::standard_lists({*work_orders_, *inspections_, *spot_checks_, *patrols_, *org_})));
}

unsigned short App::start() {
  http::ServerOptions options;
  options.address = config_.address;
  options.port = static_cast<unsigned short>(config_.port);
  options.workers = config_.workers;
  options.upload_limit = static_cast<std::size_t>(config_.upload_limit);
  server_ = std::make_unique<http::Server>(options, *dispatcher_);
  escalation_->start();
  patrol_quota_check_->start();
  webhook_sender_->start();
  return server_->start();
}

void App::run() {
  const auto port = start();
  spdlog::info("steward {} serving http://{}:{}/ on {}", STEWARD_VERSION, config_.address, port,
               db::engine_name(db_->engine()));
  server_->wait_for_signal();
  stop();
}

void App::stop() {
  if (escalation_) escalation_->stop();
  if (patrol_quota_check_) patrol_quota_check_->stop();
  if (webhook_sender_) webhook_sender_->stop();
  if (server_) server_->stop();
  server_.reset();
  if (db_) db_->close();  // commits every queued write first; later calls do nothing
}

}  // namespace steward::app
