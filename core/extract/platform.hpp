#pragma once

#include <string>
#include <string_view>

namespace caiji::extract {

// The platform a host belongs to: "1688", "taobao", "tmall", "aliexpress", "amazon", "ebay",
// "jd", "walmart", "etsy", "shopee", "lazada", "temu"; "" for any other host (Shopify and
// WooCommerce stores live on their own domains and are recognized by their page data).
std::string platform_for_host(std::string_view host);

}  // namespace caiji::extract
