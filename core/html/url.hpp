#pragma once
// URL parsing and RFC 3986 reference resolution, enough for product pages: absolute http(s)
// URLs, protocol-relative "//host/x", root-relative, relative with dot segments, query and
// fragment. No network, no IDNA.

#include <optional>
#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace caiji::html {

struct Url {
  std::string scheme;    // lower-case, without ':'
  std::string host;      // lower-case
  std::string port;      // "" when absent
  std::string path;      // starts with '/' for http(s); "" for opaque URLs
  std::string query;     // without '?'; empty and absent are the same here
  bool has_query = false;
  std::string fragment;  // without '#'
  bool has_fragment = false;

  std::string str() const;
};

Result<Url> parse_url(std::string_view text);

// Resolves `ref` against the absolute URL `base`. Returns ref unchanged when it is already
// absolute, and an error when base is not absolute and ref is not either.
Result<std::string> resolve_url(std::string_view base, std::string_view ref);

}  // namespace caiji::html
