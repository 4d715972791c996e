#pragma once
// Page in, normalized item out: the parser pipeline (page -> site adapter -> generic
// extractors -> merge -> normalize).

#include "core/extract/extractor.hpp"
#include "core/extract/page.hpp"
#include "core/item/item.hpp"
#include "core/util/result.hpp"

namespace caiji::extract {

Result<Item> extract_item(const PageInput& input, const Registry& registry);

}  // namespace caiji::extract
