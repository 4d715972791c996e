#include "core/html/selector.hpp"

#include <optional>
#include <utility>

#include "core/html/ascii.hpp"
#include "core/html/gumbo_tree.hpp"

namespace caiji::html {

// Recursive-descent in name only: the grammar has no nesting, so this is a loop over the text.
class SelectorParser {
 public:
  explicit SelectorParser(std::string_view text) : s_(text) {}

  Result<Selector> parse() {
    Selector sel;
    sel.text_ = std::string(s_);
    skip_space();
    if (at_end()) return fail("it is empty");
    bool expect_compound = true;  // at the start of a selector or after a combinator
    bool child = false;
    bool first = true;
    while (true) {
      if (expect_compound) {
        Selector::Step step;
        if (auto err = compound(step)) return std::move(*err);
        step.first = first;
        step.child = child;
        if (sel.steps_.size() == Selector::max_steps) {
          return fail("it has more than " + std::to_string(Selector::max_steps) + " parts");
        }
        sel.steps_.push_back(std::move(step));
        expect_compound = false;
        first = false;
        child = false;
        continue;
      }
      const bool had_space = skip_space();
      if (at_end()) break;
      char c = s_[pos_];
      if (c == ',') {
        ++pos_;
        sel.steps_.back().subject = true;
        skip_space();
        if (at_end() || s_[pos_] == ',') return fail("expected a selector after ','");
        expect_compound = true;
        first = true;
        continue;
      }
      if (c == '>') {
        ++pos_;
        skip_space();
        if (at_end()) return fail("expected a selector after '>'");
        expect_compound = true;
        child = true;
        continue;
      }
      if (c == '+' || c == '~') return fail("sibling combinators ('+', '~') are not supported");
      if (had_space) {
        expect_compound = true;  // descendant combinator
        continue;
      }
      return fail(std::string("unexpected '") + c + "'");
    }
    sel.steps_.back().subject = true;
    for (std::size_t i = 0; i < sel.steps_.size(); ++i) {
      if (sel.steps_[i].subject) sel.subject_bits_ |= std::uint64_t{1} << i;
    }
    return sel;
  }

 private:
  bool at_end() const { return pos_ >= s_.size(); }

  bool skip_space() {
    std::size_t start = pos_;
    while (!at_end() && ascii::is_space(s_[pos_])) ++pos_;
    return pos_ != start;
  }

  Error fail(const std::string& reason) const {
    return make_error(ErrorCode::invalid_argument, "The selector \"" + std::string(s_) +
                                                       "\" is invalid at character " +
                                                       std::to_string(pos_ + 1) + ": " + reason + ".");
  }

  static bool is_ident_char(char c) {
    return ascii::is_alpha(c) || ascii::is_digit(c) || c == '-' || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  }

  static void append_utf8(std::string& out, unsigned long cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  static int hex_value(char c) {
    if (ascii::is_digit(c)) return c - '0';
    char l = ascii::to_lower(c);
    if (l >= 'a' && l <= 'f') return l - 'a' + 10;
    return -1;
  }

  // A CSS escape after the backslash at pos_: "\:" is ':', "\31 " is '1'.
  bool escape(std::string& out) {
    ++pos_;  // the backslash
    if (at_end()) return false;
    int digits = 0;
    unsigned long cp = 0;
    while (!at_end() && digits < 6 && hex_value(s_[pos_]) >= 0) {
      cp = cp * 16 + static_cast<unsigned long>(hex_value(s_[pos_]));
      ++pos_;
      ++digits;
    }
    if (digits > 0) {
      append_utf8(out, cp);
      if (!at_end() && ascii::is_space(s_[pos_])) ++pos_;
      return true;
    }
    out.push_back(s_[pos_++]);
    return true;
  }

  std::optional<Error> ident(std::string& out, const char* what) {
    std::size_t start = pos_;
    while (!at_end()) {
      char c = s_[pos_];
      if (c == '\\') {
        if (!escape(out)) return fail("a '\\' must be followed by a character");
      } else if (is_ident_char(c)) {
        out.push_back(c);
        ++pos_;
      } else {
        break;
      }
    }
    if (pos_ == start) return fail(std::string("expected ") + what);
    return std::nullopt;
  }

  std::optional<Error> compound(Selector::Step& step) {
    bool any = false;
    if (!at_end() && s_[pos_] == '*') {
      ++pos_;
      any = true;
    } else if (!at_end() && (is_ident_char(s_[pos_]) || s_[pos_] == '\\')) {
      if (auto err = ident(step.tag, "a tag name")) return err;
      step.tag = ascii::lowered(step.tag);
      any = true;
    }
    while (!at_end()) {
      char c = s_[pos_];
      if (c == '#') {
        ++pos_;
        std::string id;
        if (auto err = ident(id, "an id after '#'")) return err;
        step.ids.push_back(std::move(id));
      } else if (c == '.') {
        ++pos_;
        std::string cls;
        if (auto err = ident(cls, "a class name after '.'")) return err;
        step.classes.push_back(std::move(cls));
      } else if (c == '[') {
        ++pos_;
        Selector::AttrTest test;
        if (auto err = attribute(test)) return err;
        step.attrs.push_back(std::move(test));
      } else if (c == ':') {
        return fail("pseudo-classes and pseudo-elements (':...') are not supported");
      } else if (c == '|') {
        return fail("namespaces ('|') are not supported");
      } else {
        break;
      }
      any = true;
    }
    if (!any) {
      if (at_end()) return fail("expected a selector");
      return fail(std::string("unexpected '") + s_[pos_] + "'");
    }
    return std::nullopt;
  }

  std::optional<Error> attribute(Selector::AttrTest& test) {
    skip_space();
    if (auto err = ident(test.name, "an attribute name")) return err;
    test.name = ascii::lowered(test.name);
    skip_space();
    if (at_end()) return fail("expected ']'");
    char c = s_[pos_];
    if (c == ']') {
      ++pos_;
      return std::nullopt;
    }
    using Op = Selector::AttrOp;
    if (c == '=') {
      test.op = Op::equals;
      ++pos_;
    } else if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '=' &&
               (c == '~' || c == '|' || c == '^' || c == '$' || c == '*')) {
      test.op = c == '~'   ? Op::includes_word
                : c == '|' ? Op::dash_prefix
                : c == '^' ? Op::prefix
                : c == '$' ? Op::suffix
                           : Op::contains;
      pos_ += 2;
    } else {
      return fail(std::string("expected ']' or an operator (=, ~=, |=, ^=, $=, *=), not '") + c + "'");
    }
    skip_space();
    if (at_end()) return fail("expected a value");
    c = s_[pos_];
    if (c == '"' || c == '\'') {
      ++pos_;
      while (true) {
        if (at_end()) return fail("the quoted value is not closed");
        char v = s_[pos_];
        if (v == c) break;
        if (v == '\\') {
          if (!escape(test.value)) return fail("the quoted value is not closed");
        } else {
          test.value.push_back(v);
          ++pos_;
        }
      }
      ++pos_;
    } else {
      // Bare values: browsers want an identifier; we take anything up to space or ']' so that
      // [data-sku-id=12345] and [href$=.jpg] work as sellers write them.
      std::size_t start = pos_;
      while (!at_end() && !ascii::is_space(s_[pos_]) && s_[pos_] != ']') {
        if (s_[pos_] == '\\') {
          if (!escape(test.value)) return fail("a '\\' must be followed by a character");
        } else {
          test.value.push_back(s_[pos_++]);
        }
      }
      if (pos_ == start) return fail("expected a value");
    }
    skip_space();
    if (!at_end() && (s_[pos_] == 'i' || s_[pos_] == 'I' || s_[pos_] == 's' || s_[pos_] == 'S')) {
      test.ignore_case = ascii::to_lower(s_[pos_]) == 'i';
      ++pos_;
      skip_space();
    }
    if (at_end() || s_[pos_] != ']') return fail("expected ']'");
    ++pos_;
    return std::nullopt;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

Result<Selector> Selector::compile(std::string_view text) { return SelectorParser(text).parse(); }

namespace {

bool equal_text(std::string_view a, std::string_view b, bool ignore_case) {
  return ignore_case ? ascii::iequals(a, b) : a == b;
}

bool attr_matches(const Selector::AttrTest& t, std::string_view value) {
  using Op = Selector::AttrOp;
  const std::string_view want = t.value;
  const bool ic = t.ignore_case;
  switch (t.op) {
    case Op::exists:
      return true;
    case Op::equals:
      return equal_text(value, want, ic);
    case Op::includes_word: {
      if (want.empty()) return false;
      std::size_t i = 0;
      while (i < value.size()) {
        while (i < value.size() && ascii::is_space(value[i])) ++i;
        std::size_t start = i;
        while (i < value.size() && !ascii::is_space(value[i])) ++i;
        if (i > start && equal_text(value.substr(start, i - start), want, ic)) return true;
      }
      return false;
    }
    case Op::dash_prefix:
      return equal_text(value, want, ic) ||
             (value.size() > want.size() && value[want.size()] == '-' &&
              equal_text(value.substr(0, want.size()), want, ic));
    case Op::prefix:
      return !want.empty() && value.size() >= want.size() && equal_text(value.substr(0, want.size()), want, ic);
    case Op::suffix:
      return !want.empty() && value.size() >= want.size() &&
             equal_text(value.substr(value.size() - want.size()), want, ic);
    case Op::contains:
      if (want.empty() || value.size() < want.size()) return false;
      if (!ic) return value.find(want) != std::string_view::npos;
      for (std::size_t i = 0; i + want.size() <= value.size(); ++i) {
        if (ascii::iequals(value.substr(i, want.size()), want)) return true;
      }
      return false;
  }
  return false;
}

}  // namespace

bool Selector::step_matches(const Step& step, Node element) const {
  if (!step.tag.empty() && element.tag() != step.tag) return false;
  for (const std::string& id : step.ids) {
    auto v = element.attr("id");
    if (!v || *v != id) return false;
  }
  for (const std::string& cls : step.classes) {
    if (!element.has_class(cls)) return false;
  }
  for (const AttrTest& t : step.attrs) {
    auto v = element.attr(t.name);
    if (!v || !attr_matches(t, *v)) return false;
  }
  return true;
}

// Bit k of the result: step k matches `element` and the steps before it match its parent
// (child combinator) or some ancestor (descendant combinator).
std::uint64_t Selector::next_state(Node element, std::uint64_t parent_matched,
                                   std::uint64_t ancestor_matched) const {
  std::uint64_t matched = 0;
  for (std::size_t k = 0; k < steps_.size(); ++k) {
    const Step& step = steps_[k];
    if (!step.first) {
      const std::uint64_t need = std::uint64_t{1} << (k - 1);
      if (((step.child ? parent_matched : ancestor_matched) & need) == 0) continue;
    }
    if (step_matches(step, element)) matched |= std::uint64_t{1} << k;
  }
  return matched;
}

bool Selector::matches(Node element) const {
  if (!element.is_element()) return false;
  // Collect the ancestors top-down, then run the same state machine as select along the chain.
  std::vector<Node> chain;
  for (Node n = element; n.valid(); n = n.parent()) chain.push_back(n);
  std::uint64_t matched = 0;
  std::uint64_t ancestors = 0;
  for (std::size_t i = chain.size(); i-- > 0;) {
    std::uint64_t here = next_state(chain[i], matched, ancestors);
    ancestors |= here;
    matched = here;
  }
  return (matched & subject_bits_) != 0;
}

std::vector<Node> Selector::select_in(Node scope, std::size_t limit) const {
  if (!scope.is_element()) return {};
  return select_below(scope.raw(), limit);
}

std::vector<Node> Selector::select_below(const GumboInternalNode* scope, std::size_t limit) const {
  std::vector<Node> out;
  if (limit == 0 || steps_.empty()) return out;

  // State of the scope itself: elements above it still count for combinators.
  std::uint64_t scope_matched = 0;
  std::uint64_t scope_ancestors = 0;
  if (tree::is_element(scope)) {
    std::vector<Node> chain;
    for (Node n(scope); n.valid(); n = n.parent()) chain.push_back(n);
    for (std::size_t i = chain.size(); i-- > 0;) {
      scope_matched = next_state(chain[i], scope_matched, scope_ancestors);
      scope_ancestors |= scope_matched;
    }
  }

  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    std::uint64_t matched;    // steps matching this node
    std::uint64_t ancestors;  // steps matching this node or an ancestor
  };
  std::vector<Frame> stack;
  stack.push_back(Frame{scope, 0, scope_matched, scope_ancestors});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* kids = tree::children(top.node);
    if (kids == nullptr || top.next_child >= kids->length) {
      stack.pop_back();
      continue;
    }
    const GumboNode* child = tree::child_at(kids, top.next_child++);
    if (!tree::is_element(child)) continue;
    const std::uint64_t matched = next_state(Node(child), top.matched, top.ancestors);
    const std::uint64_t ancestors = top.ancestors | matched;  // `top` may dangle after push_back
    if ((matched & subject_bits_) != 0) {
      out.push_back(Node(child));
      if (out.size() >= limit) break;
    }
    if (child->v.element.children.length > 0) stack.push_back(Frame{child, 0, matched, ancestors});
  }
  return out;
}

// ---- Node and Document entry points ----

std::vector<Node> Node::select(const Selector& selector) const { return selector.select_in(*this); }

Node Node::select_first(const Selector& selector) const {
  std::vector<Node> found = selector.select_in(*this, 1);
  return found.empty() ? Node() : found.front();
}

std::vector<Node> Node::select(std::string_view selector) const {
  Result<Selector> compiled = Selector::compile(selector);
  if (!compiled) return {};
  return select(*compiled);
}

Node Node::select_first(std::string_view selector) const {
  Result<Selector> compiled = Selector::compile(selector);
  if (!compiled) return Node();
  return select_first(*compiled);
}

}  // namespace caiji::html
