#pragma once
// `caiji collect URL`: one plain GET of a product page. No cookies, no JavaScript, no retries:
// pages that need a signed-in browser are collected through the extension instead, and the
// parser says so (captcha, login) when a fetched page is one of those.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace caiji::fetch {

struct FetchOptions {
  long connect_timeout_ms = 10'000;
  long timeout_ms = 30'000;                     // the whole transfer, redirects included
  std::size_t max_bytes = std::size_t{32} << 20;  // decoded body; larger pages are refused, not cut
  long max_redirects = 5;
  std::string user_agent;                       // "" = Caiji's own
};

struct FetchedPage {
  std::string url;           // after redirects
  long status = 0;           // HTTP status
  std::string content_type;  // the header as sent ("text/html; charset=gbk"), for ingest::to_utf8
  std::string body;          // bytes, in the site's encoding
};

// Owns one libcurl handle, reused across fetches so a batch of URLs on one site shares its
// connection. Not thread-safe: one Fetcher per thread.
class Fetcher {
 public:
  Fetcher();
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // http and https only. Errors (ErrorCode::io_error, input_too_large, invalid_argument) say
  // what went wrong in a seller's words: the site did not answer, answered 404, took too long.
  Result<FetchedPage> fetch(std::string_view url, const FetchOptions& options = {});

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
};

// "libcurl/7.88.1 OpenSSL/3.0.11 zlib/1.2.13 …", for `caiji doctor`.
std::string library_version();

}  // namespace caiji::fetch
