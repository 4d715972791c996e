#include "core/extract/page.hpp"

#include "core/html/url.hpp"
#include "core/script/locate.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

Result<Page> Page::open(const PageInput& input) {
  auto doc = html::Document::parse(input.html);
  if (!doc) return doc.error();
  Page page;
  page.input_ = &input;
  page.doc_ = std::make_unique<html::Document>(std::move(doc.value()));

  for (const html::Node& m : page.doc_->select("meta")) {
    auto key = m.attr("property");
    if (!key || key->empty()) key = m.attr("name");
    if (!key || key->empty()) key = m.attr("itemprop");
    auto content = m.attr("content");
    if (!key || !content) continue;
    // The first occurrence wins: pages that repeat og: tags put the real one first.
    page.metas_.emplace(to_lower_ascii(trim(*key)), std::string(trim(*content)));
  }

  page.url_ = std::string(trim(input.url));
  if (page.url_.empty()) {
    if (html::Node link = page.doc_->select_first("link[rel=canonical]"); link.valid()) {
      if (auto href = link.attr("href")) page.url_ = std::string(trim(*href));
    }
  }
  if (page.url_.empty()) page.url_ = page.meta("og:url");
  if (starts_with(page.url_, "//")) page.url_ = "https:" + page.url_;  // JD writes its canonical link without a scheme
  if (auto parsed = html::parse_url(page.url_); parsed && !parsed->host.empty()) {
    page.host_ = parsed->host;
  } else {
    page.url_.clear();  // not an absolute URL: better none than a wrong one
  }
  page.base_ = page.url_.empty() ? std::string() : page.doc_->base_url(page.url_);
  page.scripts_ = page.doc_->scripts();
  return page;
}

std::string Page::absolute(std::string_view ref) const {
  ref = trim(ref);
  if (ref.empty()) return {};
  if (starts_with(ref, "//")) return "https:" + std::string(ref);
  if (auto parsed = html::parse_url(ref); parsed && !parsed->scheme.empty()) {
    return (parsed->scheme == "http" || parsed->scheme == "https") ? std::string(ref) : std::string();
  }
  if (base_.empty()) return {};
  auto resolved = html::resolve_url(base_, ref);
  return resolved ? *resolved : std::string();
}

const nlohmann::json* Page::script_value(std::string_view name) const {
  if (auto it = script_cache_.find(name); it != script_cache_.end()) return it->second.get();
  std::unique_ptr<nlohmann::json> found;
  const nlohmann::json& captured = input_->page_data;
  if (captured.is_object()) {
    if (auto it = captured.find(std::string(name)); it != captured.end() && !it->is_null())
      found = std::make_unique<nlohmann::json>(*it);
  }
  for (std::size_t i = 0; !found && i < scripts_.size(); ++i) {
    const html::Script& s = scripts_[i];
    if (s.body.find(name.substr(name.rfind('.') == std::string_view::npos ? 0 : name.rfind('.') + 1)) ==
        std::string_view::npos)
      continue;  // cheap pre-check before the locator scans
    if (auto v = script::find_assignment(s.body, name)) found = std::make_unique<nlohmann::json>(std::move(*v));
  }
  const nlohmann::json* out = found.get();
  script_cache_.emplace(std::string(name), std::move(found));
  return out;
}

std::string Page::meta(std::string_view key) const {
  auto it = metas_.find(to_lower_ascii(key));
  return it == metas_.end() ? std::string() : it->second;
}

}  // namespace caiji::extract
