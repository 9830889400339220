#include "core/csv.hpp"

namespace steward::core {

int CsvReader::get() {
  if (pos_ == buffer_.size()) {
    buffer_.resize(1 << 16);
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.resize(static_cast<std::size_t>(in_.gcount()));
    pos_ = 0;
    if (buffer_.empty()) return -1;
  }
  return static_cast<unsigned char>(buffer_[pos_++]);
}

int CsvReader::peek() {
  const int c = get();
  if (c >= 0) --pos_;
  return c;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  if (!started_) {
    started_ = true;
    if (peek() == 0xEF) {  // a UTF-8 byte order mark, as Excel writes "CSV UTF-8"
      get();
      if (get() != 0xBB || get() != 0xBF) throw CsvError(1, "the file starts with a broken byte order mark");
    }
  }
  int c = get();
  if (c < 0) return false;
  record_line_ = line_;
  std::size_t n = 0;
  auto field = [&]() -> std::string& {
    if (n == fields.size()) fields.emplace_back();
    std::string& f = fields[n++];
    f.clear();
    return f;
  };
  std::string* f = &field();
  for (;;) {
    if (c == '"' && f->empty()) {  // a quoted field
      const long opened = line_;
      for (;;) {
        c = get();
        if (c < 0) throw CsvError(opened, "a quoted field is not closed before the end of the file");
        if (c == '"') {
          if (peek() == '"') {
            get();
            f->push_back('"');
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        f->push_back(static_cast<char>(c));
      }
      c = get();
      if (c == '\r' && peek() == '\n') c = get();
      if (c >= 0 && c != ',' && c != '\n')
        throw CsvError(line_, "a quoted field must be followed by a comma or the end of the line");
    } else {
      while (c >= 0 && c != ',' && c != '\n') {
        if (c == '"') throw CsvError(line_, "a quote inside a field that is not quoted (quote the field and double the quote)");
        if (c == '\r' && peek() == '\n') {
          c = get();
          break;
        }
        f->push_back(static_cast<char>(c));
        c = get();
      }
    }
    if (c == ',') {
      f = &field();
      c = get();
      if (c < 0 || c == '\n' || (c == '\r' && peek() == '\n')) {  // the last field is empty
        if (c == '\r') get();
        if (c == '\n' || c == '\r') ++line_;
        break;
      }
      continue;
    }
    if (c == '\n') ++line_;
    break;  // end of line or of the input
  }
  fields.resize(n);
  return true;
}

}  // namespace steward::core
