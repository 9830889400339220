#pragma once
// The composition root: the one place that builds the database, the services and the routes and
// wires them together. Nothing registers itself.
#include <memory>

#include "app/config.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/database.hpp"
#include "http/dispatcher.hpp"
#include "http/router.hpp"
#include "modules/audit/audit.hpp"
#include "modules/auth/auth_service.hpp"
#include "modules/auth/user_service.hpp"
#include "core/periodic.hpp"
#include "crud/resource.hpp"
#include "modules/calendar/calendar_service.hpp"
#include "modules/inspections/inspection_service.hpp"
#include "modules/kpi/kpi_service.hpp"
#include "modules/inspections/inspection_photos.hpp"
#include "modules/inspections/spot_check_service.hpp"
#include "modules/campaigns/campaign_service.hpp"
#include "modules/notifications/notification_service.hpp"
#include "modules/notifications/webhook.hpp"
#include "modules/work_orders/photos.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/work_orders/work_order_service.hpp"
#include "modules/org/org_module.hpp"
#include "modules/patrols/patrol_photos.hpp"
#include "modules/patrols/patrol_service.hpp"

namespace steward::http {
class Server;
}

namespace steward::app {

class App {
 public:
  App(AppConfig config, const core::Clock& clock);  // opens and migrates the database
  ~App();

  unsigned short start();  // serves in background threads; returns the port
  void run();              // start, then serve until SIGINT/SIGTERM, then shut down
  void stop();             // finishes in-flight requests and queued writes

  const AppConfig& config() const { return config_; }
  db::Database& db() { return *db_; }
  const http::Router& router() const { return router_; }
  const http::Dispatcher& dispatcher() const { return *dispatcher_; }
  org::OrgModule& org() { return *org_; }
  const core::FieldCipher& cipher() const { return *cipher_; }
  auth::AuthService& auth() { return *auth_; }
  auth::UserService& users() { return *users_; }
  calendar::CalendarService& calendar() { return *calendar_; }
  work_orders::WorkOrderService& work_orders() { return *work_orders_; }
  notifications::NotificationService& notifications() { return *notifications_; }
  notifications::WebhookSender& webhook() { return *webhook_; }
  inspections::InspectionService& inspections() { return *inspections_; }
  kpi::KpiService& kpi() { return *kpi_; }
  inspections::SpotCheckService& spot_checks() { return *spot_checks_; }
  campaigns::CampaignService& campaigns() { return *campaigns_; }
  patrols::PatrolService& patrols() { return *patrols_; }

 private:
  void register_routes();
  AppConfig config_;
  const core::Clock& clock_;
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<core::FieldCipher> cipher_;
  std::unique_ptr<audit::AuditService> audit_;
  std::unique_ptr<auth::AuthService> auth_;
  std::unique_ptr<auth::UserService> users_;
  std::unique_ptr<org::OrgModule> org_;
  std::unique_ptr<calendar::CalendarService> calendar_;
  std::unique_ptr<work_orders::WorkOrderService> work_orders_;
  std::unique_ptr<crud::Resource> sla_rules_;
  std::unique_ptr<crud::Resource> price_items_;
  std::unique_ptr<notifications::NotificationService> notifications_;
  std::unique_ptr<work_orders::PhotoService> photos_;
  std::unique_ptr<notifications::WebhookSender> webhook_;
  std::unique_ptr<core::Periodic> webhook_sender_;
  std::unique_ptr<settings::SettingsService> settings_;
  std::unique_ptr<inspections::InspectionService> inspections_;
  std::unique_ptr<kpi::KpiService> kpi_;
  std::unique_ptr<inspections::InspectionPhotoService> inspection_photos_;
  std::unique_ptr<inspections::SpotCheckService> spot_checks_;
  std::unique_ptr<campaigns::CampaignService> campaigns_;
  std::unique_ptr<core::Periodic> escalation_;
  std::unique_ptr<patrols::PatrolPhotoService> patrol_photos_;
  std::unique_ptr<patrols::PatrolService> patrols_;
  std::unique_ptr<core::Periodic> patrol_quota_check_;
  http::Router router_;
  std::unique_ptr<http::Dispatcher> dispatcher_;
  std::unique_ptr<http::Server> server_;
};

// The personal-data key: from the configuration, else the key file in the data directory
// (created on first start).
std::string load_crypto_key(const AppConfig& config);

}  // namespace steward::app
