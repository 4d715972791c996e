#include <cstring>

#include "core/html/ascii.hpp"
#include "core/html/document.hpp"
#include "core/html/gumbo_tree.hpp"
#include "core/html/text.hpp"

namespace caiji::html {

namespace {

// The name of an element gumbo does not know (custom elements, most SVG), taken from the start
// tag as written. Document::parse lowered it in place, since gumbo keeps the original case.
std::string_view unknown_tag_name(const GumboElement& e) {
  std::string_view raw(e.original_tag.data == nullptr ? "" : e.original_tag.data, e.original_tag.length);
  if (raw.size() < 2 || raw[0] != '<') return {};
  raw.remove_prefix(1);
  std::size_t end = 0;
  while (end < raw.size() && !ascii::is_space(raw[end]) && raw[end] != '/' && raw[end] != '>') ++end;
  return raw.substr(0, end);
}

std::string_view text_of(const GumboNode* n) {
  const char* t = n->v.text.text;
  return t == nullptr ? std::string_view() : std::string_view(t, std::strlen(t));
}

// <script> and <style>: their text is code, not what the page shows. (Document::parse_omitting
// leaves it out of the tree altogether.)
bool is_code(const GumboNode* n) { return n->v.element.tag == GUMBO_TAG_SCRIPT || n->v.element.tag == GUMBO_TAG_STYLE; }

}  // namespace

bool Node::is_element() const { return tree::is_element(n_); }

bool Node::is_text() const { return tree::is_text(n_); }

std::string_view Node::tag() const {
  if (!is_element()) return {};
  const GumboElement& e = n_->v.element;
  if (e.tag == GUMBO_TAG_UNKNOWN) return unknown_tag_name(e);
  return gumbo_normalized_tagname(e.tag);
}

std::optional<std::string_view> Node::attr(std::string_view name) const {
  if (!is_element()) return std::nullopt;
  const GumboVector& attrs = n_->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    if (a->name != nullptr && ascii::iequals(a->name, name)) {
      return a->value == nullptr ? std::string_view() : std::string_view(a->value);
    }
  }
  return std::nullopt;
}

bool Node::has_class(std::string_view cls) const {
  if (cls.empty()) return false;
  std::optional<std::string_view> classes = attr("class");
  if (!classes) return false;
  std::string_view v = *classes;
  std::size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && ascii::is_space(v[i])) ++i;
    std::size_t start = i;
    while (i < v.size() && !ascii::is_space(v[i])) ++i;
    if (v.substr(start, i - start) == cls) return true;
  }
  return false;
}

std::string Node::text() const {
  std::string out;
  if (n_ == nullptr) return out;
  bool pending_space = false;
  if (is_text()) {
    append_folded(out, text_of(n_), pending_space);
    return out;
  }
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
  };
  std::vector<Frame> stack{{n_, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* kids = tree::children(top.node);
    if (kids == nullptr || top.next_child >= kids->length) {
      stack.pop_back();
      continue;
    }
    const GumboNode* child = tree::child_at(kids, top.next_child++);
    if (tree::is_text(child)) append_folded(out, text_of(child), pending_space);
    else if (tree::is_element(child) && !is_code(child)) stack.push_back(Frame{child, 0});
  }
  return out;
}

std::string_view Node::own_text() const { return is_text() ? text_of(n_) : std::string_view(); }

Node Node::parent() const {
  if (n_ == nullptr || !tree::is_element(n_->parent)) return Node();
  return Node(n_->parent);
}

std::vector<Node> Node::children() const {
  std::vector<Node> out;
  const GumboVector* kids = tree::children(n_);
  if (kids == nullptr || n_->type == GUMBO_NODE_DOCUMENT) return out;
  out.reserve(kids->length);
  for (unsigned i = 0; i < kids->length; ++i) {
    const GumboNode* child = tree::child_at(kids, i);
    if (tree::is_element(child) || tree::is_text(child)) out.push_back(Node(child));
  }
  return out;
}

}  // namespace caiji::html
