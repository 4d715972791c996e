// The canonical address a seller sees for an item, and which product links a page lists.

#include <gtest/gtest.h>

#include <string>

#include "core/normalize/url.hpp"

namespace caiji::normalize {
namespace {

struct UrlCase {
  const char* name;
  const char* url;
  const char* canonical;
};

class CanonicalUrls : public ::testing::TestWithParam<UrlCase> {};

TEST_P(CanonicalUrls, tracking_goes_and_what_names_the_product_stays) {
  EXPECT_EQ(canonical_product_url(GetParam().url), GetParam().canonical);
}

INSTANTIATE_TEST_SUITE_P(
    Sites, CanonicalUrls,
    ::testing::Values(
        UrlCase{"aliexpress_country_site", "https://de.aliexpress.com/item/1005006655443322.html?src=ibdm_d03p0558e02r02&sk=&gatewayAdapt=glo2deu",
                "https://de.aliexpress.com/item/1005006655443322.html"},
        UrlCase{"aliexpress_ship_to", "https://www.aliexpress.com/item/1005001.html?_randl_currency=EUR&_randl_shipto=FR&pdp_npi=4%40dis",
                "https://www.aliexpress.com/item/1005001.html"},
        UrlCase{"taobao_search_click", "https://item.taobao.com/item.htm?spm=a21n57.1.0.0&id=600000000101&ns=1&abbucket=3&ali_trackid=2:mm_1",
                "https://item.taobao.com/item.htm?id=600000000101"},
        UrlCase{"tmall_sku_kept", "https://detail.tmall.com/item.htm?id=61&skuId=42&utparam=%7B%7D",
                "https://detail.tmall.com/item.htm?id=61&skuId=42"},
        UrlCase{"utm_and_fragment", "https://shop.example.com/products/mug?utm_source=x&variant=7#reviews",
                "https://shop.example.com/products/mug?variant=7"},
        UrlCase{"not_a_url", "file:page.html", "file:page.html"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace caiji::normalize
