// eBay item pages (www.ebay.com/itm/<item number> and the country sites: ebay.de, .co.uk,
// .com.au, …). ebay_msku.cpp reads the variations of multi-SKU listings.
//
// Page generations read:
// - raptor item pages (2014-2021): #itemTitle, #prcIsum with itemprop price/priceCurrency,
//   #orgPrc / #mm-saleOrgPrc, the PicturePanel widget's fsImgList, the .itemAttr "Item
//   specifics" table, #mbgLink seller, itmVarModel for variations;
// - 2022+ item pages: .x-item-title, .x-price-primary, the ux-image-carousel, the
//   ux-labels-values item specifics, the seller card, JSON-LD Product, MSKU for variations.
// Whatever a page lacks here, the JSON-LD and OpenGraph extractors fill after this one.

#include <algorithm>

#include "core/extract/json_util.hpp"
#include "core/extract/platform.hpp"
#include "core/extract/sites/ebay_private.hpp"
#include "core/extract/sites/sites.hpp"
#include "core/item/money.hpp"
#include "core/normalize/images.hpp"
#include "core/normalize/price.hpp"
#include "core/script/locate.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// The item number: the page's own "eBay item number" line, else the address.
std::string item_number(const Page& page) {
  // Each query's subject has an id or class the page must spell out: a page that lacks them
  // (search and store pages) is read without a tree.
  const bool may[] = {page.may_have_id("descItemNumber"),
                      page.may_have_class("ux-layout-section__textual-display--itemId"),
                      page.may_have_class("ux-textspans--BOLD")};
  std::size_t k = 0;
  for (std::string_view sel : {"#descItemNumber", ".ux-layout-section__textual-display--itemId .ux-textspans--BOLD",
                               "[data-testid=ux-layout-section__item--itemId] .ux-textspans--BOLD"}) {
    if (!may[k++]) continue;
    if (html::Node n = page.doc().select_first(sel); n.valid()) {
      std::string v = clean_text(n.text());
      if (all_digits(v)) return v;
    }
  }
  const std::string& url = page.url();
  std::size_t p = url.find("/itm/");
  if (p == std::string::npos) return {};
  std::string_view rest = std::string_view(url).substr(p + 5);
  rest = rest.substr(0, rest.find_first_of("?#"));
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  std::string_view tail = rest.substr(rest.rfind('/') == std::string_view::npos ? 0 : rest.rfind('/') + 1);
  return all_digits(tail) && tail.size() >= 9 ? std::string(tail) : std::string();
}

std::string title_of(const Page& page) {
  if (page.may_have_class("x-item-title__mainTitle"))
    if (html::Node h = page.doc().select_first(".x-item-title__mainTitle"); h.valid()) return clean_text(h.text());
  if (!page.may_have_id("itemTitle")) return {};
  if (html::Node h = page.doc().select_first("#itemTitle"); h.valid()) {
    // "<span class=g-hdn>Details about &nbsp;</span>Title": the hidden prefix is for screen readers.
    std::string title = clean_text(h.text());
    if (html::Node hidden = h.select_first(".g-hdn"); hidden.valid()) {
      std::string prefix = clean_text(hidden.text());
      if (!prefix.empty() && starts_with(title, prefix)) title = clean_text(title.substr(prefix.size()));
    }
    return title;
  }
  return {};
}

// The stated currency of the listing: itemprop priceCurrency (raptor), else none (the printed
// prices of 2022+ pages carry an unambiguous code or symbol: "US $", "EUR", "£", "AU $").
std::string stated_currency(const Page& page) {
  if (html::Node n = page.doc().select_first("[itemprop=priceCurrency]"); n.valid())
    return to_upper_ascii(trim(n.attr("content").value_or("")));
  return {};
}

std::optional<normalize::PriceText> price_at(const Page& page, std::initializer_list<std::string_view> selectors,
                                             const std::string& hint) {
  for (std::string_view sel : selectors) {
    html::Node n = page.doc().select_first(sel);
    if (!n.valid()) continue;
    // The machine-readable amount when the element has one (itemprop price content="349.99").
    std::string content(trim(n.attr("content").value_or("")));
    if (!content.empty() && !hint.empty())
      if (auto m = canonical_money(content, hint)) return normalize::PriceText{hint, *m, *m};
    html::Node span = n.select_first(".ux-textspans");
    if (auto p = normalize::parse_price_text(span.valid() ? span.text() : n.text(), hint); p && !p->currency.empty())
      return p;
  }
  return std::nullopt;
}

// "More than 10 available", "3 available", "Last one", "3 verfügbar", "Letzter Artikel".
std::optional<std::int64_t> stock_of(const Page& page) {
  for (std::string_view sel : {"#qtySubTxt", "#qtyAvailability", ".x-quantity__availability"}) {
    html::Node n = page.doc().select_first(sel);
    if (!n.valid()) continue;
    std::string text = clean_text(n.text());
    if (icontains(text, "Last one") || icontains(text, "Letzter Artikel")) return 1;
    if (icontains(text, "More than") || icontains(text, "Mehr als") || icontains(text, "Limited")) return std::nullopt;
    std::int64_t v = 0;
    bool any = false;
    for (char c : text) {
      if (c >= '0' && c <= '9') {
        if (v < 100000000) v = v * 10 + (c - '0');
        any = true;
      } else if (any) {
        break;
      }
    }
    if (any && (icontains(text, "available") || icontains(text, "verf"))) return v;
  }
  return std::nullopt;
}

std::vector<std::string> gallery_of(const Page& page) {
  std::vector<std::string> out;
  auto add = [&](std::string_view url) {
    std::string abs = page.absolute(url);
    if (!abs.empty()) out.push_back(normalize::largest_image(abs));
  };
  // Raptor pages: the PicturePanel widget lists every picture with its largest size.
  for (const html::Script& s : page.scripts()) {
    if (s.body.find("fsImgList") == std::string_view::npos) continue;
    auto list = script::find_property(s.body, "fsImgList");
    if (!list || !list->is_array()) continue;
    for (const Json& img : *list) {
      if (!img.is_object()) continue;
      std::string url = json_text(img, "maxImageUrl");
      if (url.empty()) url = json_text(img, "displayImgUrl");
      if (!url.empty()) add(url);
    }
    if (!out.empty()) return out;
  }
  // 2022+ pages: the image carousel; its pictures are lazy (data-zoom-src / data-src).
  for (const html::Node& img : page.doc().select(".ux-image-carousel-item img")) {
    std::optional<std::string_view> v = img.attr("data-zoom-src");
    if (!v || trim(*v).empty()) v = img.attr("data-src");
    if (!v || trim(*v).empty()) v = img.attr("src");
    if (v) add(*v);
  }
  if (!out.empty()) return out;
  for (const html::Node& img : page.doc().select("#vi_main_img_fs img, #icImg")) {
    if (auto v = img.attr("src")) add(*v);
  }
  // Thumbnails and the main picture repeat each other once enlarged.
  std::vector<std::string> unique;
  for (auto& u : out)
    if (std::find(unique.begin(), unique.end(), u) == unique.end()) unique.push_back(std::move(u));
  return unique;
}

void add_attribute(Item& out, std::string name, std::string value) {
  name = clean_text(name);
  while (!name.empty() && (name.back() == ':' || name.back() == ' ')) name.pop_back();
  value = clean_text(value);
  if (name.empty() || value.empty() || value.size() > 2000) return;
  for (const auto& a : out.attributes)
    if (a.name == name) return;
  out.attributes.push_back(Attribute{std::move(name), std::move(value)});
}

// The condition as the buyer picks it ("New", "Used", "New with tags"), without the long
// explanation eBay appends.
std::string condition_of(const Page& page) {
  for (std::string_view sel : {"#vi-itm-cond", ".x-item-condition-text .ux-textspans", ".x-item-condition-value .ux-textspans"}) {
    if (html::Node n = page.doc().select_first(sel); n.valid())
      if (std::string c = clean_text(n.text()); !c.empty()) return c;
  }
  return {};
}

void read_specifics(const Page& page, Item& out) {
  if (std::string c = condition_of(page); !c.empty()) add_attribute(out, "Condition", c);
  // 2022+ pages: <dl class="ux-labels-values"><dt>Brand</dt><dd>…</dd></dl>; a condition value
  // is "New with tags: A brand-new …", keep the part before the explanation.
  for (const html::Node& dl : page.doc().select(".ux-layout-section--features .ux-labels-values, .ux-layout-section-evo .ux-labels-values")) {
    html::Node label = dl.select_first(".ux-labels-values__labels");
    html::Node value = dl.select_first(".ux-labels-values__values");
    if (!label.valid() || !value.valid()) continue;
    html::Node first = value.select_first(".ux-textspans");
    std::string v = clean_text(first.valid() ? first.text() : value.text());
    std::string name = clean_text(label.text());
    if (iequals(name, "Condition") || iequals(name, "Condition:")) {
      if (std::size_t colon = v.find(':'); colon != std::string::npos) v = v.substr(0, colon);
    } else {
      v = clean_text(value.text());
    }
    add_attribute(out, name, v);
  }
  // Raptor pages: a table of label cells (td.attrLabels) each followed by its value cell.
  for (const html::Node& tr : page.doc().select(".itemAttr tr")) {
    std::vector<html::Node> cells = tr.select("td");
    for (std::size_t i = 0; i + 1 < cells.size(); ++i) {
      if (!cells[i].has_class("attrLabels")) continue;
      std::string name = clean_text(cells[i].text());
      // The condition cell carries the whole explanation; #vi-itm-cond gave the short form.
      if (starts_with(name, "Condition")) continue;
      add_attribute(out, name, cells[i + 1].text());
    }
  }
  for (const auto& a : out.attributes)
    if (out.brand.empty() && (iequals(a.name, "Brand") || iequals(a.name, "Marke") || iequals(a.name, "Marque")))
      out.brand = a.value;
}

void read_seller(const Page& page, Item& out) {
  for (std::string_view sel : {".x-sellercard-atf__info__about-seller a", ".ux-seller-section__item--seller a",
                               "#mbgLink"}) {
    html::Node a = page.doc().select_first(sel);
    if (!a.valid()) continue;
    std::string name = clean_text(a.text());
    if (html::Node n = a.select_first(".mbg-nw"); n.valid()) name = clean_text(n.text());
    if (name.empty()) continue;
    out.source.shop.name = name;
    std::string url = page.absolute(a.attr("href").value_or(""));
    // Tracking parameters (_trksid) make the same shop look different on every page.
    if (std::size_t q = url.find('?'); q != std::string::npos) url.erase(q);
    out.source.shop.url = url;
    // "/usr/<user id>" and "/str/<store name>" name the seller.
    for (std::string_view marker : {"/usr/", "/str/"}) {
      std::size_t p = url.find(marker);
      if (p != std::string::npos) out.source.shop.id = url.substr(p + marker.size(), url.find('/', p + marker.size()) - p - marker.size());
    }
    return;
  }
}

void read_breadcrumbs(const Page& page, Item& out) {
  // Raptor: schema.org BreadcrumbList microdata; 2022+: nav.breadcrumbs whose first link is eBay's home.
  // The last raptor crumb may link a catalog product page ("See more …"): only linked items count.
  for (const html::Node& n : page.doc().select("#vi-VR-brumb-lnkLst a[itemprop=item] [itemprop=name]")) {
    if (std::string c = clean_text(n.text()); !c.empty()) out.category_path.push_back(std::move(c));
  }
  if (!out.category_path.empty()) return;
  for (const html::Node& a : page.doc().select("nav.breadcrumbs li a, .seo-breadcrumbs-container li a")) {
    std::string c = clean_text(a.text());
    if (c.empty() || iequals(c, "eBay") || starts_with(c, "Back to")) continue;
    out.category_path.push_back(std::move(c));
  }
}

class EbayExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "ebay"; }
  bool applies_to(const Page& page) const override { return platform_for_host(page.host()) == "ebay"; }

  void extract(const Page& page, Item& out, std::vector<Warning>&) const override {
    out.source.platform = "ebay";
    out.source.product_id = item_number(page);
    out.title = title_of(page);
    // Search and store pages have neither title nor item number: leave them to the list verdict.
    if (out.title.empty() && out.source.product_id.empty()) return;

    const std::string hint = stated_currency(page);
    // The price a buyer pays now: the sale price when the listing is discounted.
    auto price = price_at(page, {"#mm-saleDscPrc", "#prcIsum", "#prcIsum_bidPrice", ".x-price-primary",
                                 "[data-testid=x-price-primary]"},
                          hint);
    if (price) {
      out.currency = price->currency;
      out.price = PriceRange{price->min, price->max};
    }
    out.images.main = gallery_of(page);
    if (auto model = ebay::find_variation_model(page); model.is_object())
      ebay::read_variations(model, out.currency, out.images.main, out);
    // The shown price is the selected (or first) variation's; the item's range covers them all.
    for (const auto& v : out.variants) {
      if (!v.price) continue;
      if (!out.price) out.price = PriceRange{*v.price, *v.price};
      if (compare_decimal(*v.price, out.price->min) < 0) out.price->min = *v.price;
      if (compare_decimal(*v.price, out.price->max) > 0) out.price->max = *v.price;
    }

    // A listing without variations keeps its struck-through price and stock on one variant,
    // the only place the item holds them.
    if (out.variants.empty() && price) {
      auto was = price_at(page, {"#mm-saleOrgPrc", "#orgPrc", ".x-additional-info .ux-textspans--STRIKETHROUGH",
                                 ".x-price-transparency .ux-textspans--STRIKETHROUGH"},
                          out.currency);
      auto stock = stock_of(page);
      bool was_higher = was && was->currency == out.currency && compare_decimal(was->min, price->max) > 0;
      if ((was_higher || stock) && !out.source.product_id.empty()) {
        Variant v;
        v.sku_id = out.source.product_id;
        v.price = price->min;
        if (was_higher) v.original_price = was->min;
        v.stock = stock;
        out.variants.push_back(std::move(v));
      }
    }
    // The seller's description loads in a frame from ebaydesc.com.
    if (html::Node f = page.doc().select_first("iframe#desc_ifr"); f.valid())
      out.description_url = page.absolute(f.attr("src").value_or(""));
    // Until the framed description is fetched, the summary eBay shares is the best text; it
    // carries eBay's own " | eBay!" tail.
    std::string summary = clean_text(page.meta("og:description"));
    for (std::string_view tail : {"| eBay!", "| eBay"}) {
      if (ends_with(summary, tail)) summary = clean_text(summary.substr(0, summary.size() - tail.size()));
    }
    out.description_html = text_paragraph_html(summary);
    read_specifics(page, out);
    read_seller(page, out);
    read_breadcrumbs(page, out);
  }
};

}  // namespace

std::unique_ptr<Extractor> make_ebay_extractor() { return std::make_unique<EbayExtractor>(); }

}  // namespace caiji::extract
