#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <thread>

#include "core/crypto.hpp"
#include "http/net.hpp"
#include "http/wire.hpp"

namespace steward::http {

struct Server::Impl {
  Impl(ServerOptions o, const Dispatcher& d)
      : options(std::move(o)),
        dispatcher(d),
        thread_count(options.workers > 0 ? options.workers
                                         : std::max(8u, 4 * std::thread::hardware_concurrency())) {}

  asio::awaitable<void> accept_loop();
  asio::awaitable<void> session(tcp::socket socket);
  Response run_handler(Request& request);

  ServerOptions options;
  const Dispatcher& dispatcher;
  unsigned thread_count;
  // One I/O context run by all the server's threads. Each connection is a coroutine on a strand of
  // its own, and a request's handler runs right there, on the thread that read the request: no
  // hand-over to another thread and back (that hand-over was most of the cost of a small
  // request). A handler waiting on the database holds its thread; the others go on serving.
  asio::io_context ioc{static_cast<int>(thread_count)};
  asio::strand<asio::io_context::executor_type> accept_strand = asio::make_strand(ioc);
  tcp::acceptor acceptor{accept_strand};
  std::vector<std::thread> threads;
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
  std::atomic<bool> stopped{false};
  RequestIds ids;
};

bool is_upload(const ServerOptions& options, const std::string& method, std::string_view target) {
  if (method != "POST") return false;
  const auto path = split_path(std::string(target.substr(0, target.find('?'))));
  for (const auto& pattern : options.upload_routes) {
    const auto want = split_path(pattern);
    if (want.size() != path.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < want.size() && same; ++i)
      same = (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') ||
             want[i] == path[i];
    if (same) return true;
  }
  return false;
}

namespace {

struct InFlight {
  explicit InFlight(std::atomic<int>& n) : n_(n) { ++n_; }
  ~InFlight() { --n_; }
  std::atomic<int>& n_;
};

}  // namespace

Response Server::Impl::run_handler(Request& request) {
  const auto started = std::chrono::steady_clock::now();
  Response response = dispatcher.handle(request);
  const double ms = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - started).count();
  // The query string is never logged: it may carry a phone number being searched for.
  spdlog::info("{} {} {} {} {}B {:.1f}ms user={} ip={}", request.request_id, request.method,
               request.path, response.status, response.body.size(), ms,
               request.actor ? request.actor->username : "-", request.remote_address);
  return response;
}

asio::awaitable<void> Server::Impl::session(tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  beast::error_code ec;
  const std::string remote = stream.socket().remote_endpoint(ec).address().to_string();
  for (;;) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    // Beast checks a Content-Length against the limit as soon as the header is parsed, before
    // the route is known: the larger limit first, the route's own right after the header.
    parser.body_limit(std::max(options.body_limit, options.upload_limit));
    // Idle keep-alive connections wait longer for the first byte than a request may take.
    stream.expires_after(std::chrono::seconds(
        buffer.size() > 0 ? options.read_timeout_seconds : options.idle_timeout_seconds));
    co_await bhttp::async_read_header(stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    std::size_t limit = options.body_limit;
    if (!ec) {
      if (is_upload(options, std::string(parser.get().method_string()), parser.get().target()))
        limit = options.upload_limit;
      parser.body_limit(limit);  // chunked bodies: counted as they come
      if (parser.content_length() && *parser.content_length() > limit) ec = bhttp::error::body_limit;
    }
    if (!ec) {
      stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
      co_await bhttp::async_read(stream, buffer, parser,
                                 asio::redirect_error(asio::use_awaitable, ec));
    }
    if (ec) {
      if (auto refusal = refusal_for(ec)) {
        auto res = to_wire(*refusal, 11, false, ids.next());
        stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
        co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
        // Lingering close: the client may still be sending the body we refused. Closing with
        // unread data makes the kernel answer with a reset, which can destroy the refusal before
        // the client reads it, so the rest is read and dropped for a little while first.
        stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream.expires_after(std::chrono::seconds(5));
        std::array<char, 16 * 1024> sink;
        for (std::size_t drained = 0; !ec && drained < 4 * std::max(limit, options.upload_limit);)
          drained += co_await stream.async_read_some(
              asio::buffer(sink), asio::redirect_error(asio::use_awaitable, ec));
      }
      break;
    }
    InFlight guard(in_flight);
    auto& wire = parser.get();
    Request request = from_wire(wire, remote, ids);
    Response response = run_handler(request);
    const bool keep_alive = wire.keep_alive() && !stopping;
    auto res = to_wire(response, wire.version(), keep_alive, request.request_id);
    if (wire.method() == bhttp::verb::head) res.body().clear();
    stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
    co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
    if (ec || !keep_alive) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> Server::Impl::accept_loop() {
  while (!stopping) {
    beast::error_code ec;
    auto strand = asio::make_strand(ioc);  // the new connection's
    tcp::socket socket =
        co_await acceptor.async_accept(strand, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) continue;  // closed on shutdown, or a transient failure (too many open files)
    asio::co_spawn(strand, session(std::move(socket)), asio::detached);
  }
}

Server::Server(ServerOptions options, const Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher)) {}

Server::~Server() { stop(); }

unsigned short Server::start() {
  auto& i = *impl_;
  const tcp::endpoint endpoint{asio::ip::make_address(i.options.address), i.options.port};
  i.acceptor.open(endpoint.protocol());
  i.acceptor.set_option(asio::socket_base::reuse_address(true));
  i.acceptor.bind(endpoint);
  i.acceptor.listen(asio::socket_base::max_listen_connections);
  asio::co_spawn(i.accept_strand, i.accept_loop(), asio::detached);
  for (unsigned n = 0; n < i.thread_count; ++n) i.threads.emplace_back([&i] { i.ioc.run(); });
  return i.acceptor.local_endpoint().port();
}

void Server::wait_for_signal() {
  asio::io_context signals_ioc;
  asio::signal_set signals(signals_ioc, SIGINT, SIGTERM);
  signals.async_wait([](const beast::error_code&, int signal) {
    spdlog::info("signal {} received: finishing in-flight requests", signal);
  });
  signals_ioc.run();
  stop();
}

void Server::stop() {
  auto& i = *impl_;
  if (i.stopped.exchange(true)) return;
  i.stopping = true;
  asio::post(i.accept_strand, [&i] {
    beast::error_code ec;
    i.acceptor.close(ec);
  });
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(i.options.shutdown_grace_seconds);
  while (i.in_flight > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  i.ioc.stop();
  for (auto& t : i.threads) t.join();
}

}  // namespace steward::http
