// `caiji collect URL`: libcurl against a small HTTP server on 127.0.0.1 that the test runs.

#include <gtest/gtest.h>


#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "core/fetch/fetcher.hpp"
#include "core/ingest/charset.hpp"
#include "host_process.hpp"
#include "local_site.hpp"

namespace caiji {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(CAIJI_FIXTURES_DIR) + "/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using testing_support::LocalSite;

void shop(int fd, const std::string& path) {
  if (path == "/p/board") {
    LocalSite::reply(fd, "200 OK", "text/html; charset=utf-8", fixture("pages/shop_jsonld_product.html"));
  } else if (path == "/gbk") {
    // 连衣裙 in GBK, declared only in the HTTP header.
    LocalSite::reply(fd, "200 OK", "text/html; charset=GBK", "<html><head><title>\xc1\xac\xd2\xc2\xc8\xb9</title></head></html>");
  } else if (path == "/moved") {
    LocalSite::send_all(fd, "HTTP/1.1 302 Found\r\nLocation: /p/board\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  } else if (path == "/slow") {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    LocalSite::reply(fd, "200 OK", "text/html", "<p>late</p>");
  } else if (path == "/announced-huge") {
    LocalSite::send_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 52428800\r\nConnection: close\r\n\r\n<p>");
  } else if (path == "/unannounced-huge") {
    LocalSite::send_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n");
    const std::string chunk(64 * 1024, 'x');
    for (int i = 0; i < 40; ++i) LocalSite::send_all(fd, chunk);
  } else {
    LocalSite::reply(fd, "404 Not Found", "text/html", "<h1>Not found</h1>");
  }
}

TEST(Fetch, a_product_page_is_fetched_with_its_content_type) {
  LocalSite site(shop);
  fetch::Fetcher f;
  auto page = f.fetch(site.url("/p/board"));
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(page->body, fixture("pages/shop_jsonld_product.html"));
}

TEST(Fetch, a_gbk_page_declared_in_the_header_becomes_utf8) {
  LocalSite site(shop);
  fetch::Fetcher f;
  auto page = f.fetch(site.url("/gbk"));
  ASSERT_TRUE(page);
  auto html = ingest::to_utf8(page->body, page->content_type);
  ASSERT_TRUE(html);
  EXPECT_NE(html->find("连衣裙"), std::string::npos);
}

TEST(Fetch, a_redirect_is_followed_and_the_final_address_kept) {
  LocalSite site(shop);
  fetch::Fetcher f;
  auto page = f.fetch(site.url("/moved"));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->url, site.url("/p/board"));
}

TEST(Fetch, a_missing_page_is_an_error_naming_the_status) {
  LocalSite site(shop);
  fetch::Fetcher f;
  auto page = f.fetch(site.url("/gone"));
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, ErrorCode::io_error);
  EXPECT_NE(page.error().message.find("404"), std::string::npos);
}

TEST(Fetch, a_site_that_answers_too_slowly_times_out) {
  LocalSite site(shop);
  fetch::Fetcher f;
  fetch::FetchOptions o;
  o.timeout_ms = 300;
  const auto start = std::chrono::steady_clock::now();
  auto page = f.fetch(site.url("/slow"), o);
  ASSERT_FALSE(page);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1400));
  EXPECT_NE(page.error().message.find("within"), std::string::npos) << page.error().message;
}

TEST(Fetch, a_page_larger_than_the_cap_is_refused_whether_announced_or_not) {
  LocalSite site(shop);
  fetch::Fetcher f;
  fetch::FetchOptions o;
  o.max_bytes = 1 << 20;
  for (const char* path : {"/announced-huge", "/unannounced-huge"}) {
    auto page = f.fetch(site.url(path), o);
    ASSERT_FALSE(page) << path;
    EXPECT_EQ(page.error().code, ErrorCode::input_too_large) << path;
  }
}

TEST(Fetch, only_web_addresses_are_fetched) {
  fetch::Fetcher f;
  for (const char* url : {"file:///etc/passwd", "ftp://127.0.0.1/", "javascript:alert(1)"}) {
    auto page = f.fetch(url);
    ASSERT_FALSE(page) << url;
    EXPECT_EQ(page.error().code, ErrorCode::invalid_argument) << url;
  }
}

TEST(Fetch, nobody_listening_is_a_clear_error) {
  int port;
  {
    LocalSite site(shop);  // take a free port, then free it again
    port = std::stoi(site.url("").substr(17));
  }
  fetch::Fetcher f;
  auto page = f.fetch("http://127.0.0.1:" + std::to_string(port) + "/");
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, ErrorCode::io_error);
}

TEST(Fetch, caiji_collect_url_stores_the_fetched_product_and_reports_failures) {
  LocalSite site(shop);
  testing_support::TempDir dir;
  const std::string db = dir.file("box.sqlite");
  auto r = testing_support::run_caiji({"collect", "--json", "--db", db, site.url("/p/board"), site.url("/gone")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::istringstream lines(r.out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  auto a = nlohmann::json::parse(first);
  auto b = nlohmann::json::parse(second);
  EXPECT_EQ(a["ok"], true);
  EXPECT_EQ(a["outcome"], "created");
  EXPECT_EQ(b["ok"], false);
  EXPECT_EQ(b["code"], "io_error");
  auto shown = testing_support::run_caiji({"box", "show", "1", "--json", "--db", db});
  ASSERT_EQ(shown.exit_code, 0);
  auto item = nlohmann::json::parse(shown.out)["item"];
  EXPECT_EQ(item["provenance"]["via"], "url");
  EXPECT_EQ(item["source"]["url"], site.url("/p/board"));
}

}  // namespace
}  // namespace caiji
