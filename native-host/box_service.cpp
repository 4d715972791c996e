#include "box_service.hpp"

#include <set>

#include "core/extract/api.hpp"
#include "core/ingest/charset.hpp"
#include "core/item/item_json.hpp"

namespace caiji::host {

BoxService::BoxService(std::string db_path, Clock clock) : db_path_(std::move(db_path)), clock_(std::move(clock)) {}

BoxService::~BoxService() = default;

Result<store::Store*> BoxService::box() {
  if (!box_) {
    auto opened = store::open_sqlite_store(db_path_);
    if (!opened) return opened.error();
    box_ = std::move(*opened);
    // Items deleted more than kTrashDays ago leave for good whenever a host or the CLI opens
    // the box. Housekeeping only: a box that cannot be written now (read-only, busy) still
    // opens, and the next opening purges.
    if (const std::string cutoff = store::trash_cutoff(clock_()); !cutoff.empty())
      (void)box_->purge_trash(cutoff);
  }
  return box_.get();
}

const extract::Registry& BoxService::registry() {
  if (!registry_) registry_ = std::make_unique<extract::Registry>(extract::Registry::with_defaults());
  return *registry_;
}

std::vector<std::string> differing_fields(const nlohmann::ordered_json& a, const nlohmann::ordered_json& b) {
  static const std::set<std::string> kIgnored = {"collectedAt", "provenance", "warnings"};
  std::set<std::string> keys;
  for (auto it = a.begin(); it != a.end(); ++it) keys.insert(it.key());
  for (auto it = b.begin(); it != b.end(); ++it) keys.insert(it.key());
  std::vector<std::string> out;
  for (const auto& k : keys) {
    if (kIgnored.count(k)) continue;
    auto ia = a.find(k);
    auto ib = b.find(k);
    const bool in_a = ia != a.end(), in_b = ib != b.end();
    if (in_a != in_b || (in_a && *ia != *ib)) out.push_back(k);
  }
  return out;
}

namespace {

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

Result<Collected> BoxService::read_page(const CollectRequest& request) {
  const std::string now = clock_();
  extract::PageInput input;
  input.html = request.html;
  input.url = request.url;
  input.collected_at = now;
  input.via = request.via;
  input.page_data = request.page_data;
  auto extraction = extract::extract_page(input, registry());
  if (!extraction) return extraction.error();

  Collected out;
  out.collected_at = now;
  out.verdict = extraction->verdict;
  if (out.verdict.kind != extract::PageKind::product || !extraction->item) return out;
  Item item = std::move(*extraction->item);

  if (request.page_item) {
    auto page_item = item_from_json(*request.page_item);
    if (!page_item) {
      item.warnings.push_back({"page_item_unreadable",
                               "The parser in the page sent an item the host could not read (" +
                                   page_item.error().message + "); the host's own reading was kept."});
    } else {
      out.mismatched_fields = differing_fields(item_to_json(*page_item), item_to_json(item));
      if (!out.mismatched_fields.empty()) {
        const std::string page_version = page_item->provenance.parser_version;
        item.warnings.push_back(
            {"page_parser_mismatch",
             "The parser in the page" + (page_version.empty() ? std::string() : " (" + page_version + ")") +
                 " and the host (" + extract::parser_version() + ") read this page differently (" +
                 joined(out.mismatched_fields) +
                 "); the host's reading was kept. Updating the extension and the host to the same version "
                 "makes them agree."});
      }
    }
  }

  out.item = std::move(item);
  return out;
}

Status BoxService::keep(Collected& collected, std::string_view html, bool mark_for_claim) {
  if (!collected.item) return make_error(ErrorCode::not_a_product, collected.verdict.message);
  auto b = box();
  if (!b) return b.error();
  auto saved = (*b)->save_collected(*collected.item, html, collected.collected_at);
  if (!saved) return saved.error();
  collected.saved = *saved;
  if (mark_for_claim) {
    // Tagging never bumps the revision, so the reply's revision stays the one just stored.
    auto tags = (*b)->tag(saved->id, {kClaimTag}, {});
    if (!tags) return tags.error();
    collected.marked_for_claim = true;
  }
  return {};
}

Result<FetchedHtml> BoxService::fetch(std::string_view url, const fetch::FetchOptions& options) {
  if (!fetcher_) fetcher_ = std::make_unique<fetch::Fetcher>();
  auto page = fetcher_->fetch(url, options);
  if (!page) return page.error();
  auto html = ingest::to_utf8(page->body, page->content_type);
  if (!html) return html.error();
  return FetchedHtml{std::move(page->url), std::move(*html)};
}

Result<std::int64_t> BoxService::count() {
  auto b = box();
  if (!b) return b.error();
  return (*b)->count();
}

Result<store::ListPage> BoxService::list(const store::ListQuery& query) {
  auto b = box();
  if (!b) return b.error();
  return (*b)->list(query);
}

Result<store::StoredItem> BoxService::get(std::int64_t id) {
  auto b = box();
  if (!b) return b.error();
  return (*b)->get(id);
}

Result<store::StoredItem> BoxService::update(std::int64_t id, std::int64_t expected_revision,
                                             const nlohmann::json& patch) {
  auto b = box();
  if (!b) return b.error();
  return (*b)->update(id, expected_revision, patch, clock_());
}

Status BoxService::remove(std::int64_t id) {
  auto b = box();
  if (!b) return b.error();
  return (*b)->remove(id, clock_());
}

Status BoxService::restore(std::int64_t id) {
  auto b = box();
  if (!b) return b.error();
  return (*b)->restore(id, clock_());
}

Result<std::vector<std::string>> BoxService::tag(std::int64_t id, const std::vector<std::string>& add,
                                                 const std::vector<std::string>& remove) {
  auto b = box();
  if (!b) return b.error();
  return (*b)->tag(id, add, remove);
}

Result<std::vector<store::Revision>> BoxService::history(std::int64_t id) {
  auto b = box();
  if (!b) return b.error();
  return (*b)->history(id);
}

Result<std::vector<store::PricePoint>> BoxService::price_history(std::int64_t id) {
  auto b = box();
  if (!b) return b.error();
  return (*b)->price_history(id);
}

}  // namespace caiji::host
