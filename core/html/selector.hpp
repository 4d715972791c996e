#pragma once
// The CSS selector subset that product pages need (see Node::select): type, universal, #id,
// .class, attribute tests ([a], [a=v], [a~=v], [a|=v], [a^=v], [a$=v], [a*=v], each with an
// optional " i" flag), compounds of these, the descendant (" ") and child (">") combinators, and
// comma lists. Identifiers may start with a digit ("#1688-price"), which browsers would reject,
// because pages use such ids and a seller's custom rule should not fail over it.
//
// Matching runs one pre-order walk with a bit set per element ("which steps of which selector
// match here, and at some ancestor"), so it is linear in the subtree size and needs no
// backtracking or recursion however the selector or the page is shaped.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/html/document.hpp"
#include "core/util/result.hpp"

namespace caiji::html {

class Selector {
 public:
  // A selector list may hold at most this many compound selectors in total.
  static constexpr std::size_t max_steps = 64;

  // Returns ErrorCode::invalid_argument with the position and reason for a selector outside the
  // subset, e.g. `The selector "div[" is invalid at character 5: expected an attribute name.`
  static Result<Selector> compile(std::string_view text);

  bool matches(Node element) const;
  const std::string& text() const { return text_; }

  // The elements below `scope` that match, in document order, at most `limit` of them.
  std::vector<Node> select_in(Node scope, std::size_t limit = SIZE_MAX) const;

  enum class AttrOp : std::uint8_t { exists, equals, includes_word, dash_prefix, prefix, suffix, contains };

  struct AttrTest {
    std::string name;  // lower-case
    AttrOp op = AttrOp::exists;
    std::string value;
    bool ignore_case = false;
  };

  // One compound selector and how it relates to the step before it.
  struct Step {
    std::string tag;  // lower-case; "" matches any element
    std::vector<std::string> ids;
    std::vector<std::string> classes;
    std::vector<AttrTest> attrs;
    bool first = true;      // starts a selector of the list (no combinator before it)
    bool child = false;     // ">" before it, else descendant
    bool subject = false;   // the last step: an element matching it is a result
  };

 private:
  Selector() = default;
  friend class SelectorParser;
  friend class Document;

  // Walks the descendants of `scope` (an element or the document node).
  std::vector<Node> select_below(const GumboInternalNode* scope, std::size_t limit) const;

  bool step_matches(const Step& step, Node element) const;
  std::uint64_t next_state(Node element, std::uint64_t parent_matched, std::uint64_t ancestor_matched) const;

  std::string text_;
  std::vector<Step> steps_;
  std::uint64_t subject_bits_ = 0;
};

}  // namespace caiji::html
