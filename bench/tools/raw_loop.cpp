// `steward_bench raw-loop`: what SQLite itself allows for Steward's write of a new work order.
// The same three rows the server writes for every new order (the order, its first timeline
// event, its audit row), with the same schema and the same settings (WAL, foreign keys), in a
// tight loop with nothing else: no HTTP, no JSON, no validation, no clocks. The server's figure
// divided by this one is how much of the hardware's write speed Steward keeps.
#include <chrono>
#include <cstdio>
#include <string>

#include "app/app.hpp"
#include "bulk.hpp"
#include "core/clock.hpp"
#include "generate.hpp"
#include "rows.hpp"

namespace steward::bench {

int raw_loop(const RawLoopOptions& options) {
  using namespace std::chrono;
  using ll = std::int64_t;
  {
    app::AppConfig config;
    config.db = options.db_url;
    config.data_dir = options.data_dir;
    const core::SystemClock clock;
    app::App app(config, clock);  // the schema, migrated
  }
  Sqlite db(sqlite_path(options.db_url));
  db.exec("PRAGMA journal_mode=WAL");
  db.exec(options.durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
  db.exec("PRAGMA foreign_keys=ON");
  db.exec(
      "INSERT INTO region (name, code, created_at, updated_at) VALUES ('R', 'R', 0, 0);"
      "INSERT INTO project (region_id, name, code, time_zone, work_start_min, work_end_min, address, "
      "service_phone, created_at, updated_at) VALUES (1, 'P', 'P', 'Asia/Shanghai', 510, 1050, '', '', 0, 0);"
      "INSERT INTO building (project_id, zone_id, name, floors, created_at, updated_at) "
      "VALUES (1, NULL, 'B', 18, 0, 0);"
      "INSERT INTO unit (project_id, building_id, name, floor, area_centi, vacant, created_at, updated_at) "
      "VALUES (1, 1, '101', 1, 10000, 0, 0, 0);"
      "INSERT INTO customer (project_id, unit_id, name, kind, phone_enc, phone_index, phone_tail, "
      "id_number_enc, key_customer, note, created_at, updated_at) "
      "VALUES (1, 1, '王芳', 'owner', 'v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', "
      "'0000000000000000000000000000000000000000000000000000000000000000', '0000', '', 0, '', 0, 0)");
  Stmt order(db, kInsertOrder);
  Stmt event(db, kInsertEvent);
  Stmt audit(db, kInsertAudit);
  const std::string after(560, 'x');  // about the size of the order JSON the server audits
  const auto start = steady_clock::now();
  const auto end = start + duration<double>(options.seconds);
  ll n = 0;
  while (steady_clock::now() < end) {
    db.exec("BEGIN");
    for (int i = 0; i < options.batch; ++i, ++n) {
      const std::string code = "P-20261201-" + std::to_string(n);
      order.bind(1, 1).bind(2, code).bind(3, "repair").bind(4, "water").bind(5, "normal").bind(6, "phone")
          .bind(7, "registered").bind(8, 1).bind(9, 1).null(10).bind(11, 1).bind(12, "王芳")
          .bind(13, "v1:AAAA").bind(14, "0000").bind(15, "厨房水管漏水").bind(16, "业主来电反映").null(17).null(18)
          .bind(19, "").null(20).bind(21, "").null(22).bind(23, 1764547200 + n).bind(24, 1).bind(25, 1764547200 + n)
          .null(26).null(27).bind(28, 1764590400 + n);
      order.step();
      const ll id = order.last_id();
      event.bind(1, 1).bind(2, id).bind(3, 1764547200 + n).bind(4, 1).bind(5, "register").bind(6, "")
          .bind(7, "registered").step();
      audit.bind(1, 1).bind(2, 1).bind(3, 1764547200 + n).bind(4, id).bind(5, "register").bind(6, after).step();
    }
    db.exec("COMMIT");
  }
  const double seconds = duration<double>(steady_clock::now() - start).count();
  std::printf("raw loop (%s, %d per transaction): %lld orders in %.1f s: %.0f orders/s\n",
              options.durable ? "FULL" : "NORMAL", options.batch, (long long)n, seconds, n / seconds);
  return 0;
}

}  // namespace steward::bench
