// caiji collect FILE|URL... : parse saved or fetched pages and store them in the box.

#include <iostream>

#include "box_service.hpp"
#include "cli.hpp"
#include "core/extract/page_kind.hpp"
#include "core/fetch/fetcher.hpp"
#include "core/ingest/charset.hpp"

namespace caiji::cli {

namespace {

constexpr const char* kHelp = R"(usage: caiji collect FILE|URL... [--db PATH] [--url URL] [--timeout SECONDS] [--max-size MIB] [--claim] [--json]

Puts product pages into the collection box: saved pages (FILE) or addresses (http://, https://)
fetched once, as a plain visitor without your browser's sign-in. Collecting the same product
again updates its item instead of adding a second one. A page that is not a product (a list, a
captcha, a login wall, a removed product) is reported and not stored.

  --db PATH          the box (default: the per-user data directory; see `caiji doctor`)
  --url URL          a saved page's address (default: its canonical link or og:url)
  --timeout SECONDS  give up on an address after this long (default 30)
  --max-size MIB     refuse pages larger than this (default 32)
  --claim            mark each stored item to be claimed (the tag "to-claim")
  --json             print one JSON result per page instead of a line of text

Exit status: 0 all stored, 1 some pages failed (the others were stored), 2 usage, 3 the box
failed (nothing after the failing page was stored).
)";

bool is_address(const std::string& s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

}  // namespace

int run_collect(Args args) {
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  std::string error;
  auto db = args.option("db", error);
  auto url = args.option("url", error);
  auto timeout = args.option("timeout", error);
  auto max_size = args.option("max-size", error);
  const bool json = args.flag("json");
  const bool claim = args.flag("claim");
  auto inputs = args.rest(error);
  fetch::FetchOptions fetch_options;
  try {
    if (timeout) fetch_options.timeout_ms = static_cast<long>(std::stod(*timeout) * 1000);
    if (max_size) fetch_options.max_bytes = static_cast<std::size_t>(std::stoul(*max_size)) << 20;
  } catch (const std::exception&) {
    error = "--timeout and --max-size take numbers";
  }
  if (error.empty() && (fetch_options.timeout_ms <= 0 || fetch_options.max_bytes == 0))
    error = "--timeout and --max-size must be above zero";
  if (!error.empty() || inputs.empty()) {
    std::cerr << "caiji collect: " << (error.empty() ? "name at least one saved page or address" : error) << "\n" << kHelp;
    return kUsage;
  }

  host::BoxService box(db ? *db : default_db_path(), [] { return now_rfc3339(); });
  if (auto opened = box.box(); !opened) {
    std::cerr << "caiji collect: " << opened.error().message << "\n";
    return kStoreError;
  }
  int failed = 0;
  for (const auto& input : inputs) {
    auto report = [&](bool ok, const std::string& what, const nlohmann::ordered_json& extra) {
      if (json) {
        nlohmann::ordered_json line = {{"input", input}, {"ok", ok}};
        for (auto it = extra.begin(); it != extra.end(); ++it) line[it.key()] = it.value();
        std::cout << json_line(line) << "\n";
      } else {
        (ok ? std::cout : std::cerr) << (ok ? "" : "caiji collect: ") << input << ": " << what << "\n";
      }
    };
    auto fail = [&](const Error& e) {
      report(false, e.message, {{"code", to_string(e.code)}, {"error", e.message}});
      ++failed;
    };

    std::string bytes, content_type, page_url = url.value_or(""), via = "file";
    if (is_address(input)) {
      auto page = box.fetch(input, fetch_options);
      if (!page) {
        fail(page.error());
        continue;
      }
      bytes = std::move(page->html);
      content_type = "text/html; charset=utf-8";
      page_url = page->url;
      via = "url";
    } else {
      std::string read_error;
      auto file = read_file(input, read_error);
      if (!file) {
        fail(make_error(ErrorCode::io_error, read_error));
        continue;
      }
      bytes = std::move(*file);
    }
    auto html = ingest::to_utf8(bytes, content_type);
    if (!html) {
      fail(html.error());
      continue;
    }
    host::CollectRequest request;
    request.html = *html;
    request.url = page_url;
    request.via = via;
    auto read = box.read_page(request);
    if (!read) {
      fail(read.error());
      continue;
    }
    if (!read->item) {
      const auto& v = read->verdict;
      report(false, v.message + (v.product_links.empty() ? "" : " (" + std::to_string(v.product_links.size()) + " product links)"),
             {{"code", "not_a_product"}, {"kind", extract::to_string(v.kind)}, {"error", v.message}, {"productLinks", v.product_links}});
      ++failed;
      continue;
    }
    if (Status kept = box.keep(*read, *html, claim); !kept) {
      report(false, kept.error().message, {{"code", to_string(kept.error().code)}, {"error", kept.error().message}});
      std::cerr << "caiji collect: stopping; nothing after " << input << " was stored\n";
      return kStoreError;
    }
    const auto& saved = *read->saved;
    report(true, std::string(store::to_string(saved.outcome)) + " item " + std::to_string(saved.id) + ": " + read->item->title,
           {{"id", saved.id}, {"outcome", store::to_string(saved.outcome)}, {"revision", saved.revision},
            {"markedForClaim", read->marked_for_claim}});
  }
  return failed ? kSomeFailed : kOk;
}

}  // namespace caiji::cli
