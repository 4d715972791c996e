// The seller's command line over a real box: collect, look, edit, trash, tag, re-read.

#include <gtest/gtest.h>

#include <sstream>

#include "host_process.hpp"

namespace caiji {
namespace {

using testing_support::run_caiji;
using testing_support::TempDir;
using Json = nlohmann::json;

class BoxCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string db = dir.file("box.sqlite");
  testing_support::ProcessResult caiji(std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(db);
    return run_caiji(args);
  }
  void SetUp() override {
    auto r = caiji({"collect", std::string(CAIJI_FIXTURES_DIR) + "/pages/shop_jsonld_product.html", "--url",
                    "https://shop.example/p/1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
};

TEST_F(BoxCli, list_shows_a_table_and_json_for_scripts) {
  auto table = caiji({"box", "list"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("TITLE"), std::string::npos);
  EXPECT_NE(table.out.find("Bamboo Cutting Board"), std::string::npos);
  auto json = caiji({"box", "list", "--json"});
  ASSERT_EQ(json.exit_code, 0);
  EXPECT_EQ(Json::parse(json.out)["total"], 1);
}

TEST_F(BoxCli, search_finds_by_words_of_the_title) {
  EXPECT_EQ(Json::parse(caiji({"box", "search", "bamboo", "--json"}).out)["total"], 1);
  EXPECT_EQ(Json::parse(caiji({"box", "search", "teapot", "--json"}).out)["total"], 0);
}

TEST_F(BoxCli, an_edit_changes_the_field_and_a_stale_revision_is_exit_4) {
  auto r = caiji({"box", "edit", "1", "title=Bamboo board set", "price:={\"min\":\"29.00\",\"max\":\"29.00\"}"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json shown = Json::parse(caiji({"box", "show", "1", "--json"}).out);
  EXPECT_EQ(shown["item"]["title"], "Bamboo board set");
  EXPECT_EQ(shown["item"]["price"]["min"], "29.00");
  EXPECT_EQ(caiji({"box", "edit", "1", "--revision", "1", "title=Too late"}).exit_code, 4);
}

TEST_F(BoxCli, delete_moves_to_the_trash_and_restore_brings_it_back) {
  EXPECT_EQ(caiji({"box", "delete", "1"}).exit_code, 0);
  EXPECT_EQ(Json::parse(caiji({"box", "list", "--json"}).out)["total"], 0);
  EXPECT_EQ(Json::parse(caiji({"box", "list", "--trash", "--json"}).out)["total"], 1);
  EXPECT_EQ(caiji({"box", "restore", "1"}).exit_code, 0);
  EXPECT_EQ(Json::parse(caiji({"box", "list", "--json"}).out)["total"], 1);
}

TEST_F(BoxCli, tags_are_added_and_removed) {
  auto r = caiji({"box", "tag", "1", "kitchen", "summer", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Json::parse(r.out)["tags"].size(), 2u);
  r = caiji({"box", "tag", "1", "--remove", "summer", "--json"});
  EXPECT_EQ(Json::parse(r.out)["tags"], Json::array({"kitchen"}));
}

TEST_F(BoxCli, an_item_not_in_the_box_is_exit_1_and_a_bad_command_exit_2) {
  EXPECT_EQ(caiji({"box", "show", "42"}).exit_code, 1);
  EXPECT_EQ(caiji({"box", "polish", "1"}).exit_code, 2);
  EXPECT_EQ(caiji({"box", "show"}).exit_code, 2);
}

TEST_F(BoxCli, reparse_rereads_every_stored_page_and_keeps_seller_edits) {
  ASSERT_EQ(caiji({"box", "edit", "1", "title=My title"}).exit_code, 0);
  auto r = caiji({"reparse", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  std::istringstream lines(r.out);
  std::string line, last;
  int items = 0;
  while (std::getline(lines, line)) {
    if (Json::parse(line).contains("summary")) last = line;
    else ++items;
  }
  EXPECT_EQ(items, 1);
  EXPECT_EQ(Json::parse(last)["failed"], 0);
  EXPECT_EQ(Json::parse(caiji({"box", "show", "1", "--json"}).out)["item"]["title"], "My title");
}

TEST_F(BoxCli, every_command_answers_help) {
  for (const char* verb : {"collect", "box", "parse", "reparse", "install", "uninstall", "doctor"}) {
    auto r = run_caiji({verb, "--help"});
    EXPECT_EQ(r.exit_code, 0) << verb;
    EXPECT_NE(r.out.find("usage: caiji"), std::string::npos) << verb;
  }
}

}  // namespace
}  // namespace caiji
