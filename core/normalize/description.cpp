#include "core/normalize/description.hpp"

#include <array>
#include <set>

#include "core/html/document.hpp"
#include "core/html/url.hpp"
#include "core/normalize/images.hpp"
#include "core/util/text.hpp"

namespace caiji::normalize {

namespace {

constexpr std::array<std::string_view, 36> kKeep = {
    "p",  "br", "div", "span", "b",  "strong", "i",     "em",    "u",     "s",     "ul",         "ol",
    "li", "dl", "dt",  "dd",   "table", "thead", "tbody", "tfoot", "tr", "td",  "th",         "img",
    "a",  "h1", "h2",  "h3",   "h4", "h5",     "h6",    "blockquote", "pre", "hr", "sub", "sup"};

// Dropped with everything inside them.
constexpr std::array<std::string_view, 20> kDrop = {"script", "style",  "iframe", "frame",    "frameset", "object", "embed",
                                                    "applet", "noscript", "template", "svg",   "math",     "form",   "input",
                                                    "button", "select", "textarea", "head", "link",     "meta"};

constexpr std::array<std::string_view, 8> kVoid = {"br", "img", "hr", "wbr", "input", "meta", "link", "area"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view tag) {
  for (auto t : set)
    if (t == tag) return true;
  return false;
}

bool placeholder(std::string_view src) {
  return src.empty() || starts_with(src, "data:") || icontains(src, "spaceball.gif") || icontains(src, "blank.gif") ||
         icontains(src, "s.gif") || icontains(src, "loading.gif") || icontains(src, "placeholder");
}

class Writer {
 public:
  explicit Writer(std::string_view base) : base_(base) {}

  std::string absolute(std::string_view ref) const {
    ref = trim(ref);
    if (ref.empty()) return {};
    if (starts_with(ref, "//")) return "https:" + std::string(ref);
    if (auto u = html::parse_url(ref); u && !u->scheme.empty())
      return (u->scheme == "http" || u->scheme == "https") ? std::string(ref) : std::string();
    if (base_.empty()) return {};
    auto r = html::resolve_url(base_, ref);
    return r ? *r : std::string();
  }

  void open(const html::Node& n, Description& d, std::string& out) {
    std::string_view tag = n.tag();
    out += '<';
    out += tag;
    if (tag == "img") {
      std::string src;
      for (const char* lazy : {"data-src", "data-ks-lazyload", "data-lazyload", "data-original", "data-lazy-src"}) {
        if (auto v = n.attr(lazy); v && !v->empty()) {
          src = absolute(*v);
          if (!src.empty()) break;
        }
      }
      if (src.empty())
        if (auto v = n.attr("src"); v && !placeholder(*v)) src = absolute(*v);
      if (!src.empty()) {
        src = largest_image(src);
        out += " src=\"" + escape_html(src) + "\"";
        if (seen_.insert(src).second) d.images.push_back(src);
      }
      if (auto alt = n.attr("alt"); alt && !alt->empty()) out += " alt=\"" + escape_html(clean_text(*alt)) + "\"";
    } else if (tag == "a") {
      if (auto href = n.attr("href")) {
        std::string abs = absolute(*href);
        if (!abs.empty()) out += " href=\"" + escape_html(abs) + "\"";
      }
    } else if (tag == "td" || tag == "th") {
      for (const char* a : {"colspan", "rowspan"}) {
        if (auto v = n.attr(a); v && !v->empty() && v->find_first_not_of("0123456789") == std::string_view::npos)
          out += std::string(" ") + a + "=\"" + std::string(*v) + "\"";
      }
    }
    out += '>';
  }

 private:
  std::string base_;
  std::set<std::string> seen_;
};

}  // namespace

Description sanitize_description(std::string_view input, std::string_view base_url) {
  Description d;
  auto doc = html::Document::parse(input);
  if (!doc) return d;
  html::Node body = doc->body();
  if (!body.valid()) return d;
  Writer writer(base_url);
  std::string out;

  // Iterative walk: descriptions can nest deeply and the WASM stack is small.
  struct Frame {
    std::vector<html::Node> children;
    std::size_t next = 0;
    std::string close;  // the end tag to write when this frame is done
  };
  std::vector<Frame> stack;
  stack.push_back(Frame{body.children(), 0, {}});
  bool has_content = false;
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next == f.children.size()) {
      out += f.close;
      stack.pop_back();
      continue;
    }
    html::Node n = f.children[f.next++];
    if (n.is_text()) {
      std::string_view t = n.own_text();
      if (trim(t).size()) has_content = true;
      out += escape_html(t);
      continue;
    }
    if (!n.is_element()) continue;
    std::string_view tag = n.tag();
    if (in(kDrop, tag)) continue;
    if (in(kKeep, tag)) {
      writer.open(n, d, out);
      if (tag == "img") has_content = has_content || out.find("src=") != std::string::npos;
      if (in(kVoid, tag)) continue;
      stack.push_back(Frame{n.children(), 0, "</" + std::string(tag) + ">"});
    } else {
      stack.push_back(Frame{n.children(), 0, {}});  // unknown tag: keep what it holds
    }
  }
  if (has_content || !d.images.empty()) d.html = std::string(trim(out));
  return d;
}

}  // namespace caiji::normalize
