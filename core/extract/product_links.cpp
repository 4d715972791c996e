#include "core/extract/product_links.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/html/url.hpp"
#include "core/extract/platform.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string digits_at(std::string_view s, std::size_t pos) {
  std::size_t end = pos;
  while (end < s.size() && is_digit(s[end])) ++end;
  return std::string(s.substr(pos, end - pos));
}

std::string query_value(std::string_view query, std::string_view key) {
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.substr(0, pair.find('=')) == key && pair.find('=') != std::string_view::npos)
      return std::string(pair.substr(pair.find('=') + 1));
  }
  return {};
}

bool is_asin(std::string_view s) {
  if (s.size() != 10) return false;
  for (char c : s)
    if (!is_digit(c) && !(c >= 'A' && c <= 'Z')) return false;
  return true;
}

int hex_value(char c) {
  return (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
}

// Script data writes "/" as "\\/" or "\\u002F" and "=" / "&" as "\\u003d" / "\\u0026"
// (Taobao's g_page_config); addresses need them plain.
std::string unescape_js(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '/') {
      out.push_back('/');
      ++i;
    } else if (s[i] == '\\' && i + 5 < s.size() && (s[i + 1] == 'u' || s[i + 1] == 'U')) {
      unsigned v = 0;
      bool ok = true;
      for (std::size_t k = 2; k < 6; ++k) {
        int d = hex_value(s[i + k]);
        if (d < 0) ok = false;
        v = v * 16 + static_cast<unsigned>(d < 0 ? 0 : d);
      }
      if (ok && v > 0x20 && v < 0x7F) {
        out.push_back(static_cast<char>(v));
        i += 5;
      } else {
        out.push_back(s[i]);
      }
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Redirect links carry the product address percent-encoded in a parameter (Amazon's sponsored
// results: "/sspa/click?…&url=%2FName%2Fdp%2FB0…"). Only %XX of printable ASCII is decoded: the
// result is searched for product paths, not shown.
std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      int v = hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]);
      if (v > 0x20 && v < 0x7F) {
        out.push_back(static_cast<char>(v));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// A saved page without its address still links to its own site absolutely here and there:
// the most frequent known-site origin stands in for the page's address when resolving
// relative product links ("/dp/B0…" on an Amazon search page).
std::string inferred_origin(std::string_view html) {
  std::map<std::string, int> counts;
  for (std::size_t pos = find_text(html, "https://"); pos != std::string_view::npos && counts.size() < 1000;
       pos = find_text(html, "https://", pos + 8)) {
    std::size_t end = pos + 8;
    while (end < html.size() && end - pos < 80 && html[end] != '/' && html[end] != '"' && html[end] != '\'' &&
           html[end] != '\\')
      ++end;
    std::string host(html.substr(pos + 8, end - pos - 8));
    if (starts_with(host, "www.") && !platform_for_host(host).empty()) ++counts[host];
  }
  std::string best;
  int best_n = 0;
  for (const auto& [host, n] : counts)
    if (n > best_n) best = host, best_n = n;
  return best.empty() ? std::string() : "https://" + best + "/";
}

}  // namespace

std::string canonical_product_link(std::string_view text) {
  auto u = html::parse_url(text);
  if (!u || (u->scheme != "http" && u->scheme != "https")) return {};
  const std::string& host = u->host;
  const std::string& path = u->path;
  std::string platform = platform_for_host(host);
  if (platform == "1688" && host == "detail.1688.com" && starts_with(path, "/offer/")) {
    std::string id = digits_at(path, 7);
    if (!id.empty() && path.substr(7 + id.size()) == ".html") return "https://detail.1688.com/offer/" + id + ".html";
  } else if ((platform == "taobao" || platform == "tmall") && path == "/item.htm") {
    std::string id = query_value(u->query, "id");
    if (!id.empty() && digits_at(id, 0) == id)
      return (platform == "tmall" ? "https://detail.tmall.com/item.htm?id=" : "https://item.taobao.com/item.htm?id=") + id;
  } else if (platform == "aliexpress") {
    std::size_t p = path.find("/item/");
    if (p != std::string::npos) {
      std::string id = digits_at(path, p + 6);
      if (id.size() >= 8) return "https://" + host + "/item/" + id + ".html";
    }
  } else if (platform == "amazon") {
    for (std::string_view marker : {"/dp/", "/gp/product/", "/gp/aw/d/"}) {
      std::size_t p = path.find(marker);
      if (p == std::string::npos) continue;
      std::string_view rest = std::string_view(path).substr(p + marker.size(), 10);
      if (is_asin(rest)) return "https://" + host + "/dp/" + std::string(rest);
    }
  } else if (platform == "ebay") {
    std::size_t p = path.find("/itm/");
    if (p != std::string::npos) {
      std::string_view rest = std::string_view(path).substr(p + 5);
      // "/itm/123456789012" or "/itm/Some-Title/123456789012".
      std::size_t last = rest.rfind('/');
      std::string_view tail = last == std::string_view::npos ? rest : rest.substr(last + 1);
      std::string id = digits_at(tail, 0);
      if (id.size() >= 9 && id.size() == tail.size()) return "https://" + host + "/itm/" + id;
    }
  } else if (platform == "jd" && (host == "item.jd.com" || host == "item.jd.hk" || host == "item.yiyaojd.com")) {
    std::string id = digits_at(path, 1);
    if (!id.empty() && path.substr(1 + id.size()) == ".html") return "https://" + host + "/" + id + ".html";
  }
  return {};
}

std::vector<std::string> find_product_links(std::string_view html, std::string_view page_url) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  const std::string base = page_url.empty() ? inferred_origin(html) : std::string(page_url);
  auto consider = [&](std::string_view raw) {
    std::string ref = decode_entities(raw);
    if (starts_with(ref, "//")) ref = "https:" + ref;
    if (!starts_with(ref, "http://") && !starts_with(ref, "https://")) {
      if (base.empty() || ref.empty() || ref[0] != '/') return;
      auto abs = html::resolve_url(base, ref);
      if (!abs) return;
      ref = *abs;
    }
    std::string link = canonical_product_link(ref);
    if (!link.empty() && seen.insert(link).second) out.push_back(link);
  };
  // Find each product-path marker in the raw text and widen it to the address around it: this
  // finds links in markup and in script data alike (Taobao search pages hold theirs in
  // g_page_config), without building a tree.
  static constexpr std::string_view kMarkers[] = {"/offer/", "item.htm", "/item/", "/dp/", "/gp/product/", "/itm/",
                                                  "jd.com/", "jd.hk/"};
  static constexpr std::string_view kEncodedMarkers[] = {"%2Fdp%2F", "%2Fgp%2Fproduct%2F", "%2Fitm%2F", "%2Foffer%2F",
                                                         "%2Fitem%2F"};
  auto is_stop = [](char c) {
    return c == '"' || c == '\'' || c == '<' || c == '>' || c == '(' || c == ')' || c == ' ' || c == '\n' ||
           c == '\r' || c == '\t' || c == ',' || c == '=' || c == '{' || c == '}' || c == '[' || c == ']';
  };
  // Percent-encoded addresses sit in one query parameter: '&' ends them too.
  auto widen_each = [&](const auto& markers, bool encoded) {
    auto stops = [&](char c) { return is_stop(c) || (encoded && c == '&'); };
    for (std::string_view marker : markers) {
      for (std::size_t pos = find_text(html, marker); pos != std::string_view::npos && out.size() < 5000;
           pos = find_text(html, marker, pos + marker.size())) {
        std::size_t start = pos;
        while (start > 0 && pos - start < 200 && !stops(html[start - 1])) --start;
        std::size_t end = pos + marker.size();
        // Backwards, "href=/dp/..." has no quote: the '=' stops the scan, which is what we want;
        // forwards, '=' belongs to the query ("item.htm?id=6000…") of a plain address.
        while (end < html.size() && end - pos < 300 && ((!encoded && html[end] == '=') || !stops(html[end]))) ++end;
        std::string_view raw = html.substr(start, end - start);
        consider(encoded ? percent_decode(raw) : unescape_js(raw));
      }
    }
  };
  widen_each(kMarkers, false);
  widen_each(kEncodedMarkers, true);
  // 1688 search pages (s.1688.com since 2023) render their cards from script data that names
  // each offer only by number ("offerId":718152613503); the detail address is built from it.
  std::string_view origin_hint = page_url.empty() ? std::string_view(base) : page_url;
  bool on_1688 = origin_hint.find("1688.com") != std::string_view::npos ||
                 (origin_hint.empty() && contains_text(html, "1688.com"));
  if (on_1688) {
    constexpr std::string_view kOfferKey = "\"offerId\":";
    for (std::size_t pos = find_text(html, kOfferKey); pos != std::string_view::npos && out.size() < 5000;
         pos = find_text(html, kOfferKey, pos + kOfferKey.size())) {
      std::size_t at = pos + kOfferKey.size();
      if (at < html.size() && html[at] == '"') ++at;
      std::string id = digits_at(html, at);
      if (id.size() >= 9 && id.size() <= 15) consider("https://detail.1688.com/offer/" + id + ".html");
    }
  }
  // Markers are searched one after another; put the links back in page order.
  std::vector<std::pair<std::size_t, std::string>> ordered;
  for (auto& link : out) {
    std::string_view id = link;
    id = id.substr(id.find_last_of("/=") + 1);
    if (std::size_t dot = id.find('.'); dot != std::string_view::npos) id = id.substr(0, dot);
    ordered.emplace_back(find_text(html, id), link);
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  out.clear();
  for (auto& [_, link] : ordered) out.push_back(std::move(link));
  return out;
}

}  // namespace caiji::extract
