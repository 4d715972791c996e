#pragma once
// The extractors that run on every page, whatever the site.

#include <memory>

#include "core/extract/extractor.hpp"

namespace caiji::extract {

std::unique_ptr<Extractor> make_jsonld_extractor();
std::unique_ptr<Extractor> make_opengraph_extractor();
std::unique_ptr<Extractor> make_html_meta_extractor();

}  // namespace caiji::extract
