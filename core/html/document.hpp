#pragma once
// The HTML layer: an RAII owner of a gumbo parse and light handles onto its nodes.
// (API contract shared by the extraction layer; implementation in document.cpp.)

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.hpp"

struct GumboInternalNode;
struct GumboInternalOutput;

namespace caiji::html {

struct ParseLimits {
  std::size_t max_bytes = 64u << 20;  // a page larger than this is refused, not truncated
  // Pages nested deeper than this (estimated before parsing, see nesting_estimate.hpp) are
  // refused with ErrorCode::too_deep. Browsers cap the tree at 512; real pages stay far below.
  std::size_t max_depth = 1024;
  // The caller already ran check_parse_limits on this html with these limits (extract::Page
  // checks before it knows whether it needs a tree); parse then skips the nesting pre-scan.
  bool checked = false;
};

// The refusals Document::parse makes before any parsing (input_too_large, too_deep), on their
// own, so a caller that builds the tree only on demand refuses the same pages up front.
Status check_parse_limits(std::string_view html, ParseLimits limits = {});

// The URL relative references resolve against, given the href of the first <base> that has
// one (nullopt: none): as Document::base_url, for callers that found the <base> without a tree.
std::string resolve_base_url(std::string_view page_url, std::optional<std::string_view> base_href);

class Selector;

// A byte range [begin, end) of a page.
struct TextRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A non-owning handle to an element or text node. Valid while its Document lives.
class Node {
 public:
  Node() = default;
  explicit Node(const GumboInternalNode* n) : n_(n) {}

  bool valid() const { return n_ != nullptr; }
  bool is_element() const;
  bool is_text() const;                         // text, CDATA or whitespace
  std::string_view tag() const;                 // lower-case tag name; "" for non-elements
  std::optional<std::string_view> attr(std::string_view name) const;  // case-insensitive name
  bool has_class(std::string_view cls) const;
  // textContent without the text of <script> and <style> elements (code, not what a page
  // shows), whitespace runs folded to one space, trimmed.
  std::string text() const;
  std::string_view own_text() const;            // the raw text of a text node
  Node parent() const;                          // invalid above <html>
  std::vector<Node> children() const;           // element and text children, in order

  // CSS subset: tag, #id, .class, [attr], [attr=v], [attr*=v], [attr^=v], [attr$=v],
  // descendant (" ") and child (">") combinators, comma lists. An invalid selector matches
  // nothing; use Selector::compile to see why.
  // Matches elements below this node (not the node itself), in document order, each once.
  // Ancestors above this node still count for combinators, as in querySelectorAll.
  std::vector<Node> select(std::string_view selector) const;
  Node select_first(std::string_view selector) const;
  std::vector<Node> select(const Selector& selector) const;
  Node select_first(const Selector& selector) const;

  const GumboInternalNode* raw() const { return n_; }
  bool operator==(const Node& o) const { return n_ == o.n_; }

 private:
  const GumboInternalNode* n_ = nullptr;
};

struct Script {
  std::string_view type;  // the type attribute as written ("" when absent)
  std::string_view id;    // the id attribute ("" when absent)
  std::string_view body;  // raw script text, no entity decoding (as the browser runs it)
  Node node;              // invalid when the script was found by scan_page (script_scan.hpp)
  std::vector<std::pair<std::string_view, std::string_view>> attributes;  // every attribute (name lower-case)

  std::optional<std::string_view> attr(std::string_view name) const;  // case-insensitive name
};

class Document {
 public:
  // Refuses, before any parsing, a page over limits.max_bytes (input_too_large) or nested
  // beyond limits.max_depth (too_deep). Anything else is read as a browser would: invalid UTF-8
  // becomes U+FFFD, NUL bytes are dropped or replaced, and an unterminated tag, comment or
  // script ends with the page.
  // The tree is freed without recursion, so depth never threatens the stack (see gumbo_memory.hpp).
  static Result<Document> parse(std::string_view html, ParseLimits limits = {});
  // As parse, but gumbo never reads the bytes of `omitted` (sorted, disjoint ranges inside html):
  // for the bodies of <script> and <style> elements that html::scan_page found
  // (PageScan::element_bodies). Their text never changes the tree around them, so the tree is the
  // same but for those elements being empty, which no reader sees (Node::text() skips them; the
  // scripts come from the scan); and gumbo, which reads script text one character at a time,
  // builds it in less time.
  static Result<Document> parse_omitting(std::string_view html, const std::vector<TextRange>& omitted,
                                         ParseLimits limits = {});

  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

  Node root() const;  // the <html> element
  Node head() const;
  Node body() const;

  // Like Node::select over the whole document, so "html" and "html > body" match too.
  std::vector<Node> select(std::string_view selector) const;
  Node select_first(std::string_view selector) const;
  std::vector<Node> select(const Selector& selector) const;
  Node select_first(const Selector& selector) const;

  std::vector<Script> scripts() const;  // every <script>, in document order
  // Only the <script> elements whose type attribute equals `type` (ASCII case-insensitive),
  // e.g. "application/ld+json"; "" selects scripts without a type attribute.
  std::vector<Script> scripts(std::string_view type) const;

  // The URL relative references resolve against: <base href> (itself resolved against the page
  // URL) when present and valid, else the page URL.
  std::string base_url(std::string_view page_url) const;

 private:
  struct Impl;
  explicit Document(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace caiji::html
