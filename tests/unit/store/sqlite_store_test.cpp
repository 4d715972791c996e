#include <gtest/gtest.h>

#include <fstream>

#include "core/store/store.hpp"
#include "temp_dir.hpp"

namespace caiji::store {
namespace {

using testing_support::TempDir;

Item offer(const std::string& id, const std::string& title, const std::string& price) {
  Item item;
  item.source.platform = "1688";
  item.source.url = "https://detail.1688.com/offer/" + id + ".html";
  item.source.product_id = id;
  item.source.dedup_key = "1688:" + id;
  item.title = title;
  item.currency = "CNY";
  item.price = PriceRange{price, price};
  item.collected_at = "2026-11-27T06:00:00Z";
  return item;
}

TEST(SqliteStore, a_collected_offer_is_in_the_box_after_reopening) {
  TempDir dir;
  {
    auto box = open_sqlite_store(dir.file("box.sqlite"));
    ASSERT_TRUE(box) << box.error().message;
    auto saved = (*box)->save_collected(offer("1", "Lace bra", "16.50"), "<html>page</html>", "2026-11-27T06:00:00Z");
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_EQ(saved->outcome, Outcome::created);
  }
  auto box = open_sqlite_store(dir.file("box.sqlite"));
  ASSERT_TRUE(box);
  auto page = (*box)->list({});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].item.title, "Lace bra");
  EXPECT_EQ(page->items[0].item.price->min, "16.50");
}

TEST(SqliteStore, collecting_the_same_offer_twice_updates_it_instead_of_duplicating) {
  TempDir dir;
  auto box = open_sqlite_store(dir.file("box.sqlite"));
  ASSERT_TRUE(box);
  auto first = (*box)->save_collected(offer("7", "Socks", "5.00"), "", "t1");
  auto second = (*box)->save_collected(offer("7", "Socks", "4.50"), "", "t2");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->id, second->id);
  EXPECT_EQ(second->outcome, Outcome::updated);
  EXPECT_EQ(second->revision, 2);
  EXPECT_EQ(*(*box)->count(), 1);
  EXPECT_EQ((*box)->get(first->id)->item.price->min, "4.50");
}

TEST(SqliteStore, collecting_an_unchanged_offer_again_reports_unchanged) {
  TempDir dir;
  auto box = open_sqlite_store(dir.file("box.sqlite"));
  ASSERT_TRUE(box);
  Item item = offer("8", "Cup", "9.90");
  ASSERT_TRUE((*box)->save_collected(item, "", "t1"));
  item.collected_at = "2026-11-28T00:00:00Z";
  auto again = (*box)->save_collected(item, "", "t2");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->outcome, Outcome::unchanged);
  EXPECT_EQ(again->revision, 1);
}

TEST(SqliteStore, the_list_pages_newest_first_with_a_cursor) {
  TempDir dir;
  auto box = open_sqlite_store(dir.file("box.sqlite"));
  ASSERT_TRUE(box);
  for (int i = 1; i <= 5; ++i) ASSERT_TRUE((*box)->save_collected(offer(std::to_string(i), "T" + std::to_string(i), "1"), "", "t"));
  auto first = (*box)->list({"", 2, 0});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].item.title, "T5");
  ASSERT_NE(first->next_after_id, 0);
  auto second = (*box)->list({"", 3, first->next_after_id});
  ASSERT_TRUE(second);
  ASSERT_EQ(second->items.size(), 3u);
  EXPECT_EQ(second->items[2].item.title, "T1");
  EXPECT_EQ(second->next_after_id, 0);
}

TEST(SqliteStore, an_item_without_a_dedup_key_is_refused_and_nothing_is_stored) {
  TempDir dir;
  auto box = open_sqlite_store(dir.file("box.sqlite"));
  ASSERT_TRUE(box);
  Item item = offer("1", "x", "1");
  item.source.dedup_key.clear();
  auto r = (*box)->save_collected(item, "", "t");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(*(*box)->count(), 0);
}

TEST(SqliteStore, a_file_that_is_not_a_box_gives_a_clear_error) {
  TempDir dir;
  {
    std::ofstream f(dir.file("notes.txt"));
    f << "these are my notes, not a database, and they are long enough to have a header............";
  }
  auto box = open_sqlite_store(dir.file("notes.txt"));
  ASSERT_FALSE(box);
  EXPECT_EQ(box.error().code, ErrorCode::io_error);
  EXPECT_NE(box.error().message.find("not a readable Caiji box"), std::string::npos) << box.error().message;
}

TEST(SqliteStore, a_missing_item_is_not_found) {
  TempDir dir;
  auto box = open_sqlite_store(dir.file("box.sqlite"));
  ASSERT_TRUE(box);
  auto r = (*box)->get(42);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace caiji::store
