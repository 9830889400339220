#include "exports/xlsx_reader.hpp"

#include <zip.h>

#include <cstring>
#include <map>
#include <memory>
#include <pugixml.hpp>

namespace steward::exports {
namespace {

constexpr std::size_t kMaxInput = 8u << 20;
constexpr zip_uint64_t kMaxPart = 64u << 20;
constexpr std::size_t kMaxRows = 100000;

struct Archive {
  zip_source_t* src = nullptr;
  zip_t* zip = nullptr;
  ~Archive() {
    if (zip) zip_discard(zip);
    else if (src) zip_source_free(src);
  }
};

// The part's bytes, or "" when there is no such part.
std::string part(zip_t* z, const std::string& name, bool required) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name.c_str(), 0, &st) != 0) {
    if (required) throw BadFile("the file is not an XLSX workbook (no " + name + ")");
    return "";
  }
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPart) throw BadFile("the file is too big to read");
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  if (!f) throw BadFile("the file is damaged (" + name + ")");
  std::string out(static_cast<std::size_t>(st.size), '\0');
  zip_int64_t got = 0, n = 0;
  while (got < static_cast<zip_int64_t>(out.size()) &&
         (n = zip_fread(f, out.data() + got, out.size() - got)) > 0)
    got += n;
  zip_fclose(f);
  if (n < 0 || got != static_cast<zip_int64_t>(out.size())) throw BadFile("the file is damaged (" + name + ")");
  return out;
}

pugi::xml_document parse(const std::string& xml, const std::string& name) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) throw BadFile("the file is damaged (" + name + ")");
  return doc;
}

// Local names: files use the default namespace or a prefix ("x:row").
const char* local(const pugi::xml_node& n) {
  const char* name = n.name();
  const char* colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}
bool is(const pugi::xml_node& n, const char* name) { return std::strcmp(local(n), name) == 0; }

std::string text_of_si(const pugi::xml_node& si) {
  // <si><t>..</t></si> or rich text <si><r><t>..</t></r>...</si>; phonetic runs (<rPh>) skipped.
  std::string out;
  for (auto c : si.children()) {
    if (is(c, "t")) out += c.text().get();
    else if (is(c, "r"))
      for (auto t : c.children())
        if (is(t, "t")) out += t.text().get();
  }
  return out;
}

// "BC12" -> column 54 (0-based), or npos.
std::size_t column_of(const std::string& ref) {
  std::size_t col = 0, i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
  if (i == 0 || col > 16384) return std::string::npos;
  return col - 1;
}

std::string resolve(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

}  // namespace

const std::string& SheetData::at(std::size_t row, std::size_t col) const {
  static const std::string none;
  if (row >= rows.size() || col >= rows[row].size()) return none;
  return rows[row][col];
}

std::vector<SheetData> read_xlsx(const std::string& bytes) {
  if (bytes.size() > kMaxInput) throw BadFile("the file is larger than 8 MiB");
  if (bytes.size() < 4 || bytes.compare(0, 2, "PK") != 0)
    throw BadFile("the file is not an XLSX workbook (not a zip archive)");
  Archive a;
  zip_error_t err;
  zip_error_init(&err);
  a.src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!a.src) throw BadFile("the file cannot be read");
  a.zip = zip_open_from_source(a.src, ZIP_RDONLY, &err);
  zip_error_fini(&err);
  if (!a.zip) throw BadFile("the file is not an XLSX workbook (not a zip archive)");

  std::vector<std::string> shared;
  if (auto xml = part(a.zip, "xl/sharedStrings.xml", false); !xml.empty()) {
    auto doc = parse(xml, "xl/sharedStrings.xml");
    for (auto si : doc.document_element().children())
      if (is(si, "si")) shared.push_back(text_of_si(si));
  }
  std::map<std::string, std::string> targets;  // relationship id -> part
  {
    auto doc = parse(part(a.zip, "xl/_rels/workbook.xml.rels", true), "workbook.xml.rels");
    for (auto rel : doc.document_element().children())
      if (is(rel, "Relationship")) targets[rel.attribute("Id").value()] = resolve(rel.attribute("Target").value());
  }
  std::vector<SheetData> out;
  auto book = parse(part(a.zip, "xl/workbook.xml", true), "xl/workbook.xml");
  for (auto sheets : book.document_element().children()) {
    if (!is(sheets, "sheets")) continue;
    for (auto sh : sheets.children()) {
      if (!is(sh, "sheet")) continue;
      std::string rid;
      for (auto attr : sh.attributes()) {
        const std::string n = attr.name();
        if (n == "r:id" || (n.size() > 3 && n.substr(n.size() - 3) == ":id")) rid = attr.value();
      }
      auto t = targets.find(rid);
      if (t == targets.end()) continue;
      SheetData data;
      data.name = sh.attribute("name").value();
      auto doc = parse(part(a.zip, t->second, true), t->second);
      for (auto sd : doc.document_element().children()) {
        if (!is(sd, "sheetData")) continue;
        for (auto row : sd.children()) {
          if (!is(row, "row")) continue;
          std::size_t r = data.rows.size();
          if (auto attr = row.attribute("r")) r = static_cast<std::size_t>(attr.as_ullong()) - 1;
          if (r >= kMaxRows) throw BadFile("a sheet has more than 100000 rows");
          if (data.rows.size() <= r) data.rows.resize(r + 1);
          auto& cells = data.rows[r];
          for (auto c : row.children()) {
            if (!is(c, "c")) continue;
            std::size_t col = cells.size();
            if (auto ref = c.attribute("r")) col = column_of(ref.value());
            if (col == std::string::npos) throw BadFile("the file is damaged (a bad cell reference)");
            const std::string type = c.attribute("t").value();
            std::string value;
            if (type == "inlineStr") {
              for (auto is_node : c.children())
                if (is(is_node, "is")) value = text_of_si(is_node);
            } else {
              std::string v;
              for (auto vn : c.children())
                if (is(vn, "v")) v = vn.text().get();
              if (type == "s") {
                char* end = nullptr;
                const unsigned long k = std::strtoul(v.c_str(), &end, 10);
                if (v.empty() || *end || k >= shared.size()) throw BadFile("the file is damaged (a bad shared string)");
                value = shared[k];
              } else if (type == "b") {
                value = v == "1" ? "TRUE" : "FALSE";
              } else {
                value = v;  // n, str (a formula's text), e (an error), or none
              }
            }
            if (cells.size() <= col) cells.resize(col + 1);
            cells[col] = value;
          }
        }
      }
      out.push_back(std::move(data));
    }
  }
  if (out.empty()) throw BadFile("the workbook has no sheet");
  return out;
}

}  // namespace steward::exports
