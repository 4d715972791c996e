// Parse + extract per page against gumbo's bare parse of the same page. Every page in the
// corpus (when present) and every fixture page is one benchmark pair:
//   gumbo/<page>    gumbo_parse + gumbo_destroy_output: the floor any DOM-based parser pays
//   extract/<page>  Caiji's whole pipeline for the page (what the extension and host run)
// bench/compare.py turns the JSON output into the table in docs/benchmarks.md.

#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/extract/extract.hpp"
#include "core/ingest/charset.hpp"

namespace {

namespace fs = std::filesystem;

struct BenchPage {
  std::string name;
  std::string html;  // UTF-8
};

std::vector<BenchPage> load_pages() {
  std::vector<BenchPage> pages;
  auto add_dir = [&](const fs::path& dir, const std::string& prefix) {
    if (!fs::exists(dir)) return;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".html") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      auto utf8 = caiji::ingest::to_utf8(ss.str());
      if (utf8) pages.push_back({prefix + f.stem().string(), std::move(*utf8)});
    }
  };
  add_dir(CAIJI_CORPUS_DIR, "corpus/");
  add_dir(fs::path(CAIJI_FIXTURES_DIR) / "pages", "fixture/");
  add_dir(fs::path(CAIJI_FIXTURES_DIR) / "other-pages", "fixture/");
  return pages;
}

void bare_gumbo(benchmark::State& state, const BenchPage* page) {
  for (auto _ : state) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, page->html.data(), page->html.size());
    benchmark::DoNotOptimize(out);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(page->html.size()));
}

void full_extract(benchmark::State& state, const BenchPage* page, const caiji::extract::Registry* registry) {
  caiji::extract::PageInput input;
  input.html = page->html;
  input.collected_at = "2026-01-01T00:00:00Z";
  for (auto _ : state) {
    auto r = caiji::extract::extract_page(input, *registry);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(page->html.size()));
}

}  // namespace

int main(int argc, char** argv) {
  static const std::vector<BenchPage> pages = load_pages();
  static const caiji::extract::Registry registry = caiji::extract::Registry::with_defaults();
  for (const auto& p : pages) {
    benchmark::RegisterBenchmark(("gumbo/" + p.name).c_str(), bare_gumbo, &p)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("extract/" + p.name).c_str(), full_extract, &p, &registry)->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
