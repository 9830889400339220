#pragma once
// Sending an export as an HTTP download. Header-only on purpose: steward_exports itself knows
// nothing of HTTP; these few lines are compiled into the module that answers the request.
#include <string>

#include "core/error.hpp"
#include "core/params.hpp"
#include "exports/csv.hpp"
#include "exports/table.hpp"
#include "exports/xlsx.hpp"
#include "http/request.hpp"

namespace steward::exports {

// ?format=xlsx (the default) or ?format=csv; anything else is a 400 naming `format`.
inline Format format_of(const core::Params& query) {
  const auto f = query.text("format");
  if (!f || *f == "xlsx") return Format::xlsx;
  if (*f == "csv") return Format::csv;
  core::throw_invalid("invalid request", {{"format", "must be one of: xlsx, csv"}});
}

inline const char* content_type_of(Format f) {
  return f == Format::xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                           : "text/csv; charset=utf-8";
}

// Content-Disposition for a UTF-8 file name (RFC 6266 / 5987): an ASCII fallback in
// filename="..." (other characters become '_') and the real name in filename*=UTF-8''...
inline std::string content_disposition(const std::string& filename) {
  static const char* hex = "0123456789ABCDEF";
  std::string ascii, encoded;
  for (unsigned char c : filename) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
    if (c >= 0x80) {
      if ((c & 0xC0) != 0x80) ascii += '_';  // one '_' per character, not per byte
    } else if (c < 0x20 || c == 0x7F || c == '"' || c == '\\' || c == '/' || c == ';') {
      ascii += '_';
    } else {
      ascii += static_cast<char>(c);
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

// Bytes already written (by XlsxWriter or CsvWriter) as a download "<basename>.xlsx|.csv".
inline http::Response download_bytes(std::string bytes, Format f, const std::string& basename) {
  http::Response r;
  r.status = 200;
  r.body = std::move(bytes);
  r.content_type = content_type_of(f);
  r.headers.emplace_back("Content-Disposition",
                         content_disposition(basename + (f == Format::xlsx ? ".xlsx" : ".csv")));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

inline http::Response download(const Table& table, Format f, const std::string& basename) {
  return download_bytes(f == Format::xlsx ? to_xlsx(table) : to_csv(table), f, basename);
}

}  // namespace steward::exports
