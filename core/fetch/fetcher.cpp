#include "core/fetch/fetcher.hpp"

#include <curl/curl.h>

namespace caiji::fetch {

namespace {

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};

struct Sink {
  std::string body;
  std::size_t max_bytes = 0;
  bool over = false;
};

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->body.size() + n > sink->max_bytes) {
    sink->over = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  sink->body.append(data, n);
  return n;
}

std::string mib(std::size_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB"; }

}  // namespace

struct Fetcher::Handle {
  std::unique_ptr<CURL, CurlDeleter> curl;
};

Fetcher::Fetcher() : handle_(std::make_unique<Handle>()) {}
Fetcher::~Fetcher() = default;

Result<FetchedPage> Fetcher::fetch(std::string_view url, const FetchOptions& options) {
  const std::string u(url);
  if (u.rfind("http://", 0) != 0 && u.rfind("https://", 0) != 0)
    return make_error(ErrorCode::invalid_argument, u + " is not a web address (http:// or https://).");
  if (!handle_->curl) handle_->curl.reset(curl_easy_init());
  CURL* c = handle_->curl.get();
  if (!c) return make_error(ErrorCode::internal, "libcurl could not start.");
  curl_easy_reset(c);

  Sink sink;
  sink.max_bytes = options.max_bytes;
  char error_text[CURL_ERROR_SIZE] = {};
  const std::string agent =
      options.user_agent.empty() ? std::string("Mozilla/5.0 (compatible; Caiji/") + CAIJI_VERSION + ")" : options.user_agent;
  curl_easy_setopt(c, CURLOPT_URL, u.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, options.max_redirects);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options.timeout_ms);
  // A server that announces a larger body is refused before it sends it; one that does not
  // announce is stopped by write_body.
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever this libcurl can decode
  curl_easy_setopt(c, CURLOPT_USERAGENT, agent.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_text);

  const CURLcode rc = curl_easy_perform(c);
  if (sink.over || rc == CURLE_FILESIZE_EXCEEDED)
    return make_error(ErrorCode::input_too_large,
                      u + ": the page is larger than " + mib(options.max_bytes) + ", so it was not collected.");
  if (rc != CURLE_OK) {
    std::string why = error_text[0] ? error_text : curl_easy_strerror(rc);
    if (rc == CURLE_OPERATION_TIMEDOUT)
      why = "no complete answer within " + std::to_string(options.timeout_ms / 1000) + " s (" + why + ")";
    else if (rc == CURLE_COULDNT_RESOLVE_HOST)
      why = "the site's name could not be found; check the address and the network (" + why + ")";
    else if (rc == CURLE_COULDNT_CONNECT)
      why = "the site did not accept a connection (" + why + ")";
    return make_error(ErrorCode::io_error, u + ": " + why);
  }

  FetchedPage page;
  long status = 0;
  char* effective = nullptr;
  char* type = nullptr;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective);
  curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
  page.status = status;
  page.url = effective ? effective : u;
  page.content_type = type ? type : "";
  if (status < 200 || status >= 300)
    return make_error(ErrorCode::io_error, u + ": the site answered HTTP " + std::to_string(status) +
                                               (status == 404 || status == 410 ? " (no such page)" : "") +
                                               (status == 403 || status == 429 ? " (it refuses automated visits; "
                                                                                 "collect this page from the browser)"
                                                                               : ""));
  page.body = std::move(sink.body);
  return page;
}

std::string library_version() { return curl_version(); }

}  // namespace caiji::fetch
