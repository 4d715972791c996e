#pragma once
// The extractors that run on every page, whatever the site.

#include <memory>

#include "core/extract/extractor.hpp"

namespace caiji::extract {

std::unique_ptr<Extractor> make_jsonld_extractor();
std::unique_ptr<Extractor> make_microdata_extractor();        // itemscope/itemprop schema.org Product
std::unique_ptr<Extractor> make_rdfa_extractor();             // RDFa Lite vocab/typeof/property
std::unique_ptr<Extractor> make_page_heuristics_extractor();  // visible price near the h1, gallery pictures
std::unique_ptr<Extractor> make_opengraph_extractor();
std::unique_ptr<Extractor> make_html_meta_extractor();

}  // namespace caiji::extract
