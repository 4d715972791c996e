#pragma once
// Pages that are not a product. A seller's worst experience is a silently empty or wrong
// item, so these are recognized and reported, never stored as items.

#include <string>
#include <vector>

#include "core/extract/page.hpp"
#include "core/item/item.hpp"

namespace caiji::extract {

enum class PageKind {
  product,
  list,     // search results, category, store front: holds product links
  captcha,  // anti-bot check: Amazon Robot Check, AliExpress/Taobao slider ("punish"), Cloudflare
  login,    // the site wants the seller signed in first
  removed,  // the product was taken down or never existed (404)
};

const char* to_string(PageKind kind);

struct PageVerdict {
  PageKind kind = PageKind::product;
  std::string message;                     // for the seller: what this page is and what to do
  std::vector<std::string> product_links;  // for list pages
};

// Looks at the page before extraction: anti-bot, login and removed pages say so plainly.
// Returns kind product when nothing rules the page out.
PageVerdict classify_before(const Page& page);

// Looks at the page after extraction: a page that gave no product of its own but holds links
// to many is a list. `item` is what the extractors found.
PageVerdict classify_after(const Page& page, const Item& item);

}  // namespace caiji::extract
