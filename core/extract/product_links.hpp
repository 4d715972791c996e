#pragma once
// Product page addresses found on a page: what a list, search, category or store page holds,
// and what batch collection later visits.

#include <string>
#include <string_view>
#include <vector>

namespace caiji::extract {

// Whether `url` (absolute) is a product detail page of a known site, and its canonical form
// ("https://detail.1688.com/offer/123.html", "https://www.amazon.com/dp/B0XXXXXXXX").
std::string canonical_product_link(std::string_view url);

// Every product link in the page's markup and script data, canonical, de-duplicated, in page
// order. `page_url` resolves relative links (Amazon writes "/dp/…").
std::vector<std::string> find_product_links(std::string_view html, std::string_view page_url);

}  // namespace caiji::extract
