// caiji collect FILE... : parse saved pages and store them in the box.

#include <iostream>

#include "cli.hpp"
#include "core/extract/extract.hpp"
#include "core/ingest/charset.hpp"
#include "core/store/store.hpp"

namespace caiji::cli {

namespace {

constexpr const char* kHelp = R"(usage: caiji collect FILE... [--db PATH] [--url URL] [--json]

Parses saved product pages and puts each into the collection box. Collecting the same product
again updates its item instead of adding a second one.

  --db PATH   the box (default: $XDG_DATA_HOME/caiji/box.sqlite)
  --url URL   the page's address (default: its canonical link or og:url)
  --json      print one JSON result per page instead of a line of text
)";

}  // namespace

int run_collect(Args args) {
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  std::string error;
  auto db = args.option("db", error);
  auto url = args.option("url", error);
  bool json = args.flag("json");
  auto files = args.rest(error);
  if (!error.empty() || files.empty()) {
    std::cerr << "caiji collect: " << (error.empty() ? "name at least one saved page" : error) << "\n" << kHelp;
    return kUsage;
  }
  const std::string path = db ? *db : default_db_path();
  auto store = store::open_sqlite_store(path);
  if (!store) {
    std::cerr << "caiji collect: " << store.error().message << "\n";
    return kStoreError;
  }

  extract::Registry registry = extract::Registry::with_defaults();
  int failed = 0;
  for (const auto& file : files) {
    auto report = [&](bool ok, const std::string& what, const nlohmann::json& extra) {
      if (json) {
        nlohmann::json line = {{"file", file}, {"ok", ok}};
        line.update(extra);
        std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      } else {
        (ok ? std::cout : std::cerr) << (ok ? "" : "caiji collect: ") << file << ": " << what << "\n";
      }
    };
    std::string read_error;
    auto bytes = read_file(file, read_error);
    if (!bytes) {
      report(false, read_error, {{"error", read_error}});
      ++failed;
      continue;
    }
    auto html = ingest::to_utf8(*bytes);
    if (!html) {
      report(false, html.error().message, {{"error", html.error().message}});
      ++failed;
      continue;
    }
    extract::PageInput input;
    input.html = *html;
    input.url = url.value_or("");
    input.collected_at = now_rfc3339();
    input.via = "file";
    auto item = extract::extract_item(input, registry);
    if (!item) {
      report(false, item.error().message, {{"error", item.error().message}, {"code", to_string(item.error().code)}});
      ++failed;
      continue;
    }
    auto saved = (*store)->save_collected(*item, *html, input.collected_at);
    if (!saved) {
      report(false, saved.error().message, {{"error", saved.error().message}});
      std::cerr << "caiji collect: stopping; nothing after " << file << " was stored\n";
      return kStoreError;
    }
    report(true, std::string(store::to_string(saved->outcome)) + " item " + std::to_string(saved->id) + ": " + item->title,
           {{"id", saved->id}, {"outcome", store::to_string(saved->outcome)}, {"revision", saved->revision}});
  }
  return failed ? kSomeFailed : kOk;
}

}  // namespace caiji::cli
