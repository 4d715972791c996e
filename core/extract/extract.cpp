#include "core/extract/extract.hpp"

#include "core/extract/api.hpp"
#include "core/extract/merge.hpp"
#include "core/extract/platform.hpp"
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

}  // namespace

Result<Extraction> extract_page(const PageInput& input, const Registry& registry) {
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
  for (const auto& generic : registry.generics())
    if (generic->applies_to(*page) && (page->tree_first() || generic->could_add(*page, item))) run(*generic, *page, item);

  out.verdict = classify_after(*page, item);
  out.tree_built = page->tree_built();
  if (out.verdict.kind != PageKind::product) return out;
  normalize::finalize_item(item);
  out.item = std::move(item);
  return out;
}

Result<Item> extract_item(const PageInput& input, const Registry& registry) {
  auto r = extract_page(input, registry);
  if (!r) return r.error();
  if (!r->item) return make_error(ErrorCode::not_a_product, r->verdict.message);
  return std::move(*r->item);
}

}  // namespace caiji::extract
