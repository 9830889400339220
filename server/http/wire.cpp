#include "http/wire.hpp"

#include <cctype>

#include "core/crypto.hpp"

namespace steward::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void parse_query(std::string_view qs, core::Params& out) {
  while (!qs.empty()) {
    auto amp = qs.find('&');
    auto pair = qs.substr(0, amp);
    qs = amp == std::string_view::npos ? std::string_view() : qs.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1), true);
    if (!out.has(key)) out.set(key, std::move(value));  // the first of repeated keys wins
  }
}

}  // namespace

RequestIds::RequestIds() : prefix_(core::base64url_encode(core::random_bytes(3))) {}

std::string RequestIds::next() { return prefix_ + "-" + std::to_string(++counter_); }

std::string RequestIds::from_header(const std::string& offered) {
  if (offered.empty() || offered.size() > 64) return next();
  for (char c : offered)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      return next();
  return offered;
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(plus_is_space && c == '+' ? ' ' : c);
  }
  return out;
}

Request from_wire(const WireRequest& wire, const std::string& remote, RequestIds& ids) {
  Request r;
  r.method = std::string(wire.method_string());
  std::string_view target = wire.target();
  auto q = target.find('?');
  r.path = percent_decode(target.substr(0, q), false);
  if (q != std::string_view::npos) parse_query(target.substr(q + 1), r.query);
  for (const auto& field : wire) r.headers[lower(field.name_string())] = std::string(field.value());
  r.body = wire.body();
  r.remote_address = remote;
  r.request_id = ids.from_header(r.header("x-request-id"));
  return r;
}

WireResponse to_wire(const Response& response, unsigned version, bool keep_alive,
                     const std::string& request_id) {
  WireResponse res{static_cast<bhttp::status>(response.status), version};
  res.set(bhttp::field::server, "steward");
  if (!response.content_type.empty()) res.set(bhttp::field::content_type, response.content_type);
  res.set("X-Request-Id", request_id);
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "same-origin");
  for (const auto& [name, value] : response.headers) res.insert(name, value);
  res.body() = response.body;
  res.keep_alive(keep_alive);
  res.prepare_payload();
  return res;
}

std::optional<Response> refusal_for(const beast::error_code& ec) {
  auto refuse = [](core::ErrorKind kind, const char* code, const char* message) {
    return error_response(core::AppError(kind, code, message));
  };
  if (ec == bhttp::error::body_limit)
    return refuse(core::ErrorKind::payload_too_large, "request.body_too_large",
                  "the request body is larger than allowed (1 MiB; a photo 10 MiB)");
  if (ec == bhttp::error::header_limit) {
    Response r = refuse(core::ErrorKind::invalid_argument, "request.header_too_large",
                        "the request headers are too large");
    r.status = 431;
    return r;
  }
  if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
      ec == asio::error::connection_reset || ec == asio::error::eof ||
      ec == asio::error::operation_aborted || ec == bhttp::error::partial_message)
    return std::nullopt;
  return refuse(core::ErrorKind::invalid_argument, "request.malformed",
                "the request is not valid HTTP/1.1");
}

}  // namespace steward::http
