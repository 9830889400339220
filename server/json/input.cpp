#include "json/input.hpp"

#include <cmath>

#include "core/text.hpp"

namespace steward::json {

Input::Input(const nlohmann::json& body, Mode mode) : body_(body), mode_(mode) {
  if (!body_.is_object())
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json",
                         "the body must be a JSON object");
}

bool Input::has(const std::string& key) const { return body_.contains(key); }

void Input::fail(const std::string& key, const std::string& what) { errors_.emplace(key, what); }

const nlohmann::json* Input::take(const std::string& key, bool required) {
  seen_.insert(key);
  auto it = body_.find(key);
  if (it == body_.end() || it->is_null()) {
    if (required && mode_ == Mode::create) fail(key, "is required");
    if (it != body_.end() && required && mode_ == Mode::update) fail(key, "must not be null");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> Input::text(const std::string& key, TextRule rule) {
  const auto* v = take(key, rule.required);
  if (!v) return std::nullopt;
  if (!v->is_string()) return fail(key, "must be a string"), std::nullopt;
  std::string value = core::trim(v->get_ref<const std::string&>());
  const auto length = core::utf8_length(value);
  if (length < rule.min)
    return fail(key, rule.min == 1 ? "must not be empty"
                                   : "must be at least " + std::to_string(rule.min) + " characters"),
           std::nullopt;
  if (length > rule.max)
    return fail(key, "must be at most " + std::to_string(rule.max) + " characters"), std::nullopt;
  for (unsigned char c : value)
    if (c < 0x20 && c != '\n' && c != '\t')
      return fail(key, "must not contain control characters"), std::nullopt;
  return value;
}

std::optional<std::int64_t> Input::integer(const std::string& key, IntRule rule) {
  const auto* v = take(key, rule.required);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) return fail(key, "must be an integer"), std::nullopt;
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > std::uint64_t(INT64_MAX))
    return fail(key, "is too large"), std::nullopt;
  const auto n = v->get<std::int64_t>();
  if (n < rule.min || n > rule.max)
    return fail(key, "must be between " + std::to_string(rule.min) + " and " +
                         std::to_string(rule.max)),
           std::nullopt;
  return n;
}

std::optional<double> Input::number(const std::string& key, bool required) {
  const auto* v = take(key, required);
  if (!v) return std::nullopt;
  if (!v->is_number() || !std::isfinite(v->get<double>())) return fail(key, "must be a number"), std::nullopt;
  return v->get<double>();
}

std::optional<nlohmann::json> Input::object(const std::string& key, bool required) {
  const auto* v = take(key, required);
  if (!v) return std::nullopt;
  if (!v->is_object()) return fail(key, "must be an object"), std::nullopt;
  return *v;
}

std::optional<bool> Input::boolean(const std::string& key, bool required) {
  const auto* v = take(key, required);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) return fail(key, "must be true or false"), std::nullopt;
  return v->get<bool>();
}

std::optional<std::int64_t> Input::hundredths(const std::string& key, IntRule rule) {
  const auto* v = take(key, rule.required);
  if (!v) return std::nullopt;
  if (!v->is_number()) return fail(key, "must be a number"), std::nullopt;
  const double d = v->get<double>();
  const double scaled = std::round(d * 100);
  if (!std::isfinite(d) || std::fabs(d * 100 - scaled) > 1e-6)
    return fail(key, "must have at most two decimal places"), std::nullopt;
  if (scaled < double(rule.min) || scaled > double(rule.max))
    return fail(key, "must be between " + std::to_string(rule.min / 100) + " and " +
                         std::to_string(rule.max / 100)),
           std::nullopt;
  return static_cast<std::int64_t>(scaled);
}

std::optional<std::string> Input::choice(const std::string& key,
                                         const std::vector<std::string>& allowed, bool required) {
  const auto* v = take(key, required);
  if (!v) return std::nullopt;
  if (v->is_string())
    for (const auto& a : allowed)
      if (a == v->get_ref<const std::string&>()) return a;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  fail(key, "must be one of: " + list);
  return std::nullopt;
}

std::optional<std::int64_t> Input::id(const std::string& key, bool required) {
  return integer(key, {.required = required, .min = 1, .max = INT64_MAX});
}

NullableId Input::nullable_id(const std::string& key) {
  NullableId out;
  out.present = body_.contains(key);
  seen_.insert(key);
  if (out.present && !body_.at(key).is_null()) out.value = id(key, false);
  return out;
}

std::optional<std::vector<std::int64_t>> Input::ids(const std::string& key, bool required,
                                                    std::size_t max_items) {
  const auto* v = take(key, required);
  if (!v) return std::nullopt;
  if (!v->is_array() || v->size() > max_items)
    return fail(key, "must be a list of at most " + std::to_string(max_items) + " ids"),
           std::nullopt;
  std::vector<std::int64_t> out;
  for (const auto& item : *v) {
    if (!item.is_number_integer() || item.get<std::int64_t>() < 1)
      return fail(key, "must contain only positive integer ids"), std::nullopt;
    out.push_back(item.get<std::int64_t>());
  }
  return out;
}

std::size_t Input::objects(const std::string& key, std::size_t max_items,
                           const std::function<void(Input&, std::size_t)>& each, bool required) {
  const auto* v = take(key, required);
  if (!v) return 0;
  if (!v->is_array() || v->size() > max_items)
    return fail(key, "must be a list of at most " + std::to_string(max_items) + " items"), 0;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string name = key + "[" + std::to_string(i) + "]";
    if (!(*v)[i].is_object()) {
      fail(name, "must be an object");
      continue;
    }
    Input item((*v)[i], Mode::create);
    each(item, i);
    for (const auto& [field, what] : item.problems()) errors_.emplace(name + "." + field, what);
  }
  return v->size();
}

core::ErrorDetails Input::problems() const {
  core::ErrorDetails out = errors_;
  for (const auto& [key, value] : body_.items())
    if (!seen_.count(key)) out.emplace(key, "is not a known field");
  return out;
}

void Input::finish() {
  const auto errors = problems();
  if (errors.empty()) return;
  std::string message = "invalid request:";
  for (const auto& [key, what] : errors) message += " " + key + " " + what + ";";
  message.pop_back();
  core::throw_invalid(message, errors);
}

}  // namespace steward::json
