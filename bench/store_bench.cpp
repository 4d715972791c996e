// The collection box on a real SQLite file in a temp dir:
//   store/batch/<n>/page:<0|1>  save_collected_batch of n items, each with (1) or without (0) an
//                               8 KB page to compress and keep; items/s is the number to read
//   store/list_first_page        box.list() first page (50, newest first) of 100,000 items,
//                                with the total
//   store/search/<query>         the same with a full-text search: a trigram query, English
//                                words, the 1-2 character Chinese queries that the gram index
//                                answers (search_grams.hpp), one mixed with an English word, and
//                                a 2-letter ASCII term, which is still a scan of the search text
// The 100,000-item box is built once per run (about ten seconds) and shared.

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "core/store/store.hpp"
#include "tests/unit/temp_dir.hpp"

namespace {

using caiji::Item;
using caiji::PriceRange;
namespace store = caiji::store;

constexpr const char* kZh[] = {"女士", "蕾丝", "文胸", "连衣裙", "纯棉", "袜子", "马克杯", "围巾", "夏季", "新款",
                               "加厚", "保暖", "儿童", "男士", "运动", "外套", "真丝", "睡衣", "手机壳", "收纳盒"};
constexpr const char* kEn[] = {"lace", "bra", "dress", "cotton", "socks", "mug", "scarf", "summer", "new",
                               "thick", "warm", "kids", "men", "sport", "coat", "silk", "pajamas", "phone case",
                               "storage box", "women"};

// Deterministic, varied items: three Chinese and two English words per title, like the titles
// sellers collect from 1688 and AliExpress.
Item bench_item(std::int64_t n) {
  auto pick = [&](std::int64_t salt, std::size_t size) { return static_cast<std::size_t>((n * 7919 + salt * 104729) % static_cast<std::int64_t>(size)); };
  Item item;
  item.source.platform = n % 3 == 0 ? "aliexpress" : "1688";
  item.source.product_id = std::to_string(600000000000 + n);
  item.source.url = "https://detail.1688.com/offer/" + item.source.product_id + ".html";
  item.source.dedup_key = item.source.platform + ":" + item.source.product_id;
  item.title = std::string(kZh[pick(1, 20)]) + kZh[pick(2, 20)] + kZh[pick(3, 20)] + " " + kEn[pick(4, 20)] + " " +
               kEn[pick(5, 20)] + " " + std::to_string(n);
  item.currency = "CNY";
  const std::string price = std::to_string(1 + n % 500) + "." + std::to_string(10 + n % 90);
  item.price = PriceRange{price, price};
  item.attributes = {{"材质", kZh[pick(6, 20)]}, {"Material", kEn[pick(7, 20)]}};
  item.images.main = {"https://cbu01.alicdn.com/img/ibank/" + std::to_string(n) + ".jpg"};
  item.collected_at = "2026-11-27T06:00:00Z";
  return item;
}

std::string bench_page(std::int64_t n) {
  std::string html = "<html><head><title>offer " + std::to_string(n) + "</title></head><body>";
  while (html.size() < 8 * 1024)
    html += "<div class=\"sku-item\" data-sku=\"" + std::to_string(html.size() * 31 + static_cast<std::size_t>(n)) +
            "\">颜色 红色 尺码 XL 库存 " + std::to_string(html.size() % 997) + "</div>";
  return html + "</body></html>";
}

std::unique_ptr<store::Store> open_or_die(const std::string& path, benchmark::State& state) {
  auto box = store::open_sqlite_store(path);
  if (!box) {
    state.SkipWithError(box.error().message.c_str());
    return nullptr;
  }
  return std::move(*box);
}

void store_batch(benchmark::State& state) {
  const auto batch = static_cast<std::int64_t>(state.range(0));
  const bool with_page = state.range(1) != 0;
  caiji::testing_support::TempDir dir;
  auto box = open_or_die(dir.file("box.sqlite"), state);
  if (!box) return;
  std::int64_t next = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<store::CollectedPage> pages;
    for (std::int64_t i = 0; i < batch; ++i, ++next)
      pages.push_back({bench_item(next), with_page ? bench_page(next) : std::string()});
    state.ResumeTiming();
    auto saved = box->save_collected_batch(pages, "2026-11-27T06:00:00Z");
    if (!saved) {
      state.SkipWithError(saved.error().message.c_str());
      return;
    }
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(store_batch)->Name("store/batch")->ArgNames({"n", "page"})->Args({500, 0})->Args({500, 1})->Unit(benchmark::kMillisecond);

// The shared 100,000-item box.
struct BigBox {
  caiji::testing_support::TempDir dir;
  std::unique_ptr<store::Store> box;
};

store::Store* big_box(benchmark::State& state) {
  static std::unique_ptr<BigBox> shared;  // built once per run, like the box a seller keeps open
  if (shared) return shared->box.get();
  auto b = std::make_unique<BigBox>();
  b->box = open_or_die(b->dir.file("box.sqlite"), state);
  if (!b->box) return nullptr;
  constexpr std::int64_t kItems = 100000;
  for (std::int64_t start = 0; start < kItems; start += 1000) {
    std::vector<store::CollectedPage> pages;
    for (std::int64_t n = start; n < start + 1000; ++n) pages.push_back({bench_item(n), std::string()});
    auto saved = b->box->save_collected_batch(pages, "2026-11-27T06:00:00Z");
    if (!saved) {
      state.SkipWithError(saved.error().message.c_str());
      return nullptr;
    }
  }
  for (std::int64_t n = 0; n < kItems; n += 97) (void)b->box->tag(n + 1, {n % 2 ? "夏季新品" : "to-list"}, {});
  shared = std::move(b);
  return shared->box.get();
}

void list_query(benchmark::State& state, store::ListQuery q) {
  store::Store* box = big_box(state);
  if (!box) return;
  std::int64_t total = 0;
  for (auto _ : state) {
    auto page = box->list(q);
    if (!page) {
      state.SkipWithError(page.error().message.c_str());
      return;
    }
    total = page->total;
    benchmark::DoNotOptimize(page->items.data());
  }
  state.counters["total"] = static_cast<double>(total);
}

store::ListQuery searching(const char* text) {
  store::ListQuery q;
  q.search = text;
  return q;
}

BENCHMARK_CAPTURE(list_query, first_page, store::ListQuery{})->Name("store/list_first_page")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(list_query, trigram, searching("连衣裙"))->Name("store/search/连衣裙")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(list_query, english, searching("silk socks"))->Name("store/search/silk socks")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(list_query, rare, searching("12345"))->Name("store/search/12345")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(list_query, two_chars, searching("蕾丝"))->Name("store/search/蕾丝")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(list_query, one_char, searching("袜"))->Name("store/search/袜")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(list_query, mixed, searching("纯棉 袜子"))->Name("store/search/纯棉 袜子")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(list_query, mixed_hits, searching("丝 bra"))->Name("store/search/丝 bra")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(list_query, ascii_short, searching("ma"))->Name("store/search/ma")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
