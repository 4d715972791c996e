// Searching the box with 1- and 2-character terms, which the box answers from its gram index
// (search_grams.hpp): in Chinese and English, mixed with long terms, in titles, attributes and
// tags, and following the item as it is edited, retagged, re-collected, trashed and purged.

#include <algorithm>
#include <set>

#include "box_fixture.hpp"

namespace caiji::store {
namespace {

using story::Box;
using story::offer;

std::set<std::string> found(Box& box, const std::string& search, bool trash = false) {
  ListQuery q;
  q.search = search;
  q.trash = trash;
  q.limit = 500;
  auto page = box->list(q);
  if (!page) {
    ADD_FAILURE() << page.error().message;
    return {};
  }
  EXPECT_EQ(page->total, static_cast<std::int64_t>(page->items.size())) << search;
  std::set<std::string> out;
  for (const auto& s : page->items) out.insert(s.item.title);
  return out;
}

struct Shop : Box {
  std::int64_t bra = 0, socks = 0, dress = 0, scarf = 0, mug = 0;
  Shop() {
    Item b = offer("1", "女士蕾丝文胸 Lace bra", "16.50");
    b.attributes = {{"材质", "纯棉"}};
    Item s = offer("2", "Cotton socks 棉袜", "5.00");
    s.attributes = {{"Material", "Cotton"}, {"Size", "XL"}};
    Item d = offer("3", "蕾丝连衣裙", "88.00", "taobao");
    d.attributes = {{"颜色", "白色"}};
    Item w = offer("4", "Wool scarf", "120.00", "aliexpress");
    w.attributes = {{"Material", "100% wool"}};
    bra = collect(b);
    socks = collect(s);
    dress = collect(d);
    scarf = collect(w);
    mug = collect(offer("5", "Ceramic mug 马克杯", "12.00"));
    (void)store->tag(bra, {"夏季新品"}, {});
    (void)store->tag(dress, {"夏季新品"}, {});
    (void)store->tag(scarf, {"winter"}, {});
  }
};

struct Case {
  const char* query;
  std::set<std::string> titles;
};

const char* const kBra = "女士蕾丝文胸 Lace bra";
const char* const kSocks = "Cotton socks 棉袜";
const char* const kDress = "蕾丝连衣裙";
const char* const kScarf = "Wool scarf";
const char* const kMug = "Ceramic mug 马克杯";

TEST(ShortSearch, one_and_two_character_terms_find_titles_attributes_and_tags) {
  const Case cases[] = {
      {"丝", {kBra, kDress}},                 // one Chinese character in two titles
      {"文胸", {kBra}},                       // two
      {"棉", {kBra, kSocks}},                 // a title (棉袜) and an attribute value (纯棉)
      {"色", {kDress}},                       // only in attributes (颜色: 白色)
      {"季", {kBra, kDress}},                 // only in a tag (夏季新品)
      {"in", {kScarf}},                       // an English tag (winter)
      {"a", {kBra, kSocks, kScarf, kMug}},    // "Material" is an attribute name of the socks
      {"LA", {kBra}},                         // any case
      {"Xl", {kSocks}},
      {"0%", {kScarf}},                       // "100% wool": % is a character like any other
      {"l_", {}},
      {"s棉", {}},                            // "socks 棉袜" has a space between s and 棉
      {"色白", {}},                           // and "颜色 白色" between the name and the value
      {"杯马", {}},                           // order matters
      {"裙子", {}},
  };
  Shop box;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    EXPECT_EQ(found(box, c.query), c.titles);
  }
}

TEST(ShortSearch, short_and_long_terms_together_must_all_match) {
  const Case cases[] = {
      {"棉 socks", {kSocks}},      // 棉 alone finds the bra too (纯棉), socks does not
      {"丝 bra", {kBra}},
      {"蕾丝 文胸 lace", {kBra}},
      {"袜 XL", {kSocks}},
      {"蕾丝 夏季新品", {kBra, kDress}},
      {"蕾丝 马", {}},
      {"a 杯", {kMug}},
  };
  Shop box;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    EXPECT_EQ(found(box, c.query), c.titles);
  }
}

TEST(ShortSearch, short_terms_page_through_every_match_with_the_total) {
  Shop box;
  ListQuery q;
  q.search = "a";
  q.limit = 1;
  std::set<std::string> seen;
  for (int guard = 0; guard < 10; ++guard) {
    auto page = box->list(q);
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->total, 4);
    for (const auto& s : page->items) seen.insert(s.item.title);
    if (page->next_cursor.empty()) break;
    q.cursor = page->next_cursor;
  }
  EXPECT_EQ(seen, (std::set<std::string>{kBra, kSocks, kScarf, kMug}));
}

TEST(ShortSearch, an_edited_title_is_found_by_its_new_words_and_no_longer_by_the_old) {
  Shop box;
  ASSERT_TRUE(box->update(box.scarf, 1, {{"title", "羊毛围巾"}}, "2026-11-27T08:00:00Z"));
  EXPECT_EQ(found(box, "羊"), std::set<std::string>{"羊毛围巾"});
  EXPECT_EQ(found(box, "围巾"), std::set<std::string>{"羊毛围巾"});
  EXPECT_EQ(found(box, "sc"), std::set<std::string>{});           // "scarf" is gone from the title
  EXPECT_EQ(found(box, "wo"), std::set<std::string>{"羊毛围巾"});  // "100% wool" is still an attribute
}

TEST(ShortSearch, a_recollected_item_is_found_by_what_its_page_says_now) {
  Shop box;
  EXPECT_EQ(found(box, "克"), std::set<std::string>{kMug});
  box.collect(offer("5", "Ceramic cup 杯子", "12.00"), "2026-11-27T08:00:00Z");
  EXPECT_EQ(found(box, "克"), std::set<std::string>{});
  EXPECT_EQ(found(box, "mu"), std::set<std::string>{});
  EXPECT_EQ(found(box, "杯子"), std::set<std::string>{"Ceramic cup 杯子"});
}

TEST(ShortSearch, tags_added_and_removed_are_found_and_then_not) {
  Shop box;
  ASSERT_TRUE(box->tag(box.mug, {"爆款"}, {}));
  EXPECT_EQ(found(box, "爆"), std::set<std::string>{kMug});
  ASSERT_TRUE(box->tag(box.mug, {}, {"爆款"}));
  EXPECT_EQ(found(box, "爆"), std::set<std::string>{});
  ASSERT_TRUE(box->tag(box.dress, {}, {"夏季新品"}));
  EXPECT_EQ(found(box, "季"), std::set<std::string>{kBra});
}

TEST(ShortSearch, a_trashed_item_is_found_in_the_trash_and_back_in_the_box_once_restored) {
  Shop box;
  ASSERT_TRUE(box->remove(box.socks, "2026-11-27T08:00:00Z"));
  EXPECT_EQ(found(box, "袜"), std::set<std::string>{});
  EXPECT_EQ(found(box, "棉"), std::set<std::string>{kBra});
  EXPECT_EQ(found(box, "袜", /*trash=*/true), std::set<std::string>{kSocks});
  ASSERT_TRUE(box->restore(box.socks, "2026-11-27T08:01:00Z"));
  EXPECT_EQ(found(box, "袜"), std::set<std::string>{kSocks});
  EXPECT_EQ(found(box, "袜", /*trash=*/true), std::set<std::string>{});
}

TEST(ShortSearch, a_purged_item_leaves_nothing_that_a_new_item_could_be_found_by) {
  Shop box;
  // The newest item: SQLite hands its id to the next item once it is gone for good.
  ASSERT_TRUE(box->remove(box.mug, "2026-11-27T08:00:00Z"));
  auto purged = box->purge_trash("2026-11-28T00:00:00Z");
  ASSERT_TRUE(purged) << purged.error().message;
  EXPECT_EQ(*purged, 1);
  EXPECT_EQ(found(box, "杯", true), std::set<std::string>{});
  box.collect(offer("6", "Silk pajamas 睡衣", "59.00"), "2026-11-27T09:00:00Z");
  EXPECT_EQ(found(box, "杯"), std::set<std::string>{});
  EXPECT_EQ(found(box, "mu"), std::set<std::string>{});
  EXPECT_EQ(found(box, "睡"), std::set<std::string>{"Silk pajamas 睡衣"});
  auto report = box->check_integrity();
  EXPECT_TRUE(report) << report.error().message;
}

// The index finds exactly what a substring search of the seller's text finds: every 1- and
// 2-character term cut from the items (and their upper-case forms) against a plain find().
TEST(ShortSearch, the_gram_index_finds_exactly_what_a_substring_search_finds) {
  Shop box;
  ASSERT_TRUE(box->remove(box.dress, "2026-11-27T08:00:00Z"));  // the box, not the trash
  struct Text {
    std::string title;
    std::string all;  // title, attributes and tags, each on its own line, lower-cased ASCII
  };
  std::vector<Text> texts;
  std::set<std::string> terms;
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
  };
  ListQuery every;
  every.limit = 500;
  auto all_items = box->list(every);
  ASSERT_TRUE(all_items) << all_items.error().message;
  for (const auto& s : all_items->items) {
    std::string all = s.item.title;
    for (const auto& a : s.item.attributes) all += "\n" + a.name + "\n" + a.value;
    for (const auto& t : s.tags) all += "\n" + t;
    texts.push_back({s.item.title, lower(all)});
    // Terms: each 1 and 2 character run without white space, as typed and in upper case.
    std::vector<std::string> chars;
    for (std::size_t i = 0; i < all.size();) {
      std::size_t n = 1;
      while (i + n < all.size() && (static_cast<unsigned char>(all[i + n]) & 0xC0) == 0x80) ++n;
      chars.push_back(all.substr(i, n));
      i += n;
    }
    for (std::size_t i = 0; i < chars.size(); ++i) {
      auto blank = [](const std::string& c) { return c == " " || c == "\n"; };
      if (blank(chars[i])) continue;
      terms.insert(chars[i]);
      if (i + 1 < chars.size() && !blank(chars[i + 1])) {
        terms.insert(chars[i] + chars[i + 1]);
        std::string upper = chars[i] + chars[i + 1];
        for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        terms.insert(upper);
      }
    }
  }
  ASSERT_GT(terms.size(), 100u);
  for (const auto& term : terms) {
    SCOPED_TRACE(term);
    std::set<std::string> expected;
    for (const auto& t : texts)
      if (t.all.find(lower(term)) != std::string::npos) expected.insert(t.title);
    EXPECT_EQ(found(box, term), expected);
  }
}

}  // namespace
}  // namespace caiji::store
