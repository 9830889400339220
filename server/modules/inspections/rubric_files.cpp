// Rubric files (DOMAIN I1): one rubric version exported as JSON or XLSX, and either imported back
// as a rubric — created when its code is new, otherwise edited under the usual versioning rules
// (in place when no inspection used the latest version, else a new version). The layout of both
// files is in docs/inspections.md. A bad file changes nothing and answers 400 naming where it is
// wrong: the JSON field, or the sheet, row and column of the XLSX ("items!F5").
#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>

#include "core/error.hpp"
#include "exports/xlsx.hpp"
#include "exports/xlsx_reader.hpp"
#include "modules/inspections/inspection_repo.hpp"
#include "modules/inspections/inspection_service.hpp"

namespace steward::inspections {
namespace {

constexpr const char* kFormat = "steward.rubric";

// The columns of the "items" sheet: the English key (what a header must contain) and the Chinese.
struct Column {
  const char* key;
  const char* zh;
  bool required;
};
const std::vector<Column>& item_columns() {
  static const std::vector<Column> c = {
      {"section", "分项", true},          {"code", "编号", true},
      {"name", "项目", true},             {"standard", "标准与检查内容", false},
      {"checkPoints", "检查点数", false}, {"max", "分值", true},
      {"rule", "扣分规则", true},         {"deductMin", "每缺一项最少扣", false},
      {"deductMax", "每缺一项最多扣", false}, {"deductEach", "每次扣分", false}};
  return c;
}
const std::vector<std::pair<std::string, std::string>>& rubric_fields() {
  static const std::vector<std::pair<std::string, std::string>> f = {
      {"code", "编号"}, {"name", "名称"}, {"source", "来源"}, {"version", "版本"}};
  return f;
}

std::string header_of(const Column& c) { return std::string(c.zh) + " " + c.key; }

// The rule names a person may type, in either language.
std::optional<std::string> rule_of(const std::string& text) {
  if (text == "range" || text == "按缺项扣分") return "range";
  if (text == "per_occurrence" || text == "按次扣分") return "per_occurrence";
  if (text == "all_or_nothing" || text == "不达标全扣") return "all_or_nothing";
  return std::nullopt;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

[[noreturn]] void bad_file(const std::string& where, const std::string& what) {
  core::throw_invalid("the file cannot be imported", {{where, what}});
}

// The JSON document of a rubric: the body create_rubric takes, plus what says what it is.
nlohmann::json document_of(const repo::Rubric& r) {
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& sec : r.sections) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& it : sec.items) {
      auto j = repo::item_json(it);
      j.erase("id");
      items.push_back(j);
    }
    sections.push_back({{"name", sec.name}, {"items", items}});
  }
  return {{"format", kFormat}, {"formatVersion", 1},       {"code", r.code},
          {"version", r.version}, {"name", r.name},        {"source", r.source},
          {"max", repo::points(r.max_centi)}, {"sections", sections}};
}

// A document (or a hand-written body) cut down to what create/update read; unknown fields stay,
// so a typo is still refused by name.
nlohmann::json body_of_document(nlohmann::json doc) {
  if (!doc.is_object())
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                         "the body must be a JSON object");
  if (doc.contains("format") && doc["format"] != kFormat)
    core::throw_invalid("invalid request", {{"format", std::string("must be ") + kFormat}});
  for (const char* k : {"format", "formatVersion", "version", "max", "id", "builtIn", "latest",
                        "used", "itemCount"})
    doc.erase(k);
  if (doc.contains("sections") && doc["sections"].is_array())
    for (auto& sec : doc["sections"]) {
      if (!sec.is_object()) continue;
      sec.erase("id");
      sec.erase("max");
      if (sec.contains("items") && sec["items"].is_array())
        for (auto& it : sec["items"])
          if (it.is_object()) it.erase("id");
    }
  return doc;
}

// Where in the workbook a body field came from, to name the cell of a validation error.
struct CellMap {
  std::map<std::string, std::string> top;                     // "code" -> "rubric!B2"
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> item_row;  // (section, item) -> row
  std::map<std::size_t, std::size_t> section_row;              // section -> its first row
  std::map<std::string, std::size_t> column;                   // body field -> 0-based column
};

std::string cell(std::size_t column, std::size_t row) {
  return "items!" + exports::column_letter(column) + std::to_string(row);
}

// "sections[2].items[4].max" -> "items!F17"; keys it does not know are kept as they are.
std::string cell_of(const CellMap& map, const std::string& key) {
  static const std::regex item(R"(^sections\[(\d+)\]\.items\[(\d+)\]\.(\w+)$)");
  static const std::regex section(R"(^sections\[(\d+)\](\.(\w+))?)");
  std::smatch m;
  if (std::regex_match(key, m, item)) {
    auto r = map.item_row.find({std::stoul(m[1]), std::stoul(m[2])});
    auto c = map.column.find(m[3]);
    if (r != map.item_row.end() && c != map.column.end()) return cell(c->second, r->second);
    if (r != map.item_row.end()) return "items!row " + std::to_string(r->second);
  } else if (std::regex_search(key, m, section)) {
    auto r = map.section_row.find(std::stoul(m[1]));
    if (r != map.section_row.end()) return cell(map.column.at("section"), r->second);
  } else if (auto t = map.top.find(key); t != map.top.end()) {
    return t->second;
  }
  return key;
}

// The body create_rubric takes, read from the workbook, and where each field came from.
nlohmann::json body_of_xlsx(const std::string& bytes, CellMap& map) {
  std::vector<exports::SheetData> sheets;
  try {
    sheets = exports::read_xlsx(bytes);
  } catch (const exports::BadFile& e) {
    bad_file("file", e.what());
  }
  const exports::SheetData* info = nullptr;
  const exports::SheetData* items = nullptr;
  for (const auto& s : sheets) {
    if (s.name == "rubric") info = &s;
    if (s.name == "items") items = &s;
  }
  if (!items) bad_file("file", "has no sheet named \"items\"");
  nlohmann::json body = nlohmann::json::object();
  if (info) {
    for (std::size_t r = 1; r < info->rows.size(); ++r) {
      const auto key = trim(info->at(r, 0));
      for (const auto& [en, zh] : rubric_fields())
        if (key == en || key == zh || key == zh + " " + en) {
          if (en != "version" && !trim(info->at(r, 1)).empty()) body[en] = trim(info->at(r, 1));
          map.top[en] = "rubric!B" + std::to_string(r + 1);
        }
    }
  }
  // The header row: each column found by its key (or its Chinese name) among the header's words.
  std::map<std::string, std::size_t> col;
  const auto& head = items->rows.empty() ? std::vector<std::string>{} : items->rows[0];
  for (std::size_t c = 0; c < head.size(); ++c) {
    const std::string h = " " + trim(head[c]) + " ";
    for (const auto& column : item_columns())
      if (!col.count(column.key) && (h.find(std::string(" ") + column.key + " ") != std::string::npos ||
                                     h.find(std::string(" ") + column.zh + " ") != std::string::npos))
        col[column.key] = c;
  }
  for (const auto& column : item_columns())
    if (column.required && !col.count(column.key))
      bad_file("items!1", "is missing the column \"" + header_of(column) + "\"");
  map.column = col;
  auto value = [&](std::size_t row, const char* key) {
    auto c = col.find(key);
    return c == col.end() ? std::string() : trim(items->at(row, c->second));
  };
  auto number = [&](std::size_t row, const char* key) -> nlohmann::json {
    const auto text = value(row, key);
    if (text.empty()) return nullptr;
    char* end = nullptr;
    const double d = std::strtod(text.c_str(), &end);
    if (*end || !std::isfinite(d))
      bad_file(cell(col.at(key), row + 1), std::string(key) + ": \"" + text + "\" is not a number");
    return d;
  };
  nlohmann::json sections = nlohmann::json::array();
  std::map<std::string, std::size_t> section_index;
  for (std::size_t r = 1; r < items->rows.size(); ++r) {
    bool blank = true;
    for (const auto& v : items->rows[r]) blank = blank && trim(v).empty();
    if (blank) continue;
    const auto section = value(r, "section");
    if (section.empty()) bad_file(cell(col.at("section"), r + 1), "section: is required");
    auto found = section_index.find(section);
    if (found == section_index.end()) {
      found = section_index.emplace(section, sections.size()).first;
      sections.push_back({{"name", section}, {"items", nlohmann::json::array()}});
      map.section_row[found->second] = r + 1;
    }
    nlohmann::json item = {{"code", value(r, "code")}, {"name", value(r, "name")}};
    if (col.count("standard")) item["standard"] = value(r, "standard");
    item["max"] = number(r, "max");
    const auto rule_text = value(r, "rule");
    const auto rule = rule_of(rule_text);
    if (!rule)
      bad_file(cell(col.at("rule"), r + 1),
               "rule: \"" + rule_text + "\" is not one of range, per_occurrence, all_or_nothing");
    item["rule"] = *rule;
    // Only the parameters of the item's rule are read; the others may be left blank or not.
    if (*rule == "range") {
      item["checkPoints"] = number(r, "checkPoints");
      item["deductMin"] = number(r, "deductMin");
      item["deductMax"] = number(r, "deductMax");
      if (item["checkPoints"].is_number()) {
        const double cp = item["checkPoints"].get<double>();
        if (cp != std::floor(cp))
          bad_file(cell(col.at("checkPoints"), r + 1), "checkPoints: must be a whole number");
        item["checkPoints"] = static_cast<std::int64_t>(cp);
      }
    } else if (*rule == "per_occurrence") {
      item["deductEach"] = number(r, "deductEach");
    }
    for (auto it = item.begin(); it != item.end();)  // blank cells: "is required" from the reader
      it = it.value().is_null() ? item.erase(it) : std::next(it);
    const auto k = found->second;
    map.item_row[{k, sections[k]["items"].size()}] = r + 1;
    sections[k]["items"].push_back(item);
  }
  body["sections"] = sections;
  return body;
}

}  // namespace

nlohmann::json InspectionService::rubric_document(const core::Actor& actor, std::int64_t id) const {
  core::require(actor, "inspection.read");
  return db_.read([&](db::Session& s) {
    auto r = repo::load_rubric(s, id);
    if (!r) core::throw_not_found("rubric");
    return document_of(*r);
  });
}

std::string InspectionService::rubric_xlsx(const core::Actor& actor, std::int64_t id) const {
  const auto doc = rubric_document(actor, id);
  exports::XlsxWriter w;
  w.plain_sheet("rubric", {"字段 field", "值 value"});
  for (const auto& [en, zh] : rubric_fields()) {
    const auto& v = doc[en];
    w.row({exports::text(zh + " " + en),
           v.is_number() ? exports::number(v.get<double>()) : exports::text(v.get<std::string>())});
  }
  std::vector<std::string> headers;
  for (const auto& c : item_columns()) headers.push_back(header_of(c));
  w.plain_sheet("items", headers);
  for (const auto& sec : doc["sections"])
    for (const auto& it : sec["items"]) {
      exports::Row row;
      for (const auto& c : item_columns()) {
        const std::string key = c.key;
        if (key == "section") row.push_back(exports::text(sec["name"]));
        else if (!it.contains(key)) row.push_back(exports::empty());
        else if (it[key].is_number()) row.push_back(exports::number(it[key].get<double>()));
        else row.push_back(exports::text(it[key].get<std::string>()));
      }
      w.row(row);
    }
  return w.finish();
}

nlohmann::json InspectionService::import_rubric(const core::Context& ctx, const std::string& bytes,
                                                bool is_json,
                                                const std::optional<std::string>& code) const {
  core::require(ctx.actor, "rubric.manage");
  nlohmann::json body;
  CellMap map;
  if (is_json) {
    auto doc = nlohmann::json::parse(bytes, nullptr, false);
    if (doc.is_discarded())
      throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                           "the file is not JSON", {{"file", "is not JSON"}});
    body = body_of_document(std::move(doc));
  } else {
    body = body_of_xlsx(bytes, map);
  }
  if (code) body["code"] = *code;
  const auto rubric_code = body.contains("code") && body["code"].is_string()
                               ? body["code"].get<std::string>()
                               : std::string();
  const auto latest = db_.read([&](db::Session& s) -> std::optional<std::int64_t> {
    auto r = db::Query(s, "SELECT id FROM rubric WHERE code = :c AND latest = 1").bind("c", rubric_code).one();
    if (!r) return std::nullopt;
    return r->i64("id");
  });
  try {
    if (!latest) return create_rubric(ctx, body);
    body.erase("code");
    return update_rubric(ctx, *latest, body);
  } catch (const core::AppError& e) {
    if (is_json || e.kind() != core::ErrorKind::invalid_argument) throw;
    core::ErrorDetails cells;  // the reader's field names, as cells of the workbook
    for (const auto& [k, v] : e.details()) cells.emplace(cell_of(map, k), k + ": " + v);
    core::throw_invalid("the file cannot be imported", cells);
  }
}

}  // namespace steward::inspections
