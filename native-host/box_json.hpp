#pragma once
// How the box looks in JSON, the same for `caiji box … --json` and for the extension.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/store/store.hpp"

namespace caiji::host {

// {"id", "revision", "createdAt", "updatedAt", "deletedAt"?, "tags", "editedFields", "item"}
nlohmann::ordered_json stored_item_json(const store::StoredItem& s);

// A list row: what a table or a popup shows without the whole item (title, price, platform,
// first picture, counts).
nlohmann::ordered_json stored_item_summary_json(const store::StoredItem& s);

nlohmann::ordered_json revision_json(const store::Revision& r);
nlohmann::ordered_json price_point_json(const store::PricePoint& p);

// "newest", "oldest", "updated", "title", "price-low", "price-high".
std::optional<store::Sort> parse_sort(std::string_view name);
const char* sort_names();  // for help and error texts

// "USD 3.50" or "USD 3.50-4.20"; "-" when there is no price.
std::string price_text(const Item& item);

}  // namespace caiji::host
