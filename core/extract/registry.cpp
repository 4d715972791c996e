#include "core/extract/extractor.hpp"
#include "core/extract/generic/generic.hpp"

namespace caiji::extract {

Registry Registry::with_defaults() {
  Registry r;
  // Generic extractors, most structured first: JSON-LD states what the shop means,
  // OpenGraph what it wants shared, plain HTML what is left.
  r.add_generic(make_jsonld_extractor());
  r.add_generic(make_opengraph_extractor());
  r.add_generic(make_html_meta_extractor());
  return r;
}

const Extractor* Registry::site_for(const Page& page) const {
  for (const auto& s : sites_)
    if (s->applies_to(page)) return s.get();
  return nullptr;
}

}  // namespace caiji::extract
