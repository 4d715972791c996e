#include "core/extract/extractor.hpp"
#include "core/extract/generic/generic.hpp"
#include "core/extract/sites/sites.hpp"

namespace caiji::extract {

Registry Registry::with_defaults() {
  Registry r;
  // Host-matched adapters first; the shop-platform adapters recognize their pages by content
  // on any host, so they come last.
  r.add_site(make_1688_extractor());
  r.add_site(make_taobao_extractor());
  r.add_site(make_aliexpress_extractor());
  r.add_site(make_amazon_extractor());
  r.add_site(make_ebay_extractor());
  r.add_site(make_jd_extractor());
  r.add_site(make_marketplace_json_extractor());
  r.add_site(make_shopify_extractor());
  r.add_site(make_woocommerce_extractor());
  // Generic extractors, most structured first: JSON-LD states what the shop means, microdata
  // and RDFa the same in older markup, OpenGraph what it wants shared, plain HTML what is left,
  // and the page heuristics (visible price, gallery) only what nothing else gave.
  r.add_generic(make_jsonld_extractor());
  r.add_generic(make_microdata_extractor());
  r.add_generic(make_rdfa_extractor());
  r.add_generic(make_opengraph_extractor());
  r.add_generic(make_html_meta_extractor());
  r.add_generic(make_page_heuristics_extractor());
  return r;
}

const Extractor* Registry::site_for(const Page& page) const {
  for (const auto& s : sites_)
    if (s->applies_to(page)) return s.get();
  return nullptr;
}

}  // namespace caiji::extract
