// caiji parse FILE... : the parser's window for sellers and tests. Stores nothing.

#include <iostream>

#include "cli.hpp"
#include "core/extract/api.hpp"
#include "core/extract/extract.hpp"
#include "core/ingest/charset.hpp"
#include "core/item/item_json.hpp"

namespace caiji::cli {

namespace {

constexpr const char* kHelp = R"(usage: caiji parse FILE... [--url URL] [--pretty] [--collected-at TIME] [--envelope]

Reads saved product pages and prints one item as JSON per page on standard output, one per line.
Nothing is stored. A page that cannot be read gets an error on standard error naming the file;
the other pages still print.

  --url URL            the page's address (default: its canonical link or og:url)
  --pretty             indent the JSON
  --collected-at TIME  the collection time to record (default: now), RFC 3339
  --envelope           print {"ok":…,"item"|"error":…} exactly as the browser's parser returns it
)";

}  // namespace

int run_parse(Args args) {
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  std::string error;
  auto url = args.option("url", error);
  auto collected_at = args.option("collected-at", error);
  bool pretty = args.flag("pretty");
  bool envelope = args.flag("envelope");
  auto files = args.rest(error);
  if (!error.empty() || files.empty()) {
    std::cerr << "caiji parse: " << (error.empty() ? "name at least one saved page" : error) << "\n" << kHelp;
    return kUsage;
  }

  extract::Registry registry = extract::Registry::with_defaults();
  const std::string when = collected_at ? *collected_at : now_rfc3339();
  int failed = 0;
  for (const auto& file : files) {
    std::string read_error;
    auto bytes = read_file(file, read_error);
    if (!bytes) {
      std::cerr << "caiji parse: " << read_error << "\n";
      ++failed;
      continue;
    }
    auto html = ingest::to_utf8(*bytes);
    if (!html) {
      std::cerr << "caiji parse: " << file << ": " << html.error().message << "\n";
      ++failed;
      continue;
    }
    if (envelope) {
      nlohmann::json options = {{"collectedAt", when}, {"via", "file"}};
      std::cout << extract::extract_json(*html, url.value_or(""), options.dump()) << "\n";
      continue;
    }
    extract::PageInput input;
    input.html = *html;
    input.url = url.value_or("");
    input.collected_at = when;
    input.via = "file";
    auto item = extract::extract_item(input, registry);
    if (!item) {
      std::cerr << "caiji parse: " << file << ": " << item.error().message << "\n";
      ++failed;
      continue;
    }
    std::cout << item_to_json_text(*item, pretty ? 2 : -1) << "\n";
  }
  std::cout.flush();
  return failed ? kSomeFailed : kOk;
}

}  // namespace caiji::cli
