#include "core/store/seller_edits.hpp"

#include <array>
#include <string_view>

#include "core/item/item_json.hpp"
#include "core/item/money.hpp"

namespace caiji::store {

namespace {

// Top-level item fields a seller may change. The source says where the item came from and keys
// its deduplication; provenance, warnings and collectedAt describe the collection itself.
constexpr std::array<std::string_view, 17> kEditable = {
    "title",  "descriptionHtml", "descriptionUrl", "images",     "video",        "currency",
    "price",  "priceTiers",      "minOrderQuantity", "options",  "variants",     "attributes",
    "categoryPath", "brand",     "highlights",     "weight",     "dimensions",
};

bool editable(std::string_view field) {
  for (auto f : kEditable)
    if (f == field) return true;
  return false;
}

// An amount the seller typed must be a plain decimal, as every amount in an item is.
Status check_amount(const OJson& v, const std::string& path) {
  if (v.is_null()) return {};
  if (!v.is_string() || !canonical_decimal(v.get<std::string>()))
    return make_error(ErrorCode::invalid_argument,
                      path + " must be an amount written like \"16.50\", not " + v.dump());
  return {};
}

Status check_amounts(const OJson& view) {
  if (auto p = view.find("price"); p != view.end() && p->is_object()) {
    for (const char* k : {"min", "max"})
      if (p->contains(k))
        if (Status s = check_amount((*p)[k], std::string("price.") + k); !s) return s;
  }
  if (auto t = view.find("priceTiers"); t != view.end() && t->is_array()) {
    for (std::size_t i = 0; i < t->size(); ++i)
      if ((*t)[i].is_object() && (*t)[i].contains("price"))
        if (Status s = check_amount((*t)[i]["price"], "priceTiers[" + std::to_string(i) + "].price"); !s) return s;
  }
  if (auto vs = view.find("variants"); vs != view.end() && vs->is_array()) {
    for (std::size_t i = 0; i < vs->size(); ++i) {
      const OJson& v = (*vs)[i];
      if (!v.is_object()) continue;
      for (const char* k : {"price", "originalPrice"})
        if (v.contains(k))
          if (Status s = check_amount(v[k], "variants[" + std::to_string(i) + "]." + k); !s) return s;
    }
  }
  return {};
}

}  // namespace

OJson compose_view(const OJson& collected, const OJson& edits) {
  OJson view = collected;
  if (!edits.is_object()) return view;
  for (auto it = edits.begin(); it != edits.end(); ++it) {
    if (it->is_null())
      view.erase(it.key());
    else
      view[it.key()] = *it;
  }
  return view;
}

Result<OJson> apply_patch(const OJson& collected, const OJson& edits, const nlohmann::json& patch) {
  if (!patch.is_object() || patch.empty())
    return make_error(ErrorCode::invalid_argument, "an edit must name at least one field and its new value");
  OJson next = edits.is_object() ? edits : OJson::object();
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    if (!editable(it.key())) {
      std::string why = it.key() == "source" || it.key() == "collectedAt" || it.key() == "provenance" ||
                                it.key() == "warnings" || it.key() == "schemaVersion"
                            ? "\" records where and how the item was collected and cannot be edited"
                            : "\" is not a field of an item";
      return make_error(ErrorCode::invalid_argument, "\"" + it.key() + why);
    }
    next[it.key()] = OJson(*it);
  }
  OJson view = compose_view(collected, next);
  if (auto item = item_from_json(view); !item)
    return make_error(ErrorCode::invalid_argument, "the edit would make the item unreadable: " + item.error().message);
  if (Status s = check_amounts(view); !s) return s.error();
  return next;
}

OJson changed_fields(const OJson& before, const OJson& after) {
  OJson changes = OJson::object();
  for (auto it = after.begin(); it != after.end(); ++it) {
    if (it.key() == "collectedAt") continue;
    auto old = before.find(it.key());
    if (old == before.end() || *old != *it) changes[it.key()] = *it;
  }
  for (auto it = before.begin(); it != before.end(); ++it)
    if (it.key() != "collectedAt" && !after.contains(it.key())) changes[it.key()] = nullptr;
  return changes;
}

std::vector<std::string> edited_field_names(const OJson& edits) {
  std::vector<std::string> names;
  if (edits.is_object())
    for (auto it = edits.begin(); it != edits.end(); ++it) names.push_back(it.key());
  return names;
}

std::int64_t price_sort_key(const std::string& amount, std::int64_t when_missing) {
  auto canonical = canonical_decimal(amount, 0);
  if (!canonical) return when_missing;
  std::string_view s = *canonical;
  auto dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  // 12 integer digits is a trillion in any currency; beyond that the key saturates.
  if (whole.size() > 12) return INT64_MAX - 1;
  std::int64_t key = 0;
  for (char c : whole) key = key * 10 + (c - '0');
  for (int i = 0; i < 6; ++i) key = key * 10 + (i < static_cast<int>(frac.size()) ? frac[i] - '0' : 0);
  return key;
}

std::string attribute_search_text(const Item& item) {
  std::string text;
  auto add = [&](const std::string& s) {
    if (s.empty()) return;
    if (!text.empty()) text += ' ';
    text += s;
  };
  for (const auto& a : item.attributes) {
    add(a.name);
    add(a.value);
  }
  add(item.brand);
  for (const auto& c : item.category_path) add(c);
  return text;
}

}  // namespace caiji::store
