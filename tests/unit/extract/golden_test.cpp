// Every fixture page with an expected result in tests/fixtures/expected/<page>.json must give
// exactly that result: field by field, with a diff that names each differing field.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/extract/api.hpp"
#include "core/ingest/charset.hpp"

namespace caiji {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Flattens JSON into pointer -> scalar text, so two results compare entry by entry.
void flatten(const Json& j, const std::string& path, std::map<std::string, std::string>& out) {
  if (j.is_object() && !j.empty()) {
    for (auto it = j.begin(); it != j.end(); ++it) flatten(*it, path + "/" + it.key(), out);
  } else if (j.is_array() && !j.empty()) {
    for (std::size_t i = 0; i < j.size(); ++i) flatten(j[i], path + "/" + std::to_string(i), out);
  } else {
    out[path] = j.dump();
  }
}

std::string diff(const Json& expected, const Json& actual) {
  std::map<std::string, std::string> e, a;
  flatten(expected, "", e);
  flatten(actual, "", a);
  std::ostringstream d;
  for (const auto& [k, v] : e) {
    auto it = a.find(k);
    if (it == a.end()) d << "  missing " << k << " (expected " << v << ")\n";
    else if (it->second != v) d << "  " << k << ": expected " << v << ", got " << it->second << "\n";
  }
  for (const auto& [k, v] : a)
    if (!e.count(k)) d << "  unexpected " << k << " = " << v << "\n";
  return d.str();
}

struct Golden {
  fs::path page;
  fs::path expected;
};

std::vector<Golden> goldens() {
  std::vector<Golden> out;
  const fs::path root = CAIJI_FIXTURES_DIR;
  for (const auto& e : fs::directory_iterator(root / "expected")) {
    if (e.path().extension() != ".json") continue;
    std::string stem = e.path().stem().string();
    for (const char* dir : {"pages", "other-pages"}) {
      fs::path page = root / dir / (stem + ".html");
      if (fs::exists(page)) out.push_back({page, e.path()});
    }
  }
  std::sort(out.begin(), out.end(), [](const Golden& x, const Golden& y) { return x.page < y.page; });
  return out;
}

// The result as a seller's parser gives it, minus what changes with every release.
Json result_for(const fs::path& page) {
  auto html = ingest::to_utf8(slurp(page));
  Json r = Json::parse(extract::extract_json(html ? *html : "", "", R"({"collectedAt":"2026-01-01T00:00:00Z","via":"file"})"));
  if (r.contains("item")) r["item"]["provenance"].erase("parserVersion");
  return r;
}

class GoldenPages : public ::testing::TestWithParam<Golden> {};

TEST_P(GoldenPages, the_page_gives_exactly_the_expected_item) {
  const Golden& g = GetParam();
  Json expected = Json::parse(slurp(g.expected), nullptr, false);
  ASSERT_FALSE(expected.is_discarded()) << g.expected << " is not valid JSON";
  Json actual = result_for(g.page);
  std::string d = diff(expected, actual);
  EXPECT_TRUE(d.empty()) << g.page.filename() << " differs from " << g.expected.filename() << ":\n"
                         << d << "\nfull result: " << actual.dump(2);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenPages, ::testing::ValuesIn(goldens()),
                         [](const ::testing::TestParamInfo<Golden>& info) {
                           std::string n = info.param.page.stem().string();
                           for (char& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenPages);

TEST(GoldenPages, every_product_fixture_page_has_an_expected_result) {
  const fs::path root = CAIJI_FIXTURES_DIR;
  for (const char* dir : {"pages", "other-pages"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& e : fs::directory_iterator(root / dir)) {
      if (e.path().extension() != ".html") continue;
      EXPECT_TRUE(fs::exists(root / "expected" / (e.path().stem().string() + ".json")))
          << e.path().filename() << " has no expected result in tests/fixtures/expected/";
    }
  }
}

}  // namespace
}  // namespace caiji
