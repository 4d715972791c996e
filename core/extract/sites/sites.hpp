#pragma once
// Site adapters: one file each, chosen by host (or, for shop platforms that live on their own
// domains, by the page's own data). Each states in comments which page generations it reads.

#include <memory>

#include "core/extract/extractor.hpp"

namespace caiji::extract {

std::unique_ptr<Extractor> make_1688_extractor();
std::unique_ptr<Extractor> make_taobao_extractor();  // item.taobao.com and detail.tmall.com
std::unique_ptr<Extractor> make_aliexpress_extractor();
std::unique_ptr<Extractor> make_amazon_extractor();
std::unique_ptr<Extractor> make_ebay_extractor();
std::unique_ptr<Extractor> make_jd_extractor();
std::unique_ptr<Extractor> make_marketplace_json_extractor();  // Shopee, Lazada, Temu, Walmart: embedded JSON
std::unique_ptr<Extractor> make_shopify_extractor();           // any host: /products/<handle>
std::unique_ptr<Extractor> make_woocommerce_extractor();       // any host: data-product_variations

}  // namespace caiji::extract
