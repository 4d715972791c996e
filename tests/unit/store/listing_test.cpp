// Finding things in the box: filters, search in Chinese and English, sort orders, pages.

#include <map>
#include <set>

#include "box_fixture.hpp"

namespace caiji::store {
namespace {

using story::Box;
using story::offer;

std::vector<std::string> titles(const ListPage& page) {
  std::vector<std::string> out;
  for (const auto& s : page.items) out.push_back(s.item.title);
  return out;
}

// Every page of a query, following the cursor.
std::vector<std::string> all_titles(Box& box, ListQuery q) {
  std::vector<std::string> out;
  for (int guard = 0; guard < 100; ++guard) {
    auto page = box->list(q);
    if (!page) {
      ADD_FAILURE() << page.error().message;
      return out;
    }
    for (auto& t : titles(*page)) out.push_back(t);
    if (page->next_cursor.empty()) return out;
    q.cursor = page->next_cursor;
  }
  ADD_FAILURE() << "the cursor never ends";
  return out;
}

// A small shop's worth of offers, collected in this order.
struct Shop : Box {
  std::map<std::string, std::int64_t> ids;
  Shop() {
    struct Row {
      const char* id;
      const char* title;
      const char* price;
      const char* platform;
      std::vector<Attribute> attributes;
    };
    const Row rows[] = {
        {"1", "女士蕾丝文胸 Lace bra", "16.50", "1688", {{"材质", "纯棉"}}},
        {"2", "Cotton socks 棉袜", "5.00", "1688", {{"Material", "Cotton"}, {"Size", "XL"}}},
        {"3", "蕾丝连衣裙", "88.00", "taobao", {{"颜色", "白色"}}},
        {"4", "Wool scarf", "120.00", "aliexpress", {{"Material", "100% wool"}}},
        {"5", "Ceramic mug 马克杯", "12.00", "1688", {}},
    };
    int minute = 0;
    for (const auto& r : rows) {
      Item item = offer(r.id, r.title, r.price, r.platform);
      item.attributes = r.attributes;
      ids[r.id] = collect(item, "2026-11-27T06:0" + std::to_string(minute++) + ":00Z");
    }
    (void)store->tag(ids["1"], {"夏季新品"}, {});
    (void)store->tag(ids["3"], {"夏季新品"}, {});
    (void)store->tag(ids["4"], {"winter"}, {});
  }
};

TEST(Listing, the_box_pages_newest_first_with_a_cursor_and_a_total) {
  Shop box;
  ListQuery q;
  q.limit = 2;
  auto first = box->list(q);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->total, 5);
  EXPECT_EQ(titles(*first), (std::vector<std::string>{"Ceramic mug 马克杯", "Wool scarf"}));
  ASSERT_FALSE(first->next_cursor.empty());
  q.cursor = first->next_cursor;
  auto second = box->list(q);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->total, 5);
  EXPECT_EQ(titles(*second), (std::vector<std::string>{"蕾丝连衣裙", "Cotton socks 棉袜"}));
  q.cursor = second->next_cursor;
  auto last = box->list(q);
  ASSERT_TRUE(last);
  EXPECT_EQ(titles(*last), (std::vector<std::string>{"女士蕾丝文胸 Lace bra"}));
  EXPECT_EQ(last->next_cursor, "");
}

struct SortCase {
  Sort sort;
  std::vector<std::string> titles;
};

TEST(Listing, every_sort_order_pages_through_each_item_once) {
  const SortCase cases[] = {
      {Sort::newest, {"Ceramic mug 马克杯", "Wool scarf", "蕾丝连衣裙", "Cotton socks 棉袜", "女士蕾丝文胸 Lace bra"}},
      {Sort::oldest, {"女士蕾丝文胸 Lace bra", "Cotton socks 棉袜", "蕾丝连衣裙", "Wool scarf", "Ceramic mug 马克杯"}},
      {Sort::updated, {"Cotton socks 棉袜", "Ceramic mug 马克杯", "Wool scarf", "蕾丝连衣裙", "女士蕾丝文胸 Lace bra"}},
      {Sort::title, {"Ceramic mug 马克杯", "Cotton socks 棉袜", "Wool scarf", "女士蕾丝文胸 Lace bra", "蕾丝连衣裙"}},
      {Sort::price_low, {"Cotton socks 棉袜", "Ceramic mug 马克杯", "女士蕾丝文胸 Lace bra", "蕾丝连衣裙", "Wool scarf"}},
      {Sort::price_high, {"Wool scarf", "蕾丝连衣裙", "女士蕾丝文胸 Lace bra", "Ceramic mug 马克杯", "Cotton socks 棉袜"}},
  };
  Shop box;
  // The socks were re-collected last, so "updated" puts them first.
  box.collect(offer("2", "Cotton socks 棉袜", "5.00"), "2026-11-27T07:00:00Z");
  Item socks = offer("2", "Cotton socks 棉袜", "5.00");
  socks.attributes = {{"Material", "Cotton"}, {"Size", "XL"}};
  box.collect(socks, "2026-11-27T07:01:00Z");
  for (const auto& c : cases) {
    SCOPED_TRACE(static_cast<int>(c.sort));
    ListQuery q;
    q.sort = c.sort;
    q.limit = 2;
    EXPECT_EQ(all_titles(box, q), c.titles);
  }
}

struct SearchCase {
  const char* query;
  std::set<std::string> titles;
};

TEST(Listing, search_finds_items_by_title_attribute_and_tag_in_chinese_and_english) {
  const SearchCase cases[] = {
      {"蕾丝", {"女士蕾丝文胸 Lace bra", "蕾丝连衣裙"}},              // 2 characters: substring scan
      {"袜", {"Cotton socks 棉袜"}},                                  // 1 character
      {"蕾丝文胸", {"女士蕾丝文胸 Lace bra"}},                        // trigram index
      {"lace", {"女士蕾丝文胸 Lace bra"}},
      {"LACE BRA", {"女士蕾丝文胸 Lace bra"}},                        // any case, every word
      {"cotton 袜", {"Cotton socks 棉袜"}},                           // long and short terms together
      {"纯棉", {"女士蕾丝文胸 Lace bra"}},                            // an attribute value
      {"wool", {"Wool scarf"}},
      {"夏季新品", {"女士蕾丝文胸 Lace bra", "蕾丝连衣裙"}},          // a tag
      {"0%", {"Wool scarf"}},                                         // "100% wool": % is literal
      {"l_", {}},                                                     // and so is LIKE's _
      {"xl", {"Cotton socks 棉袜"}},                                  // short Latin terms ignore case
      {"羊毛衫", {}},
      {"\"lace", {}},                                                 // FTS syntax is literal too
      {"  ", {"女士蕾丝文胸 Lace bra", "Cotton socks 棉袜", "蕾丝连衣裙", "Wool scarf", "Ceramic mug 马克杯"}},
  };
  Shop box;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    ListQuery q;
    q.search = c.query;
    auto page = box->list(q);
    ASSERT_TRUE(page) << page.error().message;
    auto found = titles(*page);
    EXPECT_EQ(std::set<std::string>(found.begin(), found.end()), c.titles);
    EXPECT_EQ(page->total, static_cast<std::int64_t>(c.titles.size()));
  }
}

TEST(Listing, a_query_with_more_matches_than_a_page_counts_them_all_on_every_page) {
  struct Case {
    const char* search;
    const char* platform;
    std::int64_t total;
  };
  const Case cases[] = {{"蕾丝", "", 2}, {"", "1688", 3}, {"", "", 5}};
  Shop box;
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.search) + "/" + c.platform);
    ListQuery q;
    q.search = c.search;
    q.platform = c.platform;
    q.limit = 1;
    int pages = 0;
    for (; pages < 10; ++pages) {
      auto page = box->list(q);
      ASSERT_TRUE(page) << page.error().message;
      EXPECT_EQ(page->total, c.total);
      if (page->next_cursor.empty()) break;
      q.cursor = page->next_cursor;
    }
    EXPECT_EQ(pages + 1, c.total);
  }
}

TEST(Listing, a_seller_edited_title_is_what_search_and_sort_see) {
  Shop box;
  ASSERT_TRUE(box->update(box.ids["4"], 1, {{"title", "羊毛围巾 Wool scarf"}, {"price", {{"min", "1.00"}, {"max", "1.00"}}}}, "t"));
  ListQuery q;
  q.search = "羊毛围巾";
  EXPECT_EQ(box->list(q)->total, 1);
  ListQuery cheapest;
  cheapest.sort = Sort::price_low;
  cheapest.limit = 1;
  EXPECT_EQ(titles(*box->list(cheapest)), std::vector<std::string>{"羊毛围巾 Wool scarf"});
}

TEST(Listing, filters_combine_platform_tag_and_search) {
  Shop box;
  ListQuery q;
  q.platform = "1688";
  EXPECT_EQ(box->list(q)->total, 3);
  q.tag = "夏季新品";
  EXPECT_EQ(titles(*box->list(q)), std::vector<std::string>{"女士蕾丝文胸 Lace bra"});
  q.platform = "";
  q.search = "连衣裙";
  EXPECT_EQ(titles(*box->list(q)), std::vector<std::string>{"蕾丝连衣裙"});
}

TEST(Listing, a_cursor_from_another_sort_order_or_mangled_is_refused) {
  Shop box;
  ListQuery q;
  q.limit = 2;
  auto first = box->list(q);
  ASSERT_TRUE(first);
  for (const std::string& cursor : {first->next_cursor, std::string("not a cursor!"), std::string("AAAA")}) {
    SCOPED_TRACE(cursor);
    ListQuery other;
    other.sort = cursor == first->next_cursor ? Sort::title : Sort::newest;
    other.cursor = cursor;
    auto r = box->list(other);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
  }
}

}  // namespace
}  // namespace caiji::store
