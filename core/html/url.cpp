#include "core/html/url.hpp"

#include "core/html/ascii.hpp"

namespace caiji::html {
namespace {

using std::string_view;

// The five components of a URI reference (RFC 3986 appendix B), as views into the text.
struct Parts {
  string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

// WHATWG URL parsing drops leading/trailing C0 controls and spaces and every tab and newline;
// pages rely on it (src="\n  //img.example.com/a.jpg ").
std::string clean(string_view text) {
  auto is_c0_or_space = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!text.empty() && is_c0_or_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_c0_or_space(text.back())) text.remove_suffix(1);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  }
  return out;
}

Parts split(string_view s) {
  Parts p;
  if (std::size_t hash = s.find('#'); hash != string_view::npos) {
    p.has_fragment = true;
    p.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  if (std::size_t q = s.find('?'); q != string_view::npos) {
    p.has_query = true;
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  if (!s.empty() && ascii::is_alpha(s[0])) {
    std::size_t i = 1;
    while (i < s.size() && (ascii::is_alpha(s[i]) || ascii::is_digit(s[i]) || s[i] == '+' || s[i] == '-' ||
                            s[i] == '.')) {
      ++i;
    }
    if (i < s.size() && s[i] == ':') {
      p.has_scheme = true;
      p.scheme = s.substr(0, i);
      s = s.substr(i + 1);
    }
  }
  if (s.substr(0, 2) == "//") {
    s.remove_prefix(2);
    std::size_t slash = s.find('/');
    p.has_authority = true;
    p.authority = s.substr(0, slash);
    s = slash == string_view::npos ? string_view() : s.substr(slash);
  }
  p.path = s;
  return p;
}

// RFC 3986 section 5.2.4, as a single pass over the input.
std::string remove_dot_segments(string_view in) {
  std::string out;
  out.reserve(in.size());
  auto drop_last_segment = [&out] {
    std::size_t slash = out.rfind('/');
    out.erase(slash == std::string::npos ? 0 : slash);
  };
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);
    } else if (in.substr(0, 2) == "./") {
      in.remove_prefix(2);
    } else if (in.substr(0, 3) == "/./") {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.substr(0, 4) == "/../") {
      in.remove_prefix(3);
      drop_last_segment();
    } else if (in == "/..") {
      in = "/";
      drop_last_segment();
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      std::size_t end = in.find('/', in.front() == '/' ? 1 : 0);
      if (end == string_view::npos) end = in.size();
      out.append(in.substr(0, end));
      in.remove_prefix(end);
    }
  }
  return out;
}

std::string lower_authority(string_view authority) {
  // Lower the host only: userinfo is case-sensitive.
  std::size_t at = authority.rfind('@');
  std::string out(authority);
  for (std::size_t i = at == string_view::npos ? 0 : at + 1; i < out.size(); ++i) out[i] = ascii::to_lower(out[i]);
  return out;
}

std::string compose(string_view scheme, bool has_authority, string_view authority, string_view path,
                    bool has_query, string_view query, bool has_fragment, string_view fragment) {
  std::string out = ascii::lowered(scheme);
  out += ':';
  if (has_authority) {
    out += "//";
    out += lower_authority(authority);
  }
  out.append(path);
  if (has_query) {
    out += '?';
    out.append(query);
  }
  if (has_fragment) {
    out += '#';
    out.append(fragment);
  }
  return out;
}

Error not_absolute(string_view text) {
  return make_error(ErrorCode::invalid_argument,
                    "\"" + std::string(text) + "\" is not an absolute URL (it lacks a scheme such as https:).");
}

}  // namespace

std::string Url::str() const {
  std::string out = scheme + ":";
  if (!opaque.empty() || (host.empty() && path.empty())) {
    out += opaque;
  } else {
    out += "//";
    if (!userinfo.empty()) out += userinfo + "@";
    out += host;
    if (!port.empty()) out += ":" + port;
    out += path;
  }
  if (has_query) out += "?" + query;
  if (has_fragment) out += "#" + fragment;
  return out;
}

Result<Url> parse_url(string_view text) {
  const std::string cleaned = clean(text);
  const Parts p = split(cleaned);
  if (!p.has_scheme) return not_absolute(text);
  Url url;
  url.scheme = ascii::lowered(p.scheme);
  url.has_query = p.has_query;
  url.query = std::string(p.query);
  url.has_fragment = p.has_fragment;
  url.fragment = std::string(p.fragment);
  const bool web = url.scheme == "http" || url.scheme == "https";
  if (!p.has_authority) {
    if (web) {
      return make_error(ErrorCode::invalid_argument,
                        "\"" + std::string(text) + "\" has no host; a web address starts with https://.");
    }
    if (!p.path.empty() && p.path.front() == '/') url.path = std::string(p.path);
    else url.opaque = std::string(p.path);
    return url;
  }
  string_view authority = p.authority;
  if (std::size_t at = authority.rfind('@'); at != string_view::npos) {
    url.userinfo = std::string(authority.substr(0, at));
    authority.remove_prefix(at + 1);
  }
  string_view host = authority;
  string_view port;
  std::size_t colon = authority.rfind(':');
  std::size_t bracket = authority.rfind(']');
  if (colon != string_view::npos && (bracket == string_view::npos || colon > bracket)) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  for (char c : port) {
    if (!ascii::is_digit(c)) {
      return make_error(ErrorCode::invalid_argument,
                        "\"" + std::string(text) + "\" has a port that is not a number.");
    }
  }
  if (web && host.empty()) {
    return make_error(ErrorCode::invalid_argument, "\"" + std::string(text) + "\" has no host.");
  }
  url.host = ascii::lowered(host);
  url.port = std::string(port);
  url.path = remove_dot_segments(p.path);
  if (web && url.path.empty()) url.path = "/";
  return url;
}

Result<std::string> resolve_url(string_view base_text, string_view ref_text) {
  const std::string ref_clean = clean(ref_text);
  const Parts r = split(ref_clean);
  if (r.has_scheme) return ref_clean;  // already absolute

  const std::string base_clean = clean(base_text);
  const Parts b = split(base_clean);
  if (!b.has_scheme) return not_absolute(base_text);
  if (!b.has_authority && (b.path.empty() || b.path.front() != '/')) {
    return make_error(ErrorCode::invalid_argument,
                      "\"" + std::string(base_text) + "\" cannot anchor relative links (it is not a web address).");
  }

  // RFC 3986 section 5.2.2, with the scheme always taken from the base.
  bool has_authority = b.has_authority;
  string_view authority = b.authority;
  std::string path;
  bool has_query = r.has_query;
  string_view query = r.query;
  if (r.has_authority) {
    has_authority = true;
    authority = r.authority;
    path = remove_dot_segments(r.path);
  } else if (r.path.empty()) {
    path = std::string(b.path);
    if (!r.has_query) {
      has_query = b.has_query;
      query = b.query;
    }
  } else if (r.path.front() == '/') {
    path = remove_dot_segments(r.path);
  } else {
    // Merge (section 5.2.3): the base path up to its last '/', or "/" under an empty path.
    std::string merged;
    if (b.has_authority && b.path.empty()) {
      merged = "/";
    } else {
      std::size_t slash = b.path.rfind('/');
      if (slash != string_view::npos) merged = std::string(b.path.substr(0, slash + 1));
    }
    merged.append(r.path);
    path = remove_dot_segments(merged);
  }
  return compose(b.scheme, has_authority, authority, path, has_query, query, r.has_fragment, r.fragment);
}

}  // namespace caiji::html
