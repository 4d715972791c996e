// Real pages from /work/shared/corpus (never copied into the repository): the variables each
// page generation keeps its product data in are found and read. Skipped when the folder is
// absent.

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/script/locate.hpp"

namespace caiji::script {
namespace {

using nlohmann::json;

std::string read_page(const std::string& name) {
  std::ifstream in(std::filesystem::path(CAIJI_CORPUS_DIR) / name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A naive <script>...</script> split: enough for these pages, not an HTML parser.
std::vector<std::string_view> script_bodies(std::string_view html) {
  std::vector<std::string_view> bodies;
  std::size_t pos = 0;
  while ((pos = html.find("<script", pos)) != std::string_view::npos) {
    const std::size_t open_end = html.find('>', pos);
    if (open_end == std::string_view::npos) break;
    const std::size_t close = html.find("</script>", open_end);
    if (close == std::string_view::npos) break;
    bodies.push_back(html.substr(open_end + 1, close - open_end - 1));
    pos = close;
  }
  return bodies;
}

struct PageCase {
  const char* page;
  enum class Via { assignment, call } via;
  const char* name;            // variable or callee
  const char* first_argument;  // for calls
  const char* pointer;         // JSON pointer to a non-empty value in what was read
};

void PrintTo(const PageCase& c, std::ostream* os) { *os << c.page << " " << c.name; }

class CorpusPage : public testing::TestWithParam<PageCase> {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(CAIJI_CORPUS_DIR)) GTEST_SKIP() << "no corpus at " << CAIJI_CORPUS_DIR;
  }
};

TEST_P(CorpusPage, product_data_variable_is_found_and_read) {
  const PageCase& c = GetParam();
  const std::string html = read_page(c.page);
  ASSERT_FALSE(html.empty()) << c.page;
  std::string problems;
  for (std::string_view body : script_bodies(html)) {
    Result<json> r = c.via == PageCase::Via::assignment ? find_assignment(body, c.name)
                                                        : find_call_arguments(body, c.name, c.first_argument);
    if (!r) {
      if (r.error().code != ErrorCode::not_found ||
          r.error().message.find("could not be read") != std::string::npos)
        problems += "\n  " + r.error().message;
      continue;
    }
    const json::json_pointer at(c.pointer);
    if (!r->contains(at)) continue;  // an earlier stub (runParams = {}) or another call
    const json& v = r->at(at);
    EXPECT_FALSE(v.is_null() || ((v.is_object() || v.is_array() || v.is_string()) && v.empty()))
        << c.page << " " << c.name << c.pointer << " = " << v.dump();
    (void)r->dump();  // valid UTF-8 even on GBK pages
    return;
  }
  ADD_FAILURE() << c.page << ": no " << c.name << " with " << c.pointer << problems;
}

using Via = PageCase::Via;

const PageCase page_cases[] = {
    {"aliexpress-product-1.html", Via::assignment, "window.runParams", "", "/data/skuModule"},
    {"aliexpress-product-2.html", Via::assignment, "window.runParams", "", "/data/priceModule"},
    {"aliexpress-product-3.html", Via::assignment, "window.runParams", "", "/data/imageModule"},
    {"aliexpress-product-4.html", Via::assignment, "window.runParams", "", "/data/titleModule"},
    {"aliexpress-product-5.html", Via::assignment, "window.runParams", "", "/data/skuModule"},
    {"aliexpress-product-6.html", Via::assignment, "window.runParams", "", "/data/skuModule"},
    {"aliexpress-product-7.html", Via::assignment, "window.runParams", "", "/data/skuModule"},
    {"aliexpress-product-9.html", Via::assignment, "window.runParams", "", "/data/priceComponent"},
    {"aliexpress-product-8.html", Via::assignment, "window._d_c_.DCData", "", "/extParams"},
    {"aliexpress-product-10.html", Via::assignment, "_d_c_.DCData", "", "/extParams"},
    {"1688-product-1.html", Via::assignment, "window.context", "", "/result/data"},
    {"1688-product-2.html", Via::assignment, "window.context", "", "/result/data"},
    {"1688-product-3.html", Via::assignment, "iDetailConfig", "", "/offerid"},
    {"1688-product-3.html", Via::assignment, "iDetailData", "", "/sku/skuMap"},
    {"jd-product-1.html", Via::assignment, "pageConfig", "", "/product/skuid"},
    {"jd-product-2.html", Via::assignment, "pageConfig", "", "/product/imageList"},  // GBK bytes
    {"jd-product-6.html", Via::assignment, "pageConfig", "", "/product/name"},
    {"taobao-product-1.html", Via::assignment, "g_config", "", "/idata/item/id"},
    {"taobao-product-1.html", Via::call, "Hub.config.set", "sku", "/1/valItemInfo/skuMap"},
    {"taobao-product-5.html", Via::call, "Hub.config.set", "sku", "/1/valItemInfo/skuMap"},
    {"tmall-product-1.html", Via::call, "TShop.Setup", "", "/0/valItemInfo/skuMap"},
    {"tmall-product-2.html", Via::call, "TShop.Setup", "", "/0/valItemInfo/skuList"},
};

INSTANTIATE_TEST_SUITE_P(Pages, CorpusPage, testing::ValuesIn(page_cases),
                         [](const testing::TestParamInfo<PageCase>& i) {
                           std::string n = std::string(i.param.page) + "_" + i.param.name;
                           for (char& ch : n)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });

TEST(Corpus, known_values_survive_the_reader) {
  if (!std::filesystem::is_directory(CAIJI_CORPUS_DIR)) GTEST_SKIP() << "no corpus at " << CAIJI_CORPUS_DIR;
  const std::string jd = read_page("jd-product-1.html");
  const std::string offer = read_page("1688-product-3.html");
  json jd_config;
  json offer_config;
  for (std::string_view body : script_bodies(jd))
    if (Result<json> r = find_assignment(body, "pageConfig")) jd_config = std::move(r).value();
  for (std::string_view body : script_bodies(offer))
    if (Result<json> r = find_assignment(body, "iDetailConfig")) offer_config = std::move(r).value();
  EXPECT_EQ(jd_config["product"]["skuid"], 1020565583);
  EXPECT_EQ(jd_config["product"]["shopId"], "25789");
  EXPECT_EQ(offer_config["offerid"], "601748658723");
  EXPECT_EQ(offer_config["refPrice"], "16.50");
}

}  // namespace
}  // namespace caiji::script
