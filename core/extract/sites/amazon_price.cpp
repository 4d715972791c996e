// Amazon buy box: the price a buyer pays now, the list/"was" price, the stock line, and the
// currency the page's own data names.

#include <array>
#include <algorithm>
#include <utility>

#include "core/extract/sites/amazon_private.hpp"
#include "core/item/money.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::amazon {

namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// Marketplace ids are what Amazon's own scripts carry (ue_mid, marketplaceId); each
// marketplace sells in one currency.
constexpr std::array<Pair, 23> kMarketplaces = {{
    {"ATVPDKIKX0DER", "USD"},  {"A2EUQ1WTGCTBG2", "CAD"}, {"A1AM78C64UM0Y8", "MXN"}, {"A2Q3Y263D00KWC", "BRL"},
    {"A1F83G8C2ARO7P", "GBP"}, {"A1PA6795UKMFR9", "EUR"}, {"A13V1IB3VIYZZH", "EUR"}, {"APJ6JRA9NG5V4", "EUR"},
    {"A1RKKUPIHCS9HS", "EUR"}, {"A1805IZSGTT6HS", "EUR"}, {"AMEN7PMS3EDWL", "EUR"},  {"A28R8C7NBKEWEA", "EUR"},
    {"A2NODRKZP88ZB9", "SEK"}, {"A1C3SOZRARQ6R3", "PLN"}, {"A33AVAJ2PDY3EV", "TRY"}, {"A2VIGQ35RCS4UG", "AED"},
    {"A17E79C6D8DWNP", "SAR"}, {"ARBP9OOSHTCHU", "EGP"},  {"A21TJRUUN4KGV", "INR"},  {"A1VC38T7YXB528", "JPY"},
    {"A39IBJ37TRP1C6", "AUD"}, {"A19VAU5U5O7RUS", "SGD"}, {"AAHKV2X7AFYLW", "CNY"},
}};

// Host suffix after "amazon." -> currency, for pages whose scripts name no marketplace.
constexpr std::array<Pair, 24> kHosts = {{
    {"com", "USD"},    {"ca", "CAD"},     {"com.mx", "MXN"}, {"com.br", "BRL"}, {"co.uk", "GBP"}, {"de", "EUR"},
    {"fr", "EUR"},     {"it", "EUR"},     {"es", "EUR"},     {"nl", "EUR"},     {"com.be", "EUR"}, {"ie", "EUR"},
    {"se", "SEK"},     {"pl", "PLN"},     {"com.tr", "TRY"}, {"ae", "AED"},     {"sa", "SAR"},     {"eg", "EGP"},
    {"in", "INR"},     {"co.jp", "JPY"},  {"com.au", "AUD"}, {"sg", "SGD"},     {"cn", "CNY"},     {"at", "EUR"},
}};

// Symbols parse_price_text leaves to the hint, and the currencies that print them.
bool symbol_fits(std::string_view text, std::string_view currency) {
  auto in = [&](std::initializer_list<std::string_view> list) {
    for (auto c : list)
      if (c == currency) return true;
    return false;
  };
  if (text.find('$') != std::string_view::npos) return in({"USD", "CAD", "MXN", "AUD", "SGD", "BRL", "NZD", "HKD"});
  if (text.find("\xC2\xA5") != std::string_view::npos || text.find("\xEF\xBF\xA5") != std::string_view::npos)
    return in({"JPY", "CNY"});
  if (icontains(text, "kr")) return in({"SEK", "NOK", "DKK"});
  return true;  // a bare number: the page's own currency is all there is
}

// The value of a quoted string right after `key` in the raw page ("ue_mid = 'X'",
// "\"marketplaceId\":\"X\"").
std::string quoted_after(std::string_view html, std::string_view key) {
  std::size_t p = html.find(key);
  if (p == std::string_view::npos) return {};
  p += key.size();
  std::size_t limit = std::min(html.size(), p + 8);
  while (p < limit && html[p] != '\'' && html[p] != '"') ++p;
  if (p >= limit) return {};
  char q = html[p];
  std::size_t end = html.find(q, p + 1);
  if (end == std::string_view::npos || end - p > 40) return {};
  return std::string(html.substr(p + 1, end - p - 1));
}

std::string input_value(const Page& page, std::string_view id) {
  std::string sel = "input#" + std::string(id);
  if (html::Node n = page.doc().select_first(sel); n.valid())
    if (auto v = n.attr("value")) return std::string(trim(*v));
  return {};
}

// "Only 3 left in stock", "Nur noch 3 auf Lager", "Currently unavailable".
std::optional<std::int64_t> stock_from_line(std::string_view line) {
  if (icontains(line, "Currently unavailable") || icontains(line, "Derzeit nicht verf") ||
      icontains(line, "out of stock"))
    return 0;
  if (!icontains(line, "left in stock") && !icontains(line, "auf Lager")) return std::nullopt;
  std::int64_t n = 0;
  bool digits = false;
  for (char c : line) {
    if (c >= '0' && c <= '9') {
      if (n < 100000000) n = n * 10 + (c - '0');
      digits = true;
    } else if (digits) {
      break;
    }
  }
  if (digits && (icontains(line, "only") || icontains(line, "nur"))) return n;
  return std::nullopt;
}

}  // namespace

std::string currency_of_marketplace(std::string_view id) {
  for (const auto& [mid, cur] : kMarketplaces)
    if (mid == id) return std::string(cur);
  return {};
}

std::string currency_of_host(std::string_view host) {
  std::size_t p = host.find("amazon.");
  if (p == std::string_view::npos) return {};
  std::string_view suffix = host.substr(p + 7);
  for (const auto& [tld, cur] : kHosts)
    if (tld == suffix) return std::string(cur);
  return {};
}

CurrencyHints currency_hints(const Page& page) {
  CurrencyHints h;
  std::string_view html = page.input().html;
  std::string mid = quoted_after(html, "ue_mid");
  if (mid.empty()) mid = input_value(page, "marketplaceId");
  if (mid.empty()) mid = quoted_after(html, "\"marketplaceId\":");
  if (mid.empty()) mid = quoted_after(html, "\"marketPlaceId\":");
  h.marketplace = currency_of_marketplace(mid);
  if (h.marketplace.empty()) h.marketplace = currency_of_host(page.host());
  h.preference = to_upper_ascii(input_value(page, "currencyOfPreference"));
  return h;
}

std::optional<normalize::PriceText> read_price(std::string_view raw, const CurrencyHints& hints) {
  std::string text = clean(raw);
  if (text.empty()) return std::nullopt;
  auto own = normalize::parse_price_text(text);
  if (!own) return std::nullopt;
  if (!own->currency.empty()) return own;
  for (const std::string* hint : {&hints.marketplace, &hints.preference})
    if (!hint->empty() && symbol_fits(text, *hint)) return normalize::parse_price_text(text, *hint);
  return own;  // an amount without a currency the page vouches for
}

std::string price_text(const html::Node& el) {
  if (html::Node off = el.select_first(".a-offscreen"); off.valid())
    if (std::string t = clean(off.text()); !t.empty()) return t;
  if (html::Node vis = el.select_first("span[aria-hidden=true]"); vis.valid())
    if (std::string t = clean(vis.text()); !t.empty()) return t;
  return clean(el.text());
}

BuyBox read_buy_box(const Page& page, const CurrencyHints& hints, Item& out) {
  BuyBox box;
  const html::Document& doc = page.doc();
  // Newest first: the "apex" core price block (2022+), the corePrice block (2021), then the
  // priceblock_* table rows of older pages, then the add-to-cart subtotal.
  static constexpr std::string_view kPrice[] = {
      "#corePriceDisplay_desktop_feature_div .priceToPay",
      "#corePrice_feature_div .apex-pricetopay-value",
      "#corePrice_feature_div .a-price",
      "#corePrice_desktop .apex-pricetopay-value",
      "#corePrice_desktop .a-price",
      "#apex_desktop .apex-pricetopay-value",
      "#priceblock_dealprice",
      "#priceblock_saleprice",
      "#priceblock_ourprice",
      "#price_inside_buybox",
      "#newBuyBoxPrice",
      "#tp_price_block_total_price_ww",
  };
  std::optional<normalize::PriceText> price;
  for (std::string_view sel : kPrice) {
    for (const html::Node& n : doc.select(sel)) {
      price = read_price(price_text(n), hints);
      if (price) break;
    }
    if (price) break;
  }
  // Hidden inputs the price-tracking widgets read: an amount and its symbol.
  if (!price) {
    for (auto [amount, symbol] : {Pair{"twister-plus-price-data-price", "twister-plus-price-data-price-unit"},
                                  Pair{"priceValue", "priceSymbol"}}) {
      std::string a = input_value(page, amount);
      if (a.empty()) continue;
      price = read_price(input_value(page, symbol) + a, hints);
      if (price) break;
    }
  }
  if (price) {
    out.currency = price->currency;
    out.price = PriceRange{price->min, price->max};
  }

  static constexpr std::string_view kOriginal[] = {
      "#corePriceDisplay_desktop_feature_div .basisPrice .a-offscreen",
      "#corePriceDisplay_desktop_feature_div .a-text-price[data-a-strike=true] .a-offscreen",
      "#corePrice_feature_div .a-text-price[data-a-strike=true] .a-offscreen",
      "#corePrice_desktop .a-text-price[data-a-strike=true] .a-offscreen",
      "#price .priceBlockStrikePriceString",
      "#price .a-text-strike",
      "#listPrice",
  };
  if (price) {
    for (std::string_view sel : kOriginal) {
      html::Node n = doc.select_first(sel);
      if (!n.valid()) continue;
      auto was = read_price(n.text(), hints);
      // Only a higher price in the same currency is a struck-through price.
      if (was && was->currency == price->currency && compare_decimal(was->min, price->max) > 0) {
        box.original = was->min;
        break;
      }
    }
  }
  if (html::Node avail = doc.select_first("#availability"); avail.valid()) box.stock = stock_from_line(clean(avail.text()));
  return box;
}

}  // namespace caiji::extract::amazon
