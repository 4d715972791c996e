// Amazon product pages (www.amazon.com/dp/<ASIN> and the country sites: amazon.de, .co.uk,
// .co.jp, …). The parts live beside this file: amazon_price.cpp, amazon_twister.cpp,
// amazon_images.cpp, amazon_details.cpp.
//
// Page generations read:
// - classic (to 2020): #priceblock_ourprice / _saleprice / _dealprice rows, twister script data,
//   colorImages in the ImageBlockATF script;
// - corePrice (2021-23): #corePrice_feature_div a-price spans, the same scripts;
// - apex (2024-25): #corePriceDisplay_desktop_feature_div with an empty a-offscreen copy, inline
//   twister markup with per-swatch prices, the gallery as markup (data-old-hires).
// The Robot Check and the 404 page are recognized before extraction (page_kind.cpp).

#include <utility>

#include "core/extract/platform.hpp"
#include "core/extract/sites/amazon_private.hpp"
#include "core/extract/sites/sites.hpp"
#include "core/item/money.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

// The ASIN of the page: the add-to-cart form's, else the address's, else the reviews widget's.
std::string page_asin(const Page& page) {
  // Each query names an id: a page the scan proves has none of them (search and category
  // pages) is read without a tree.
  constexpr std::pair<std::string_view, std::string_view> kAsinInputs[] = {
      {"input#ASIN", "ASIN"}, {"input#asin", "asin"}, {"#addToCart input[name=ASIN]", "addToCart"}};
  for (const auto& [sel, id] : kAsinInputs) {
    if (!page.may_have_id(id)) continue;
    if (html::Node n = page.doc().select_first(sel); n.valid()) {
      std::string v(trim(n.attr("value").value_or("")));
      if (amazon::is_asin(v)) return v;
    }
  }
  const std::string& url = page.url();
  for (std::string_view marker : {"/dp/", "/gp/product/", "/gp/aw/d/"}) {
    std::size_t p = url.find(marker);
    if (p == std::string::npos) continue;
    std::string id = url.substr(p + marker.size(), 10);
    if (amazon::is_asin(id)) return id;
  }
  if (!page.may_have_id("averageCustomerReviews")) return {};
  if (html::Node n = page.doc().select_first("#averageCustomerReviews[data-asin]"); n.valid()) {
    std::string v(trim(n.attr("data-asin").value_or("")));
    if (amazon::is_asin(v)) return v;
  }
  return {};
}

// A saved page without its address: Amazon's own markup still tells (the product title
// element and Amazon's page-timing marker or image host).
bool looks_like_amazon(const Page& page) {
  std::string_view html = page.input().html;
  // The text markers first: every page without an address asks, and they need no tree.
  if (!contains_text(html, "ue_mid") && !contains_text(html, "m.media-amazon.com") &&
      !contains_text(html, "images-amazon.com"))
    return false;
  return page.may_have_id("productTitle") && page.doc().select_first("#productTitle").valid();
}

void read_shop(const Page& page, Item& out) {
  html::Node seller = page.doc().select_first("#sellerProfileTriggerId");
  if (!seller.valid()) return;
  out.source.shop.name = amazon::clean(seller.text());
  std::string href(seller.attr("href").value_or(""));
  // "/gp/help/seller/at-a-glance.html?...&seller=A3EL5JZNMT8SZ7&..." names the seller id.
  std::size_t p = href.find("seller=");
  if (p != std::string::npos) {
    std::size_t end = href.find('&', p);
    out.source.shop.id = href.substr(p + 7, end == std::string::npos ? std::string::npos : end - p - 7);
  }
  out.source.shop.url = page.absolute(href);
}

class AmazonExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "amazon"; }
  bool applies_to(const Page& page) const override {
    if (page.host().empty()) return looks_like_amazon(page);
    return platform_for_host(page.host()) == "amazon";
  }

  void extract(const Page& page, Item& out, std::vector<Warning>&) const override {
    out.source.platform = "amazon";
    const std::string asin = page_asin(page);
    out.source.product_id = asin;
    if (page.may_have_id("productTitle"))
      if (html::Node t = page.doc().select_first("#productTitle"); t.valid()) out.title = amazon::clean(t.text());
    // Search and category pages have no product title: leave them to the list verdict.
    if (out.title.empty()) return;

    const amazon::CurrencyHints hints = amazon::currency_hints(page);
    const amazon::BuyBox box = amazon::read_buy_box(page, hints, out);
    const amazon::ImageBlock block = amazon::read_image_block(page);
    amazon::read_gallery(page, block, out);
    amazon::read_twister(page, hints, block, out);
    if (out.currency.empty() && !out.variants.empty()) out.currency = hints.marketplace;

    // The buy box belongs to the shown child ASIN; a product without variations gets one
    // variant when the page shows something only a variant can hold (a "was" price, stock).
    Variant* shown = nullptr;
    for (auto& v : out.variants)
      if (v.sku_id == asin) shown = &v;
    if (!shown && out.options.empty() && !asin.empty() && (box.original || box.stock)) {
      out.variants.push_back(Variant{asin, {}, {}, {}, {}, {}});
      shown = &out.variants.back();
    }
    if (shown) {
      if (out.price && out.price->min == out.price->max) shown->price = out.price->min;
      if (box.original && shown->price) shown->original_price = box.original;
      if (box.stock) shown->stock = box.stock;
    }
    // Inline swatches price the other children too: the item's range covers them all.
    for (const auto& v : out.variants) {
      if (!v.price) continue;
      if (!out.price) out.price = PriceRange{*v.price, *v.price};
      if (compare_decimal(*v.price, out.price->min) < 0) out.price->min = *v.price;
      if (compare_decimal(*v.price, out.price->max) > 0) out.price->max = *v.price;
    }
    read_shop(page, out);
    amazon::read_details(page, out);
  }
};

}  // namespace

std::unique_ptr<Extractor> make_amazon_extractor() { return std::make_unique<AmazonExtractor>(); }

}  // namespace caiji::extract
