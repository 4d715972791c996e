#include "core/html/nesting_estimate.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "core/html/ascii.hpp"

namespace caiji::html {
namespace {

using std::string_view;
constexpr std::size_t npos = string_view::npos;

// What the tree builder does with a tag, by lower-case name. "Special" elements stop the reach
// of an ordinary end tag; "scope boundaries" stop "has an element in scope"; "markers" fence off
// the list of active formatting elements; raw-text elements hold text up to their end tag.
enum TagFlag : std::uint16_t {
  kVoidTag = 1 << 0,
  kRawTextTag = 1 << 1,
  kFormattingTag = 1 << 2,
  kSpecialTag = 1 << 3,
  kScopeBoundaryTag = 1 << 4,
  kMarkerTag = 1 << 5,
  kClosesPTag = 1 << 6,  // a start tag that first closes an open <p>
};

struct TagInfo {
  string_view name;
  std::uint16_t flags;
};

// Sorted by name for binary search (checked below at compile time).
constexpr std::array<TagInfo, 101> kTags = {{
    {"a", kFormattingTag},
    {"address", kSpecialTag | kClosesPTag},
    {"applet", kSpecialTag | kScopeBoundaryTag | kMarkerTag},
    {"area", kVoidTag | kSpecialTag},
    {"article", kSpecialTag | kClosesPTag},
    {"aside", kSpecialTag | kClosesPTag},
    {"b", kFormattingTag},
    {"base", kVoidTag | kSpecialTag},
    {"basefont", kVoidTag | kSpecialTag},
    {"bgsound", kVoidTag | kSpecialTag},
    {"big", kFormattingTag},
    {"blockquote", kSpecialTag | kClosesPTag},
    {"body", kSpecialTag},
    {"br", kVoidTag | kSpecialTag},
    {"button", kSpecialTag},
    {"caption", kSpecialTag | kScopeBoundaryTag | kMarkerTag},
    {"center", kSpecialTag | kClosesPTag},
    {"code", kFormattingTag},
    {"col", kVoidTag | kSpecialTag},
    {"colgroup", kSpecialTag},
    {"dd", kSpecialTag},
    {"details", kSpecialTag | kClosesPTag},
    {"dialog", kClosesPTag},
    {"dir", kSpecialTag | kClosesPTag},
    {"div", kSpecialTag | kClosesPTag},
    {"dl", kSpecialTag | kClosesPTag},
    {"dt", kSpecialTag},
    {"em", kFormattingTag},
    {"embed", kVoidTag | kSpecialTag},
    {"fieldset", kSpecialTag | kClosesPTag},
    {"figcaption", kSpecialTag | kClosesPTag},
    {"figure", kSpecialTag | kClosesPTag},
    {"font", kFormattingTag},
    {"footer", kSpecialTag | kClosesPTag},
    {"foreignobject", kScopeBoundaryTag},
    {"form", kSpecialTag | kClosesPTag},
    {"frame", kVoidTag | kSpecialTag},
    {"frameset", kSpecialTag},
    {"h1", kSpecialTag | kClosesPTag},
    {"h2", kSpecialTag | kClosesPTag},
    {"h3", kSpecialTag | kClosesPTag},
    {"h4", kSpecialTag | kClosesPTag},
    {"h5", kSpecialTag | kClosesPTag},
    {"h6", kSpecialTag | kClosesPTag},
    {"head", kSpecialTag},
    {"header", kSpecialTag | kClosesPTag},
    {"hgroup", kSpecialTag | kClosesPTag},
    {"hr", kVoidTag | kSpecialTag},
    {"html", kSpecialTag | kScopeBoundaryTag},
    {"i", kFormattingTag},
    {"iframe", kRawTextTag | kSpecialTag},
    {"image", kVoidTag},
    {"img", kVoidTag | kSpecialTag},
    {"input", kVoidTag | kSpecialTag},
    {"isindex", kVoidTag},
    {"keygen", kVoidTag | kSpecialTag},
    {"li", kSpecialTag},
    {"link", kVoidTag | kSpecialTag},
    {"listing", kSpecialTag | kClosesPTag},
    {"main", kSpecialTag | kClosesPTag},
    {"marquee", kSpecialTag | kScopeBoundaryTag | kMarkerTag},
    {"menu", kSpecialTag | kClosesPTag},
    {"menuitem", kVoidTag},
    {"meta", kVoidTag | kSpecialTag},
    {"nav", kSpecialTag | kClosesPTag},
    {"nobr", kFormattingTag},
    {"noembed", kRawTextTag | kSpecialTag},
    {"noframes", kRawTextTag | kSpecialTag},
    {"noscript", kSpecialTag},
    {"object", kSpecialTag | kScopeBoundaryTag | kMarkerTag},
    {"ol", kSpecialTag | kClosesPTag},
    {"p", kSpecialTag | kClosesPTag},
    {"param", kVoidTag | kSpecialTag},
    {"plaintext", kSpecialTag},
    {"pre", kSpecialTag | kClosesPTag},
    {"s", kFormattingTag},
    {"script", kRawTextTag | kSpecialTag},
    {"section", kSpecialTag | kClosesPTag},
    {"select", kSpecialTag},
    {"small", kFormattingTag},
    {"source", kVoidTag | kSpecialTag},
    {"strike", kFormattingTag},
    {"strong", kFormattingTag},
    {"style", kRawTextTag | kSpecialTag},
    {"summary", kSpecialTag | kClosesPTag},
    {"table", kSpecialTag | kScopeBoundaryTag},
    {"tbody", kSpecialTag},
    {"td", kSpecialTag | kScopeBoundaryTag | kMarkerTag},
    {"template", kSpecialTag | kScopeBoundaryTag | kMarkerTag},
    {"textarea", kRawTextTag | kSpecialTag},
    {"tfoot", kSpecialTag},
    {"th", kSpecialTag | kScopeBoundaryTag | kMarkerTag},
    {"thead", kSpecialTag},
    {"title", kRawTextTag | kSpecialTag},
    {"tr", kSpecialTag},
    {"track", kVoidTag | kSpecialTag},
    {"tt", kFormattingTag},
    {"u", kFormattingTag},
    {"ul", kSpecialTag | kClosesPTag},
    {"wbr", kVoidTag | kSpecialTag},
    {"xmp", kRawTextTag | kSpecialTag},
}};

constexpr bool sorted_by_name(const std::array<TagInfo, kTags.size()>& tags) {
  for (std::size_t i = 1; i < tags.size(); ++i) {
    if (!(tags[i - 1].name < tags[i].name)) return false;
  }
  return true;
}
static_assert(sorted_by_name(kTags), "kTags must stay sorted by name");

std::uint16_t classify(string_view name) {
  char lower[16];
  if (name.size() >= sizeof lower) return 0;  // no known tag is that long
  for (std::size_t i = 0; i < name.size(); ++i) lower[i] = ascii::to_lower(name[i]);
  const string_view key(lower, name.size());
  auto it = std::lower_bound(kTags.begin(), kTags.end(), key,
                             [](const TagInfo& t, string_view k) { return t.name < k; });
  return (it != kTags.end() && it->name == key) ? it->flags : 0;
}

bool is_heading(string_view name) {
  return name.size() == 2 && ascii::to_lower(name[0]) == 'h' && name[1] >= '1' && name[1] <= '6';
}

struct Open {
  string_view name;
  string_view attrs;  // raw attribute text, compared for the Noah's Ark clause
  bool foreign = false;
  std::uint16_t flags = 0;  // TagFlag bits; none for SVG/MathML elements but foreignObject

  bool is(TagFlag flag) const { return (flags & flag) != 0; }
};

// An entry in our model of gumbo's list of active formatting elements that is no longer on the
// stack: gumbo will re-open ("reconstruct") it inside the next text or inline element.
struct Orphan {
  string_view name;
  string_view attrs;
  bool marker = false;
};

class Model {
 public:
  std::size_t depth() const { return stack_.size() + orphans_ + 2; }  // + <html> and <body>
  bool in_foreign() const { return !stack_.empty() && stack_.back().foreign; }
  std::size_t deepest() const { return deepest_; }

  // `flags` is classify(name), computed once by the caller.
  void start_tag(string_view name, std::uint16_t flags, string_view attrs, bool self_closing) {
    if (in_foreign()) {
      if (!self_closing) push(name, flags, attrs, !ends_foreign(name));
      return;
    }
    if (ascii::iequals(name, "svg") || ascii::iequals(name, "math")) {
      if (!self_closing) push(name, flags, attrs, true);
      return;
    }
    if (ascii::iequals(name, "html") || ascii::iequals(name, "head") || ascii::iequals(name, "body")) return;
    if (flags & kVoidTag) return;
    if (ascii::iequals(name, "form") && find(name, stack_.size()) != npos) return;  // nested forms are dropped
    if (flags & kClosesPTag) close_in_scope("p", /*button_scope=*/true);
    if (is_heading(name) && !stack_.empty() && is_heading(stack_.back().name)) pop_to(stack_.size() - 1);
    if (ascii::iequals(name, "li")) close_list_item({"li", "li"});
    if (ascii::iequals(name, "dt") || ascii::iequals(name, "dd")) close_list_item({"dt", "dd"});
    if (ascii::iequals(name, "option") || ascii::iequals(name, "optgroup")) {
      if (!stack_.empty() && ascii::iequals(stack_.back().name, "option")) pop_to(stack_.size() - 1);
    }
    if (ascii::iequals(name, "optgroup") && !stack_.empty() && ascii::iequals(stack_.back().name, "optgroup")) {
      pop_to(stack_.size() - 1);
    }
    if (ascii::iequals(name, "button")) close_in_scope("button", false);
    if (ascii::iequals(name, "td") || ascii::iequals(name, "th") || ascii::iequals(name, "tr")) {
      close_in_table({"td", "th"});
    }
    if (ascii::iequals(name, "tr")) close_in_table({"tr", "tr"});
    if (ascii::iequals(name, "table")) close_table_in_table();
    if (ascii::iequals(name, "a") || ascii::iequals(name, "nobr")) {
      end_formatting(name);  // a second <a> closes the first one (adoption agency)
    }
    if ((ascii::iequals(name, "td") || ascii::iequals(name, "th")) &&
        (stack_.empty() || !ascii::iequals(stack_.back().name, "tr"))) {
      push("tbody", kSpecialTag, {}, false);
      push("tr", kSpecialTag, {}, false);
    }
    push(name, flags, attrs, false);
  }

  void end_tag(string_view name) {
    if (in_foreign()) {
      std::size_t i = find(name, stack_.size());
      if (i != npos) pop_to(i);
      return;
    }
    if (ascii::iequals(name, "html") || ascii::iequals(name, "head") || ascii::iequals(name, "body") ||
        ascii::iequals(name, "br")) {
      return;
    }
    const std::uint16_t flags = classify(name);
    if (flags & kFormattingTag) {
      end_formatting(name);
      return;
    }
    const bool special = (flags & kSpecialTag) != 0;
    for (std::size_t i = stack_.size(); i-- > 0;) {
      const Open& e = stack_[i];
      if (ascii::iequals(e.name, name) || (is_heading(name) && is_heading(e.name))) {
        pop_to(i);
        return;
      }
      if (e.is(special ? kScopeBoundaryTag : kSpecialTag)) return;  // the end tag is ignored
    }
  }

 private:
  static bool ends_foreign(string_view name) {
    return ascii::iequals(name, "foreignobject") || ascii::iequals(name, "desc");
  }

  void push(string_view name, std::uint16_t flags, string_view attrs, bool foreign) {
    if (foreign) flags = ascii::iequals(name, "foreignobject") ? kScopeBoundaryTag : 0;
    Open e{name, attrs, foreign, flags};
    stack_.push_back(e);
    if (e.is(kMarkerTag)) orphan_list_.push_back(Orphan{{}, {}, true});
    deepest_ = std::max(deepest_, depth());
  }

  // Pops stack_[i] and everything above it.
  void pop_to(std::size_t i) {
    while (stack_.size() > i) {
      Open e = stack_.back();
      stack_.pop_back();
      if (e.is(kMarkerTag)) clear_to_marker();
      else if (e.is(kFormattingTag)) add_orphan(e);
    }
  }

  std::size_t find(string_view name, std::size_t below) const {
    for (std::size_t i = below; i-- > 0;) {
      if (ascii::iequals(stack_[i].name, name)) return i;
    }
    return npos;
  }

  void close_in_scope(string_view name, bool button_scope) {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      const Open& e = stack_[i];
      if (ascii::iequals(e.name, name)) {
        pop_to(i);
        return;
      }
      if (e.foreign || e.is(kScopeBoundaryTag) || (button_scope && ascii::iequals(e.name, "button"))) {
        return;
      }
    }
  }

  void close_list_item(std::array<string_view, 2> names) {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      const Open& e = stack_[i];
      if (ascii::iequals(e.name, names[0]) || ascii::iequals(e.name, names[1])) {
        pop_to(i);
        return;
      }
      const bool stops = e.foreign || (e.is(kSpecialTag) && !ascii::iequals(e.name, "address") &&
                                       !ascii::iequals(e.name, "div") && !ascii::iequals(e.name, "p"));
      if (stops) return;
    }
  }

  void close_in_table(std::array<string_view, 2> names) {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      const Open& e = stack_[i];
      if (ascii::iequals(e.name, names[0]) || ascii::iequals(e.name, names[1])) {
        pop_to(i);
        return;
      }
      if (e.foreign || ascii::iequals(e.name, "table") || ascii::iequals(e.name, "template")) return;
    }
  }

  // <table> directly inside a table (not in a cell) closes the open table.
  void close_table_in_table() {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      const Open& e = stack_[i];
      if (ascii::iequals(e.name, "table")) {
        pop_to(i);
        return;
      }
      if (e.foreign || e.is(kScopeBoundaryTag)) return;
    }
  }

  // The end tag of a formatting element (or a second <a>/<nobr>). If it is open with a special
  // element above it, the adoption agency moves things around but keeps the depth; we drop just
  // the element. If it is not open, gumbo forgets its active entry.
  void end_formatting(string_view name) {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      const Open& e = stack_[i];
      if (ascii::iequals(e.name, name)) {
        bool special_above = false;
        for (std::size_t j = i + 1; j < stack_.size(); ++j) {
          if (stack_[j].is(kSpecialTag)) special_above = true;
        }
        // The element itself leaves the list of active formatting elements; formatting
        // elements popped above it stay there.
        if (!special_above) pop_to(i + 1);
        stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(i));
        return;
      }
      if (e.foreign || e.is(kScopeBoundaryTag)) break;
    }
    for (std::size_t i = orphan_list_.size(); i-- > 0;) {
      if (orphan_list_[i].marker) return;
      if (ascii::iequals(orphan_list_[i].name, name)) {
        orphan_list_.erase(orphan_list_.begin() + static_cast<std::ptrdiff_t>(i));
        --orphans_;
        return;
      }
    }
  }

  // Noah's Ark: at most three alike (same name and attributes) after the last marker.
  void add_orphan(const Open& e) {
    std::size_t alike = 0;
    std::size_t earliest = npos;
    for (std::size_t i = orphan_list_.size(); i-- > 0;) {
      const Orphan& o = orphan_list_[i];
      if (o.marker) break;
      if (ascii::iequals(o.name, e.name) && o.attrs == e.attrs) {
        ++alike;
        earliest = i;
      }
    }
    if (alike >= 3) {
      orphan_list_.erase(orphan_list_.begin() + static_cast<std::ptrdiff_t>(earliest));
      --orphans_;
    }
    orphan_list_.push_back(Orphan{e.name, e.attrs, false});
    ++orphans_;
    deepest_ = std::max(deepest_, depth());
  }

  void clear_to_marker() {
    while (!orphan_list_.empty()) {
      Orphan o = orphan_list_.back();
      orphan_list_.pop_back();
      if (o.marker) return;
      --orphans_;
    }
  }

  std::vector<Open> stack_;
  std::vector<Orphan> orphan_list_;
  std::size_t orphans_ = 0;  // entries of orphan_list_ that are not markers
  std::size_t deepest_ = 0;
};

bool is_tag_end(char c) { return ascii::is_space(c) || c == '/' || c == '>'; }

struct TagScan {
  std::size_t end = npos;  // one past '>', npos when the tag runs to the end of input
  string_view attrs;
  bool self_closing = false;
};

// Scans the attributes of a tag whose name ends at `i`, following the tokenizer's states closely
// enough that a '>' inside a quoted value does not end the tag.
TagScan scan_attributes(string_view html, std::size_t i) {
  TagScan scan;
  const std::size_t attrs_begin = i;
  const std::size_t n = html.size();
  while (i < n) {
    char c = html[i];
    if (ascii::is_space(c)) {
      ++i;
      continue;
    }
    if (c == '>') {
      scan.end = i + 1;
      scan.attrs = html.substr(attrs_begin, i - attrs_begin);
      return scan;
    }
    if (c == '/') {
      if (i + 1 < n && html[i + 1] == '>') {
        scan.end = i + 2;
        scan.self_closing = true;
        scan.attrs = html.substr(attrs_begin, i - attrs_begin);
        return scan;
      }
      ++i;
      continue;
    }
    ++i;  // first character of a name may be anything, even '='
    while (i < n && !is_tag_end(html[i]) && html[i] != '=') ++i;
    while (i < n && ascii::is_space(html[i])) ++i;
    if (i < n && html[i] == '=') {
      ++i;
      while (i < n && ascii::is_space(html[i])) ++i;
      if (i < n && (html[i] == '"' || html[i] == '\'')) {
        std::size_t close = html.find(html[i], i + 1);
        if (close == npos) return scan;
        i = close + 1;
      } else {
        while (i < n && !ascii::is_space(html[i]) && html[i] != '>') ++i;
      }
    }
  }
  return scan;
}

// Finds "</name" followed by a tag-ending character, case-insensitively. Returns the offset of
// '<' or npos.
std::size_t find_end_tag(string_view html, std::size_t from, string_view name) {
  while (true) {
    std::size_t lt = html.find("</", from);
    if (lt == npos) return npos;
    std::size_t after = lt + 2 + name.size();
    if (after <= html.size() && ascii::iequals(html.substr(lt + 2, name.size()), name) &&
        (after == html.size() || is_tag_end(html[after]))) {
      return lt;
    }
    from = lt + 2;
  }
}

// Position after a comment that opens at `lt` ("<!--"), or npos.
std::size_t skip_comment(string_view html, std::size_t lt) {
  std::size_t i = lt + 4;
  if (html.substr(i, 1) == ">") return i + 1;
  if (html.substr(i, 2) == "->") return i + 2;
  while (true) {
    std::size_t dashes = html.find("--", i);
    if (dashes == npos) return npos;
    if (html.substr(dashes + 2, 1) == ">") return dashes + 3;
    if (html.substr(dashes + 2, 2) == "!>") return dashes + 4;
    i = dashes + 1;
  }
}

std::size_t after_char(string_view html, std::size_t from, char c) {
  std::size_t at = html.find(c, from);
  return at == npos ? npos : at + 1;
}

}  // namespace

NestingEstimate estimate_nesting(string_view html, std::size_t limit) {
  Model model;
  NestingEstimate result;
  const std::size_t n = html.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t lt = html.find('<', i);
    if (lt == npos || lt + 1 >= n) break;
    char c = html[lt + 1];
    std::size_t next = npos;
    if (c == '!') {
      if (html.substr(lt, 4) == "<!--") next = skip_comment(html, lt);
      else if (model.in_foreign() && html.substr(lt, 9) == "<![CDATA[") {
        std::size_t close = html.find("]]>", lt + 9);
        next = close == npos ? npos : close + 3;
      } else {
        next = after_char(html, lt + 2, '>');
      }
    } else if (c == '?') {
      next = after_char(html, lt + 2, '>');
    } else if (c == '/') {
      if (lt + 2 < n && ascii::is_alpha(html[lt + 2])) {
        std::size_t name_end = lt + 2;
        while (name_end < n && !is_tag_end(html[name_end])) ++name_end;
        TagScan scan = scan_attributes(html, name_end);
        next = scan.end;
        if (next != npos) model.end_tag(html.substr(lt + 2, name_end - lt - 2));
      } else if (lt + 2 < n && html[lt + 2] == '>') {
        next = lt + 3;
      } else {
        next = after_char(html, lt + 2, '>');
      }
    } else if (ascii::is_alpha(c)) {
      std::size_t name_end = lt + 1;
      while (name_end < n && !is_tag_end(html[name_end])) ++name_end;
      string_view name = html.substr(lt + 1, name_end - lt - 1);
      TagScan scan = scan_attributes(html, name_end);
      next = scan.end;
      if (next != npos) {
        const bool html_context = !model.in_foreign();
        const std::uint16_t flags = classify(name);
        model.start_tag(name, flags, scan.attrs, scan.self_closing);
        if (html_context && ascii::iequals(name, "plaintext")) break;  // the rest is text
        if (html_context && (flags & kRawTextTag) != 0) {
          std::size_t close = find_end_tag(html, next, name);
          if (close == npos) break;  // unterminated: the rest of the page is the element's text
          next = close;
        }
      }
    } else {
      next = lt + 1;  // a lone '<' is text
    }
    if (model.deepest() > limit) {
      result.depth = model.deepest();
      result.exceeded = true;
      result.offset = lt;
      return result;
    }
    if (next == npos) break;  // unterminated comment or tag: gumbo drops or swallows the rest
    i = next;
  }
  result.depth = model.deepest();
  return result;
}

}  // namespace caiji::html
