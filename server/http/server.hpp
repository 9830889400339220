#pragma once
// HTTP/1.1 with keep-alive on Boost.Beast. Connections are coroutines, each on a strand of its
// own, on one I/O context run by `workers` threads; a request's handler runs on the thread that
// read it, so a slow database call holds that thread only.
#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/dispatcher.hpp"

namespace steward::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;        // 0: any free port (tests)
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;  // JSON bodies
  // Uploads (photos) may be larger: the limit is raised after the header, for a POST to one of
  // these patterns only ("{id}" matches a segment).
  std::size_t upload_limit = 10 * 1024 * 1024;
  std::vector<std::string> upload_routes = {"/api/v1/work-orders/{id}/photos",
                                            "/api/v1/inspections/{id}/photos",
                                            "/api/v1/patrol-photos"};
  int read_timeout_seconds = 30;     // a request must arrive whole within this
  int idle_timeout_seconds = 75;     // keep-alive connections idle longer are closed
  int workers = 0;                   // threads; 0: 4 per core, at least 8 (handlers wait on the database)
  int shutdown_grace_seconds = 20;   // in-flight requests get this long to finish
};

// Whether a request to `target` (path and query) may send an upload-sized body.
bool is_upload(const ServerOptions& options, const std::string& method, std::string_view target);

class Server {
 public:
  Server(ServerOptions options, const Dispatcher& dispatcher);
  ~Server();
  unsigned short start();  // binds and starts serving in background threads; returns the port
  void wait_for_signal();  // blocks until SIGINT or SIGTERM, then stops gracefully
  void stop();             // stops accepting, lets in-flight requests finish, joins threads

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace steward::http
