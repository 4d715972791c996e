#pragma once
// What every extractor reads: the page, its URL, its scripts and tags and the values the
// extension read from page variables. Script data is found once and cached, so several
// extractors asking for `runParams` cost one scan.
//
// Scripts, <meta>/<link>/<base> tags and the title come from html::scan_page (the script-data
// fast path); gumbo's tree is built only when an extractor calls doc(). When the scan cannot
// vouch for its result (html::PageScan::exact), the tree is built at once and everything is
// read from it, so both paths give the same page (tests/unit/extract/fast_path_test.cpp).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/html/document.hpp"
#include "core/html/script_scan.hpp"
#include "core/util/result.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

struct PageInput {
  std::string_view html;
  std::string url;                // "" = use the page's canonical link or og:url
  std::string collected_at;       // RFC 3339, from the caller's clock
  std::string via = "page";       // how it was collected
  nlohmann::json page_data;       // {"runParams": {...}, ...} read by the extension, or null
  // Build gumbo's tree before anything else and read scripts and tags from it, as before the
  // fast path existed; every extractor then runs. For the test that compares both paths.
  bool tree_up_front = false;
};

class Page {
 public:
  static Result<Page> open(const PageInput& input);

  // gumbo's tree of the page, built on the first call (the costly part of reading a page: ask
  // only for what scripts(), tags(), meta() and title() cannot give).
  const html::Document& doc() const;
  // True when the tree was built before extraction (tree_up_front, or a page the scan could not
  // follow): then extract_page runs every extractor, as nothing is saved by skipping one.
  bool tree_first() const { return scan_ == nullptr; }
  bool tree_built() const { return doc_ != nullptr; }
  const std::string& url() const { return url_; }
  const std::string& host() const { return host_; }  // lower-case, "" when the URL has none
  const std::string& base_url() const { return base_; }
  const PageInput& input() const { return *input_; }

  // An absolute URL for a reference found on the page ("" when it cannot be resolved).
  std::string absolute(std::string_view ref) const;

  const std::vector<html::Script>& scripts() const { return scripts_; }

  // Every <meta>, <link> and <base> start tag, in document order.
  const std::vector<html::ScannedTag>& tags() const { return tags_; }

  // The text of the first <title> (as Node::text()), nullopt when the page has none.
  std::optional<std::string> title() const;

  // False proves the page has no element of that (lower-case) name; true says it may. Lets an
  // extractor skip a tree query that could find nothing.
  bool may_have_element(std::string_view name) const { return scan_ == nullptr || scan_->may_have_element(name); }
  // The same for the attributes itemscope, itemtype, itemprop, typeof and property.
  bool may_have_attribute(std::string_view name) const { return scan_ == nullptr || scan_->may_have_attribute(name); }
  // False proves no element has this id (so a `#id` query finds nothing). A name holding U+FFFD
  // is never ruled out: gumbo writes it for NUL and broken UTF-8 in the raw value.
  bool may_have_id(std::string_view id) const {
    return scan_ == nullptr || scan_->ids_encoded || scan_->ids.count(id) > 0 || has_replacement(id);
  }
  // False proves no element has this class (so a `.class` query finds nothing).
  bool may_have_class(std::string_view name) const {
    return scan_ == nullptr || scan_->classes_encoded || contains_text(input_->html, name) ||
           has_replacement(name);
  }
  // False proves the page has no input[type=password].
  bool may_have_password_input() const { return scan_ == nullptr || scan_->may_have_password_input; }
  // False proves no itemtype (or typeof) attribute contains "product" in any case.
  bool may_have_product_type(std::string_view attribute) const {
    return scan_ == nullptr || scan_->may_have_product_type(attribute);
  }

  // The value assigned to `name` in any inline script, or the extension-captured value of the
  // same name; nullptr when absent or unreadable.
  const nlohmann::json* script_value(std::string_view name) const;

  // find_product_links over the page, found once: both the list shortcut of extract_page and
  // classify_after ask, and on a large list page the search costs more than the scan.
  const std::vector<std::string>& product_links() const;

  // The <meta> content for a property= or name= key ("og:title", "description"), "" if absent.
  std::string meta(std::string_view key) const;

 private:
  Page() = default;
  void read_tree();  // scripts and tags from the tree
  static bool has_replacement(std::string_view s) { return s.find("\xEF\xBF\xBD") != std::string_view::npos; }

  const PageInput* input_ = nullptr;
  mutable std::unique_ptr<html::Document> doc_;
  std::unique_ptr<html::PageScan> scan_;  // null when everything is read from the tree
  std::string url_, host_, base_;
  std::vector<html::Script> scripts_;
  std::vector<html::ScannedTag> tags_;
  std::map<std::string, std::string, std::less<>> metas_;
  mutable std::map<std::string, std::unique_ptr<nlohmann::json>, std::less<>> script_cache_;
  mutable std::optional<std::vector<std::string>> product_links_;
};

}  // namespace caiji::extract
