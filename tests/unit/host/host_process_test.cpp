// The real `caiji` binary started the way Chrome starts it, talking over pipes.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/store/store.hpp"
#include "extension_id.hpp"
#include "host_process.hpp"

namespace caiji::host {
namespace {

using testing_support::frame;
using testing_support::frames_in;
using testing_support::LiveHost;
using testing_support::request;
using testing_support::run_caiji;
using testing_support::TempDir;
using Json = nlohmann::json;

std::string origin() { return extension_origin(caiji_extension_id()); }

std::vector<Json> replies(const std::string& out) {
  std::string rest;
  std::vector<Json> v;
  for (const auto& f : frames_in(out, &rest)) v.push_back(Json::parse(f));
  EXPECT_EQ(rest, "") << "the host left a half-written message";
  return v;
}

TEST(HostProcess, chrome_starting_the_host_gets_a_hello_and_a_clean_exit) {
  TempDir dir;
  auto r = run_caiji({origin()}, request(1, "hello"), {"XDG_DATA_HOME=" + dir.path().string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto v = replies(r.out);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0]["id"], 1);
  EXPECT_EQ(v[0]["result"]["protocol"], 1);
}

TEST(HostProcess, windows_chrome_arguments_with_a_parent_window_are_host_mode_too) {
  TempDir dir;
  auto r = run_caiji({origin(), "--parent-window=1234"}, request(1, "hello"), {"XDG_DATA_HOME=" + dir.path().string()});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(replies(r.out).size(), 1u);
}

TEST(HostProcess, another_extension_is_refused_with_forbidden_origin) {
  TempDir dir;
  auto r = run_caiji({"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}, request(5, "box.list"),
                     {"XDG_DATA_HOME=" + dir.path().string()});
  EXPECT_EQ(r.exit_code, 6);
  auto v = replies(r.out);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0]["id"], 5);
  EXPECT_EQ(v[0]["error"]["code"], "forbidden_origin");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "caiji" / "box.sqlite")) << "a refused caller must not touch the box";
}

TEST(HostProcess, bad_frames_get_error_replies_and_the_host_keeps_serving) {
  TempDir dir;
  const std::string input = frame("") + frame("\xff\xfe") + frame("[]") + frame("{") + request(9, "hello");
  auto r = run_caiji({origin()}, input, {"XDG_DATA_HOME=" + dir.path().string()});
  EXPECT_EQ(r.exit_code, 0);
  auto v = replies(r.out);
  ASSERT_EQ(v.size(), 5u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(v[i]["error"]["code"], "bad_frame") << i;
  EXPECT_EQ(v[4]["id"], 9);
  EXPECT_EQ(v[4]["ok"], true);
}

TEST(HostProcess, a_stream_cut_inside_a_message_ends_the_host_cleanly) {
  TempDir dir;
  std::string cut = request(2, "hello");
  cut.resize(cut.size() - 3);
  auto r = run_caiji({origin()}, request(1, "hello") + cut, {"XDG_DATA_HOME=" + dir.path().string()});
  EXPECT_EQ(r.exit_code, 7);
  auto v = replies(r.out);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0]["ok"], true);
  EXPECT_EQ(v[1]["error"]["code"], "bad_frame");
}

TEST(HostProcess, an_absurd_length_is_refused_and_the_host_ends_without_reading_it) {
  TempDir dir;
  auto r = run_caiji({origin()}, std::string("\xff\xff\xff\x7f", 4) + "{}", {"XDG_DATA_HOME=" + dir.path().string()});
  EXPECT_EQ(r.exit_code, 7);
  auto v = replies(r.out);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0]["error"]["code"], "too_large");
}

// A seller collects a huge product page (a long description with inline pictures, as 1688
// offers carry them): 60 MB crosses the pipe, is parsed by the host, and stored.
TEST(HostProcess, a_sixty_megabyte_product_page_is_collected) {
  TempDir dir;
  std::ifstream in(std::string(CAIJI_FIXTURES_DIR) + "/pages/shop_jsonld_product.html", std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string html = ss.str();
  std::string picture = "<p>竹制砧板。</p><img alt=\"detail\" src=\"data:image/jpeg;base64,";
  for (int i = 0; i < 60000; ++i) picture += "/9j/4AAQSkZJRgABAQ";
  picture += "\">\n";
  std::string padding;
  padding.reserve((60u << 20) + picture.size());
  while (padding.size() < (60u << 20)) padding += picture;
  const auto body_at = html.find("</body>");
  ASSERT_NE(body_at, std::string::npos);
  html.insert(body_at, "<div class=\"seller-notes\">" + padding + "</div>");
  ASSERT_GT(html.size(), 60u << 20);

  const std::string input = frame(Json{{"v", 1},
                                       {"id", 1},
                                       {"method", "collect.page"},
                                       {"params", {{"url", "https://shop.example/p/1"}, {"html", html}}}}
                                      .dump()) +
                            request(2, "box.list");
  const std::string db = dir.file("box.sqlite");
  auto r = run_caiji({origin(), "--db", db}, input);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto v = replies(r.out);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0]["ok"], true) << v[0].dump().substr(0, 500);
  EXPECT_EQ(v[0]["result"]["item"]["title"], "Bamboo Cutting Board Set & Holder");
  EXPECT_EQ(v[1]["result"]["total"], 1);
}

// A product page of its own for each of `n` products, small like a shop's JSON-LD page.
std::string product_page(int n) {
  const std::string id = std::to_string(n);
  return "<!doctype html><html><head><title>Board " + id +
         "</title><link rel=\"canonical\" href=\"https://shop.example/p/" + id +
         "\"><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
         "\"name\":\"Bamboo board " + id + "\",\"sku\":\"B-" + id +
         "\",\"image\":\"https://shop.example/img/" + id +
         ".jpg\",\"offers\":{\"@type\":\"Offer\",\"price\":\"12.50\",\"priceCurrency\":\"USD\"}}</script></head>"
         "<body><h1>Bamboo board " + id + "</h1></body></html>";
}

// Chrome ends a host however it likes (the service worker stops, the browser quits, a crash):
// killed with SIGKILL in the middle of 1,000 collections, the box stays whole and holds every
// item whose reply had been sent.
TEST(HostProcess, killed_while_storing_a_thousand_items_the_box_keeps_every_acknowledged_one) {
  TempDir dir;
  const std::string db = dir.file("box.sqlite");
  std::string input;
  for (int i = 0; i < 1000; ++i)
    input += frame(Json{{"v", 1},
                        {"id", i},
                        {"method", "collect.page"},
                        {"params", {{"url", "https://shop.example/p/" + std::to_string(i)}, {"html", product_page(i)}}}}
                       .dump());
  LiveHost host({origin(), "--db", db}, std::move(input));
  ASSERT_TRUE(host.started());

  std::vector<std::int64_t> acknowledged;
  std::string message;
  while (acknowledged.size() < 150 && host.next(message)) {
    Json reply = Json::parse(message);
    ASSERT_EQ(reply["ok"], true) << message;
    acknowledged.push_back(reply["result"]["id"].get<std::int64_t>());
  }
  host.kill_now();
  // Replies already in the pipe were acknowledged too.
  while (host.next(message)) {
    Json reply = Json::parse(message, nullptr, false);
    if (reply.is_object() && reply["ok"] == true) acknowledged.push_back(reply["result"]["id"].get<std::int64_t>());
  }
  EXPECT_EQ(host.wait(), 128 + SIGKILL) << "the host finished all 1,000 before it could be killed";
  ASSERT_GE(acknowledged.size(), 150u);

  auto box = store::open_sqlite_store(db);
  ASSERT_TRUE(box) << box.error().message;
  auto integrity = (*box)->check_integrity();
  EXPECT_TRUE(integrity) << integrity.error().message;
  for (std::int64_t id : acknowledged) {
    auto item = (*box)->get(id);
    ASSERT_TRUE(item) << "acknowledged item " << id << " is gone: " << item.error().message;
  }
  auto count = (*box)->count();
  ASSERT_TRUE(count);
  EXPECT_GE(*count, static_cast<std::int64_t>(acknowledged.size()));
  EXPECT_LT(*count, 1000);
}

}  // namespace
}  // namespace caiji::host
