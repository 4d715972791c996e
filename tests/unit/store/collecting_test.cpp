// Collecting into the box: the same product twice is one item, the seller's edits stay, prices
// are remembered, pages are kept for reparse.

#include <sqlite3.h>

#include "box_fixture.hpp"

namespace caiji::store {
namespace {

using story::Box;
using story::offer;

TEST(Collecting, a_collected_offer_is_in_the_box_after_reopening) {
  Box box;
  box.collect(offer("1", "Lace bra", "16.50"), "2026-11-27T06:00:00Z", "<html>page</html>");
  box.reopen();
  auto page = box->list({});
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].item.title, "Lace bra");
  EXPECT_EQ(page->items[0].item.price->min, "16.50");
  EXPECT_EQ(page->items[0].revision, 1);
  EXPECT_EQ(page->total, 1);
}

TEST(Collecting, collecting_the_same_offer_twice_updates_it_instead_of_duplicating) {
  Box box;
  auto first = box->save_collected(offer("7", "Socks", "5.00"), "", "t1");
  auto second = box->save_collected(offer("7", "Socks", "4.50"), "", "t2");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->id, second->id);
  EXPECT_EQ(second->outcome, Outcome::updated);
  EXPECT_EQ(second->revision, 2);
  EXPECT_EQ(*box->count(), 1);
  EXPECT_EQ(box->get(first->id)->item.price->min, "4.50");
}

TEST(Collecting, collecting_an_unchanged_offer_again_reports_unchanged) {
  Box box;
  Item item = offer("8", "Cup", "9.90");
  box.collect(item, "t1");
  item.collected_at = "2026-11-28T00:00:00Z";
  auto again = box->save_collected(item, "", "t2");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->outcome, Outcome::unchanged);
  EXPECT_EQ(again->revision, 1);
}

TEST(Collecting, a_seller_edit_survives_recollection) {
  Box box;
  std::int64_t id = box.collect(offer("9", "女士蕾丝文胸", "16.50"), "t1");
  auto edited = box->update(id, 1, {{"title", "Lace bra for summer"}}, "t2");
  ASSERT_TRUE(edited) << edited.error().message;

  Item again = offer("9", "女士蕾丝文胸 新款", "15.00");
  again.images.main = {"https://cbu01.alicdn.com/img/new.jpg"};
  auto saved = box->save_collected(again, "", "t3");
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->outcome, Outcome::updated);

  auto stored = box->get(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->item.title, "Lace bra for summer");  // the seller's
  EXPECT_EQ(stored->item.price->min, "15.00");             // the source's, refreshed
  EXPECT_EQ(stored->item.images.main, again.images.main);
  EXPECT_EQ(stored->edited_fields, std::vector<std::string>{"title"});
  EXPECT_EQ(stored->revision, 3);
}

TEST(Collecting, a_price_change_lands_in_the_price_history) {
  Box box;
  std::int64_t id = 0;
  for (auto [price, at] : {std::pair{"5.00", "2026-11-01T00:00:00Z"}, std::pair{"5.00", "2026-11-02T00:00:00Z"},
                           std::pair{"4.50", "2026-11-03T00:00:00Z"}}) {
    Item item = offer("7", "Socks", price);
    item.collected_at = at;
    id = box.collect(item, at);
  }
  auto prices = box->price_history(id);
  ASSERT_TRUE(prices);
  ASSERT_EQ(prices->size(), 2u);
  EXPECT_EQ((*prices)[0].min, "5.00");
  EXPECT_EQ((*prices)[0].collected_at, "2026-11-01T00:00:00Z");
  EXPECT_EQ((*prices)[1].min, "4.50");
  EXPECT_EQ((*prices)[1].collected_at, "2026-11-03T00:00:00Z");
  EXPECT_EQ((*prices)[1].currency, "CNY");
}

TEST(Collecting, collecting_an_item_from_the_trash_brings_it_back) {
  Box box;
  std::int64_t id = box.collect(offer("3", "Mug", "12.00"), "t1");
  ASSERT_TRUE(box->remove(id, "t2"));
  EXPECT_EQ(*box->count(), 0);
  auto saved = box->save_collected(offer("3", "Mug", "12.00"), "", "t3");
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->id, id);
  EXPECT_EQ(saved->outcome, Outcome::updated);
  EXPECT_EQ(*box->count(), 1);
  EXPECT_EQ(box->get(id)->deleted_at, "");
}

TEST(Collecting, the_page_is_kept_compressed_for_reparse) {
  Box box;
  std::string html = "<html><body>";
  for (int i = 0; i < 2000; ++i) html += "<div class=\"sku\">颜色 红色 尺码 XL</div>";
  html += "</body></html>";
  std::int64_t id = box.collect(offer("5", "Dress", "88.00"), "t1", html);

  std::vector<Snapshot> seen;
  ASSERT_TRUE(box->each_snapshot([&](const Snapshot& s) {
    seen.push_back(s);
    return Status{};
  }));
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].item_id, id);
  EXPECT_EQ(seen[0].url, "https://detail.1688.com/offer/5.html");
  EXPECT_TRUE(seen[0].html == html);

  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(box.path.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw, "SELECT length(html_deflate) FROM snapshots", -1, &q, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_LT(sqlite3_column_int64(q, 0) * 20, static_cast<sqlite3_int64>(html.size()));
  sqlite3_finalize(q);
  sqlite3_close(raw);
}

TEST(Collecting, reparse_rewrites_the_item_keeps_the_sellers_edits_and_says_so_in_history) {
  Box box;
  std::int64_t id = box.collect(offer("6", "Scarf", "30.00"), "t1", "<html>scarf page</html>");
  ASSERT_TRUE(box->update(id, 1, {{"title", "Silk scarf"}}, "t2"));

  ASSERT_TRUE(box->each_snapshot([&](const Snapshot& s) -> Status {
    Item reparsed = offer("6", "Scarf (reparsed)", "30.00");
    reparsed.brand = "Hangzhou Silk";
    auto saved = box->save_reparsed(s.item_id, reparsed, "t3");
    if (!saved) return saved.error();
    return {};
  }));

  auto stored = box->get(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->item.title, "Silk scarf");
  EXPECT_EQ(stored->item.brand, "Hangzhou Silk");
  auto history = box->history(id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ(history->back().by, "reparse");
  EXPECT_EQ(history->back().changes, (nlohmann::json{{"brand", "Hangzhou Silk"}}));
  int pages = 0;
  ASSERT_TRUE(box->each_snapshot([&](const Snapshot&) {
    ++pages;
    return Status{};
  }));
  EXPECT_EQ(pages, 1);  // reparse keeps the stored page
}

TEST(Collecting, a_category_page_is_stored_as_one_batch) {
  Box box;
  std::vector<CollectedPage> pages = {
      {offer("1", "Socks", "5.00"), "<html>1</html>"},
      {offer("2", "Scarf", "30.00"), ""},
      {offer("1", "Socks", "4.80"), ""},  // the same offer twice on one page
  };
  auto saved = box->save_collected_batch(pages, "t1");
  ASSERT_TRUE(saved) << saved.error().message;
  ASSERT_EQ(saved->size(), 3u);
  EXPECT_EQ((*saved)[0].outcome, Outcome::created);
  EXPECT_EQ((*saved)[2].outcome, Outcome::updated);
  EXPECT_EQ((*saved)[2].id, (*saved)[0].id);
  EXPECT_EQ(*box->count(), 2);
}

TEST(Collecting, a_batch_with_an_unusable_item_stores_nothing_and_names_it) {
  Box box;
  std::vector<CollectedPage> pages = {{offer("1", "Socks", "5.00"), ""}, {offer("2", "Scarf", "30.00"), ""}};
  pages[1].item.source.dedup_key.clear();
  auto saved = box->save_collected_batch(pages, "t1");
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(saved.error().message.find("item 2 of 2"), std::string::npos) << saved.error().message;
  EXPECT_EQ(*box->count(), 0);
}

TEST(Collecting, an_item_without_a_dedup_key_is_refused_and_nothing_is_stored) {
  Box box;
  Item item = offer("1", "x", "1");
  item.source.dedup_key.clear();
  auto r = box->save_collected(item, "", "t");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(*box->count(), 0);
}

TEST(Collecting, a_missing_item_is_not_found) {
  Box box;
  auto r = box->get(42);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace caiji::store
