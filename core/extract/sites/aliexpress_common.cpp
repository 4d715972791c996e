// Pieces every AliExpress page generation shares: item ids, titles, specs, breadcrumbs, video
// and store.

#include <cstdint>
#include <string>

#include "core/extract/sites/aliexpress_parts.hpp"
#include "core/html/url.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::aliexpress {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// The path of an absolute or protocol-relative address ("" when it has none).
std::string path_of(std::string_view url) {
  std::string u(trim(url));
  if (starts_with(u, "//")) u = "https:" + u;
  auto parsed = html::parse_url(u);
  return parsed ? parsed->path : std::string();
}

// Digits right after `marker` in `s` ("/store/1101255221" -> "1101255221").
std::string digits_after(std::string_view s, std::string_view marker) {
  std::size_t p = s.find(marker);
  if (p == std::string_view::npos) return {};
  std::size_t i = p + marker.size(), j = i;
  while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
  return std::string(s.substr(i, j - i));
}

}  // namespace

std::string real_product_id(std::string_view id) {
  id = trim(id);
  if (!all_digits(id) || id.size() > 19) return {};
  while (id.size() > 1 && id.front() == '0') id.remove_prefix(1);
  std::uint64_t n = 0;
  for (char c : id) n = n * 10 + static_cast<std::uint64_t>(c - '0');
  constexpr std::uint64_t kOffset = std::uint64_t{1} << 51;
  if (n >= kOffset && n < 2 * kOffset) return std::to_string(n - kOffset);
  return std::string(id);
}

std::string product_id_from_url(std::string_view url) {
  std::string path = path_of(url);
  std::size_t item = path.find("/item/");
  std::size_t store = path.find("/store/product/");
  if (item == std::string::npos && store == std::string::npos) return {};
  // The id is the last segment's name: "/item/1005001.html", "/item/Title/1005001.html",
  // "/store/product/Title/3828002_32995535623.html" (store number, then item id).
  std::string_view last = std::string_view(path).substr(path.rfind('/') + 1);
  if (!ends_with(last, ".html")) return {};
  last.remove_suffix(5);
  if (std::size_t us = last.rfind('_'); us != std::string_view::npos && store != std::string::npos)
    last = last.substr(us + 1);
  return real_product_id(last);
}

std::string strip_title_suffix(std::string_view title) {
  std::string t = clean_text(title);
  std::string lower = to_lower_ascii(t);
  std::size_t at = lower.rfind("aliexpress");
  if (at == std::string::npos) return t;
  // Only a tail: "… - AliExpress", "… - AliExpress 26", "…|AliExpress".
  for (std::size_t i = at + 10; i < t.size(); ++i)
    if (!(t[i] == ' ' || (t[i] >= '0' && t[i] <= '9'))) return t;
  std::size_t cut = at;
  while (cut > 0 && t[cut - 1] == ' ') --cut;
  if (cut == 0 || (t[cut - 1] != '-' && t[cut - 1] != '|')) return t;
  --cut;
  return clean_text(std::string_view(t).substr(0, cut));
}

std::vector<Attribute> read_props(const Json& props) {
  std::vector<Attribute> out;
  if (!props.is_array()) return out;
  for (std::size_t i = 0; i < props.size() && i < 2000; ++i) {
    const Json& p = props[i];
    std::string name = clean_text(json_text(p, "attrName"));
    std::string value = clean_text(json_text(p, "attrValue"));
    if (name.empty() || value.empty()) continue;
    bool merged = false;
    for (auto& a : out) {
      if (a.name != name) continue;
      a.value += ", " + value;
      merged = true;
      break;
    }
    if (!merged) out.push_back(Attribute{name, value});
  }
  return out;
}

std::vector<std::string> read_breadcrumb(const Json& path_list) {
  std::vector<std::string> out;
  if (!path_list.is_array()) return out;
  for (std::size_t i = 0; i < path_list.size() && i < 50; ++i) {
    const Json& c = path_list[i];
    const Json* id = json_at(c, {"cateId"});
    auto n = id ? json_int(*id) : std::nullopt;
    std::string name = clean_text(json_text(c, "name"));
    if (n && *n > 0 && !name.empty()) out.push_back(name);
  }
  return out;
}

std::optional<Video> read_video(const Page& page, const std::string& video_uid, const std::string& video_id) {
  // 2022 pages declare the video in a JSON-LD VideoObject beside the Product.
  for (const auto& s : page.scripts()) {
    if (!iequals(trim(s.type), "application/ld+json") || s.body.find("VideoObject") == std::string_view::npos) continue;
    Json j = Json::parse(s.body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    for (const Json* o : json_list(j)) {
      if (!o->is_object() || json_text(*o, "@type") != "VideoObject") continue;
      std::string url = page.absolute(json_text(*o, "contentUrl"));
      if (!url.empty()) return Video{url, page.absolute(json_text(*o, "thumbnailUrl"))};
    }
  }
  // A page saved from the browser has the gallery's <video> rendered.
  html::Node v;
  if (page.may_have_element("video"))
    v = page.doc().select_first("video#item-video[src], [class*=\"video--wrap\"] video[src]");
  if (v.valid()) {
    std::string url = page.absolute(v.attr("src").value_or(""));
    if (!url.empty()) return Video{url, page.absolute(v.attr("poster").value_or(""))};
  }
  // Otherwise the player builds the address from videoUid and videoId; every page in our corpus
  // that states both the ids and the address agrees with this form.
  if (all_digits(video_uid) && all_digits(video_id))
    return Video{"https://video.aliexpress-media.com/play/u/" + video_uid + "/p/1/e/6/t/10301/" + video_id + ".mp4", ""};
  return std::nullopt;
}

Shop make_shop(const Page& page, std::string_view store_url, std::string id, std::string_view name) {
  Shop shop;
  shop.url = page.absolute(store_url);
  shop.id = all_digits(id) ? std::move(id) : digits_after(path_of(shop.url), "/store/");
  shop.name = clean_text(name);
  if (shop.url.empty() && !shop.id.empty() && !page.host().empty())
    shop.url = "https://" + page.host() + "/store/" + shop.id;
  return shop;
}

}  // namespace caiji::extract::aliexpress
