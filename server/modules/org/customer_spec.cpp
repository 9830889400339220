// Customers (DOMAIN O2, O4): owners, tenants and family members on a unit. Phones and ID numbers
// are stored encrypted; a keyed hash and the last four digits let the front desk find a caller;
// whoever lacks customer.view_contact sees them masked (138****1234). An owner sees their own.
#include "core/text.hpp"
#include "db/query.hpp"
#include "modules/org/org_specs.hpp"

namespace steward::org {
namespace {

using crud::Field;
using crud::Type;

bool valid_id_number(const std::string& id) {
  if (id.size() != 15 && id.size() != 18) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool last = i + 1 == id.size();
    if (!(c >= '0' && c <= '9') && !(last && (c == 'X' || c == 'x'))) return false;
  }
  return true;
}

void read_contact(const core::FieldCipher& cipher, json::Input& in, crud::Values& v,
                  crud::Mode mode) {
  if (auto phone = in.text("phone", {.required = mode == crud::Mode::create, .max = 20})) {
    const std::string digits = core::digits_only(*phone);
    if (digits.size() < 7 || digits.size() > 13) {
      in.fail("phone", "must be a phone number of 7 to 13 digits");
    } else {
      v["phone_enc"] = cipher.encrypt(digits);
      v["phone_index"] = cipher.blind_index(digits);
      v["phone_tail"] = digits.substr(digits.size() - 4);
    }
  }
  if (auto id = in.text("idNumber", {.required = false, .min = 0, .max = 18})) {
    if (!id->empty() && !valid_id_number(*id))
      in.fail("idNumber", "must be a resident ID number of 15 or 18 characters");
    else
      v["id_number_enc"] = cipher.encrypt(*id);
  } else if (mode == crud::Mode::create) {
    v["id_number_enc"] = std::string();
  }
}

void find_by_phone(const core::FieldCipher& cipher, const std::string& text, crud::Where& w) {
  const std::string digits = core::digits_only(text);
  if (digits.size() == 4 && digits.size() == text.size())
    w.add("t.phone_tail = :phoneTail", "phoneTail", digits);
  else if (digits.size() >= 7 && digits.size() <= 13)
    w.add("t.phone_index = :phoneIndex", "phoneIndex", cipher.blind_index(digits));
  else
    core::throw_invalid("query parameter phone must be a whole phone number or its last 4 digits",
                        {{"phone", "must be a whole phone number or its last 4 digits"}});
}

void show_contact(const core::FieldCipher& cipher, nlohmann::json& j, const db::Row& r,
                  const core::Actor& actor) {
  const bool clear = actor.can("customer.view_contact") || actor.customer_id == r.i64("id");
  const std::string phone = cipher.decrypt(r.str("phone_enc"));
  const std::string id_number = cipher.decrypt(r.str("id_number_enc"));
  j["phone"] = clear ? phone : core::mask_phone(phone);
  j["idNumber"] = clear ? id_number : core::mask_id_number(id_number);
  j["contactMasked"] = !clear;
  j["unitLabel"] = r.str("unit_label");
}

}  // namespace

crud::Spec customer_spec(const core::FieldCipher& cipher) {
  crud::Spec s;
  s.entity = "customer";
  s.table = "customer";
  s.read_permission = "customer.read";
  s.manage_permission = "customer.manage";
  s.fields = {
      {.key = "projectId", .column = "project_id", .type = Type::ref, .immutable = true,
       .ref_table = "project", .ref_in_project = false},
      {.key = "unitId", .column = "unit_id", .type = Type::ref, .ref_table = "unit"},
      {.key = "name", .column = "name", .text = {.max = 50}},
      {.key = "kind", .column = "kind", .type = Type::choice,
       .choices = {"owner", "tenant", "family"}},
      {.key = "keyCustomer", .column = "key_customer", .type = Type::flag, .required = false,
       .fallback = db::Value(0LL)},
      {.key = "note", .column = "note", .required = false, .text = {.min = 0, .max = 500},
       .fallback = db::Value(std::string())},
  };
  s.read_extra = [&cipher](json::Input& in, crud::Values& v, crud::Mode mode) {
    read_contact(cipher, in, v, mode);
  };
  s.select =
      "t.*, COALESCE(z.name || ' ', '') || b.name || ' ' || u.name AS unit_label";
  s.from =
      "customer t JOIN unit u ON u.id = t.unit_id JOIN building b ON b.id = u.building_id "
      "LEFT JOIN zone z ON z.id = b.zone_id";
  s.search = {"t.name", "u.name", "b.name"};
  s.filters = {{.param = "projectId", .condition = "t.project_id = :projectId"},
               {.param = "unitId", .condition = "t.unit_id = :unitId"},
               {.param = "phone",
                .kind = crud::Filter::Kind::custom,
                .custom = [&cipher](const std::string& text, crud::Where& w) {
                  find_by_phone(cipher, text, w);
                }}};
  s.order_by = "t.project_id, t.unit_id, t.id";
  s.referenced_by = {{"app_user", "customer_id"}};
  s.decorate = [&cipher](nlohmann::json& j, const db::Row& r, const core::Actor& actor) {
    show_contact(cipher, j, r, actor);
  };
  s.owner_scope = [](const core::Actor& a, crud::Where& w) {
    w.add("t.id = :ownCustomer", "ownCustomer", static_cast<long long>(*a.customer_id));
  };
  return s;
}

}  // namespace steward::org
