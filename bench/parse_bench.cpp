// Parse + extract per page against gumbo's bare parse of the same page. Every page in the
// corpus (when present) and every fixture page is one benchmark pair:
//   gumbo/<page>    gumbo_parse + gumbo_destroy_output with the options Caiji gives gumbo
//                   (max_errors = 0): the floor any parser built on a gumbo tree pays
//   extract/<page>  Caiji's whole pipeline for the page (what the extension and host run)
//   json/<page>     the same through extract_json, item serialized: the call the WASM build
//                   makes, so bench/wasm_bench.mjs compares like with like
// bench/compare.py turns the JSON output into the table in docs/benchmarks.md.
//
// `caiji_parse_bench --once=gumbo|extract PAGE.html` runs one operation on one page once and
// exits: for `valgrind --tool=callgrind --toggle-collect=*measured_*`, whose instruction counts
// do not move with the load other builds put on the machine (see docs/benchmarks.md).

#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/extract/api.hpp"
#include "core/extract/extract.hpp"
#include "core/ingest/charset.hpp"

namespace {

namespace fs = std::filesystem;

struct BenchPage {
  std::string name;
  std::string html;  // UTF-8
};

bool read_page(const fs::path& file, std::string& utf8) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  auto converted = caiji::ingest::to_utf8(ss.str());
  if (!converted) return false;
  utf8 = std::move(*converted);
  return true;
}

std::vector<BenchPage> load_pages() {
  std::vector<BenchPage> pages;
  auto add_dir = [&](const fs::path& dir, const std::string& prefix) {
    if (!fs::exists(dir)) return;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".html") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::string utf8;
      if (read_page(f, utf8)) pages.push_back({prefix + f.stem().string(), std::move(utf8)});
    }
  };
  add_dir(CAIJI_CORPUS_DIR, "corpus/");
  add_dir(fs::path(CAIJI_FIXTURES_DIR) / "pages", "fixture/");
  add_dir(fs::path(CAIJI_FIXTURES_DIR) / "other-pages", "fixture/");
  return pages;
}

// The options Document::parse gives gumbo: recording parse errors is work Caiji never asks for.
GumboOptions caiji_gumbo_options() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  return options;
}

// noinline and named so callgrind can count exactly these (--toggle-collect=*measured_*).
[[gnu::noinline]] void measured_gumbo(const std::string& html) {
  static const GumboOptions options = caiji_gumbo_options();
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  benchmark::DoNotOptimize(out);
  gumbo_destroy_output(&options, out);
}

// Returns whether the page needed gumbo's tree (reported as the counter "tree").
[[gnu::noinline]] bool measured_extract(const caiji::extract::PageInput& input,
                                        const caiji::extract::Registry& registry) {
  auto r = caiji::extract::extract_page(input, registry);
  benchmark::DoNotOptimize(r);
  return r && r->tree_built;
}

caiji::extract::PageInput input_for(const BenchPage& page) {
  caiji::extract::PageInput input;
  input.html = page.html;
  input.collected_at = "2026-01-01T00:00:00Z";
  return input;
}

void bare_gumbo(benchmark::State& state, const BenchPage* page) {
  for (auto _ : state) measured_gumbo(page->html);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(page->html.size()));
}

void full_extract(benchmark::State& state, const BenchPage* page, const caiji::extract::Registry* registry) {
  const caiji::extract::PageInput input = input_for(*page);
  bool tree = false;
  for (auto _ : state) tree = measured_extract(input, *registry);
  state.counters["tree"] = tree ? 1 : 0;
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(page->html.size()));
}

void json_extract(benchmark::State& state, const BenchPage* page) {
  static const std::string options = R"({"collectedAt":"2026-01-01T00:00:00Z","via":"file"})";
  for (auto _ : state) {
    std::string envelope = caiji::extract::extract_json(page->html, "", options);
    benchmark::DoNotOptimize(envelope);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(page->html.size()));
}

int run_once(std::string_view kind, const char* path) {
  BenchPage page{path, {}};
  if (!read_page(path, page.html)) {
    std::fprintf(stderr, "cannot read %s\n", path);
    return 1;
  }
  const caiji::extract::Registry registry = caiji::extract::Registry::with_defaults();
  if (kind == "gumbo") {
    measured_gumbo(page.html);
  } else if (kind == "extract") {
    measured_extract(input_for(page), registry);
  } else {
    std::fprintf(stderr, "--once= takes gumbo or extract\n");
    return 2;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string_view(argv[1]).substr(0, 7) == "--once=") return run_once(argv[1] + 7, argv[2]);
  static const std::vector<BenchPage> pages = load_pages();
  static const caiji::extract::Registry registry = caiji::extract::Registry::with_defaults();
  for (const auto& p : pages) {
    benchmark::RegisterBenchmark(("gumbo/" + p.name).c_str(), bare_gumbo, &p)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("extract/" + p.name).c_str(), full_extract, &p, &registry)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("json/" + p.name).c_str(), json_extract, &p)->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
