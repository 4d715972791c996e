#include <gtest/gtest.h>

#include "core/normalize/description.hpp"

namespace caiji::normalize {
namespace {

TEST(Description, scripts_styles_frames_and_handlers_never_reach_the_seller) {
  auto d = sanitize_description(
      "<div onclick=\"steal()\" style=\"color:red\"><script>alert(1)</script><style>p{}</style>"
      "<iframe src=\"https://evil.example\"></iframe><p class=\"x\">Soft <b>cotton</b></p>"
      "<a href=\"javascript:alert(1)\">click</a><form><input value=1></form></div>",
      "https://shop.example/item/1");
  EXPECT_EQ(d.html, "<div><p>Soft <b>cotton</b></p><a>click</a></div>");
}

TEST(Description, lazy_loaded_pictures_get_their_real_absolute_address) {
  auto d = sanitize_description(
      "<p><img src=\"https://assets.example/spaceball.gif\" data-ks-lazyload=\"//img.alicdn.com/imgextra/i1/A.jpg_60x60.jpg\">"
      "<img data-src=\"/img/b.png\" alt=\" size  chart \"><img src=\"data:image/gif;base64,R0lG\"></p>",
      "https://item.taobao.com/item.htm?id=1");
  ASSERT_EQ(d.images.size(), 2u);
  EXPECT_EQ(d.images[0], "https://img.alicdn.com/imgextra/i1/A.jpg");
  EXPECT_EQ(d.images[1], "https://item.taobao.com/img/b.png");
  EXPECT_EQ(d.html,
            "<p><img src=\"https://img.alicdn.com/imgextra/i1/A.jpg\"><img src=\"https://item.taobao.com/img/b.png\" "
            "alt=\"size chart\"><img></p>");
}

TEST(Description, text_is_escaped_and_tables_keep_their_spans) {
  auto d = sanitize_description("<table><tr><td colspan=\"2\" width=\"9\">a &lt; b</td></tr></table>", "");
  EXPECT_EQ(d.html, "<table><tbody><tr><td colspan=\"2\">a &lt; b</td></tr></tbody></table>");
}

TEST(Description, an_empty_or_script_only_description_is_empty) {
  EXPECT_EQ(sanitize_description("<script>var a=1;</script>  ", "").html, "");
  EXPECT_EQ(sanitize_description("", "").html, "");
}

TEST(Description, deep_but_plausible_nesting_keeps_its_text) {
  std::string deep;
  for (int i = 0; i < 500; ++i) deep += "<span>";
  deep += "x";
  EXPECT_NE(sanitize_description(deep, "").html.find('x'), std::string::npos);
}

TEST(Description, absurd_nesting_is_dropped_without_a_crash) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  EXPECT_EQ(sanitize_description(deep + "x", "").html, "");
}

}  // namespace
}  // namespace caiji::normalize
