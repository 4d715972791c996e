#include "core/html/document.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <utility>

#include "core/html/ascii.hpp"
#include "core/html/gumbo_memory.hpp"
#include "core/html/gumbo_tree.hpp"
#include "core/html/nesting_estimate.hpp"
#include "core/html/selector.hpp"
#include "core/html/url.hpp"

namespace caiji::html {

struct Document::Impl {
  std::string html;     // gumbo's tree points into this copy (original_text, unknown tag names)
  GumboMemory memory;   // owns every block of the tree; freed without gumbo_destroy_output
  GumboOutput* output = nullptr;
};

namespace {

// gumbo indexes the buffer with unsigned int.
constexpr std::size_t kGumboMaxBytes = 0xFFFFFFF0u;

std::string size_text(std::size_t bytes) {
  // 64-bit arithmetic: size_t is 32 bits in the WebAssembly build.
  const std::uint64_t tenths = (std::uint64_t{bytes} * 10 + (1u << 19)) >> 20;  // 0.1 MiB steps
  return std::to_string(bytes) + " bytes (" + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) +
         " MiB)";
}

// Visits every node below `root` in document order, without recursion.
template <class Visit>
void walk(const GumboNode* root, Visit&& visit) {
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
  };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* kids = tree::children(top.node);
    if (kids == nullptr || top.next_child >= kids->length) {
      stack.pop_back();
      continue;
    }
    const GumboNode* child = tree::child_at(kids, top.next_child++);
    if (!visit(child)) return;
    if (tree::children(child) != nullptr) stack.push_back(Frame{child, 0});
  }
}

// gumbo keeps names of tags it does not know in their original case; Node::tag promises
// lower case, and the bytes are ours, so lower them in place once.
void lower_unknown_tag_names(std::string& html, const GumboNode* document) {
  walk(document, [&](const GumboNode* n) {
    if (!tree::is_element(n) || n->v.element.tag != GUMBO_TAG_UNKNOWN) return true;
    const GumboStringPiece& raw = n->v.element.original_tag;
    if (raw.data == nullptr || raw.length < 2 || raw.data < html.data() ||
        raw.data + raw.length > html.data() + html.size()) {
      return true;
    }
    std::size_t at = static_cast<std::size_t>(raw.data - html.data()) + 1;  // past '<'
    const std::size_t end = static_cast<std::size_t>(raw.data - html.data()) + raw.length;
    while (at < end && !ascii::is_space(html[at]) && html[at] != '/' && html[at] != '>') {
      html[at] = ascii::to_lower(html[at]);
      ++at;
    }
    return true;
  });
}

Script script_of(Node node) {
  Script s;
  s.node = node;
  const GumboVector& attrs = node.raw()->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    s.attributes.emplace_back(a->name == nullptr ? "" : a->name, a->value == nullptr ? "" : a->value);
  }
  s.type = node.attr("type").value_or(std::string_view());
  s.id = node.attr("id").value_or(std::string_view());
  // An HTML <script> holds one text node (script data has no markup); an SVG one may hold
  // several around CDATA sections, and we take the first.
  for (Node child : node.children()) {
    if (child.is_text()) {
      s.body = child.own_text();
      break;
    }
  }
  return s;
}

}  // namespace

std::optional<std::string_view> Script::attr(std::string_view name) const {
  for (const auto& [n, v] : attributes)
    if (ascii::iequals(n, name)) return v;
  return std::nullopt;
}

Status check_parse_limits(std::string_view html, ParseLimits limits) {
  if (html.size() > limits.max_bytes || html.size() > kGumboMaxBytes) {
    return make_error(ErrorCode::input_too_large,
                      "The page is " + size_text(html.size()) + ", over the limit of " +
                          size_text(std::min(limits.max_bytes, kGumboMaxBytes)) +
                          ", so it was not read rather than read in part.");
  }
  const NestingEstimate nesting = estimate_nesting(html, limits.max_depth);
  if (nesting.exceeded) {
    return make_error(ErrorCode::too_deep,
                      "The page nests its tags more than " + std::to_string(limits.max_depth) +
                          " levels deep (around byte " + std::to_string(nesting.offset) +
                          "). Shop pages stay within a few hundred levels, so this one was not "
                          "read; it is probably broken or hostile.");
  }
  return Status();
}

Result<Document> Document::parse(std::string_view html, ParseLimits limits) { return parse_omitting(html, {}, limits); }

Result<Document> Document::parse_omitting(std::string_view html, const std::vector<TextRange>& omitted,
                                          ParseLimits limits) {
  if (!limits.checked) {
    if (Status st = check_parse_limits(html, limits); !st) return st.error();
  }

  auto impl = std::make_unique<Impl>();
  std::size_t kept_from = 0;
  for (const TextRange& r : omitted) {
    if (r.begin < kept_from || r.end < r.begin || r.end > html.size()) {
      return make_error(ErrorCode::internal, "The parts of the page to leave out overlap or lie outside it.");
    }
    impl->html.append(html.data() + kept_from, r.begin - kept_from);
    kept_from = r.end;
  }
  impl->html.append(html.data() + kept_from, html.size() - kept_from);
  GumboOptions options = kGumboDefaultOptions;
  impl->memory.install(options);
  // gumbo copies the whole open-element stack into every parse error it records; on deep or
  // sloppy pages that alone is quadratic in time and memory (it exhausted 4 GB on <div> x 100k).
  // We do not report gumbo's errors, so record none.
  options.max_errors = 0;
  impl->output = gumbo_parse_with_options(&options, impl->html.data(), impl->html.size());
  if (impl->output == nullptr || impl->output->root == nullptr) {
    return make_error(ErrorCode::internal, "The HTML parser returned no document.");
  }
  lower_unknown_tag_names(impl->html, impl->output->document);
  return Document(std::move(impl));
}

Document::Document(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

Node Document::root() const { return impl_ ? Node(impl_->output->root) : Node(); }

Node Document::head() const {
  for (Node child : root().children()) {
    if (child.is_element() && child.raw()->v.element.tag == GUMBO_TAG_HEAD) return child;
  }
  return Node();
}

Node Document::body() const {
  for (Node child : root().children()) {
    if (child.is_element() && child.raw()->v.element.tag == GUMBO_TAG_BODY) return child;
  }
  return Node();
}

std::vector<Node> Document::select(const Selector& selector) const {
  if (!impl_) return {};
  return selector.select_below(impl_->output->document, SIZE_MAX);
}

Node Document::select_first(const Selector& selector) const {
  if (!impl_) return Node();
  std::vector<Node> found = selector.select_below(impl_->output->document, 1);
  return found.empty() ? Node() : found.front();
}

std::vector<Node> Document::select(std::string_view selector) const {
  Result<Selector> compiled = Selector::compile(selector);
  if (!compiled) return {};
  return select(*compiled);
}

Node Document::select_first(std::string_view selector) const {
  Result<Selector> compiled = Selector::compile(selector);
  if (!compiled) return Node();
  return select_first(*compiled);
}

std::vector<Script> Document::scripts() const {
  std::vector<Script> out;
  if (!impl_) return out;
  walk(impl_->output->document, [&](const GumboNode* n) {
    if (tree::is_element(n) && n->v.element.tag == GUMBO_TAG_SCRIPT) out.push_back(script_of(Node(n)));
    return true;
  });
  return out;
}

std::vector<Script> Document::scripts(std::string_view type) const {
  std::vector<Script> out;
  for (Script& s : scripts()) {
    if (ascii::iequals(s.type, type)) out.push_back(s);
  }
  return out;
}

std::string Document::base_url(std::string_view page_url) const {
  if (!impl_) return std::string(page_url);
  // The first <base> with an href counts, as in browsers; later ones are ignored.
  std::optional<std::string_view> href;
  walk(impl_->output->document, [&](const GumboNode* n) {
    if (tree::is_element(n) && n->v.element.tag == GUMBO_TAG_BASE) href = Node(n).attr("href");
    return !href.has_value();
  });
  return resolve_base_url(page_url, href);
}

std::string resolve_base_url(std::string_view page_url, std::optional<std::string_view> href) {
  if (!href) return std::string(page_url);
  Result<std::string> resolved = resolve_url(page_url, *href);
  if (!resolved) return std::string(page_url);
  // A base of "javascript:" or "data:" cannot anchor product links; ignore it as browsers do.
  Result<Url> parsed = parse_url(*resolved);
  if (!parsed || (parsed->scheme != "http" && parsed->scheme != "https" && parsed->scheme != "file")) {
    return std::string(page_url);
  }
  return std::move(resolved).value();
}

}  // namespace caiji::html
