#include "box_json.hpp"

#include "core/item/item_json.hpp"

namespace caiji::host {

namespace {

void put_record(nlohmann::ordered_json& j, const store::StoredItem& s) {
  j["id"] = s.id;
  j["revision"] = s.revision;
  j["createdAt"] = s.created_at;
  j["updatedAt"] = s.updated_at;
  if (!s.deleted_at.empty()) j["deletedAt"] = s.deleted_at;
  j["tags"] = s.tags;
  j["editedFields"] = s.edited_fields;
}

}  // namespace

nlohmann::ordered_json stored_item_json(const store::StoredItem& s) {
  nlohmann::ordered_json j;
  put_record(j, s);
  j["item"] = item_to_json(s.item);
  return j;
}

nlohmann::ordered_json stored_item_summary_json(const store::StoredItem& s) {
  nlohmann::ordered_json j;
  put_record(j, s);
  const Item& it = s.item;
  j["platform"] = it.source.platform;
  j["url"] = it.source.canonical_url.empty() ? it.source.url : it.source.canonical_url;
  j["title"] = it.title;
  if (!it.currency.empty()) j["currency"] = it.currency;
  if (it.price) j["price"] = {{"min", it.price->min}, {"max", it.price->max}};
  if (!it.images.main.empty()) j["image"] = it.images.main.front();
  j["variants"] = it.variants.size();
  j["warnings"] = it.warnings.size();
  j["collectedAt"] = it.collected_at;
  return j;
}

nlohmann::ordered_json revision_json(const store::Revision& r) {
  nlohmann::ordered_json j;
  j["revision"] = r.revision;
  j["at"] = r.at;
  j["by"] = r.by;
  j["changes"] = r.changes;
  return j;
}

nlohmann::ordered_json price_point_json(const store::PricePoint& p) {
  nlohmann::ordered_json j;
  j["collectedAt"] = p.collected_at;
  j["currency"] = p.currency;
  j["min"] = p.min;
  j["max"] = p.max;
  return j;
}

std::optional<store::Sort> parse_sort(std::string_view name) {
  if (name == "newest") return store::Sort::newest;
  if (name == "oldest") return store::Sort::oldest;
  if (name == "updated") return store::Sort::updated;
  if (name == "title") return store::Sort::title;
  if (name == "price-low") return store::Sort::price_low;
  if (name == "price-high") return store::Sort::price_high;
  return std::nullopt;
}

const char* sort_names() { return "newest, oldest, updated, title, price-low, price-high"; }

std::string price_text(const Item& item) {
  if (!item.price) return "-";
  std::string p = item.price->min == item.price->max ? item.price->min : item.price->min + "-" + item.price->max;
  return item.currency.empty() ? p : item.currency + " " + p;
}

}  // namespace caiji::host
