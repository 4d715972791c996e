#include "core/extract/extract.hpp"

#include "core/extract/api.hpp"
#include "core/extract/merge.hpp"
#include "core/extract/platform.hpp"
#include "core/extract/product_links.hpp"
#include "core/normalize/finalize.hpp"

namespace caiji::extract {

namespace {

void run(const Extractor& e, const Page& page, Item& item) {
  Item part;
  std::vector<Warning> warnings;
  if (page.tree_first()) e.extract(page, part, warnings);
  else e.extract_missing(page, item, part, warnings);
  merge_missing(item, part, e.name());
  for (auto& w : warnings) item.warnings.push_back(std::move(w));
}

// Whether the page is a list whatever the generic extractors that cannot price add: it links
// at least three products and is not itself a product address, and nothing found so far prices
// it. Then classify_after's verdict does not depend on what those extractors would add (titles,
// descriptions, pictures), and as the item of a list is dropped, they need not run.
bool list_whatever_unpriced_extractors_add(const Page& page, const Item& item) {
  if (item.price || !item.price_tiers.empty() || !item.variants.empty()) return false;
  if (!canonical_product_link(page.url()).empty()) return false;
  return page.product_links().size() >= 3;
}

Result<Extraction> extract(const PageInput& input, const Registry& registry, bool list_shortcut) {
  auto page = Page::open(input);
  if (!page) return page.error();

  Extraction out;
  out.verdict = classify_before(*page);
  if (out.verdict.kind != PageKind::product) {
    out.tree_built = page->tree_built();
    return out;
  }

  Item item;
  item.source.url = page->url();
  item.source.platform = platform_for_host(page->host());
  item.collected_at = input.collected_at;
  item.provenance.parser_version = parser_version();
  item.provenance.via = input.via;

  if (const Extractor* site = registry.site_for(*page)) run(*site, *page, item);
  // With the tree already built nothing is saved by skipping, and running every extractor is
  // the reference the fast path is tested against.
  // On list pages (search, category, store) the generic extractors that only give titles and
  // pictures would build the tree for an item that is then dropped.
  std::optional<bool> list_anyway;
  bool skipped = false;
  for (const auto& generic : registry.generics()) {
    if (!generic->applies_to(*page) || !(page->tree_first() || generic->could_add(*page, item))) continue;
    if (list_shortcut && !page->tree_first() && !page->tree_built() && !generic->may_price(*page)) {
      if (!list_anyway) list_anyway = list_whatever_unpriced_extractors_add(*page, item);
      if (*list_anyway) {
        skipped = true;
        continue;
      }
    }
    run(*generic, *page, item);
  }

  out.verdict = classify_after(*page, item);
  // A later extractor priced the page after all: then what was skipped counts, read it again.
  if (skipped && out.verdict.kind == PageKind::product) return extract(input, registry, false);
  out.tree_built = page->tree_built();
  if (out.verdict.kind != PageKind::product) return out;
  normalize::finalize_item(item);
  out.item = std::move(item);
  return out;
}

}  // namespace

Result<Extraction> extract_page(const PageInput& input, const Registry& registry) { return extract(input, registry, true); }

Result<Item> extract_item(const PageInput& input, const Registry& registry) {
  auto r = extract_page(input, registry);
  if (!r) return r.error();
  if (!r->item) return make_error(ErrorCode::not_a_product, r->verdict.message);
  return std::move(*r->item);
}

}  // namespace caiji::extract
