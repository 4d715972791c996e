// The seller edits, tags, deletes and restores; the box remembers who changed what.

#include "box_fixture.hpp"

namespace caiji::store {
namespace {

using story::Box;
using story::offer;

TEST(Editing, an_edit_applies_when_the_seller_saw_the_current_revision) {
  Box box;
  std::int64_t id = box.collect(offer("1", "Socks", "5.00"));
  auto edited = box->update(id, 1, {{"title", "Wool socks"}, {"price", {{"min", "6.00"}, {"max", "6.50"}}}}, "t2");
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_EQ(edited->revision, 2);
  EXPECT_EQ(edited->item.title, "Wool socks");
  EXPECT_EQ(edited->item.price->max, "6.50");
  EXPECT_EQ(edited->edited_fields, (std::vector<std::string>{"price", "title"}));
  EXPECT_EQ(edited->updated_at, "t2");
}

TEST(Editing, a_stale_revision_is_a_conflict) {
  Box box;
  std::int64_t id = box.collect(offer("1", "Socks", "5.00"), "t1");
  box.collect(offer("1", "Socks", "4.50"), "t2");  // re-collected in another tab: revision 2
  auto r = box->update(id, 1, {{"title", "Wool socks"}}, "t3");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_NE(r.error().message.find("changed since you opened it"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("Reload"), std::string::npos) << r.error().message;
  EXPECT_EQ(box->get(id)->item.title, "Socks");
}

struct RefusedEdit {
  const char* story;
  nlohmann::json patch;
  const char* says;
};

TEST(Editing, edits_that_would_spoil_the_item_are_refused) {
  const RefusedEdit cases[] = {
      {"the source says where it came from", {{"source", {{"url", "https://evil.example"}}}}, "cannot be edited"},
      {"an unknown field", {{"colour", "red"}}, "not a field of an item"},
      {"a price that is not an amount", {{"price", {{"min", "cheap"}, {"max", "5"}}}}, "price.min"},
      {"a variant price that is a number", {{"variants", {{{"skuId", "1"}, {"price", 5.5}}}}}, "variants"},
      {"a title that is not text", {{"title", 42}}, "title"},
      {"nothing to change", nlohmann::json::object(), "at least one field"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.story);
    Box box;
    std::int64_t id = box.collect(offer("1", "Socks", "5.00"));
    auto r = box->update(id, 1, c.patch, "t2");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
    EXPECT_NE(r.error().message.find(c.says), std::string::npos) << r.error().message;
    EXPECT_EQ(box->get(id)->revision, 1);
  }
}

TEST(Editing, the_history_says_who_changed_what) {
  Box box;
  std::int64_t id = box.collect(offer("1", "Socks", "5.00"), "t1");
  ASSERT_TRUE(box->update(id, 1, {{"title", "Wool socks"}}, "t2"));
  box.collect(offer("1", "Socks", "4.50"), "t3");
  ASSERT_TRUE(box->remove(id, "t4"));
  ASSERT_TRUE(box->restore(id, "t5"));

  auto history = box->history(id);
  ASSERT_TRUE(history) << history.error().message;
  struct Expected {
    std::int64_t revision;
    const char* at;
    const char* by;
  };
  const Expected expected[] = {{1, "t1", "collect"}, {2, "t2", "edit"}, {3, "t3", "collect"},
                               {4, "t4", "delete"},  {5, "t5", "restore"}};
  ASSERT_EQ(history->size(), std::size(expected));
  for (std::size_t i = 0; i < history->size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ((*history)[i].revision, expected[i].revision);
    EXPECT_EQ((*history)[i].at, expected[i].at);
    EXPECT_EQ((*history)[i].by, expected[i].by);
  }
  EXPECT_EQ((*history)[0].changes["title"], "Socks");
  EXPECT_EQ((*history)[1].changes, (nlohmann::json{{"title", "Wool socks"}}));
  EXPECT_EQ((*history)[2].changes, (nlohmann::json{{"price", {{"min", "4.50"}, {"max", "4.50"}}}}));
}

TEST(Editing, a_deleted_item_waits_in_the_trash_until_restored) {
  Box box;
  std::int64_t id = box.collect(offer("1", "Socks", "5.00"));
  ASSERT_TRUE(box->remove(id, "2026-11-27T07:00:00Z"));
  EXPECT_EQ(*box->count(), 0);
  EXPECT_TRUE(box->list({})->items.empty());
  ListQuery trash;
  trash.trash = true;
  auto in_trash = box->list(trash);
  ASSERT_TRUE(in_trash);
  ASSERT_EQ(in_trash->items.size(), 1u);
  EXPECT_EQ(in_trash->items[0].deleted_at, "2026-11-27T07:00:00Z");

  ASSERT_TRUE(box->restore(id, "2026-11-27T08:00:00Z"));
  EXPECT_EQ(*box->count(), 1);
  EXPECT_EQ(box->get(id)->deleted_at, "");
  EXPECT_TRUE(box->list(trash)->items.empty());
}

TEST(Editing, the_trash_keeps_a_deleted_item_for_thirty_days) {
  EXPECT_EQ(trash_cutoff("2026-11-27T06:00:00Z"), "2026-10-28T06:00:00Z");
  EXPECT_EQ(trash_cutoff("2026-03-01T23:59:59Z"), "2026-01-30T23:59:59Z");
  EXPECT_EQ(trash_cutoff("2024-03-30T00:00:00Z"), "2024-02-29T00:00:00Z");  // leap year
  EXPECT_EQ(trash_cutoff("yesterday"), "");
  EXPECT_EQ(trash_cutoff("2026-13-01T00:00:00Z"), "");
}

TEST(Editing, the_trash_is_emptied_of_what_was_deleted_before_the_cutoff) {
  Box box;
  std::int64_t old_one = box.collect(offer("1", "Socks", "5.00"), "2026-10-01T00:00:00Z", "<html>1</html>");
  std::int64_t recent = box.collect(offer("2", "Scarf", "30.00"), "2026-10-01T00:00:00Z");
  std::int64_t kept = box.collect(offer("3", "Mug", "12.00"), "2026-10-01T00:00:00Z");
  ASSERT_TRUE(box->tag(old_one, {"summer"}, {}));
  ASSERT_TRUE(box->remove(old_one, "2026-10-20T00:00:00Z"));
  ASSERT_TRUE(box->remove(recent, "2026-11-20T00:00:00Z"));

  // 30 days before 2026-11-27.
  auto purged = box->purge_trash("2026-10-28T00:00:00Z");
  ASSERT_TRUE(purged) << purged.error().message;
  EXPECT_EQ(*purged, 1);
  EXPECT_EQ(box->get(old_one).error().code, ErrorCode::not_found);
  EXPECT_EQ(box->restore(old_one, "2026-11-27T00:00:00Z").error().code, ErrorCode::not_found);
  EXPECT_EQ(box->history(old_one).error().code, ErrorCode::not_found);
  EXPECT_TRUE(box->restore(recent, "2026-11-27T00:00:00Z"));
  EXPECT_EQ(*box->count(), 2);
  EXPECT_TRUE(box->get(kept));
  int pages = 0;
  ASSERT_TRUE(box->each_snapshot([&](const Snapshot&) {
    ++pages;
    return Status{};
  }));
  EXPECT_EQ(pages, 0);  // the purged item's page went with it
  auto integrity = box->check_integrity();
  EXPECT_TRUE(integrity) << integrity.error().message;
}

TEST(Editing, tags_group_items_and_never_make_an_open_edit_stale) {
  Box box;
  std::int64_t id = box.collect(offer("1", "Socks", "5.00"));
  auto tags = box->tag(id, {"夏季新品", " winter ", ""}, {});
  ASSERT_TRUE(tags) << tags.error().message;
  EXPECT_EQ(*tags, (std::vector<std::string>{"winter", "夏季新品"}));
  tags = box->tag(id, {"to-list"}, {"winter"});
  ASSERT_TRUE(tags);
  EXPECT_EQ(*tags, (std::vector<std::string>{"to-list", "夏季新品"}));
  EXPECT_EQ(box->get(id)->tags, *tags);
  EXPECT_TRUE(box->update(id, 1, {{"title", "Wool socks"}}, "t2"));  // still revision 1
}

TEST(Editing, an_item_in_the_trash_must_be_restored_before_editing) {
  Box box;
  std::int64_t id = box.collect(offer("1", "Socks", "5.00"));
  ASSERT_TRUE(box->remove(id, "t2"));
  auto r = box->update(id, 2, {{"title", "Wool socks"}}, "t3");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_NE(r.error().message.find("trash"), std::string::npos);
}

TEST(Editing, editing_a_missing_item_is_not_found) {
  Box box;
  EXPECT_EQ(box->update(7, 1, {{"title", "x"}}, "t").error().code, ErrorCode::not_found);
  EXPECT_EQ(box->remove(7, "t").error().code, ErrorCode::not_found);
  EXPECT_EQ(box->tag(7, {"a"}, {}).error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace caiji::store
