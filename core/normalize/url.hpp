#pragma once

#include <string>
#include <string_view>

namespace caiji::normalize {

// The product URL without tracking (spm, scm, pvid, utm_*, gclid, fbclid, …) and without a
// fragment; parameters that identify the product (id=, skuId=) stay, in their order.
// Returns the input unchanged when it is not an absolute http(s) URL.
std::string canonical_product_url(std::string_view url);

}  // namespace caiji::normalize
