#include "http/client.hpp"

#include <boost/asio/ssl.hpp>
#include <boost/beast/ssl.hpp>

#include "http/net.hpp"

namespace steward::http {
namespace {

namespace ssl = asio::ssl;
using Headers = std::vector<std::pair<std::string, std::string>>;

bhttp::request<bhttp::string_body> build(const Url& u, const Headers& headers,
                                         const std::string& body) {
  bhttp::request<bhttp::string_body> req{bhttp::verb::post, u.target, 11};
  const bool default_port = u.port == (u.tls ? "443" : "80");
  const std::string host = u.host.find(':') != std::string::npos ? "[" + u.host + "]" : u.host;
  req.set(bhttp::field::host, default_port ? host : host + ":" + u.port);
  req.set(bhttp::field::user_agent, std::string("steward/") + STEWARD_VERSION);
  for (const auto& [name, value] : headers) req.set(name, value);
  req.body() = body;
  req.keep_alive(false);
  req.prepare_payload();
  return req;
}

template <class Stream>
asio::awaitable<void> exchange(Stream& stream, bhttp::request<bhttp::string_body>& req,
                               ClientResult& out) {
  co_await bhttp::async_write(stream, req, asio::use_awaitable);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024);
  beast::error_code ec;
  co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
  // A status line and headers are an answer, even when the body was cut or too long.
  if (ec && !parser.is_header_done()) throw beast::system_error(ec);
  out.status = parser.get().result_int();
  out.body = parser.get().body();
}

asio::awaitable<void> run(const Url& u, bhttp::request<bhttp::string_body> req,
                          std::chrono::milliseconds timeout, ClientResult& out) {
  auto executor = co_await asio::this_coro::executor;
  tcp::resolver resolver(executor);
  const auto endpoints = co_await resolver.async_resolve(u.host, u.port, asio::use_awaitable);
  if (!u.tls) {
    beast::tcp_stream stream(executor);
    stream.expires_after(timeout);
    co_await stream.async_connect(endpoints, asio::use_awaitable);
    co_await exchange(stream, req, out);
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    co_return;
  }
  ssl::context ctx(ssl::context::tls_client);
  ctx.set_default_verify_paths();
  ctx.set_verify_mode(ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> stream(executor, ctx);
  stream.set_verify_callback(ssl::host_name_verification(u.host));
  if (!SSL_set_tlsext_host_name(stream.native_handle(), u.host.c_str()))
    throw std::runtime_error("cannot set the TLS server name");
  beast::get_lowest_layer(stream).expires_after(timeout);
  co_await beast::get_lowest_layer(stream).async_connect(endpoints, asio::use_awaitable);
  co_await stream.async_handshake(ssl::stream_base::client, asio::use_awaitable);
  co_await exchange(stream, req, out);
  beast::error_code ec;
  beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ec);
}

}  // namespace

std::optional<Url> parse_url(const std::string& url) {
  Url u;
  std::string rest;
  if (url.rfind("http://", 0) == 0) {
    rest = url.substr(7);
  } else if (url.rfind("https://", 0) == 0) {
    u.tls = true;
    rest = url.substr(8);
  } else {
    return std::nullopt;
  }
  const auto end = rest.find_first_of("/?#");
  std::string authority = rest.substr(0, end);
  u.target = end == std::string::npos ? "/" : rest.substr(end);
  if (auto hash = u.target.find('#'); hash != std::string::npos) u.target.erase(hash);
  if (u.target.empty() || u.target[0] != '/') u.target = "/" + u.target;
  if (authority.find('@') != std::string::npos) return std::nullopt;  // no credentials in URLs
  if (!authority.empty() && authority[0] == '[') {
    const auto close = authority.find(']');
    if (close == std::string::npos) return std::nullopt;
    u.host = authority.substr(1, close - 1);
    const std::string after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') return std::nullopt;
      u.port = after.substr(1);
    }
  } else {
    const auto colon = authority.rfind(':');
    u.host = authority.substr(0, colon);
    if (colon != std::string::npos) u.port = authority.substr(colon + 1);
  }
  if (u.host.empty()) return std::nullopt;
  if (u.port.empty()) u.port = u.tls ? "443" : "80";
  for (char c : u.port)
    if (c < '0' || c > '9') return std::nullopt;
  if (u.port.size() > 5 || std::stoi(u.port) == 0 || std::stoi(u.port) > 65535) return std::nullopt;
  return u;
}

ClientResult post(const std::string& url, const Headers& headers, const std::string& body,
                  std::chrono::milliseconds timeout) {
  ClientResult out;
  const auto u = parse_url(url);
  if (!u) {
    out.error = "not an http:// or https:// URL";
    return out;
  }
  asio::io_context ioc;
  bool done = false;
  asio::co_spawn(ioc, run(*u, build(*u, headers, body), timeout, out),
                 [&](std::exception_ptr e) {
                   done = true;
                   if (!e) return;
                   try {
                     std::rethrow_exception(e);
                   } catch (const std::exception& ex) {
                     out.status = 0;
                     out.error = ex.what();
                   }
                 });
  // The streams' own deadline covers connecting, the handshake and the exchange; this one
  // also covers resolving the name.
  ioc.run_for(timeout + std::chrono::seconds(1));
  if (!done) {
    out.status = 0;
    out.error = "timed out";
  }
  return out;
}

}  // namespace steward::http
