#pragma once
// A single pass over raw HTML that estimates how deep gumbo's stack of open elements will get,
// so that absurdly nested input is refused before gumbo sees it.
//
// Why a pre-scan and not a check after parsing: gumbo 0.10.1 spends time proportional to the
// depth of its open-element stack on most tags (scope checks, reconstructing formatting
// elements), so `<div>` x 100,000 takes half a minute natively and `<p><b id=N></p>` x 5,000
// longer still; no flag or callback lets us stop it midway. Browsers cap the tree at 512 levels
// and product pages stay within a few hundred, so refusing past ParseLimits::max_depth costs
// nothing real and bounds gumbo's work.
//
// The estimate follows the parts of the HTML tree builder that decide depth: void elements,
// raw-text elements (script, style, textarea ...), comments, end tags that close intervening
// elements or are ignored because a "special" element is in the way, elements that close an
// open sibling of their kind (p, li, td, option ...), self-closing tags in SVG/MathML, and
// formatting elements (b, i, font ...) that an end tag leaves "active" for gumbo to re-open
// later (with the Noah's Ark cap of three alike). It is not a parser: on odd markup it may be off
// by a small factor, which a limit several times any real page's depth absorbs.

#include <cstddef>
#include <string_view>

namespace caiji::html {

struct NestingEstimate {
  std::size_t depth = 0;   // deepest estimated nesting (stops at limit + 1)
  std::size_t offset = 0;  // byte offset of the tag where the limit was passed
  bool exceeded = false;
};

NestingEstimate estimate_nesting(std::string_view html, std::size_t limit);

}  // namespace caiji::html
