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
  std::string userinfo;  // "user:pass" before '@', rarely present; "" when absent
  std::string opaque;    // for URLs without "//" ("mailto:a@b", "data:..."): the part after ':'

  // Recomposes the URL (RFC 3986 section 5.3): "scheme:opaque" when opaque is set or there is
  // neither host nor path, else "scheme://userinfo@host:port/path", then "?query" "#fragment".
  std::string str() const;
};

// Parses an absolute URL. Leading and trailing spaces and control characters are dropped and tabs
// and newlines inside removed, as browsers do with attribute values. An http(s) URL needs a host
// and gets path "/" when it has none; the port must be digits.
Result<Url> parse_url(std::string_view text);

// Resolves `ref` against the absolute URL `base`. Returns ref unchanged when it is already
// absolute, and an error when base is not absolute and ref is not either.
// Follows RFC 3986 section 5.2 strictly ("http:g" is absolute), after the same cleanup of spaces,
// tabs and newlines as parse_url. The scheme and host of a resolved URL come out lower-case;
// nothing is percent-encoded or decoded.
Result<std::string> resolve_url(std::string_view base, std::string_view ref);

}  // namespace caiji::html
