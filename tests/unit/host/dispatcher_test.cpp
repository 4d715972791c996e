// Every method the extension calls, its success and its refusals, against a real box file.

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "box_service.hpp"
#include "core/item/item_json.hpp"
#include "host_process.hpp"
#include "local_site.hpp"
#include "messaging/dispatcher.hpp"

namespace caiji::host {
namespace {

using testing_support::LocalSite;
using testing_support::TempDir;

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(CAIJI_FIXTURES_DIR) + "/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Extension : public ::testing::Test {
 protected:
  TempDir dir;
  BoxService service{dir.file("box.sqlite"), [] { return std::string("2026-11-27T06:00:00Z"); }};
  std::size_t max_reply = kMaxOutgoingBytes;
  std::vector<std::string> sent;
  int next_id = 1;

  // Sends one request; returns every message the host sent back for it.
  std::vector<Json> call_all(const std::string& method, const Json& params, bool progress = false) {
    Dispatcher d(service, max_reply);
    sent.clear();
    Json req = {{"v", 1}, {"id", next_id++}, {"method", method}, {"params", params}};
    if (progress) req["progress"] = true;
    d.handle(req.dump(), [&](std::string_view m) {
      sent.emplace_back(m);
      return true;
    });
    std::vector<Json> out;
    for (const auto& m : sent) {
      EXPECT_LE(m.size(), max_reply) << "a message over the reply limit";
      out.push_back(Json::parse(m));
    }
    return out;
  }
  // The reply (joined from its parts when it came in parts).
  Json call(const std::string& method, const Json& params = Json::object(), bool progress = false) {
    auto all = call_all(method, params, progress);
    std::string joined;
    for (const auto& m : all) {
      if (m.contains("event")) continue;
      if (m.contains("part")) {
        joined += m["data"].get<std::string>();
        if (m["part"] == m["parts"]) return Json::parse(joined);
        continue;
      }
      return m;
    }
    ADD_FAILURE() << "no reply";
    return {};
  }
  Json result(const std::string& method, const Json& params = Json::object()) {
    Json r = call(method, params);
    EXPECT_EQ(r["ok"], true) << r.dump();
    return r["result"];
  }
  std::string error_code(const std::string& method, const Json& params = Json::object()) {
    Json r = call(method, params);
    EXPECT_EQ(r["ok"], false) << r.dump();
    EXPECT_FALSE(r["error"]["message"].get<std::string>().empty());
    return r["error"]["code"];
  }
  std::int64_t collect_board(const std::string& url = "https://shop.example/p/1") {
    Json r = result("collect.page", {{"url", url}, {"html", fixture("pages/shop_jsonld_product.html")}});
    return r["id"];
  }
};

TEST_F(Extension, hello_tells_the_extension_what_this_host_speaks) {
  Json r = result("hello", {{"parserVersion", "0.0.1"}});
  EXPECT_EQ(r["protocol"], 1);
  EXPECT_EQ(r["parserMatches"], false);
  EXPECT_EQ(r["capabilities"]["maxReplyBytes"], kMaxOutgoingBytes);
  EXPECT_EQ(r["methods"].size(), Dispatcher::methods().size());
  EXPECT_EQ(r["extensionId"].get<std::string>().size(), 32u);
}

TEST_F(Extension, a_product_page_is_parsed_again_by_the_host_and_stored) {
  Json r = result("collect.page", {{"url", "https://shop.example/p/1"}, {"html", fixture("pages/shop_jsonld_product.html")}});
  EXPECT_EQ(r["stored"], true);
  EXPECT_EQ(r["kind"], "product");
  EXPECT_EQ(r["outcome"], "created");
  EXPECT_EQ(r["item"]["title"], "Bamboo Cutting Board Set & Holder");
  Json got = result("box.get", {{"id", r["id"]}});
  EXPECT_EQ(got["item"]["price"]["min"], "34.90");
}

TEST_F(Extension, collecting_the_same_product_twice_updates_it) {
  const auto first = collect_board();
  Json again = result("collect.page", {{"url", "https://shop.example/p/1"}, {"html", fixture("pages/shop_jsonld_product.html")}});
  EXPECT_EQ(again["id"], first);
  EXPECT_NE(again["outcome"], "created");
}

TEST_F(Extension, an_in_page_item_that_agrees_with_the_host_leaves_no_warning) {
  const std::string html = fixture("pages/shop_jsonld_product.html");
  Json first = result("collect.page", {{"url", "https://shop.example/p/1"}, {"html", html}});
  Json r = result("collect.page", {{"url", "https://shop.example/p/1"}, {"html", html}, {"item", first["item"]}});
  EXPECT_EQ(r["mismatch"], Json::array());
  for (const auto& w : r["item"]["warnings"]) EXPECT_NE(w["code"], "page_parser_mismatch");
}

TEST_F(Extension, an_in_page_item_that_read_a_different_price_is_noted_and_the_host_reading_kept) {
  const std::string html = fixture("pages/shop_jsonld_product.html");
  Json page_item = result("collect.page", {{"url", "https://shop.example/p/1"}, {"html", html}})["item"];
  page_item["price"] = {{"min", "1.00"}, {"max", "1.00"}};
  page_item["title"] = "Something else";
  Json r = result("collect.page", {{"url", "https://shop.example/p/1"}, {"html", html}, {"item", page_item}});
  EXPECT_EQ(r["mismatch"], Json::array({"price", "title"}));
  EXPECT_EQ(r["item"]["price"]["min"], "34.90");
  bool warned = false;
  for (const auto& w : r["item"]["warnings"]) warned |= w["code"] == "page_parser_mismatch";
  EXPECT_TRUE(warned);
}

TEST_F(Extension, an_in_page_item_that_is_not_an_item_is_noted) {
  Json r = result("collect.page", {{"url", "https://shop.example/p/1"},
                                   {"html", fixture("pages/shop_jsonld_product.html")},
                                   {"item", {{"schemaVersion", "one"}}}});
  bool warned = false;
  for (const auto& w : r["item"]["warnings"]) warned |= w["code"] == "page_item_unreadable";
  EXPECT_TRUE(warned);
}

TEST_F(Extension, a_search_results_page_is_not_stored_and_its_product_links_come_back) {
  Json r = result("collect.page", {{"url", "https://search.jd.com/Search?keyword=phone"},
                                   {"html", fixture("other-pages/jd_search_list.html")}});
  EXPECT_EQ(r["stored"], false);
  EXPECT_EQ(r["kind"], "list");
  EXPECT_EQ(r["productLinks"].size(), 3u);
  EXPECT_EQ(result("box.list")["total"], 0);
}

TEST_F(Extension, collect_with_progress_sends_events_before_the_reply) {
  auto all = call_all("collect.page", {{"url", "https://shop.example/p/1"}, {"html", fixture("pages/shop_jsonld_product.html")}},
                      /*progress=*/true);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0]["event"], "progress");
  EXPECT_EQ(all[0]["stage"], "parsing");
  EXPECT_EQ(all[1]["stage"], "storing");
  EXPECT_EQ(all[2]["ok"], true);
}

TEST_F(Extension, collect_without_progress_sends_only_the_reply) {
  EXPECT_EQ(call_all("collect.page", {{"url", ""}, {"html", fixture("pages/shop_jsonld_product.html")}}).size(), 1u);
}

struct BadParams {
  const char* method;
  Json params;
  const char* code;
};

TEST_F(Extension, missing_or_mistyped_fields_are_refused_naming_the_field) {
  const std::vector<BadParams> cases = {
      {"collect.page", {{"url", "https://x.example/"}}, "invalid_params"},
      {"collect.page", {{"html", "<p>"}}, "invalid_params"},
      {"collect.page", {{"url", 5}, {"html", "<p>"}}, "invalid_params"},
      {"collect.page", {{"url", ""}, {"html", "<p>"}, {"pageData", "x"}}, "invalid_params"},
      {"collect.page", {{"url", ""}, {"html", "<p>"}, {"item", Json::array()}}, "invalid_params"},
      {"box.get", Json::object(), "invalid_params"},
      {"box.get", {{"id", "7"}}, "invalid_params"},
      {"box.get", {{"id", 0}}, "invalid_params"},
      {"box.get", {{"id", 1.5}}, "invalid_params"},
      {"box.list", {{"limit", 0}}, "invalid_params"},
      {"box.list", {{"limit", 501}}, "invalid_params"},
      {"box.list", {{"sort", "cheapest"}}, "invalid_params"},
      {"box.list", {{"trash", "yes"}}, "invalid_params"},
      {"box.list", {{"view", "tiny"}}, "invalid_params"},
      {"box.update", {{"id", 1}, {"patch", {{"title", "x"}}}}, "invalid_params"},
      {"box.update", {{"id", 1}, {"revision", 1}}, "invalid_params"},
      {"box.update", {{"id", 1}, {"revision", 1}, {"patch", Json::object()}}, "invalid_params"},
      {"box.tag", {{"id", 1}}, "invalid_params"},
      {"box.tag", {{"id", 1}, {"add", "summer"}}, "invalid_params"},
      {"box.tag", {{"id", 1}, {"add", {""}}}, "invalid_params"},
      {"box.delete", {{"id", -3}}, "invalid_params"},
      {"box.export", Json::object(), "unknown_method"},
  };
  for (const auto& c : cases) EXPECT_EQ(error_code(c.method, c.params), c.code) << c.method << " " << c.params.dump();
}

TEST_F(Extension, asking_for_an_item_that_is_not_there_is_not_found) {
  EXPECT_EQ(error_code("box.get", {{"id", 999}}), "not_found");
  EXPECT_EQ(error_code("box.update", {{"id", 999}, {"revision", 1}, {"patch", {{"title", "x"}}}}), "not_found");
  EXPECT_EQ(error_code("box.delete", {{"id", 999}}), "not_found");
  EXPECT_EQ(error_code("box.restore", {{"id", 999}}), "not_found");
  EXPECT_EQ(error_code("box.tag", {{"id", 999}, {"add", {"x"}}}), "not_found");
}

TEST_F(Extension, an_edit_made_on_the_revision_the_seller_saw_is_kept) {
  const auto id = collect_board();
  Json r = result("box.update", {{"id", id}, {"revision", 1}, {"patch", {{"title", "Bamboo board, 3 pieces"}}}});
  EXPECT_EQ(r["revision"], 2);
  EXPECT_EQ(r["item"]["title"], "Bamboo board, 3 pieces");
  EXPECT_EQ(r["editedFields"], Json::array({"title"}));
}

TEST_F(Extension, an_edit_made_on_a_stale_revision_is_a_conflict) {
  const auto id = collect_board();
  result("box.update", {{"id", id}, {"revision", 1}, {"patch", {{"title", "First tab"}}}});
  EXPECT_EQ(error_code("box.update", {{"id", id}, {"revision", 1}, {"patch", {{"title", "Second tab"}}}}), "conflict");
  EXPECT_EQ(result("box.get", {{"id", id}})["item"]["title"], "First tab");
}

TEST_F(Extension, an_edit_that_would_break_the_item_is_refused) {
  const auto id = collect_board();
  EXPECT_EQ(error_code("box.update", {{"id", id}, {"revision", 1}, {"patch", {{"price", "cheap"}}}}), "invalid_params");
}

TEST_F(Extension, a_deleted_item_leaves_the_box_for_the_trash_and_comes_back) {
  const auto id = collect_board();
  EXPECT_EQ(result("box.delete", {{"id", id}})["deleted"], true);
  EXPECT_EQ(result("box.list")["total"], 0);
  EXPECT_EQ(result("box.list", {{"trash", true}})["total"], 1);
  EXPECT_EQ(result("box.restore", {{"id", id}})["restored"], true);
  EXPECT_EQ(result("box.list")["total"], 1);
}

TEST_F(Extension, tags_group_items_and_filter_the_list) {
  const auto id = collect_board();
  EXPECT_EQ(result("box.tag", {{"id", id}, {"add", {"summer", "kitchen"}}})["tags"].size(), 2u);
  Json after = result("box.tag", {{"id", id}, {"remove", {"summer"}}});
  EXPECT_EQ(after["tags"], Json::array({"kitchen"}));
  EXPECT_EQ(result("box.list", {{"tag", "kitchen"}})["total"], 1);
  EXPECT_EQ(result("box.list", {{"tag", "summer"}})["total"], 0);
}

TEST_F(Extension, the_list_searches_titles_and_pages_with_a_cursor) {
  for (int i = 0; i < 5; ++i) collect_board("https://shop.example/p/" + std::to_string(i));
  EXPECT_EQ(result("box.list", {{"search", "bamboo"}})["total"], 5);
  EXPECT_EQ(result("box.list", {{"search", "teapot"}})["total"], 0);
  Json first = result("box.list", {{"limit", 2}});
  EXPECT_EQ(first["items"].size(), 2u);
  EXPECT_EQ(first["total"], 5);
  std::set<std::int64_t> seen;
  Json page = first;
  for (;;) {
    for (const auto& it : page["items"]) seen.insert(it["id"].get<std::int64_t>());
    if (page["nextCursor"] == "") break;
    page = result("box.list", {{"limit", 2}, {"cursor", page["nextCursor"]}});
  }
  EXPECT_EQ(seen.size(), 5u);
}

TEST_F(Extension, box_get_with_history_shows_each_revision) {
  const auto id = collect_board();
  result("box.update", {{"id", id}, {"revision", 1}, {"patch", {{"title", "Edited"}}}});
  Json r = result("box.get", {{"id", id}, {"history", true}});
  ASSERT_GE(r["history"].size(), 2u);
  EXPECT_TRUE(r["priceHistory"].is_array());
}

// Chrome drops a host that sends more than 1 MiB at once: a large page of results must come in
// shorter pages, and one item larger than that in parts.
TEST_F(Extension, a_list_too_large_for_one_message_comes_in_shorter_pages) {
  const std::string big(300 * 1024, 'w');
  for (int i = 0; i < 6; ++i) {
    const auto id = collect_board("https://shop.example/big/" + std::to_string(i));
    result("box.update", {{"id", id}, {"revision", 1}, {"patch", {{"descriptionHtml", "<p>" + big + "</p>"}}}});
  }
  std::set<std::int64_t> seen;
  int pages = 0;
  std::string cursor;
  do {
    auto all = call_all("box.list", {{"view", "full"}, {"limit", 50}, {"cursor", cursor}});
    ASSERT_EQ(all.size(), 1u) << "a list page should shrink, not split";
    Json r = all[0]["result"];
    EXPECT_LT(r["items"].size(), 6u);
    for (const auto& it : r["items"]) seen.insert(it["id"].get<std::int64_t>());
    cursor = r["nextCursor"];
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(seen.size(), 6u);
  EXPECT_GE(pages, 2);
}

TEST_F(Extension, an_item_larger_than_a_message_arrives_in_parts) {
  const auto id = collect_board();
  const std::string big(1536 * 1024, 'w');
  result("box.update", {{"id", id}, {"revision", 1}, {"patch", {{"descriptionHtml", "<p>" + big + "</p>"}}}});
  auto all = call_all("box.get", {{"id", id}});
  ASSERT_GE(all.size(), 2u);
  for (std::size_t i = 0; i < sent.size(); ++i) EXPECT_LE(sent[i].size(), kMaxOutgoingBytes);
  Json r = call("box.get", {{"id", id}});
  EXPECT_EQ(r["result"]["item"]["descriptionHtml"].get<std::string>().size(), big.size() + 7);
}

TEST_F(Extension, a_box_that_cannot_be_opened_is_a_store_error) {
  BoxService broken(dir.path().string(), [] { return std::string("2026-11-27T06:00:00Z"); });
  Dispatcher d(broken);
  std::string reply;
  d.handle(R"({"v":1,"id":1,"method":"box.list"})", [&](std::string_view m) {
    reply = m;
    return true;
  });
  EXPECT_EQ(Json::parse(reply)["error"]["code"], "store_error");
}

// "Collect this link" and "collect all on this page": the host fetches the links itself.
void links_shop(int fd, const std::string& path) {
  if (path == "/p/board" || path == "/p/board-again") {
    LocalSite::reply(fd, "200 OK", "text/html; charset=utf-8", fixture("pages/shop_jsonld_product.html"));
  } else if (path == "/p/other") {
    LocalSite::reply(fd, "200 OK", "text/html; charset=utf-8", fixture("pages/generic_microdata_offer.html"));
  } else if (path == "/search") {
    LocalSite::reply(fd, "200 OK", "text/html; charset=utf-8", fixture("other-pages/jd_search_list.html"));
  } else {
    LocalSite::reply(fd, "404 Not Found", "text/html", "<h1>Not found</h1>");
  }
}

TEST_F(Extension, collect_this_link_fetches_the_product_and_stores_it) {
  LocalSite site(links_shop);
  Json r = result("collect.url", {{"url", site.url("/p/board")}});
  EXPECT_EQ(r["stored"], true);
  EXPECT_EQ(r["outcome"], "created");
  EXPECT_EQ(r["item"]["title"], "Bamboo Cutting Board Set & Holder");
  EXPECT_EQ(r["item"]["provenance"]["via"], "url");
  EXPECT_EQ(r["markedForClaim"], false);
  EXPECT_EQ(result("box.count")["count"], 1);
}

TEST_F(Extension, collect_this_link_reports_a_missing_page_and_a_bad_address_precisely) {
  LocalSite site(links_shop);
  EXPECT_EQ(error_code("collect.url", {{"url", site.url("/gone")}}), "fetch_failed");
  EXPECT_EQ(error_code("collect.url", {{"url", "file:///etc/passwd"}}), "invalid_params");
  EXPECT_EQ(error_code("collect.url", {{"url", 7}}), "invalid_params");
  EXPECT_EQ(error_code("collect.url", Json::object()), "invalid_params");
  EXPECT_EQ(result("box.count")["count"], 0);
}

TEST_F(Extension, collect_this_link_on_a_list_page_stores_nothing_and_returns_its_links) {
  LocalSite site(links_shop);
  Json r = result("collect.url", {{"url", site.url("/search")}});
  EXPECT_EQ(r["stored"], false);
  EXPECT_EQ(r["kind"], "list");
  EXPECT_FALSE(r["productLinks"].empty());
}

TEST_F(Extension, collecting_several_links_keeps_going_past_the_ones_that_fail) {
  LocalSite site(links_shop);
  auto all = call_all("collect.urls",
                      {{"urls", {site.url("/p/board"), site.url("/gone"), site.url("/search"), site.url("/p/other")}},
                       {"via", "category"}},
                      /*progress=*/true);
  ASSERT_FALSE(all.empty());
  std::size_t events = 0;
  for (const auto& m : all) events += m.contains("event");
  EXPECT_GE(events, 4u) << "one progress event per link at least";
  Json r = all.back();
  ASSERT_EQ(r["ok"], true) << r.dump();
  const Json& rows = r["result"]["results"];
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0]["outcome"], "created");
  EXPECT_EQ(rows[1]["ok"], false);
  EXPECT_EQ(rows[1]["error"]["code"], "fetch_failed");
  EXPECT_EQ(rows[2]["stored"], false);
  EXPECT_EQ(rows[2]["kind"], "list");
  EXPECT_EQ(rows[3]["stored"], true);
  EXPECT_EQ(r["result"]["stored"], 2);
  EXPECT_EQ(r["result"]["failed"], 1);
  Json got = result("box.get", {{"id", rows[0]["id"]}});
  EXPECT_EQ(got["item"]["provenance"]["via"], "category");
  EXPECT_EQ(result("box.count")["count"], 2);
}

TEST_F(Extension, collecting_several_links_needs_a_list_of_addresses) {
  EXPECT_EQ(error_code("collect.urls", Json::object()), "invalid_params");
  EXPECT_EQ(error_code("collect.urls", {{"urls", "https://shop.example/p/1"}}), "invalid_params");
  EXPECT_EQ(error_code("collect.urls", {{"urls", {1, 2}}}), "invalid_params");
  EXPECT_EQ(error_code("collect.urls", {{"urls", std::vector<std::string>(101, "https://shop.example/p/1")}}),
            "invalid_params");
}

TEST_F(Extension, one_click_push_from_1688_marks_the_item_to_claim) {
  Json r = result("collect.page", {{"url", "https://shop.example/p/1"},
                                   {"html", fixture("pages/shop_jsonld_product.html")},
                                   {"pageData", Json::object()},
                                   {"via", "page"},
                                   {"markForClaim", true}});
  EXPECT_EQ(r["markedForClaim"], true);
  EXPECT_EQ(r["revision"], 1) << "marking does not make the seller's open edit stale";
  Json got = result("box.get", {{"id", r["id"]}});
  EXPECT_EQ(got["tags"], Json::array({"to-claim"}));
  Json listed = result("box.list", {{"tag", "to-claim"}});
  EXPECT_EQ(listed["total"], 1);
  EXPECT_EQ(error_code("collect.page", {{"url", ""}, {"html", "<p></p>"}, {"markForClaim", "yes"}}), "invalid_params");
  EXPECT_EQ(error_code("collect.page", {{"url", ""}, {"html", "<p></p>"}, {"via", "tab"}}), "invalid_params");
}

TEST_F(Extension, the_popup_count_leaves_out_the_trash) {
  const auto a = collect_board("https://shop.example/p/1");
  collect_board("https://shop.example/p/2");
  EXPECT_EQ(result("box.count")["count"], 2);
  result("box.delete", {{"id", a}});
  EXPECT_EQ(result("box.count")["count"], 1);
  EXPECT_EQ(result("box.list", {{"limit", 1}})["total"], 1);
}

TEST_F(Extension, an_item_deleted_more_than_thirty_days_ago_is_gone_the_next_time_the_box_opens) {
  std::string now = "2026-10-01T06:00:00Z";
  const std::string db = dir.file("trash.sqlite");
  std::int64_t old_one = 0, recent = 0;
  {
    BoxService earlier(db, [&] { return now; });
    Dispatcher d(earlier);
    auto ask = [&](const std::string& method, const Json& params) {
      Json reply;
      d.handle(Json{{"v", 1}, {"id", 1}, {"method", method}, {"params", params}}.dump(), [&](std::string_view m) {
        reply = Json::parse(m);
        return true;
      });
      EXPECT_EQ(reply["ok"], true) << reply.dump();
      return reply["result"];
    };
    const std::string html = fixture("pages/shop_jsonld_product.html");
    old_one = ask("collect.page", {{"url", "https://shop.example/p/old"}, {"html", html}})["id"];
    recent = ask("collect.page", {{"url", "https://shop.example/p/recent"}, {"html", html}})["id"];
    ask("box.delete", {{"id", old_one}});
    now = "2026-11-20T06:00:00Z";
    ask("box.delete", {{"id", recent}});
  }
  now = "2026-11-27T06:00:00Z";
  BoxService later(db, [&] { return now; });
  EXPECT_EQ(later.get(old_one).error().code, ErrorCode::not_found);
  ASSERT_TRUE(later.get(recent));
  EXPECT_TRUE(later.restore(recent));
}

}  // namespace
}  // namespace caiji::host
