#pragma once
// The script-data fast path: one pass over raw HTML that lists what product data lives in —
// inline <script> blocks and <meta>/<link>/<base> tags — without building a tree.
//
// Why: gumbo builds a tree at about 28 MB/s, and most site adapters only read script data and
// meta tags. A scan that follows the HTML tokenizer's rules (comments, script data with its
// escaped states and `</script` end tags in any case, raw-text and RCDATA elements, quoted and
// unquoted attributes, CDATA only in SVG/MathML) finds the same scripts and tags gumbo's tree
// holds, at a fraction of the cost; extract::Page builds the tree only when an extractor asks.
//
// The scan promises to match gumbo exactly or to say it cannot (`exact == false`), never to be
// almost right: where the tree builder would move, drop or reinterpret markup in ways a tokenizer
// alone cannot see (tags inside SVG/MathML that break out of it, <select> holding more than
// options, framesets, scripts in foreign content, unterminated raw text, invalid UTF-8 in a
// script), it gives up and the caller reads the tree instead. Attribute values that hold
// character references, NUL or CR are decoded by gumbo itself on the tag alone, so entity
// decoding is gumbo's, not a second implementation.

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/html/document.hpp"

namespace caiji::html {

struct Attribute {
  std::string_view name;   // lower-case, as gumbo stores it
  std::string_view value;  // decoded as gumbo decodes it
};

// The first attribute of that name (ASCII case-insensitive), as Node::attr.
std::optional<std::string_view> find_attribute(const std::vector<Attribute>& attributes, std::string_view name);

struct ScannedTag {
  std::string_view name;  // "meta", "link" or "base"
  std::vector<Attribute> attributes;  // in source order, first of each name only (as gumbo keeps)
  std::optional<std::string_view> attr(std::string_view n) const { return find_attribute(attributes, n); }
};

struct ScannedScript {
  std::vector<Attribute> attributes;
  std::string_view body;  // script text as gumbo's text node holds it (CR LF -> LF, NUL -> U+FFFD)
};

struct PageScan {
  // False when the scan met markup whose tree it cannot predict; then nothing below is
  // complete and the caller must read gumbo's tree. `why` names the first such markup.
  bool exact = true;
  std::string why;

  std::vector<ScannedScript> scripts;  // every <script>, in document order
  std::vector<ScannedTag> tags;        // every <meta>, <link> and <base>, in document order
  // The raw bytes of every HTML <script> and <style> body, in document order: what
  // Document::parse_omitting may leave out when the tree is built after all.
  std::vector<TextRange> element_bodies;

  // The first <title>: whether there is one, and its text folded as Node::text() folds it.
  // `title_known` is false when the first title is an SVG one; read the tree for it then.
  bool has_title = false;
  bool title_known = true;
  std::string title;

  // Whether some start tag of that name appeared (lower-case name). False proves the tree has
  // no such element; true only says it may (the tree builder drops some misplaced tags).
  bool may_have_element(std::string_view name) const;
  // The same for attributes, tracked for itemscope, itemtype, itemprop, typeof and property
  // only; any other name answers true.
  bool may_have_attribute(std::string_view name) const;
  // Whether some itemtype (or typeof) attribute may name a schema.org Product type: false
  // proves none contains "product" in any case, even through a character reference.
  bool may_have_product_type(std::string_view attribute) const;

  // False proves no <input> start tag has a type attribute that may read "password" (through a
  // character reference too), so the tree holds no input[type=password].
  bool may_have_password_input = false;

  // Owns decoded strings that the views above point into (deque: growing never moves them).
  std::deque<std::string> storage;
  std::unordered_set<std::string_view> element_names;
  unsigned attribute_bits = 0;
  // Every id value of a start tag, raw, unless it holds '&' (then `ids_encoded`): one without
  // reads the same once decoded, or (NUL, CR) differently. Every id in the tree comes from a
  // start tag the scan saw, so an id not in `ids` is on no element unless `ids_encoded`.
  std::unordered_set<std::string_view> ids;
  bool ids_encoded = false;
  // Some class value holds '&'. When none does, every class name in the tree is written out in
  // the raw HTML, so one found nowhere in it is on no element.
  bool classes_encoded = false;
};

// Scans `html` (which must outlive the result: views point into it). Never fails: input the
// scan cannot follow gives exact == false.
PageScan scan_page(std::string_view html);

}  // namespace caiji::html
