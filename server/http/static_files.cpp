#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace steward::http {
namespace {

std::string mime_type(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},   {".json", "application/json"},
      {".svg", "image/svg+xml"},             {".png", "image/png"},
      {".jpg", "image/jpeg"},                {".webp", "image/webp"},
      {".ico", "image/x-icon"},              {".woff2", "font/woff2"},
      {".woff", "font/woff"},                {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"}, {".map", "application/json"},
  };
  const auto ext = std::filesystem::path(path).extension().string();
  for (const auto& [e, type] : kTypes)
    if (ext == e) return type;
  return "application/octet-stream";
}

}  // namespace

std::optional<Response> StaticFiles::file(const std::string& relative, bool immutable) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(root_, ec);
  const fs::path full = fs::weakly_canonical(base / relative, ec);
  // Refuse anything that resolves outside the web root ("..", symlinks).
  auto rel = full.lexically_relative(base);
  if (ec || rel.empty() || *rel.begin() == "..") return std::nullopt;
  if (!fs::is_regular_file(full, ec)) return std::nullopt;
  std::ifstream in(full, std::ios::binary);
  std::ostringstream data;
  data << in.rdbuf();
  Response r;
  r.body = data.str();
  r.content_type = mime_type(full.string());
  r.headers.emplace_back("Cache-Control",
                         immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
  if (root_.empty() || (request.method != "GET" && request.method != "HEAD")) return std::nullopt;
  if (request.path == "/api" || request.path.rfind("/api/", 0) == 0) return std::nullopt;
  if (request.path.find('\0') != std::string::npos) return std::nullopt;
  const std::string relative = request.path.size() > 1 ? request.path.substr(1) : "index.html";
  const bool hashed = relative.rfind("assets/", 0) == 0;
  if (auto r = file(relative, hashed)) return r;
  // A file-like path that does not exist is a 404; anything else is a client-side route.
  if (std::filesystem::path(relative).has_extension()) return std::nullopt;
  return file("index.html", false);
}

}  // namespace steward::http
