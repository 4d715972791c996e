// The script-data fast path (Page reads scripts and tags from html::scan_page and builds gumbo's
// tree only when an extractor asks; generic extractors that could add nothing are skipped) must
// give a seller exactly what the full tree gives: the same envelope, byte for byte, on every
// fixture and corpus page.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/extract/api.hpp"
#include "core/extract/extract.hpp"
#include "core/ingest/charset.hpp"
#include "core/item/item_json.hpp"

namespace caiji::extract {
namespace {

namespace fs = std::filesystem;
using OJson = nlohmann::ordered_json;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Run {
  std::string envelope;  // what extract_json would hand the extension or the host
  bool tree_built = false;
};

// extract_json's envelope, for one path or the other.
Run envelope(std::string_view html, const std::string& url, bool tree_up_front) {
  PageInput input;
  input.html = html;
  input.url = url;
  input.collected_at = "2026-01-01T00:00:00Z";
  input.via = "file";
  input.tree_up_front = tree_up_front;
  Registry registry = Registry::with_defaults();
  Run run;
  auto result = extract_page(input, registry);
  OJson out = OJson::object();
  if (!result) {
    out["ok"] = false;
    out["error"] = OJson{{"code", to_string(result.error().code)}, {"message", result.error().message}};
  } else if (!result->item) {
    out["ok"] = false;
    out["page"] = OJson{{"kind", to_string(result->verdict.kind)},
                        {"message", result->verdict.message},
                        {"productLinks", result->verdict.product_links}};
  } else {
    out["ok"] = true;
    out["item"] = item_to_json(*result->item);
  }
  run.envelope = out.dump(1, ' ', false, OJson::error_handler_t::replace);
  run.tree_built = result && result->tree_built;
  return run;
}

struct PageFile {
  fs::path path;
  std::string url;  // "" : the page's own canonical link or og:url
};

// How many pages the lazy path read without any tree is printed, for the record.
void check_same_envelope(const std::vector<PageFile>& pages, const char* what) {
  std::size_t scanned = 0;
  for (const PageFile& f : pages) {
    auto utf8 = ingest::to_utf8(slurp(f.path));
    ASSERT_TRUE(utf8.ok()) << f.path;
    const Run tree = envelope(*utf8, f.url, true);
    const Run lazy = envelope(*utf8, f.url, false);
    EXPECT_EQ(lazy.envelope, tree.envelope) << f.path.filename() << ": the fast path gives a different result";
    scanned += lazy.tree_built ? 0 : 1;
  }
  std::printf("  %zu of %zu %s pages extracted without building gumbo's tree\n", scanned, pages.size(), what);
}

std::vector<PageFile> html_in(const fs::path& dir) {
  std::vector<PageFile> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".html") out.push_back({e.path(), ""});
  std::sort(out.begin(), out.end(), [](const PageFile& a, const PageFile& b) { return a.path < b.path; });
  return out;
}

TEST(FastPath, every_fixture_page_gives_the_same_item_with_and_without_the_tree_up_front) {
  std::vector<PageFile> pages = html_in(fs::path(CAIJI_FIXTURES_DIR) / "pages");
  for (auto& p : html_in(fs::path(CAIJI_FIXTURES_DIR) / "other-pages")) pages.push_back(p);
  ASSERT_GT(pages.size(), 30u);
  check_same_envelope(pages, "fixture");
}

TEST(FastPath, every_corpus_page_gives_the_same_item_with_and_without_the_tree_up_front) {
  const fs::path dir(CAIJI_CORPUS_DIR);
  if (!fs::exists(dir / "MANIFEST.tsv")) GTEST_SKIP() << "no corpus at " << dir;
  // Each page with the address the manifest records (as the extension sends it), or without
  // one (as a saved file is read) when it has none. The corpus is 26 MB of real pages, each
  // extracted twice: about 10 s in a Debug build, which is the price of checking every one.
  std::vector<PageFile> pages;
  std::ifstream manifest(dir / "MANIFEST.tsv");
  std::string line;
  std::getline(manifest, line);  // header
  while (std::getline(manifest, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    if (cols.empty() || !fs::exists(dir / cols[0])) continue;
    pages.push_back({dir / cols[0], cols.size() > 6 ? cols[6] : std::string()});
  }
  ASSERT_FALSE(pages.empty());
  check_same_envelope(pages, "corpus");
}

// A seller who opens a search page gets its product links without Caiji building the page's
// tree: the links decide the verdict, and what titles and pictures the generic extractors would
// read there is dropped with the item (list shortcut in extract_page).
TEST(FastPath, search_pages_that_link_products_are_told_apart_without_the_tree) {
  for (const char* name : {"1688_search.html", "ebay_search_2024.html", "jd_search_list.html", "taobao_search.html"}) {
    const fs::path path = fs::path(CAIJI_FIXTURES_DIR) / "other-pages" / name;
    auto utf8 = ingest::to_utf8(slurp(path));
    ASSERT_TRUE(utf8.ok()) << name;
    PageInput input;
    input.html = *utf8;
    input.collected_at = "2026-01-01T00:00:00Z";
    auto result = extract_page(input, Registry::with_defaults());
    ASSERT_TRUE(result.ok()) << name;
    EXPECT_EQ(result->verdict.kind, PageKind::list) << name;
    EXPECT_GE(result->verdict.product_links.size(), 3u) << name;
    EXPECT_FALSE(result->tree_built) << name << " built gumbo's tree";
  }
}

}  // namespace
}  // namespace caiji::extract
