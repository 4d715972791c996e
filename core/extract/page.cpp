#include "core/extract/page.hpp"

#include <gumbo.h>

#include "core/extract/product_links.hpp"
#include "core/html/url.hpp"
#include "core/script/locate.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

html::ScannedTag tag_of(const html::Node& n) {
  html::ScannedTag t;
  t.name = n.tag();
  const GumboVector& attrs = n.raw()->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    t.attributes.push_back({a->name == nullptr ? "" : a->name, a->value == nullptr ? "" : a->value});
  }
  return t;
}

html::Script script_of(const html::ScannedScript& s) {
  html::Script out;
  out.type = html::find_attribute(s.attributes, "type").value_or(std::string_view());
  out.id = html::find_attribute(s.attributes, "id").value_or(std::string_view());
  out.body = s.body;
  for (const auto& a : s.attributes) out.attributes.emplace_back(a.name, a.value);
  return out;
}

}  // namespace

Result<Page> Page::open(const PageInput& input) {
  // The refusals of Document::parse, made now whether or not a tree is ever built.
  if (Status limits = html::check_parse_limits(input.html); !limits) return limits.error();
  Page page;
  page.input_ = &input;
  if (!input.tree_up_front) {
    auto scan = std::make_unique<html::PageScan>(html::scan_page(input.html));
    if (scan->exact) page.scan_ = std::move(scan);
  }
  if (page.scan_ == nullptr) {
    page.doc();
    page.read_tree();
  } else {
    for (const auto& s : page.scan_->scripts) page.scripts_.push_back(script_of(s));
    page.tags_ = page.scan_->tags;
  }

  std::optional<std::string_view> canonical, base_href;
  bool seen_canonical = false;  // the first link[rel=canonical] counts, with or without href
  for (const html::ScannedTag& t : page.tags_) {
    if (t.name == "meta") {
      auto key = t.attr("property");
      if (!key || key->empty()) key = t.attr("name");
      if (!key || key->empty()) key = t.attr("itemprop");
      auto content = t.attr("content");
      if (!key || !content) continue;
      // The first occurrence wins: pages that repeat og: tags put the real one first.
      page.metas_.emplace(to_lower_ascii(trim(*key)), std::string(trim(*content)));
    } else if (t.name == "link") {
      if (!seen_canonical && t.attr("rel") == std::optional<std::string_view>("canonical")) {
        seen_canonical = true;
        canonical = t.attr("href");
      }
    } else if (t.name == "base") {
      if (!base_href) base_href = t.attr("href");  // the first <base> with an href, as browsers
    }
  }

  page.url_ = std::string(trim(input.url));
  if (page.url_.empty() && canonical) page.url_ = std::string(trim(*canonical));
  if (page.url_.empty()) page.url_ = page.meta("og:url");
  if (starts_with(page.url_, "//")) page.url_ = "https:" + page.url_;  // JD writes its canonical link without a scheme
  if (auto parsed = html::parse_url(page.url_); parsed && !parsed->host.empty()) {
    page.host_ = parsed->host;
  } else {
    page.url_.clear();  // not an absolute URL: better none than a wrong one
  }
  page.base_ = page.url_.empty() ? std::string() : html::resolve_base_url(page.url_, base_href);
  return page;
}

const html::Document& Page::doc() const {
  if (doc_ == nullptr) {
    html::ParseLimits limits;
    limits.checked = true;  // open() made the same checks
    // On the fast path scripts and tags come from the scan, so gumbo need not read script and
    // style text (a third to a half of many pages): same tree, those elements left empty.
    auto parsed = scan_ ? html::Document::parse_omitting(input_->html, scan_->element_bodies, limits)
                        : html::Document::parse(input_->html, limits);
    // gumbo always returns a document; should it not, an empty page reads as one with nothing.
    if (!parsed) parsed = html::Document::parse("");
    doc_ = std::make_unique<html::Document>(std::move(parsed.value()));
  }
  return *doc_;
}

void Page::read_tree() {
  scripts_ = doc_->scripts();
  for (const html::Node& n : doc_->select("meta, link, base")) tags_.push_back(tag_of(n));
}

std::optional<std::string> Page::title() const {
  if (scan_ != nullptr && scan_->title_known) {
    if (!scan_->has_title) return std::nullopt;
    return scan_->title;
  }
  html::Node t = doc().select_first("title");
  if (!t.valid()) return std::nullopt;
  return t.text();
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

const std::vector<std::string>& Page::product_links() const {
  if (!product_links_) product_links_ = find_product_links(input_->html, url_);
  return *product_links_;
}

std::string Page::meta(std::string_view key) const {
  auto it = metas_.find(to_lower_ascii(key));
  return it == metas_.end() ? std::string() : it->second;
}

}  // namespace caiji::extract
