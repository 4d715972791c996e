#include "core/html/script_scan.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "core/html/ascii.hpp"
#include "core/html/document.hpp"
#include "core/html/text.hpp"

namespace caiji::html {

std::optional<std::string_view> find_attribute(const std::vector<Attribute>& attributes, std::string_view name) {
  for (const Attribute& a : attributes)
    if (ascii::iequals(a.name, name)) return a.value;
  return std::nullopt;
}

namespace {

constexpr unsigned kItemscope = 1u << 0;
constexpr unsigned kItemtype = 1u << 1;
constexpr unsigned kItemprop = 1u << 2;
constexpr unsigned kTypeof = 1u << 3;
constexpr unsigned kProperty = 1u << 4;
constexpr unsigned kItemtypeProduct = 1u << 5;  // an itemtype value that may name a Product type
constexpr unsigned kTypeofProduct = 1u << 6;    // the same for typeof

// Whether a raw attribute value may read "product" once decoded: it does already, or holds a
// character reference that might spell it.
bool may_name_product(std::string_view raw) {
  if (raw.find('&') != std::string_view::npos) return true;
  for (std::size_t i = 0; i + 7 <= raw.size(); ++i)
    if (ascii::iequals(raw.substr(i, 7), "product")) return true;
  return false;
}

// Whether a raw type= value may read "password" once decoded (as may_name_product).
bool may_name_password(std::string_view raw) {
  if (raw.find('&') != std::string_view::npos) return true;
  for (std::size_t i = 0; i + 8 <= raw.size(); ++i)
    if (ascii::iequals(raw.substr(i, 8), "password")) return true;
  return false;
}

unsigned attribute_bit(std::string_view name) {
  switch (name.size()) {
    case 6: return ascii::iequals(name, "typeof") ? kTypeof : 0;
    case 8:
      if (ascii::iequals(name, "itemtype")) return kItemtype;
      if (ascii::iequals(name, "itemprop")) return kItemprop;
      return ascii::iequals(name, "property") ? kProperty : 0;
    case 9: return ascii::iequals(name, "itemscope") ? kItemscope : 0;
    default: return 0;
  }
}

bool is_tag_delimiter(char c) { return ascii::is_space(c) || c == '/' || c == '>'; }

// How gumbo treats a run of bytes: `clean` bytes reach its tree unchanged; anything else
// (`fixable`) is rewritten by gumbo_text exactly as gumbo's input reader does.
enum class Bytes { clean, fixable };

// gumbo's UTF-8 reader (utf8.c, Hoehrmann's decoder): the length of the valid sequence at p with
// its code point, or, negated, how many bytes one U+FFFD replaces: the valid start of a broken
// sequence (at least one byte), so the byte that broke it is read again as the next character.
// An ASCII byte always breaks a sequence, so decoding never swallows markup.
long utf8_sequence(const unsigned char* p, const unsigned char* end, std::uint32_t& cp) {
  const unsigned c = *p;
  long len = 0;
  unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  else return -1;
  for (long k = 1; k < len; ++k) {
    if (p + k >= end) return -k;  // truncated: gumbo meets '<' of the end tag next, same result
    const unsigned b = p[k];
    if (b < (k == 1 ? lo : 0x80u) || b > (k == 1 ? hi : 0xBFu)) return -k;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  return len;
}

// Code points gumbo replaces by U+FFFD although they are valid UTF-8 (utf8_is_invalid_code_point).
bool gumbo_replaces(std::uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFF) == 0xFFFE ||
         (cp & 0xFFFF) == 0xFFFF;
}

// NUL and C0 controls other than tab, LF, FF and CR (which becomes LF), and DEL.
bool special_ascii(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\f') || c == 0x7F;
}

// Past the leading run of eight-byte blocks of printable ASCII at p, eight bytes a step: most
// script text is plain ASCII. A block stops it at a byte >= 0x80, below 0x20 or DEL (tab and LF
// too: callers look at those one by one); false alarms only cost the slow path.
const unsigned char* skip_printable_blocks(const unsigned char* p, const unsigned char* end) {
  while (end - p >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    const std::uint64_t high = w & 0x8080808080808080ull;
    const std::uint64_t low = (w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull;
    const std::uint64_t x = w ^ 0x7F7F7F7F7F7F7F7Full;
    const std::uint64_t del = (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
    if ((high | low | del) != 0) break;
    p += 8;
  }
  return p;
}

Bytes classify(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    p = skip_printable_blocks(p, end);
    if (p >= end) break;
    const unsigned c = *p;
    if (c < 0x80) {
      if (c == '\r' || special_ascii(static_cast<unsigned char>(c))) return Bytes::fixable;
      ++p;
      continue;
    }
    std::uint32_t cp = 0;
    const long len = utf8_sequence(p, end, cp);
    if (len < 0 || gumbo_replaces(cp)) return Bytes::fixable;
    p += len;
  }
  return Bytes::clean;
}

// The text gumbo's tree holds for these bytes (see Bytes).
std::string gumbo_text(std::string_view s) {
  static constexpr char kReplacement[] = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size() + 16);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    // Copy the run of bytes gumbo keeps as they are in one append; only CR, controls and
    // non-ASCII are looked at one by one.
    const unsigned char* run = p;
    p = skip_printable_blocks(p, end);
    while (p < end && *p < 0x80 && *p != '\r' && !special_ascii(*p)) ++p;
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
    if (p >= end) break;
    const unsigned char c = *p;
    if (c == '\r') {
      out.push_back('\n');
      p += (p + 1 < end && p[1] == '\n') ? 2 : 1;
    } else if (c < 0x80) {
      if (special_ascii(c)) out.append(kReplacement, 3);
      else out.push_back(static_cast<char>(c));
      ++p;
    } else {
      std::uint32_t cp = 0;
      const long len = utf8_sequence(p, end, cp);
      if (len < 0 || gumbo_replaces(cp)) out.append(kReplacement, 3);
      else out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(len));
      p += len < 0 ? -len : len;
    }
  }
  return out;
}

// One tag as the tokenizer reads it, from just after "<" or "</".
struct RawTag {
  std::string_view name;  // as written
  std::vector<Attribute> attributes;  // raw name and value, all of them
  std::size_t begin = 0;  // offset of '<'
  std::size_t end = 0;    // offset just past '>'
  bool self_closing = false;
};

// HTML elements that end SVG/MathML content when they start inside it (the tree builder's
// "breakout" list), and those whose content the tokenizer reads as raw text.
bool is_breakout(std::string_view n) {
  static constexpr std::array<std::string_view, 45> kNames = {
      "b",  "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2",
      "h3", "h4",  "h5",         "h6",   "head", "hr",   "i",    "img", "li", "listing", "menu", "meta", "nobr", "ol",
      "p",  "pre", "ruby",       "s",    "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul",
      "var", "font"};
  for (std::string_view k : kNames)
    if (ascii::iequals(n, k)) return true;
  return false;
}

// Elements inside which SVG/MathML start tags are read as HTML again (integration points).
bool is_integration_point(std::string_view n) {
  for (std::string_view k : {"foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"})
    if (ascii::iequals(n, k)) return true;
  return false;
}

class Scanner {
 public:
  explicit Scanner(std::string_view html) : s_(html) {}

  PageScan run() {
    std::size_t pos = 0;
    while (out_.exact && pos < s_.size()) {
      const char* lt = static_cast<const char*>(std::memchr(s_.data() + pos, '<', s_.size() - pos));
      if (lt == nullptr) break;
      pos = static_cast<std::size_t>(lt - s_.data());
      pos = markup_at(pos);
    }
    if (!out_.exact) {
      out_.scripts.clear();
      out_.tags.clear();
    }
    return std::move(out_);
  }

 private:
  std::string_view s_;
  PageScan out_;
  std::vector<std::string_view> foreign_;  // open SVG/MathML elements, lower-case names
  bool in_select_ = false;
  // Open tables, innermost last. Outside a cell (td, th, caption) the tree builder moves most
  // elements in front of the table ("foster parenting"): harmless to us unless the table
  // already holds something we recorded, which the moved content would then precede.
  struct Table {
    bool in_cell = false;
    bool holds_record = false;
  };
  std::vector<Table> tables_;

  void recorded() {
    for (Table& t : tables_) t.holds_record = true;
  }

  void give_up(std::string why) {
    if (!out_.exact) return;
    out_.exact = false;
    out_.why = std::move(why);
  }

  char at(std::size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  bool has(std::size_t i) const { return i < s_.size(); }

  // First '>' at or after `from`; s_.size() when none.
  std::size_t find_gt(std::size_t from) const {
    std::size_t p = s_.find('>', from);
    return p == std::string_view::npos ? s_.size() : p;
  }

  // Handles the markup starting with '<' at pos; returns where data resumes.
  std::size_t markup_at(std::size_t pos) {
    const char c = at(pos + 1);
    if (c == '!') return markup_declaration(pos);
    if (c == '?') return bogus_comment(pos + 2);
    if (c == '/') {
      const char d = at(pos + 2);
      if (ascii::is_alpha(d)) {
        RawTag tag;
        if (!read_tag(pos, pos + 2, tag)) return s_.size();  // EOF inside the tag: dropped
        end_tag(tag);
        return tag.end;
      }
      if (d == '>') return pos + 3;  // "</>" is ignored
      if (!has(pos + 2)) return s_.size();
      return bogus_comment(pos + 2);
    }
    if (ascii::is_alpha(c)) {
      RawTag tag;
      if (!read_tag(pos, pos + 1, tag)) return s_.size();
      return start_tag(tag);
    }
    return pos + 1;  // a lone '<' is text
  }

  std::size_t bogus_comment(std::size_t from) {
    std::size_t gt = find_gt(from);
    return gt == s_.size() ? gt : gt + 1;
  }

  std::size_t markup_declaration(std::size_t pos) {
    if (s_.compare(pos, 4, "<!--") == 0) return comment(pos + 4);
    if (!foreign_.empty() && s_.compare(pos, 9, "<![CDATA[") == 0) {
      std::size_t e = s_.find("]]>", pos + 9);
      return e == std::string_view::npos ? s_.size() : e + 3;
    }
    return bogus_comment(pos + 2);  // DOCTYPE, CDATA in HTML content, other "<!"
  }

  // A comment ends at the first '>' after "--" or "--!" that follows "<!--"; "<!-->" and
  // "<!--->" are complete (empty) comments. Unterminated: the rest of the page is comment.
  std::size_t comment(std::size_t body) {
    if (at(body) == '>') return body + 1;
    if (at(body) == '-' && at(body + 1) == '>') return body + 2;
    std::size_t p = body;
    while (true) {
      p = s_.find('>', p);
      if (p == std::string_view::npos) return s_.size();
      if (p >= body + 2 && s_[p - 1] == '-' && s_[p - 2] == '-') return p + 1;
      if (p >= body + 3 && s_[p - 1] == '!' && s_[p - 2] == '-' && s_[p - 3] == '-') return p + 1;
      ++p;
    }
  }

  // Reads a tag's name and attributes per the tokenizer's tag states, from `i` (the first
  // letter of the name). False when the page ends inside the tag (which the tokenizer drops).
  bool read_tag(std::size_t begin, std::size_t i, RawTag& tag) {
    tag.begin = begin;
    const std::size_t name_start = i;
    while (has(i) && !is_tag_delimiter(s_[i])) ++i;
    tag.name = s_.substr(name_start, i - name_start);
    while (true) {
      // Before attribute name.
      while (has(i) && ascii::is_space(s_[i])) ++i;
      if (!has(i)) return false;
      if (s_[i] == '>') {
        tag.end = i + 1;
        return true;
      }
      if (s_[i] == '/') {
        if (at(i + 1) == '>') {
          tag.self_closing = true;
          tag.end = i + 2;
          return true;
        }
        ++i;
        continue;
      }
      // Attribute name: a leading '=' belongs to the name.
      const std::size_t an = i;
      ++i;
      while (has(i) && !is_tag_delimiter(s_[i]) && s_[i] != '=') ++i;
      Attribute attr{s_.substr(an, i - an), {}};
      // After attribute name.
      while (has(i) && ascii::is_space(s_[i])) ++i;
      if (!has(i)) return false;
      if (s_[i] != '=') {
        tag.attributes.push_back(attr);
        continue;  // '/', '>' or the next name
      }
      ++i;
      while (has(i) && ascii::is_space(s_[i])) ++i;
      if (!has(i)) return false;
      const char q = s_[i];
      if (q == '"' || q == '\'') {
        const std::size_t close = s_.find(q, i + 1);
        if (close == std::string_view::npos) return false;
        attr.value = s_.substr(i + 1, close - i - 1);
        i = close + 1;
      } else if (q != '>') {
        const std::size_t vs = i;
        while (has(i) && !ascii::is_space(s_[i]) && s_[i] != '>') ++i;
        attr.value = s_.substr(vs, i - vs);
      }
      tag.attributes.push_back(attr);
    }
  }

  void note_names(const RawTag& tag) {
    if (std::none_of(tag.name.begin(), tag.name.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      out_.element_names.insert(tag.name);
    } else {
      out_.element_names.insert(out_.storage.emplace_back(ascii::lowered(tag.name)));
    }
    // An <input type=password> makes a page without a product read as a login form
    // (extract::classify_after); proving a page has none spares it the tree.
    // (gumbo turns an obsolete <isindex> into a form whose input takes the tag's attributes.)
    if (ascii::iequals(tag.name, "input") || ascii::iequals(tag.name, "isindex"))
      for (const Attribute& a : tag.attributes)
        if (a.name.size() == 4 && ascii::iequals(a.name, "type") && may_name_password(a.value)) out_.may_have_password_input = true;
    for (const Attribute& a : tag.attributes) {
      // A value without '&' reads the same once decoded, or (NUL, CR) differently.
      if (a.name.size() == 2 && ascii::iequals(a.name, "id")) {
        if (a.value.find('&') != std::string_view::npos) out_.ids_encoded = true;
        else out_.ids.insert(a.value);
      } else if (a.name.size() == 5 && ascii::iequals(a.name, "class") && a.value.find('&') != std::string_view::npos) {
        out_.classes_encoded = true;
      }
      const unsigned bit = attribute_bit(a.name);
      out_.attribute_bits |= bit;
      if ((bit == kItemtype || bit == kTypeof) && may_name_product(a.value))
        out_.attribute_bits |= bit == kItemtype ? kItemtypeProduct : kTypeofProduct;
    }
  }

  // The attributes gumbo gives this tag: lower-case names, first of each name, values decoded.
  // Tags whose bytes need decoding are handed to gumbo alone (tag tokenization does not depend
  // on what surrounds the tag), so character references decode exactly as in the full tree.
  std::vector<Attribute> gumbo_attributes(const RawTag& tag) {
    const std::string_view source = s_.substr(tag.begin, tag.end - tag.begin);
    const bool plain = source.find('&') == std::string_view::npos && classify(source) == Bytes::clean;
    std::vector<Attribute> out;
    if (plain) {
      for (const Attribute& a : tag.attributes) {
        bool upper = false;
        for (char c : a.name) upper = upper || (c >= 'A' && c <= 'Z');
        std::string_view name = upper ? std::string_view(out_.storage.emplace_back(ascii::lowered(a.name))) : a.name;
        if (!find_attribute(out, name)) out.push_back({name, a.value});
      }
      return out;
    }
    // gumbo on the tag alone, plus an end tag so a <script> start tag does not swallow nothing.
    std::string fragment(source);
    Result<Document> doc = Document::parse(fragment);
    if (!doc) {
      give_up("a tag gumbo could not read on its own");
      return out;
    }
    const std::string name = ascii::lowered(tag.name);
    Node n = doc->select_first(name);
    if (!n.valid()) {
      give_up("a <" + name + "> tag gumbo reads differently on its own");
      return out;
    }
    const GumboVector& attrs = n.raw()->v.element.attributes;
    for (unsigned k = 0; k < attrs.length; ++k) {
      const auto* a = static_cast<const GumboAttribute*>(attrs.data[k]);
      std::string_view an = out_.storage.emplace_back(a->name == nullptr ? "" : a->name);
      std::string_view av = out_.storage.emplace_back(a->value == nullptr ? "" : a->value);
      out.push_back({an, av});
    }
    return out;
  }

  std::size_t start_tag(const RawTag& tag) {
    note_names(tag);
    const std::string_view n = tag.name;
    if (!foreign_.empty()) return foreign_start_tag(tag);
    if (in_select_) {
      if (ascii::iequals(n, "option") || ascii::iequals(n, "optgroup") || ascii::iequals(n, "hr")) return tag.end;
      if (!ascii::iequals(n, "script")) {
        give_up("<" + std::string(n) + "> inside <select>");
        return s_.size();
      }
    }
    if (!tables_.empty() && !table_start_tag(tag)) return s_.size();
    if (ascii::iequals(n, "script")) return script(tag);
    if (ascii::iequals(n, "meta") || ascii::iequals(n, "link") || ascii::iequals(n, "base")) {
      ScannedTag t;
      t.name = ascii::iequals(n, "meta") ? "meta" : ascii::iequals(n, "link") ? "link" : "base";
      t.attributes = gumbo_attributes(tag);
      out_.tags.push_back(std::move(t));
      recorded();
      return tag.end;
    }
    if (ascii::iequals(n, "title")) return title(tag);
    if (ascii::iequals(n, "textarea")) return raw_text(tag, "textarea");
    for (std::string_view raw : {"style", "xmp", "iframe", "noembed", "noframes"})
      if (ascii::iequals(n, raw)) return raw_text(tag, raw);
    if (ascii::iequals(n, "plaintext")) return s_.size();  // the rest of the page is text
    if (ascii::iequals(n, "svg") || ascii::iequals(n, "math")) {
      if (!tag.self_closing) foreign_.push_back(ascii::iequals(n, "svg") ? "svg" : "math");
      return tag.end;
    }
    if (ascii::iequals(n, "select")) {
      in_select_ = true;
      return tag.end;
    }
    if (ascii::iequals(n, "frameset")) give_up("a <frameset>");
    if (ascii::iequals(n, "table")) tables_.push_back(Table{});
    return tag.end;
  }

  // Follows table structure; false (and gives up) for a start tag the tree builder would move
  // in front of the table with what it holds.
  bool table_start_tag(const RawTag& tag) {
    const std::string_view n = tag.name;
    auto is = [&](std::initializer_list<std::string_view> names) {
      for (std::string_view k : names)
        if (ascii::iequals(n, k)) return true;
      return false;
    };
    if (is({"td", "th", "caption"})) {
      tables_.back().in_cell = true;
      return true;
    }
    if (is({"tr", "tbody", "thead", "tfoot", "colgroup", "col"})) {
      tables_.back().in_cell = false;
      return true;
    }
    if (is({"table"})) {
      if (tables_.back().in_cell) tables_.push_back(Table{});  // a table in a cell
      else tables_.back().in_cell = false;                     // a table in a table closes the first
      return true;
    }
    if (tables_.back().in_cell) return true;  // ordinary body content
    // Kept in the table itself, or moved in front of it with nothing inside that we record.
    if (is({"script", "style", "form", "input", "img", "br", "hr", "wbr", "area", "embed", "keygen", "param",
            "source", "track"}))
      return true;
    if (!tables_.back().holds_record) return true;  // moved, but nothing recorded to overtake
    give_up("<" + std::string(n) + "> directly inside a <table> after a script or tag in it");
    return false;
  }

  // Inside SVG/MathML only plain foreign elements are followed; anything that makes the tree
  // builder leave foreign content or read HTML again is left to the tree.
  std::size_t foreign_start_tag(const RawTag& tag) {
    const std::string_view n = tag.name;
    if (is_integration_point(foreign_.back())) {
      give_up("markup inside SVG/MathML " + std::string(foreign_.back()));
      return s_.size();
    }
    if (is_breakout(n) || ascii::iequals(n, "script") || ascii::iequals(n, "link") || ascii::iequals(n, "base")) {
      give_up("<" + std::string(n) + "> inside SVG/MathML");
      return s_.size();
    }
    if (ascii::iequals(n, "title") && !out_.has_title) {
      out_.has_title = true;
      out_.title_known = false;  // an SVG <title> comes first in the tree
    }
    if (!tag.self_closing) foreign_.push_back(out_.storage.emplace_back(ascii::lowered(n)));
    return tag.end;
  }

  void end_tag(const RawTag& tag) {
    const std::string_view n = tag.name;
    if (!foreign_.empty()) {
      for (std::size_t k = foreign_.size(); k-- > 0;) {
        if (ascii::iequals(foreign_[k], n)) {
          foreign_.resize(k);
          return;
        }
      }
      give_up("</" + std::string(n) + "> inside SVG/MathML");
      return;
    }
    if (in_select_ && ascii::iequals(n, "select")) in_select_ = false;
    if (tables_.empty()) return;
    if (ascii::iequals(n, "table")) {
      tables_.pop_back();
      return;
    }
    for (std::string_view k : {"td", "th", "caption", "tr", "tbody", "thead", "tfoot"})
      if (ascii::iequals(n, k)) tables_.back().in_cell = false;
  }

  // Offset of "</name" followed by whitespace, '/' or '>' at or after `from`, any case.
  std::size_t find_end_tag(std::size_t from, std::string_view name) const {
    std::size_t p = from;
    while (true) {
      p = s_.find("</", p);
      if (p == std::string_view::npos) return s_.size();
      if (ascii::iequals(s_.substr(p + 2, name.size()), name) && has(p + 2 + name.size()) &&
          is_tag_delimiter(s_[p + 2 + name.size()]))
        return p;
      p += 2;
    }
  }

  // Past the end tag starting at `lt` (its attributes may hold quoted '>'); npos if unterminated.
  std::size_t past_end_tag(std::size_t lt) {
    RawTag tag;
    if (!read_tag(lt, lt + 2, tag)) return std::string_view::npos;
    return tag.end;
  }

  std::size_t raw_text(const RawTag& tag, std::string_view name) {
    // A self-closing flag is ignored on HTML elements: the raw text follows all the same.
    const std::size_t close = find_end_tag(tag.end, name);
    const std::size_t after = close == s_.size() ? std::string_view::npos : past_end_tag(close);
    if (after == std::string_view::npos) {
      give_up("an unterminated <" + std::string(name) + ">");
      return s_.size();
    }
    if (name == "style") out_.element_bodies.push_back(TextRange{tag.end, close});
    return after;
  }

  std::size_t title(const RawTag& tag) {
    const std::size_t close = find_end_tag(tag.end, "title");
    const std::size_t after = close == s_.size() ? std::string_view::npos : past_end_tag(close);
    if (after == std::string_view::npos) {
      give_up("an unterminated <title>");
      return s_.size();
    }
    if (!out_.has_title) {
      out_.has_title = true;
      recorded();
      const std::string_view text = s_.substr(tag.end, close - tag.end);
      // RCDATA differs from script data only in character references: gumbo decodes those, on
      // the title alone (RCDATA reads the same wherever it stands).
      if (text.find('&') != std::string_view::npos) {
        Result<Document> doc = Document::parse(s_.substr(tag.begin, after - tag.begin));
        Node t = doc ? doc->select_first("title") : Node();
        if (t.valid()) out_.title = t.text();
        else out_.title_known = false;
      } else {
        out_.title = fold_whitespace(classify(text) == Bytes::clean ? std::string(text) : gumbo_text(text));
      }
    }
    return after;
  }

  // Script data, with the escaped states that "<!--" opens inside a script: there a "<script"
  // starts a double-escaped run in which "</script" does not end the script.
  std::size_t script(const RawTag& tag) {
    enum class State { data, escaped, double_escaped } state = State::data;
    std::size_t i = tag.end;
    std::size_t dashes_from = 0;  // where dashes start to count towards a closing "-->"
    std::size_t close = std::string_view::npos;
    while (close == std::string_view::npos) {
      if (state == State::data) {
        const std::size_t lt = s_.find('<', i);
        if (lt == std::string_view::npos) break;
        if (at(lt + 1) == '/' && is_script_name_at(lt + 2)) {
          close = lt;
          break;
        }
        if (s_.compare(lt, 4, "<!--") == 0) {
          state = State::escaped;
          dashes_from = lt + 2;  // the dashes of "<!--" count: "<!-->" closes at once
          i = lt + 4;
        } else {
          i = lt + 1;
        }
        continue;
      }
      // Escaped and double-escaped runs: the next '<' or '>' decides.
      std::size_t p = i;
      while (p < s_.size() && s_[p] != '<' && s_[p] != '>') ++p;
      if (p >= s_.size()) break;
      if (s_[p] == '>') {
        if (p >= dashes_from + 2 && s_[p - 1] == '-' && s_[p - 2] == '-') state = State::data;
        i = p + 1;
        continue;
      }
      // '<'
      if (state == State::escaped) {
        if (at(p + 1) == '/' && is_script_name_at(p + 2)) {
          close = p;
          break;
        }
        if (is_script_name_at(p + 1)) {
          state = State::double_escaped;
          i = p + 7;
        } else {
          i = p + 1;
        }
      } else {
        if (at(p + 1) == '/' && is_script_name_at(p + 2)) {
          state = State::escaped;
          i = p + 8;
        } else {
          i = p + 1;
        }
      }
      dashes_from = i;  // a '<' breaks any run of dashes
    }
    const std::size_t after = close == std::string_view::npos ? std::string_view::npos : past_end_tag(close);
    if (after == std::string_view::npos) {
      give_up("an unterminated <script>");
      return s_.size();
    }
    ScannedScript script;
    script.attributes = gumbo_attributes(tag);
    std::string_view body = s_.substr(tag.end, close - tag.end);
    script.body = classify(body) == Bytes::clean ? body : std::string_view(out_.storage.emplace_back(gumbo_text(body)));
    out_.scripts.push_back(std::move(script));
    out_.element_bodies.push_back(TextRange{tag.end, close});
    recorded();
    return after;
  }

  // "script" (any case) at i followed by whitespace, '/' or '>'.
  bool is_script_name_at(std::size_t i) const {
    return has(i + 6) && ascii::iequals(s_.substr(i, 6), "script") && is_tag_delimiter(s_[i + 6]);
  }
};

}  // namespace

bool PageScan::may_have_element(std::string_view name) const {
  return !exact || element_names.count(name) > 0;
}

bool PageScan::may_have_attribute(std::string_view name) const {
  const unsigned bit = attribute_bit(name);
  return !exact || bit == 0 || (attribute_bits & bit) != 0;
}

bool PageScan::may_have_product_type(std::string_view attribute) const {
  if (!exact) return true;
  if (ascii::iequals(attribute, "itemtype")) return (attribute_bits & kItemtypeProduct) != 0;
  if (ascii::iequals(attribute, "typeof")) return (attribute_bits & kTypeofProduct) != 0;
  return true;
}

PageScan scan_page(std::string_view html) { return Scanner(html).run(); }

}  // namespace caiji::html
