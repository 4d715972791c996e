#pragma once
// Small accessors over gumbo's node union, shared by the files of the HTML layer.

#include <gumbo.h>

namespace caiji::html::tree {

inline bool is_element(const GumboNode* n) {
  return n != nullptr && (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE);
}

inline bool is_text(const GumboNode* n) {
  return n != nullptr &&
         (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE);
}

// The children of a document, element or template node; nullptr for the other kinds.
inline const GumboVector* children(const GumboNode* n) {
  if (n == nullptr) return nullptr;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (is_element(n)) return &n->v.element.children;
  return nullptr;
}

inline const GumboNode* child_at(const GumboVector* v, unsigned i) {
  return static_cast<const GumboNode*>(v->data[i]);
}

}  // namespace caiji::html::tree
