#pragma once
// What the box stories share: a real SQLite file in a temp dir and offers to collect.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/store/store.hpp"
#include "../temp_dir.hpp"

namespace caiji::store::story {

inline Item offer(const std::string& id, const std::string& title, const std::string& price,
                  const std::string& platform = "1688") {
  Item item;
  item.source.platform = platform;
  item.source.url = "https://detail.1688.com/offer/" + id + ".html";
  item.source.product_id = id;
  item.source.dedup_key = platform + ":" + id;
  item.title = title;
  item.currency = "CNY";
  item.price = PriceRange{price, price};
  item.collected_at = "2026-11-27T06:00:00Z";
  return item;
}

// A box in its own temp dir, open for the test.
struct Box {
  caiji::testing_support::TempDir dir;
  std::string path = dir.file("box.sqlite");
  std::unique_ptr<Store> store;

  Box() { reopen(); }
  void reopen() {
    store.reset();
    auto opened = open_sqlite_store(path);
    if (!opened) ADD_FAILURE() << opened.error().message;
    else store = std::move(*opened);
  }
  Store* operator->() { return store.get(); }

  std::int64_t collect(const Item& item, const std::string& now = "2026-11-27T06:00:00Z",
                       const std::string& html = "") {
    auto saved = store->save_collected(item, html, now);
    if (!saved) {
      ADD_FAILURE() << saved.error().message;
      return 0;
    }
    return saved->id;
  }
};

}  // namespace caiji::store::story
