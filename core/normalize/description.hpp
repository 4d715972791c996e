#pragma once
// Description HTML from a page is untrusted: it goes into the seller's editor and into exports.
// Only an allowlist of tags and attributes survives; scripts, styles, frames, forms, event
// handlers and javascript:/data: links do not. Lazy-loaded pictures get their real address.

#include <string>
#include <string_view>
#include <vector>

namespace caiji::normalize {

struct Description {
  std::string html;                 // sanitized; "" when nothing readable was left
  std::vector<std::string> images;  // absolute http(s) picture URLs, page order, de-duplicated
};

// `base_url` resolves relative links and pictures; "" leaves only absolute ones.
Description sanitize_description(std::string_view html, std::string_view base_url);

}  // namespace caiji::normalize
