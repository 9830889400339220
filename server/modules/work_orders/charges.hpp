#pragma once
// Paid repairs (DOMAIN W7): the project's published price list, the materials and charges
// recorded when a repair is completed (priced from the list at that moment), the payment, and
// the written explanation an unpaid charge needs once it is older than the company's limit
// (`unpaidChargeDays`, default 3).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "crud/spec.hpp"
#include "db/row.hpp"
#include "json/input.hpp"

namespace steward::work_orders {

class Writer;

crud::Spec price_item_spec();  // /api/v1/price-items

struct MaterialLine {
  std::string name, unit;
  std::int64_t quantity = 0;  // hundredths
};
struct ChargeRequest {
  std::int64_t price_item_id = 0;
  std::int64_t quantity = 0;  // hundredths
};
struct Completion {
  std::vector<MaterialLine> materials;
  std::vector<ChargeRequest> charges;
};

// The optional `materials` and `charges` of a completion.
Completion read_completion(json::Input& in);
// Stores them for the order being completed; 400 naming the line when a price item is not an
// active item of the order's project, or when the order is not a repair.
void record_completion(const Writer& w, const db::Row& order, const Completion& c);

// materials, charges and charge of one order, added to its JSON; `pay` and `explainCharge`
// join its actions when the caller may take them.
void add_charge_details(db::Session& s, nlohmann::json& order, std::int64_t order_id,
                        const core::Actor& actor, std::int64_t now, int offset);

// Whole yuan and fen from hundredths of a unit times a price in fen, rounded half up.
std::int64_t line_amount(std::int64_t unit_price_fen, std::int64_t quantity_hundredths);

}  // namespace steward::work_orders
