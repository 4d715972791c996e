// Amazon product facts: "About this item" bullets, the detail tables (technical details,
// additional information, product overview, detail bullets), brand, weight, dimensions,
// the category breadcrumb and the description.

#include <array>
#include <cctype>

#include "core/extract/sites/amazon_private.hpp"
#include "core/item/money.hpp"
#include "core/normalize/price.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::amazon {

namespace {

// Rows that are not facts about the product: ratings widgets, ranks, the ASIN itself.
bool skipped_row(std::string_view name) {
  for (std::string_view s : {"Customer Reviews", "Best Sellers Rank", "ASIN", "Kundenrezensionen",
                             "Amazon Bestseller-Rang", "Date First Available", "Im Angebot von Amazon.de seit"})
    if (iequals(name, s)) return true;
  return false;
}

void add_attribute(Item& out, std::string name, std::string value) {
  name = clean(name);
  while (!name.empty() && (name.back() == ':' || name.back() == ' ')) name.pop_back();
  value = clean(value);
  // "2.15 pounds (View shipping rates and policies)": the link text is not part of the value.
  if (std::size_t p = value.find(" (View shipping rates"); p != std::string::npos) value.erase(p);
  if (name.empty() || value.empty() || skipped_row(name) || value.size() > 2000) return;
  for (const auto& a : out.attributes)
    if (a.name == name) return;  // the same fact appears in several tables
  out.attributes.push_back(Attribute{std::move(name), std::move(value)});
}

struct UnitName {
  std::string_view word;
  std::string_view unit;
};

// Longest words first so "kilograms" is not read as "g".
constexpr std::array<UnitName, 16> kWeightUnits = {{
    {"kilograms", "kg"}, {"kilogramm", "kg"}, {"kilogram", "kg"}, {"pounds", "lb"}, {"ounces", "oz"},
    {"grams", "g"},      {"gramm", "g"},      {"gram", "g"},      {"pound", "lb"},  {"ounce", "oz"},
    {"lbs", "lb"},       {"kg", "kg"},        {"lb", "lb"},       {"oz", "oz"},     {"g", "g"},
    {"gramos", "g"},
}};

constexpr std::array<UnitName, 8> kLengthUnits = {{
    {"inches", "in"}, {"inch", "in"}, {"zoll", "in"}, {"millimeters", "mm"}, {"centimeters", "cm"},
    {"mm", "mm"},     {"cm", "cm"},   {"in", "in"},
}};

// The first number in the text ("1.1", "2,5") as a canonical decimal, and where it ends.
std::optional<std::string> first_number(std::string_view text, std::size_t& end) {
  std::size_t i = 0;
  while (i < text.size() && !(text[i] >= '0' && text[i] <= '9')) ++i;
  std::size_t j = i;
  while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == '.' || text[j] == ',')) ++j;
  end = j;
  if (i == j) return std::nullopt;
  std::string num(text.substr(i, j - i));
  // Weights and sizes use a decimal comma on European pages ("2,5 kg"), never grouping.
  for (char& c : num)
    if (c == ',') c = '.';
  return canonical_decimal(num, 0);
}

std::string_view unit_at(std::string_view rest, const UnitName* units, std::size_t n) {
  std::string lower = to_lower_ascii(trim(rest));
  for (std::size_t k = 0; k < n; ++k) {
    std::string_view w = units[k].word;
    if (lower.compare(0, w.size(), w) != 0) continue;
    // The unit word must end there ("in" is not "inside").
    if (lower.size() > w.size() && std::isalpha(static_cast<unsigned char>(lower[w.size()]))) continue;
    return units[k].unit;
  }
  return {};
}

std::string byline_brand(std::string text) {
  text = clean(text);
  for (std::string_view prefix : {"Visit the ", "Brand: ", "Marke: ", "Besuche den ", "Besuchen Sie den ", "by "})
    if (starts_with(text, prefix)) text = text.substr(prefix.size());
  for (std::string_view suffix : {" Store", "-Store", " Shop"})
    if (ends_with(text, suffix)) text = text.substr(0, text.size() - suffix.size());
  return clean(text);
}

}  // namespace

std::optional<Weight> parse_weight(std::string_view text) {
  // "7 x 4 x 5 inches; 1.1 Pounds" (detail bullets put both in one row): the weight follows ';'.
  if (std::size_t semi = text.rfind(';'); semi != std::string_view::npos) text = text.substr(semi + 1);
  std::size_t end = 0;
  auto value = first_number(text, end);
  if (!value) return std::nullopt;
  std::string_view unit = unit_at(text.substr(end), kWeightUnits.data(), kWeightUnits.size());
  if (unit.empty()) return std::nullopt;
  return Weight{*value, std::string(unit)};
}

std::optional<Dimensions> parse_dimensions(std::string_view text) {
  if (std::size_t semi = text.find(';'); semi != std::string_view::npos) text = text.substr(0, semi);
  std::string values[3];
  std::size_t pos = 0;
  for (int k = 0; k < 3; ++k) {
    std::size_t end = 0;
    auto v = first_number(text.substr(pos), end);
    if (!v) return std::nullopt;
    values[k] = *v;
    pos += end;
    if (k < 2) {
      std::string_view rest = trim(text.substr(pos));
      // Between the numbers only "x" (or "×") is allowed; anything else is not L x W x H.
      if (starts_with(rest, "x") || starts_with(rest, "X")) pos = text.size() - rest.size() + 1;
      else if (starts_with(rest, "\xC3\x97")) pos = text.size() - rest.size() + 2;
      else return std::nullopt;
    }
  }
  std::string_view unit = unit_at(text.substr(pos), kLengthUnits.data(), kLengthUnits.size());
  if (unit.empty()) return std::nullopt;
  return Dimensions{values[0], values[1], values[2], std::string(unit)};
}

void read_details(const Page& page, Item& out) {
  const html::Document& doc = page.doc();
  for (const html::Node& li : doc.select("#feature-bullets li")) {
    if (li.has_class("aok-hidden") || li.attr("id").value_or("") == "replacementPartsFitmentBullet") continue;
    html::Node span = li.select_first(".a-list-item");
    std::string text = clean(span.valid() ? span.text() : li.text());
    if (!text.empty()) out.highlights.push_back(std::move(text));
  }

  // Product overview (2022+): a two-column table above the bullets.
  for (const html::Node& tr : doc.select("#productOverview_feature_div tr")) {
    std::vector<html::Node> cells = tr.select("td");
    if (cells.size() >= 2) add_attribute(out, cells[0].text(), cells[1].text());
  }
  // Technical details / additional information / "Features & Specs" expanders: th + td rows.
  for (const html::Node& tr : doc.select("table.prodDetTable tr, #productDetails_techSpec_section_1 tr")) {
    html::Node th = tr.select_first("th");
    html::Node td = tr.select_first("td");
    if (th.valid() && td.valid()) add_attribute(out, th.text(), td.text());
  }
  // Detail bullets (books, many EU pages): "<span class=a-text-bold>Name : </span><span>Value</span>".
  for (const html::Node& item : doc.select("#detailBullets_feature_div li .a-list-item, #detailBulletsWrapper_feature_div li .a-list-item")) {
    std::vector<html::Node> spans = item.select("span");
    if (spans.size() >= 2 && spans[0].has_class("a-text-bold")) add_attribute(out, spans[0].text(), spans[1].text());
  }

  for (const auto& a : out.attributes) {
    std::string name = to_lower_ascii(a.name);
    if (out.brand.empty() && (name == "brand" || name == "marke" || name == "brand name")) out.brand = a.value;
    if (!out.weight && (name == "item weight" || name == "artikelgewicht" || name == "weight"))
      out.weight = parse_weight(a.value);
    // "Product Dimensions", "Item Dimensions L x W x H", "Produktabmessungen"; package
    // dimensions are the shipping box, not the product.
    if (!out.dimensions && (name == "product dimensions" || starts_with(name, "item dimensions") ||
                            name == "produktabmessungen")) {
      out.dimensions = parse_dimensions(a.value);
      // Detail bullets give "7 x 4 x 5 inches; 1.1 Pounds".
      if (!out.weight && a.value.find(';') != std::string::npos) out.weight = parse_weight(a.value);
    }
  }
  if (out.brand.empty())
    if (html::Node by = doc.select_first("#bylineInfo"); by.valid()) out.brand = byline_brand(by.text());

  // Category breadcrumb; "Back to results" links to a search, not a category.
  for (const html::Node& a : doc.select("#wayfinding-breadcrumbs_feature_div li a")) {
    if (a.attr("id").value_or("") == "breadcrumb-back-link") continue;
    if (std::string c = clean(a.text()); !c.empty()) out.category_path.push_back(std::move(c));
  }

  // The plain-text description; A+ content (#aplus) loads as images and is not read here.
  if (html::Node d = doc.select_first("#productDescription"); d.valid()) {
    std::string html;
    std::vector<html::Node> paras = d.select("p");
    if (paras.empty()) paras.push_back(d);
    for (const html::Node& p : paras)
      if (std::string t = clean(p.text()); !t.empty()) html += "<p>" + escape_html(t) + "</p>";
    out.description_html = html;
  }
}

std::string clean(std::string_view text) {
  std::string s(text);
  for (std::string_view mark : {"\xE2\x80\x8E", "\xE2\x80\x8F"}) {  // LRM, RLM
    for (std::size_t p; (p = s.find(mark)) != std::string::npos;) s.erase(p, mark.size());
  }
  return clean_text(s);
}

bool is_asin(std::string_view s) {
  if (s.size() != 10) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

}  // namespace caiji::extract::amazon
