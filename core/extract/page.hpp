#pragma once
// What every extractor reads: the parsed page, its URL, its scripts and the values the
// extension read from page variables. Script data is found once and cached, so several
// extractors asking for `runParams` cost one scan.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/html/document.hpp"
#include "core/util/result.hpp"

namespace caiji::extract {

struct PageInput {
  std::string_view html;
  std::string url;                // "" = use the page's canonical link or og:url
  std::string collected_at;       // RFC 3339, from the caller's clock
  std::string via = "page";       // how it was collected
  nlohmann::json page_data;       // {"runParams": {...}, ...} read by the extension, or null
};

class Page {
 public:
  static Result<Page> open(const PageInput& input);

  const html::Document& doc() const { return *doc_; }
  const std::string& url() const { return url_; }
  const std::string& host() const { return host_; }  // lower-case, "" when the URL has none
  const std::string& base_url() const { return base_; }
  const PageInput& input() const { return *input_; }

  // An absolute URL for a reference found on the page ("" when it cannot be resolved).
  std::string absolute(std::string_view ref) const;

  const std::vector<html::Script>& scripts() const { return scripts_; }

  // The value assigned to `name` in any inline script, or the extension-captured value of the
  // same name; nullptr when absent or unreadable.
  const nlohmann::json* script_value(std::string_view name) const;

  // The <meta> content for a property= or name= key ("og:title", "description"), "" if absent.
  std::string meta(std::string_view key) const;

 private:
  Page() = default;
  const PageInput* input_ = nullptr;
  std::unique_ptr<html::Document> doc_;
  std::string url_, host_, base_;
  std::vector<html::Script> scripts_;
  std::map<std::string, std::string, std::less<>> metas_;
  mutable std::map<std::string, std::unique_ptr<nlohmann::json>, std::less<>> script_cache_;
};

}  // namespace caiji::extract
