// The last resort for shops with no product data at all (no JSON-LD, microdata, RDFa or price
// meta tags), such as Best Buy's 2025 product pages: the picture gallery and the price a buyer
// sees next to the title. Careful by design, because a wrong price is worse than none:
//  - the price is read only on hosts no site adapter owns, only when the page declares no
//    structured price, only from an element named for a price (class, id, data-testid …) that
//    follows the page's <h1>, never from a struck-through, "was" or per-unit price, and only
//    when its text carries a currency sign or code; the item then says where the price came from;
//  - pictures are those whose alt text repeats the title, or that are declared large (>= 400 px)
//    after the title; icons, logos (.svg, .gif) and declared thumbnails are left out;
//  - nothing is read when the page's <h1> is not (mostly) its <title>: that is a search page.

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/extract/generic/generic.hpp"
#include "core/extract/platform.hpp"
#include "core/normalize/price.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

constexpr std::size_t kMaxImages = 20;
constexpr std::size_t kPriceWindow = 3000;  // elements after the <h1> searched for the price

// Declared size from width/height attributes or an inline style ("width:35px"); 0 = unknown.
int declared_size(const html::Node& img, const char* dim) {
  auto parse = [](std::string_view s) {
    int v = 0;
    std::size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9' && v < 100000; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  if (auto a = img.attr(dim)) return parse(*a);
  if (auto style = img.attr("style")) {
    std::string lower = to_lower_ascii(*style);
    std::size_t at = lower.find(std::string(dim) + ":");
    if (at != std::string::npos && (at == 0 || lower[at - 1] == ';' || lower[at - 1] == ' '))
      return parse(std::string_view(lower).substr(at + std::string_view(dim).size() + 1));
  }
  return 0;
}

std::string picture_of(const Page& page, const html::Node& img) {
  for (const char* a : {"data-large_image", "data-zoom-image", "data-src", "data-lazy-src", "data-original", "src"}) {
    auto v = img.attr(a);
    if (!v || trim(*v).empty()) continue;
    std::string u = page.absolute(*v);
    std::string lower = to_lower_ascii(u);
    std::size_t q = lower.find_first_of("?#;");
    std::string path = lower.substr(0, q);
    if (ends_with(path, ".svg") || ends_with(path, ".gif")) return {};
    return u;
  }
  return {};
}

// Alt text that repeats a title ("Anker Power Bank - image 1"), or that a longer title begins
// with ("Anker Power Bank" in "Anker Power Bank - Best Buy").
bool repeats_title(std::string_view text, const std::vector<std::string>& titles) {
  std::string t = to_lower_ascii(clean_text(text));
  if (t.size() < 6) return false;
  for (const auto& title : titles) {
    if (title.size() >= 6 && starts_with(t, title)) return true;
    if (t.size() >= 15 && starts_with(title, t)) return true;
  }
  return false;
}

// Every element of the body in document order, bounded.
std::vector<html::Node> body_elements(const Page& page) {
  std::vector<html::Node> out;
  html::Node body = page.doc().body();
  if (!body.valid()) return out;
  std::vector<html::Node> stack = body.children();
  std::reverse(stack.begin(), stack.end());
  while (!stack.empty() && out.size() < 300000) {
    html::Node n = stack.back();
    stack.pop_back();
    if (!n.is_element()) continue;
    std::string_view tag = n.tag();
    if (tag == "script" || tag == "style" || tag == "template" || tag == "noscript") continue;
    out.push_back(n);
    std::vector<html::Node> kids = n.children();
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

bool names_price(const html::Node& n) {
  std::string names;
  for (const char* a : {"class", "id", "itemprop", "data-testid", "data-test", "data-qa", "data-automation-id", "elementtiming"})
    if (auto v = n.attr(a)) names += to_lower_ascii(*v) + " ";
  if (names.find("price") == std::string::npos) return false;
  for (const char* no : {"was", "regular", "old", "strike", "compare", "saving", "save", "list", "orig", "before", "msrp",
                         "unit", "per-", "label", "range", "fans", "member", "promo"})
    if (names.find(no) != std::string::npos) return false;
  return true;
}

bool is_inside(const html::Node& n, const html::Node& ancestor) {
  html::Node p = n.parent();
  for (int depth = 0; depth < 64 && p.valid(); ++depth, p = p.parent())
    if (p == ancestor) return true;
  return false;
}

bool struck_through(const html::Node& n) {
  html::Node p = n;
  for (int i = 0; i < 4 && p.valid(); ++i, p = p.parent()) {
    std::string_view tag = p.tag();
    if (tag == "del" || tag == "s" || tag == "strike") return true;
  }
  return false;
}

// A currency sign next to the digits; a bare number is not a price.
bool has_currency_sign(std::string_view text) {
  for (unsigned char c : text)
    if (c == '$' || c >= 0x80) return true;
  return false;
}

// Words of a heading: runs of letters and digits (any script), lower-cased, two bytes or more.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (cur.size() >= 2) out.push_back(cur);
    cur.clear();
  };
  for (unsigned char c : to_lower_ascii(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) cur.push_back(static_cast<char>(c));
    else flush();
  }
  flush();
  return out;
}

// A product page names its product in the <title> too; a search page's heading ("1-16 of over
// 90,000 results for …", "97.000+ Ergebnisse für apple") mostly does not. Pages without any
// title have nothing to contradict the heading.
bool heading_matches_title(const std::string& heading, const Page& page) {
  std::string title;
  if (auto t = page.title()) title = to_lower_ascii(*t);
  title += " " + to_lower_ascii(page.meta("og:title"));
  if (trim(title).empty()) return true;
  std::vector<std::string> w = words(heading);
  if (w.empty()) return false;
  std::size_t found = 0;
  for (const auto& x : w) found += title.find(x) != std::string::npos ? 1 : 0;
  return found * 10 >= w.size() * 6;
}

// "$" alone names no currency. The shop's own address settles it where its domain is a
// dollar country's; a generic .com shop (Best Buy, Target) prices in US dollars. Other hosts
// (.io, .shop, a non-dollar country) stay without a currency and get missing_currency.
std::string_view dollar_of_host(std::string_view host) {
  static constexpr std::pair<std::string_view, std::string_view> kDollarDomains[] = {
      {".com.au", "AUD"}, {".co.nz", "NZD"}, {".com.sg", "SGD"}, {".com.hk", "HKD"}, {".com.mx", "MXN"},
      {".ca", "CAD"},     {".au", "AUD"},    {".nz", "NZD"},     {".sg", "SGD"},     {".us", "USD"}, {".com", "USD"}};
  for (const auto& [suffix, currency] : kDollarDomains)
    if (host.size() > suffix.size() && host.substr(host.size() - suffix.size()) == suffix) return currency;
  return {};
}

bool declares_price(const Page& page) {
  std::string_view html = page.input().html;
  if (!page.meta("og:price:amount").empty() || !page.meta("product:price:amount").empty()) return true;
  if (contains_text(html, "itemprop=\"price\"") || contains_text(html, "itemprop='price'") ||
      contains_text(html, "itemprop=price"))
    return true;
  for (const auto& s : page.scripts())
    if (iequals(trim(s.type), "application/ld+json") && s.body.find("\"offers\"") != std::string_view::npos) return true;
  return false;
}

class PageHeuristicsExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "heuristic"; }
  bool applies_to(const Page&) const override { return true; }

  // This extractor gives pictures, and a price (with a warning) only on pages of no known
  // platform that declare none; when neither can count it need not walk the tree.
  bool could_add(const Page& page, const Item& so_far) const override {
    return so_far.images.main.empty() || (platform_for_host(page.host()).empty() && !declares_price(page));
  }

  // Pictures decide nothing between a product and a list once a page links three products; a
  // price is read only under an <h1> on a page of no known platform that declares none.
  bool may_price(const Page& page) const override {
    return platform_for_host(page.host()).empty() && page.may_have_element("h1") && !declares_price(page);
  }

  void extract(const Page& page, Item& out, std::vector<Warning>& warnings) const override {
    std::vector<html::Node> elements = body_elements(page);
    // The title is the first <h1> with text (hidden empty ones sit in site headers).
    std::size_t h1_at = elements.size();
    std::vector<std::string> titles;
    for (std::size_t i = 0; i < elements.size(); ++i) {
      if (elements[i].tag() != "h1") continue;
      std::string t = to_lower_ascii(clean_text(elements[i].text()));
      if (t.empty()) continue;
      if (h1_at == elements.size()) h1_at = i;
      titles.push_back(t);
    }
    // Search and category pages have a heading too; nothing here is read from them.
    if (h1_at < elements.size() && !heading_matches_title(titles.front(), page)) return;
    if (std::string og = to_lower_ascii(clean_text(page.meta("og:title"))); !og.empty()) titles.push_back(og);
    if (auto t = page.title())
      if (std::string s = to_lower_ascii(clean_text(*t)); !s.empty()) titles.push_back(s);

    if (html::Node link = page.doc().select_first("link[rel=image_src]"); link.valid())
      if (std::string u = page.absolute(link.attr("href").value_or("")); !u.empty()) out.images.main.push_back(u);
    for (std::size_t i = 0; i < elements.size() && out.images.main.size() < kMaxImages; ++i) {
      const html::Node& img = elements[i];
      if (img.tag() != "img") continue;
      int w = declared_size(img, "width"), h = declared_size(img, "height");
      bool small = (w > 0 && w < 100) || (h > 0 && h < 100);
      bool large = w >= 400 || h >= 400;
      bool titled = repeats_title(img.attr("alt").value_or(""), titles) || repeats_title(img.attr("title").value_or(""), titles);
      if (small || !(titled || (large && i > h1_at))) continue;
      if (std::string u = picture_of(page, img); !u.empty()) out.images.main.push_back(u);
    }

    if (!platform_for_host(page.host()).empty() || h1_at >= elements.size() || declares_price(page)) return;
    std::string hint = to_upper_ascii(trim(page.meta("currency")));
    if (hint.empty()) hint = to_upper_ascii(trim(page.meta("pricecurrency")));
    for (std::size_t i = h1_at + 1; i < elements.size() && i <= h1_at + kPriceWindow; ++i) {
      const html::Node& n = elements[i];
      if (!names_price(n) || struck_through(n)) continue;
      // A price block holds the current and the struck-through price: read its innermost
      // price-named element instead, which comes next in document order.
      bool has_inner = false;
      for (std::size_t j = i + 1; j < elements.size() && j < i + 200 && !has_inner; ++j) {
        if (!is_inside(elements[j], n)) break;
        has_inner = names_price(elements[j]);
      }
      if (has_inner) continue;
      std::string text = clean_text(n.text());
      if (text.empty() || text.size() > 40) continue;
      auto p = normalize::parse_price_text(text, hint);
      if (!p || p->min.empty() || (p->currency.empty() && !has_currency_sign(text))) continue;
      out.currency = p->currency;
      out.price = PriceRange{p->min, p->max.empty() ? p->min : p->max};
      warnings.push_back({"price_from_page_text",
                          "This page has no product data, so Caiji read the price from the text shown under the "
                          "title (" + text + "). Check it before you publish."});
      if (out.currency.empty() && text.find('$') != std::string::npos) {
        if (std::string_view dollar = dollar_of_host(page.host()); !dollar.empty()) {
          out.currency = std::string(dollar);
          warnings.push_back({"currency_from_sign",
                              "The page shows its price in \"$\" without naming the currency; Caiji took " +
                                  out.currency + " because the shop's address is " + page.host() +
                                  ". Check it before you publish."});
        }
      }
      return;
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> make_page_heuristics_extractor() { return std::make_unique<PageHeuristicsExtractor>(); }

}  // namespace caiji::extract
