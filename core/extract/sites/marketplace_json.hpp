#pragma once
// Private to the marketplace adapter (marketplace_json*.cpp): one reader per marketplace's
// embedded JSON. Each returns true when it found its product data and filled `out`.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/extract/extractor.hpp"
#include "core/extract/json_util.hpp"

namespace caiji::extract::marketplace {

bool read_walmart(const Page& page, Item& out, std::vector<Warning>& warnings);
bool read_vtex(const Page& page, Item& out, std::vector<Warning>& warnings);
bool read_lazada(const Page& page, Item& out, std::vector<Warning>& warnings);
bool read_shopee(const Page& page, Item& out, std::vector<Warning>& warnings);
bool read_temu(const Page& page, Item& out, std::vector<Warning>& warnings);

// VTEX storefronts (any host, e.g. walmart.com.ni) announce themselves in the page.
bool looks_like_vtex(const Page& page);

// The body of the first <script> whose id is `id`, read as one JSON/JS literal; null when absent.
Json script_by_id(const Page& page, std::string_view id);

// Adds `value` to the option's values unless present; keeps the first picture given.
void add_option_value(Option& option, const std::string& value, const std::string& image);

// An integer amount in 1/`scale` units as a canonical decimal ("1990000000", 100000 -> "19900.00").
std::optional<std::string> scaled_money(const Json& j, std::int64_t scale, std::string_view currency);

}  // namespace caiji::extract::marketplace
