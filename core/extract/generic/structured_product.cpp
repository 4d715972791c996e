// Shared by microdata.cpp and rdfa.cpp: a schema.org Product read from markup, into an Item.

#include "core/extract/generic/structured_product.hpp"

#include <algorithm>

#include "core/item/money.hpp"
#include "core/normalize/price.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::structured {

namespace {

std::string first(const Thing& t, std::string_view prop) {
  for (const auto& [k, v] : t.values)
    if (iequals(k, prop)) return std::string(trim(v));
  return {};
}

const Thing* child(const Thing& t, std::string_view prop) {
  for (const auto& [k, c] : t.children)
    if (iequals(k, prop)) return &c;
  return nullptr;
}

// "Product" from "http://schema.org/Product" or "schema:Product".
bool type_is(const Thing& t, std::string_view name) {
  std::size_t cut = t.type.find_last_of("/:#");
  return iequals(cut == std::string::npos ? t.type : t.type.substr(cut + 1), name);
}

// A printed or plain amount. The currency named by the markup settles "$"; a symbol that
// names another currency than the markup does is not trusted.
std::optional<std::string> amount(std::string_view text, std::string& currency) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  if (auto plain = canonical_money(text, currency)) return plain;
  auto p = normalize::parse_price_text(text, currency);
  if (!p) return std::nullopt;
  if (!currency.empty() && !p->currency.empty() && p->currency != currency) return std::nullopt;
  if (currency.empty()) currency = p->currency;
  return p->min;
}

struct Price {
  std::string currency, low, high;
  void widen(const std::string& v) {
    if (low.empty() || compare_decimal(v, low) < 0) low = v;
    if (high.empty() || compare_decimal(v, high) > 0) high = v;
  }
};

void read_offer(const Thing& offer, Price& p) {
  std::string currency = to_upper_ascii(first(offer, "priceCurrency"));
  if (const Thing* spec = child(offer, "priceSpecification"); spec && currency.empty())
    currency = to_upper_ascii(first(*spec, "priceCurrency"));
  if (!p.currency.empty() && !currency.empty() && currency != p.currency) return;  // other currencies are not mixed
  if (currency.empty()) currency = p.currency;
  for (const char* key : {"price", "lowPrice", "highPrice"}) {
    for (const auto& [k, v] : offer.values) {
      if (!iequals(k, key)) continue;
      if (auto m = amount(v, currency)) p.widen(*m);
    }
  }
  if (const Thing* spec = child(offer, "priceSpecification"))
    if (auto m = amount(first(*spec, "price"), currency)) p.widen(*m);
  if (p.currency.empty()) p.currency = currency;
}

}  // namespace

Thing read_thing(const Page& page, const html::Node& scope, const Vocabulary& vocabulary, int depth) {
  Thing thing;
  thing.type = std::string(scope.attr(vocabulary.type_attribute).value_or(""));
  std::vector<html::Node> stack = scope.children();
  std::reverse(stack.begin(), stack.end());
  std::size_t visited = 0;
  while (!stack.empty() && ++visited < 200000) {
    html::Node n = stack.back();
    stack.pop_back();
    if (!n.is_element()) continue;
    auto prop = n.attr(vocabulary.property_attribute);
    const bool nested = n.attr(vocabulary.scope_attribute).has_value();
    if (prop) {
      std::string_view names = *prop;
      while (!names.empty()) {
        std::size_t sp = names.find(' ');
        std::string name = vocabulary.property_name(trim(names.substr(0, sp)));
        names = sp == std::string_view::npos ? std::string_view{} : names.substr(sp + 1);
        if (name.empty()) continue;
        if (nested && depth < 6) thing.children.emplace_back(name, read_thing(page, n, vocabulary, depth + 1));
        else if (!nested) thing.values.emplace_back(name, vocabulary.value_of(page, n));
      }
    }
    if (nested) continue;  // its own properties belong to it, not to us
    std::vector<html::Node> kids = n.children();
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  return thing;
}

void fill_item(const Page& page, const Thing& product, Item& out) {
  out.title = decode_entities(first(product, "name"));
  out.description_html = text_paragraph_html(decode_entities(first(product, "description")));
  for (const auto& [k, v] : product.values)
    if (iequals(k, "image"))
      if (std::string u = page.absolute(v); !u.empty()) out.images.main.push_back(u);
  for (const auto& [k, c] : product.children)
    if (iequals(k, "image")) {
      std::string u = first(c, "contentUrl");
      if (u.empty()) u = first(c, "url");
      if (std::string abs = page.absolute(u); !abs.empty()) out.images.main.push_back(abs);
    }
  out.brand = first(product, "brand");
  if (const Thing* b = child(product, "brand")) out.brand = first(*b, "name");
  if (std::string c = first(product, "category"); !c.empty()) {
    std::string_view rest = c;
    while (!rest.empty()) {
      std::size_t cut = rest.find('>');
      if (std::string part = clean_text(rest.substr(0, cut)); !part.empty()) out.category_path.push_back(part);
      rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    }
  }
  for (const char* key : {"gtin13", "gtin12", "gtin14", "gtin8", "gtin"})
    if (std::string v = first(product, key); !v.empty()) out.attributes.push_back({"GTIN", v});
  if (std::string v = first(product, "mpn"); !v.empty()) out.attributes.push_back({"MPN", v});

  Price p;
  for (const auto& [k, c] : product.children) {
    if (!iequals(k, "offers")) continue;
    read_offer(c, p);
    // An AggregateOffer may list its offers.
    if (type_is(c, "AggregateOffer"))
      for (const auto& [k2, inner] : c.children)
        if (iequals(k2, "offers")) read_offer(inner, p);
  }
  if (p.low.empty()) read_offer(product, p);  // price/priceCurrency written on the product itself
  if (!p.low.empty()) {
    out.currency = p.currency;
    out.price = PriceRange{p.low, p.high};
  }
}

}  // namespace caiji::extract::structured
