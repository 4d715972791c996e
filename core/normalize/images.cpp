#include "core/normalize/images.hpp"

#include <array>
#include <set>

#include "core/html/url.hpp"
#include "core/util/text.hpp"

namespace caiji::normalize {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool host_is(std::string_view host, std::string_view domain) {
  return host == domain || (ends_with(host, domain) && host.size() > domain.size() &&
                            host[host.size() - domain.size() - 1] == '.');
}

// Position just past the first image extension in the last path segment, or npos.
std::size_t end_of_first_extension(std::string_view segment) {
  std::string lower = to_lower_ascii(segment);
  std::size_t best = std::string_view::npos;
  for (std::string_view ext : {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"}) {
    std::size_t p = lower.find(ext);
    while (p != std::string::npos) {
      std::size_t end = p + ext.size();
      // A real extension ends the name or is followed by a suffix the CDN appended.
      if (end == lower.size() || lower[end] == '_' || lower[end] == '.' || lower[end] == '!') {
        if (best == std::string_view::npos || end < best) best = end;
        break;
      }
      p = lower.find(ext, p + 1);
    }
  }
  return best;
}

// Removes ".220x220" / "_640x640q80" style size tokens right before the extension.
std::string strip_size_token(std::string name) {
  std::size_t dot = name.rfind('.');
  if (dot == std::string::npos) return name;
  std::size_t i = dot;
  while (i > 0 && (is_digit(name[i - 1]) || name[i - 1] == 'x' || name[i - 1] == 'q' || name[i - 1] == 'Q')) --i;
  std::string_view token = std::string_view(name).substr(i, dot - i);
  if (i > 0 && (name[i - 1] == '.' || name[i - 1] == '_') && token.find('x') != std::string_view::npos &&
      !token.empty() && is_digit(token.front()))
    return name.substr(0, i - 1) + name.substr(dot);
  return name;
}

// Alibaba's CDNs (alicdn, aliexpress-media) serve the original when the resize suffix after
// the first extension is removed: "H1.jpg_220x220q75.jpg_.webp", "O1CN01.220x220.jpg".
std::string alicdn_original(const html::Url& u) {
  std::size_t slash = u.path.rfind('/');
  std::string dir = u.path.substr(0, slash + 1);
  std::string name = u.path.substr(slash + 1);
  if (std::size_t end = end_of_first_extension(name); end != std::string_view::npos) name = name.substr(0, end);
  name = strip_size_token(name);
  html::Url out = u;
  out.path = dir + name;
  out.query.clear();
  out.has_query = false;
  return out.str();
}

// Amazon: "/images/I/71abc._AC_SX300_SY300_QL70_.jpg" -> "/images/I/71abc.jpg".
std::string amazon_original(const html::Url& u) {
  std::size_t slash = u.path.rfind('/');
  std::string name = u.path.substr(slash + 1);
  std::size_t open = name.find("._");
  std::size_t close = name.rfind("_.");
  html::Url out = u;
  if (open != std::string::npos && close != std::string::npos && close >= open + 1)
    out.path = u.path.substr(0, slash + 1) + name.substr(0, open) + name.substr(close + 1);
  return out.str();
}

// eBay: "/s-l64.jpg" -> "/s-l1600.jpg", the largest size eBay serves.
std::string ebay_original(const html::Url& u) {
  html::Url out = u;
  std::size_t p = out.path.rfind("/s-l");
  if (p != std::string::npos) {
    std::size_t i = p + 4, j = i;
    while (j < out.path.size() && is_digit(out.path[j])) ++j;
    if (j > i) out.path.replace(i, j - i, "1600");
  }
  return out.str();
}

// JD: "/n5/s54x54_jfs/t1/x.jpg!q70.dpg.webp" -> "/n0/jfs/t1/x.jpg" (n0 is the original).
std::string jd_original(const html::Url& u) {
  html::Url out = u;
  std::string& path = out.path;
  if (path.size() > 3 && path[0] == '/' && path[1] == 'n' && is_digit(path[2])) {
    std::size_t j = 2;
    while (j < path.size() && is_digit(path[j])) ++j;
    if (j < path.size() && path[j] == '/') {
      path.replace(1, j - 1, "n0");
      // A resize prefix on the next segment: "s450x450_jfs" -> "jfs".
      std::size_t seg = 4;
      if (seg < path.size() && path[seg] == 's') {
        std::size_t us = path.find('_', seg);
        std::size_t sl = path.find('/', seg);
        if (us != std::string::npos && us < sl && path.substr(seg + 1, us - seg - 1).find('x') != std::string::npos)
          path.erase(seg, us - seg + 1);
      }
    }
  }
  if (std::size_t bang = path.find('!'); bang != std::string::npos) path.erase(bang);
  std::size_t slash = path.rfind('/');
  std::string name = path.substr(slash + 1);
  if (std::size_t end = end_of_first_extension(name); end != std::string_view::npos) path = path.substr(0, slash + 1) + name.substr(0, end);
  return out.str();
}

// Shopify: "/files/shirt_100x.jpg?v=1&width=300" -> "/files/shirt.jpg?v=1".
std::string shopify_original(const html::Url& u) {
  html::Url out = u;
  std::size_t slash = out.path.rfind('/');
  std::string name = out.path.substr(slash + 1);
  std::size_t dot = name.rfind('.');
  std::size_t us = name.rfind('_', dot);
  if (dot != std::string::npos && us != std::string::npos) {
    std::string token = name.substr(us + 1, dot - us - 1);
    if (std::size_t at = token.find('@'); at != std::string::npos) token = token.substr(0, at);
    static constexpr std::array<std::string_view, 11> named = {"pico", "icon", "thumb", "small", "compact", "medium",
                                                               "large", "grande", "original", "master", "1024x1024"};
    bool is_size = false;
    for (auto n : named) is_size = is_size || token == n;
    if (!is_size && token.find('x') != std::string::npos) {
      is_size = true;
      for (char c : token) is_size = is_size && (is_digit(c) || c == 'x');
    }
    if (is_size) out.path = out.path.substr(0, slash + 1) + name.substr(0, us) + name.substr(dot);
  }
  std::string kept;
  std::string_view q = out.query;
  while (!q.empty()) {
    std::size_t amp = q.find('&');
    std::string_view pair = q.substr(0, amp);
    q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
    std::string_view key = pair.substr(0, pair.find('='));
    if (key == "width" || key == "height" || key == "crop" || pair.empty()) continue;
    if (!kept.empty()) kept += '&';
    kept += pair;
  }
  out.query = kept;
  out.has_query = !kept.empty();
  return out.str();
}

}  // namespace

std::string largest_image(std::string_view url) {
  std::string u(trim(url));
  if (starts_with(u, "//")) u = "https:" + u;
  auto parsed = html::parse_url(u);
  if (!parsed || (parsed->scheme != "http" && parsed->scheme != "https")) return u;
  const std::string& host = parsed->host;
  if (host_is(host, "alicdn.com") || host_is(host, "aliexpress-media.com") || host_is(host, "aliimg.com") ||
      host_is(host, "tbcdn.cn"))
    return alicdn_original(*parsed);
  if (host_is(host, "media-amazon.com") || host_is(host, "ssl-images-amazon.com") || host_is(host, "images-amazon.com"))
    return amazon_original(*parsed);
  if (host_is(host, "ebayimg.com")) return ebay_original(*parsed);
  if (host_is(host, "360buyimg.com")) return jd_original(*parsed);
  if (host == "cdn.shopify.com" || starts_with(parsed->path, "/cdn/shop/")) return shopify_original(*parsed);
  return u;
}

std::vector<std::string> clean_image_list(const std::vector<std::string>& urls) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& raw : urls) {
    std::string u = largest_image(raw);
    if (!starts_with(u, "http://") && !starts_with(u, "https://")) continue;
    if (seen.insert(u).second) out.push_back(std::move(u));
  }
  return out;
}

}  // namespace caiji::normalize
