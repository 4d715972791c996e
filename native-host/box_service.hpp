#pragma once
// The box as the extension and the CLI use it: collect a page, look, edit, trash, tag. This is
// the domain half of the host; messaging/dispatcher.cpp turns requests into these calls and
// knows nothing of SQL or extractors.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/extract/extract.hpp"
#include "core/fetch/fetcher.hpp"
#include "core/store/store.hpp"
#include "core/util/result.hpp"

namespace caiji::host {

struct CollectRequest {
  std::string_view html;  // UTF-8
  std::string url;        // "" = the page's canonical link
  nlohmann::json page_data;  // values the extension read from page variables, or null
  std::string via = "page";  // "page", "url" or "category", as the item's provenance says
  // The seller asked to claim this product (1688 "one-click push"): the stored item gets the tag
  // kClaimTag, which the claim step will read.
  bool mark_for_claim = false;
  // The item the parser inside the page produced, when the extension sends one: the host
  // parses again and keeps its own reading, noting where the two differ.
  const nlohmann::ordered_json* page_item = nullptr;
};

// Until claiming has its own list (a later issue), "marked to claim" is this tag: it shows in
// `caiji box list`, can be filtered and searched, and the extension sets the same name.
inline constexpr const char* kClaimTag = "to-claim";

struct Collected {
  extract::PageVerdict verdict;         // kind product when an item was stored
  std::optional<Item> item;             // the host's reading, as stored
  std::optional<store::Saved> saved;
  std::vector<std::string> mismatched_fields;  // top-level fields the page's parser read differently
  std::string collected_at;
  bool marked_for_claim = false;  // the item carries kClaimTag after keep()
};

// A page fetched for collection, already in UTF-8.
struct FetchedHtml {
  std::string url;  // after redirects
  std::string html;
};

class BoxService {
 public:
  using Clock = std::function<std::string()>;  // RFC 3339 UTC "now"

  BoxService(std::string db_path, Clock clock);
  ~BoxService();
  BoxService(const BoxService&) = delete;
  BoxService& operator=(const BoxService&) = delete;

  const std::string& db_path() const { return db_path_; }

  // Collecting is two steps, so callers can tell an unreadable page from a failing box:
  // read_page parses (a page that is not a product is a success with its verdict), keep
  // stores a product's item and its page (the page for reparse).
  Result<Collected> read_page(const CollectRequest& request);
  Status keep(Collected& collected, std::string_view html, bool mark_for_claim = false);

  // One plain GET of a product link (core/fetch), decoded to UTF-8 from the charset the site
  // declared. A page that is not a product is still a success here; read_page tells.
  Result<FetchedHtml> fetch(std::string_view url, const fetch::FetchOptions& options = {});

  Result<store::ListPage> list(const store::ListQuery& query);
  Result<store::StoredItem> get(std::int64_t id);
  Result<store::StoredItem> update(std::int64_t id, std::int64_t expected_revision, const nlohmann::json& patch);
  Status remove(std::int64_t id);
  Status restore(std::int64_t id);
  Result<std::vector<std::string>> tag(std::int64_t id, const std::vector<std::string>& add,
                                       const std::vector<std::string>& remove);
  Result<std::vector<store::Revision>> history(std::int64_t id);
  Result<std::vector<store::PricePoint>> price_history(std::int64_t id);
  Result<std::int64_t> count();

  // The box, opened on first use: `hello` must not wait for SQLite.
  Result<store::Store*> box();

 private:
  const extract::Registry& registry();

  std::string db_path_;
  Clock clock_;
  std::unique_ptr<store::Store> box_;
  std::unique_ptr<extract::Registry> registry_;
  std::unique_ptr<fetch::Fetcher> fetcher_;  // made on first use: most hosts never fetch
};

// Top-level fields where two readings of the same page differ, ignoring when and by which
// parser version they were made ("collectedAt", "provenance", "warnings").
std::vector<std::string> differing_fields(const nlohmann::ordered_json& a, const nlohmann::ordered_json& b);

}  // namespace caiji::host
