// The script-data fast path must find exactly the scripts, meta/link/base tags and title that
// gumbo's tree holds, or say it cannot. Every check here compares the scan with the real tree
// of the same input: fixture and corpus pages, hand-written tokenizer corner cases, and many
// generated pages built from the markup that trips tokenizers.

#include <gtest/gtest.h>
#include <gumbo.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "core/html/ascii.hpp"
#include "core/html/document.hpp"
#include "core/html/script_scan.hpp"

namespace caiji::html {
namespace {

namespace fs = std::filesystem;

std::string attrs_text(const std::vector<std::pair<std::string, std::string>>& attrs) {
  std::string out;
  for (const auto& [n, v] : attrs) out += " " + n + "=[" + v + "]";
  return out;
}

// What the page holds, written out so a mismatch shows the differing line.
std::string from_tree(const Document& doc) {
  std::string out;
  for (const Script& s : doc.scripts()) {
    std::vector<std::pair<std::string, std::string>> attrs;
    for (const auto& [n, v] : s.attributes) attrs.emplace_back(n, v);
    out += "script" + attrs_text(attrs) + " {" + std::string(s.body) + "}\n";
  }
  for (const Node& n : doc.select("meta, link, base")) {
    std::vector<std::pair<std::string, std::string>> attrs;
    const GumboVector& v = n.raw()->v.element.attributes;
    for (unsigned i = 0; i < v.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(v.data[i]);
      attrs.emplace_back(a->name, a->value);
    }
    out += std::string(n.tag()) + attrs_text(attrs) + "\n";
  }
  Node t = doc.select_first("title");
  out += t.valid() ? "title {" + t.text() + "}\n" : "no title\n";
  return out;
}

std::string from_scan(const PageScan& scan, const Document& doc) {
  std::string out;
  for (const ScannedScript& s : scan.scripts) {
    std::vector<std::pair<std::string, std::string>> attrs;
    for (const Attribute& a : s.attributes) attrs.emplace_back(a.name, a.value);
    out += "script" + attrs_text(attrs) + " {" + std::string(s.body) + "}\n";
  }
  for (const ScannedTag& t : scan.tags) {
    std::vector<std::pair<std::string, std::string>> attrs;
    for (const Attribute& a : t.attributes) attrs.emplace_back(a.name, a.value);
    out += std::string(t.name) + attrs_text(attrs) + "\n";
  }
  if (!scan.has_title) {
    out += "no title\n";
  } else if (scan.title_known) {
    out += "title {" + scan.title + "}\n";
  } else {
    Node t = doc.select_first("title");  // the scan deferred to the tree for this one
    out += t.valid() ? "title {" + t.text() + "}\n" : "no title\n";
  }
  return out;
}

// True when the scan vouched for its result (and then it must equal the tree's).
bool scan_matches_tree(std::string_view html, const std::string& label) {
  Result<Document> doc = Document::parse(html);
  if (!doc) return false;
  PageScan scan = scan_page(html);
  if (!scan.exact) return false;
  EXPECT_EQ(from_scan(scan, *doc), from_tree(*doc)) << label;
  // What the scan proves absent is absent: the extractors skip tree queries on its word.
  if (!scan.may_have_password_input) {
    EXPECT_FALSE(doc->select_first("input[type=password]").valid()) << label << ": a password input the scan missed";
  }
  for (const Node& n : doc->select("[id]")) {
    std::string_view id = *n.attr("id");
    // (U+FFFD stands for NUL or broken UTF-8 in the raw value; extract::Page never rules it out.)
    if (!scan.ids_encoded && id.find("\xEF\xBF\xBD") == std::string_view::npos) {
      EXPECT_EQ(scan.ids.count(id), 1u) << label << ": id " << id << " not seen by the scan";
    }
  }
  for (const Node& n : doc->select("[class]")) {
    std::string_view classes = *n.attr("class");
    for (std::size_t i = 0; i < classes.size();) {
      while (i < classes.size() && ascii::is_space(classes[i])) ++i;
      std::size_t start = i;
      while (i < classes.size() && !ascii::is_space(classes[i])) ++i;
      std::string_view c = classes.substr(start, i - start);
      if (!c.empty() && !scan.classes_encoded && c.find("\xEF\xBF\xBD") == std::string_view::npos) {
        EXPECT_NE(html.find(c), std::string_view::npos) << label << ": class " << c << " not in the raw page";
      }
    }
  }
  return true;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> html_files(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".html") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ScriptScan, every_fixture_page_yields_the_scripts_and_tags_of_its_tree) {
  std::size_t pages = 0, exact = 0;
  for (const char* sub : {"pages", "other-pages"}) {
    for (const fs::path& f : html_files(fs::path(CAIJI_FIXTURES_DIR) / sub)) {
      ++pages;
      exact += scan_matches_tree(read_file(f), f.filename().string()) ? 1 : 0;
    }
  }
  ASSERT_GT(pages, 30u);
  // Our fixtures are ordinary pages: the scan must follow every one of them, or it saves nothing.
  EXPECT_EQ(exact, pages);
}

TEST(ScriptScan, every_corpus_page_yields_the_scripts_and_tags_of_its_tree) {
  const fs::path dir(CAIJI_CORPUS_DIR);
  if (!fs::exists(dir)) GTEST_SKIP() << "no corpus at " << dir;
  std::size_t pages = 0, exact = 0;
  for (const fs::path& f : html_files(dir)) {
    ++pages;
    // Raw bytes (some pages are GBK): the scan must follow gumbo whatever the encoding.
    bool ok = scan_matches_tree(read_file(f), f.filename().string());
    exact += ok ? 1 : 0;
    if (!ok) std::printf("  scan deferred to the tree: %s (%s)\n", f.filename().string().c_str(), scan_page(read_file(f)).why.c_str());
  }
  std::printf("  %zu of %zu corpus pages read by the scan alone\n", exact, pages);
  EXPECT_GE(exact * 10, pages * 8);
}

struct Case {
  const char* name;
  std::string html;
  bool exact;  // whether the scan must follow it (when true) or may defer to the tree
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class TokenizerCorner : public ::testing::TestWithParam<Case> {};

TEST_P(TokenizerCorner, matches_the_tree) {
  const Case& c = GetParam();
  const bool exact = scan_matches_tree(c.html, c.name);
  if (c.exact) {
    EXPECT_TRUE(exact) << c.name << ": " << scan_page(c.html).why;
  }
}

using namespace std::string_literals;

INSTANTIATE_TEST_SUITE_P(
    ScriptScan, TokenizerCorner,
    ::testing::Values(
        Case{"end_tag_in_any_case", "<script>a</SCRIPT >b<script type=x>c</sCrIpT/>", true},
        Case{"end_tag_needs_a_delimiter", "<script>var s='</scripts>'; var t='</script'+'>';</script>", true},
        Case{"escaped_script_hides_end_tag", "<script><!--<script>x</script>y--></script><meta name=a content=b>", true},
        Case{"escaped_without_inner_script_ends", "<script><!-- x </script><meta name=a content=b>-->", true},
        Case{"empty_escape", "<script><!-->a</script><script>b</script>", true},
        Case{"double_escape_then_dashes", "<script><!--<script>--></script></script><title>t</title>", true},
        Case{"comment_hides_tags", "<!-- <script>x</script> <meta name=a content=b> --><script>y</script>", true},
        Case{"abrupt_comments", "<!--><script>a</script><!---><script>b</script><!-- -- --!><script>c</script>", true},
        Case{"unterminated_comment", "<script>a</script><!-- <script>b</script>", true},
        Case{"bogus_comments", "<!DOCTYPE html><?xml x><!x><script>a</script></ x><script>b</script>", true},
        Case{"cdata_is_a_bogus_comment_in_html", "<![CDATA[<script>a</script>]]><script>b</script>", true},
        Case{"cdata_in_svg", "<svg><![CDATA[<script>a</script>]]></svg><script>b</script>", true},
        Case{"quoted_gt_in_attributes", "<meta name='a>b' content=\"<script>x</script>\"><script id=\">\">c</script>", true},
        Case{"unquoted_and_valueless", "<meta name=a content=b/><link rel=canonical href=/x async><meta name content>", true},
        Case{"odd_attribute_names", "<meta =x name=a\"b content=c '=d><meta/name=e/content=f>", true},
        Case{"duplicate_attributes_keep_the_first", "<meta name=a name=b content=c CONTENT=d><script ID=x id=y>z</script>", true},
        Case{"upper_case_names", "<META NAME=Title CONTENT=Hi><SCRIPT TYPE=application/ld+json>{}</SCRIPT>", true},
        Case{"entities_in_attributes", "<meta property=og:title content=\"A &amp; B &lt;3 &notit; &#x4e2d;&copy\">", true},
        Case{"raw_text_elements_hide_tags",
             "<style><script>a</script></style><textarea><meta name=x content=y></textarea><xmp><script>b</script></xmp>"
             "<iframe><script>c</script></iframe><noembed><script>d</script></noembed><noframes><script>e</script></noframes>"
             "<script>f</script>",
             true},
        Case{"title_is_rcdata", "<title>a <b>c</b> &amp; d</title><title>second</title>", true},
        Case{"title_folded", "<title>\n  Red \t Shoe \r\n </title>", true},
        Case{"no_title", "<p>hello</p>", true},
        Case{"svg_title_first", "<body><svg><title>icon</title></svg><title>page</title>", true},
        Case{"noscript_is_markup", "<body><noscript><script>a</script><meta name=a content=b></noscript>", true},
        Case{"plaintext_ends_markup", "<script>a</script><plaintext><script>b</script>", true},
        Case{"template_content", "<template><script>a</script><meta name=a content=b></template>", true},
        Case{"meta_and_script_in_table", "<table><meta name=a content=b><tr><script>x</script><td>1</table>", true},
        Case{"crlf_and_nul_in_script", "<script>a\r\nb\rc\0d\x01e</script>"s, true},
        Case{"control_and_noncharacters", "<script>\xC2\x80 \xEF\xBF\xBE \xEF\xB7\x90 \x7F ok</script>", true},
        Case{"nul_in_attribute", "<meta name=a content=\"b\0c\">"s, true},
        Case{"invalid_utf8_in_script", "<script>\xC3 \xED\xA0\x80 \xF8</script>", false},
        Case{"invalid_utf8_in_attribute", "<meta name=a content=\"\xC3(\xFF\">", true},
        Case{"unterminated_script", "<meta name=a content=b><script>var a = 1;", false},
        Case{"unterminated_end_tag", "<script>a</script id='>", false},
        Case{"unterminated_tag", "<script>a</script><meta name=a content=\"b", true},
        Case{"svg_breakout", "<svg><p><script>a</script></svg>", false},
        Case{"svg_script", "<svg><script>a<b></b></script></svg><script>c</script>", false},
        Case{"svg_foreign_object", "<svg><foreignObject><div><script>a</script></div></foreignObject></svg>", false},
        Case{"select_with_style", "<select><style>q</style><meta name=a content=b></select>", false},
        Case{"select_with_options", "<select><option>a<option>b</select><script>c</script>", true},
        Case{"frameset", "<frameset><meta name=a content=b></frameset>", false},
        Case{"base_and_canonical", "<base href=/a/><base href=/b/><link rel=canonical href=//x.com/p><link rel=canonical>", true},
        Case{"lone_lt_and_stray_end_tags", "a < b <1 </> </ > <script>x</script></div></body></html><meta name=late content=z>", true}));

// Pages assembled at random from the pieces tokenizers get wrong: wherever the scan vouches for
// its result, that result is the tree's.
TEST(ScriptScan, generated_pages_match_the_tree_whenever_the_scan_vouches) {
  const std::vector<std::string> pieces = {
      "<script>", "</script>", "</SCRIPT ", "</script/>", "<!--", "-->", "--!>", "<!-->", "<script type=\"a\">",
      "<meta name=a content=\"", "\">", "'", "\"", ">", "<", "</", "<title>", "</title>", "<style>", "</style>",
      "<textarea>", "</textarea>", "<svg>", "</svg>", "<math>", "<![CDATA[", "]]>", "&amp;", "&lt", "\r\n", "\r",
      "\0"s, "x", " ", "=", "/", "<link rel=canonical href=", "<base href=", "<meta property=og:image content=i>",
      "<select>", "</select>", "<option>", "<table>", "<td>", "<noscript>", "<template>", "<p>", "<div id=", "\xE4\xB8\xAD",
      "\xC3", "<!DOCTYPE html>", "<?x>", "<title>T</title>", "<path d=1/>", "<g>", "</g>", "<desc>", "</desc>",
      "<input type=password>", "<input type=\"pass&#119;ord\">", "<isindex type=password>", "<a id=\"x&amp;y\" class=\"b&#99;\">",
      "<b class=\"k\rl\">", "<p id=q>", "</a>", "</p>"};
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(1, 40);
  std::size_t exact = 0;
  const std::size_t total = 3000;
  for (std::size_t n = 0; n < total; ++n) {
    std::string html;
    for (std::size_t k = length(rng); k > 0; --k) html += pieces[pick(rng)];
    exact += scan_matches_tree(html, "generated page #" + std::to_string(n)) ? 1 : 0;
    if (HasFailure()) {
      ADD_FAILURE() << "input: " << ::testing::PrintToString(html);
      return;
    }
  }
  // Most generated pages are ordinary enough to follow; if none were, this test would prove nothing.
  EXPECT_GT(exact, total / 4);
}

// The scan rules out a password field, or an id or class spelled through a character
// reference, only where the tree could not hold one.
TEST(ScriptScan, a_login_field_or_an_encoded_id_is_never_ruled_out) {
  EXPECT_FALSE(scan_page("<form><input type=text name=q></form>").may_have_password_input);
  EXPECT_TRUE(scan_page("<form><INPUT TYPE=\"password\"></form>").may_have_password_input);
  EXPECT_TRUE(scan_page("<input type='pass&#119;ord'>").may_have_password_input);
  EXPECT_TRUE(scan_page("<isindex type=password>").may_have_password_input);
  EXPECT_FALSE(scan_page("<div id=productTitle class=\"a b\">").ids_encoded);
  EXPECT_TRUE(scan_page("<div id=\"product&#84;itle\">").ids_encoded);
  EXPECT_FALSE(scan_page("<div id=\"product&#84;itle\">").classes_encoded);
  EXPECT_TRUE(scan_page("<div class=\"sku&#45;name\">").classes_encoded);
}

TEST(ScriptScan, a_fifty_megabyte_page_is_scanned_without_trouble) {
  // Larger than any real page (the biggest in the corpus is 1.6 MB); built by doubling, so the
  // test spends its time scanning, not appending.
  std::string body = "<div class=x><!-- c --><script>if (a < b) {}</script>" + std::string(4000, 't') + "</div>\n";
  while (body.size() < (50u << 20)) body += body;
  std::string html = "<html><head><meta property=og:title content=Big><script>var a = 1;</script>" + body + "<unclosed";
  PageScan scan = scan_page(html);
  EXPECT_TRUE(scan.exact) << scan.why;
  ASSERT_FALSE(scan.tags.empty());
  EXPECT_EQ(scan.tags.front().attr("content").value_or(""), "Big");
  EXPECT_GT(scan.scripts.size(), 10000u);
}

TEST(ScriptScan, pages_that_end_inside_markup_are_scanned_without_trouble) {
  for (std::string html : {"<", "<!", "<!-", "<!--", "<script", "<script>", "<script><!--", "<script><!--<script>",
                           "<meta name=\"", "<meta name=", "</", "</script", "<title>", "<svg><![CDATA[", "<?"}) {
    PageScan scan = scan_page(html);
    if (scan.exact) {
      EXPECT_TRUE(scan.scripts.empty()) << html;
    }
  }
}

}  // namespace
}  // namespace caiji::html
