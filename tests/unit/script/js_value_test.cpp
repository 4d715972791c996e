// The tolerant reader: JavaScript literals as pages write them, read into JSON.

#include "core/script/js_value.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace caiji::script {
namespace {

using nlohmann::json;

json read_ok(std::string_view js) {
  Result<ReadValue> r = read_js_value(js);
  EXPECT_TRUE(r.ok()) << "input: " << js << "\nerror: " << (r.ok() ? "" : r.error().message);
  return r.ok() ? r->value : json();
}

struct LiteralCase {
  const char* name;
  std::string_view js;
  const char* expected_json;
};

void PrintTo(const LiteralCase& c, std::ostream* os) { *os << c.name; }

class JsLiteral : public testing::TestWithParam<LiteralCase> {};

TEST_P(JsLiteral, reads_as_the_json_a_browser_would_build) {
  const LiteralCase& c = GetParam();
  const json expected = json::parse(c.expected_json);
  EXPECT_EQ(read_ok(c.js).dump(), expected.dump()) << "input: " << c.js;
}

const LiteralCase literal_cases[] = {
    {"plain_json", R"({"a": [1, 2.5, "x", true, false, null]})", R"({"a":[1,2.5,"x",true,false,null]})"},
    {"unquoted_keys", "{skuId: 1, $price: 2, _id: 3, a1: 4}", R"({"skuId":1,"$price":2,"_id":3,"a1":4})"},
    {"single_quoted_keys_and_strings", "{'pageType':'', 'offerid':'601'}",
     R"({"pageType":"","offerid":"601"})"},
    {"numeric_keys", "{1: 'a', 0x10: 'b', 2.5: 'c'}", R"({"1":"a","16":"b","2.5":"c"})"},
    {"unicode_escape_in_key", R"({\u0061bc: 1})", R"({"abc":1})"},
    {"non_ascii_identifier_key", "{颜色: '红'}", R"({"颜色":"红"})"},
    {"hex_escape", R"('\x41\x62')", R"("Ab")"},
    {"unicode_escape", R"("caf\u00e9")", R"("café")"},
    {"code_point_escape", R"("\u{1F600}")", R"("😀")"},
    {"surrogate_pair", R"("\uD83D\uDE00")", R"("😀")"},
    {"lone_high_surrogate", R"("a\uD83Db")", R"("a\ufffdb")"},
    {"lone_low_surrogate", R"("\uDE00")", R"("\ufffd")"},
    {"code_point_beyond_unicode", R"("\u{110000}")", R"("\ufffd")"},
    {"escaped_quotes_and_slash", R"('it\'s \"a\" \/path\\')", R"("it's \"a\" /path\\")"},
    {"control_escapes", R"("\n\t\r\b\f\v")", R"("\n\t\r\b\f\u000b")"},
    {"nul_and_legacy_octal", R"("\0|\101|\7")", R"("\u0000|A|\u0007")"},
    {"line_continuation", "'ab\\\ncd\\\r\nef'", R"("abcdef")"},
    {"malformed_hex_escape_keeps_letter", R"("\xZZ")", R"("xZZ")"},
    {"template_without_substitution", "`line1\nline2 `", R"("line1\nline2 ")"},
    {"template_dollar_alone", "`cost $5`", R"("cost $5")"},
    {"trailing_commas", "{a: [1, 2,], b: 3,}", R"({"a":[1,2],"b":3})"},
    {"array_holes", "[1,,2]", R"([1,null,2])"},
    {"comments", "{/* c */ a: 1, // line\n b: /**/ 2}", R"({"a":1,"b":2})"},
    {"undefined_nan_infinity", "[undefined, NaN, Infinity, -Infinity, void 0]",
     R"([null,null,null,null,null])"},
    {"minified_booleans", "[!0, !1, !!1, !'']", R"([true,false,true,true])"},
    {"negative_numbers", "[-5, - 3, -0.5, +7]", R"([-5,-3,-0.5,7])"},
    {"loose_decimals", "[.5, 5., 1e3, 1E-2, 2.5e+1, 007.5]", R"([0.5,5.0,1000.0,0.01,25.0,7.5])"},
    {"radix_numbers", "[0x1F, 0o17, 0b101, 017, 019, 1_000, 10n]", R"([31,15,5,15,19,1000,10])"},
    {"big_integers_stay_numbers", "[18446744073709551615, -9223372036854775808]",
     R"([18446744073709551615,-9223372036854775808])"},
    {"integers_beyond_64_bits_become_floats", "[123456789012345678901234567890]",
     R"([1.2345678901234568e29])"},
    {"huge_exponent_is_null_like_infinity", "[1e400]", R"([null])"},
    {"duplicate_keys_last_wins", "{a: 1, a: 2}", R"({"a":2})"},
    {"function_value_becomes_null", "{a: function (x, y) { return {z: [x, y]}; }, b: 2}",
     R"({"a":null,"b":2})"},
    {"arrow_function_becomes_null", "{a: x => ({y: x}), b: 2}", R"({"a":null,"b":2})"},
    {"identifier_value_becomes_null", "{a: window.contextPath, b: location.href}", R"({"a":null,"b":null})"},
    {"expression_values_become_null",
     "{startTime: +new Date, descUrl: location.protocol === 'http:' ? '//a' : '//b', n: 1 + 2, s: 'a' + x, "
     "t: `${x}`}",
     R"({"startTime":null,"descUrl":null,"n":null,"s":null,"t":null})"},
    {"member_call_on_literal_becomes_null", "{a: 'x,y'.split(','), b: [1].concat([2]), c: 3}",
     R"({"a":null,"b":null,"c":3})"},
    {"regex_value_becomes_null", "{re: /[}\\]],]/g, b: 1}", R"({"re":null,"b":1})"},
    {"methods_and_spread_are_skipped", "{get x() { return 1 }, f() {}, ...rest, [k]: 1, ok: true}",
     R"({"ok":true})"},
    {"non_ascii_whitespace", "{\u00A0a:\u3000 1\u2028}", R"({"a":1})"},
    {"top_level_string", "'just text'", R"("just text")"},
    {"top_level_number", "  -12 ;", "-12"},
    {"empty_containers", "{a: {}, b: []}", R"({"a":{},"b":[]})"},
};

INSTANTIATE_TEST_SUITE_P(Cases, JsLiteral, testing::ValuesIn(literal_cases),
                         [](const testing::TestParamInfo<LiteralCase>& i) {
                           return std::string(i.param.name);
                         });

TEST(JsValue, end_points_just_past_the_literal) {
  const std::string_view js = "x = {a: [1, 2]}; y = 2";
  Result<ReadValue> r = read_js_value(js, 4);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->end, 15u);
  EXPECT_EQ(js.substr(r->end, 1), ";");
}

TEST(JsValue, whole_text_reader_refuses_trailing_text) {
  EXPECT_TRUE(read_entire_js_value(" {a: 1}; // done\n").ok());
  Result<json> r = read_entire_js_value("{a: 1} {b: 2}");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::malformed_input);
  EXPECT_NE(r.error().message.find("offset 7"), std::string::npos) << r.error().message;
}

struct ErrorCase {
  const char* name;
  std::string_view js;
  ErrorCode code;
  const char* message;  // the whole message, position included
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.name; }

class JsLiteralError : public testing::TestWithParam<ErrorCase> {};

TEST_P(JsLiteralError, says_where_and_why) {
  const ErrorCase& c = GetParam();
  Result<ReadValue> r = read_js_value(c.js);
  ASSERT_FALSE(r.ok()) << "input: " << c.js << " read as " << r->value.dump();
  EXPECT_EQ(r.error().code, c.code);
  EXPECT_EQ(r.error().message, c.message);
}

const ErrorCase error_cases[] = {
    {"unterminated_string", "{\n  a: 'abc\n}", ErrorCode::malformed_input,
     "offset 7 (line 2, column 6): unterminated string"},
    {"unterminated_string_at_end", "['abc", ErrorCode::malformed_input,
     "offset 1 (line 1, column 2): unterminated string"},
    {"unterminated_object", "{a: 1, b: {c: 2}", ErrorCode::malformed_input,
     "offset 0 (line 1, column 1): unterminated object (no closing '}')"},
    {"unterminated_array", "[1, [2]", ErrorCode::malformed_input,
     "offset 0 (line 1, column 1): unterminated array (no closing ']')"},
    {"unterminated_comment", "{a: 1 /* no end", ErrorCode::malformed_input,
     "offset 6 (line 1, column 7): unterminated comment (no closing */)"},
    {"empty_input", "   ", ErrorCode::malformed_input,
     "offset 3 (line 1, column 4): expected a value, found the end of the text"},
    {"identifier_at_top", "window.x", ErrorCode::malformed_input,
     "offset 0 (line 1, column 1): expected a value (object, array, string, number, true, false or null), "
     "found `window`"},
    {"missing_comma", "{a: 1 b: 2}", ErrorCode::malformed_input,
     "offset 6 (line 1, column 7): expected ',' or '}', found `b`"},
    {"missing_value", "{a: }", ErrorCode::malformed_input,
     "offset 4 (line 1, column 5): expected a value, found `}`"},
    {"unbalanced_function_body", "{f: function () { return (1 }", ErrorCode::malformed_input,
     "offset 28 (line 1, column 29): unbalanced brackets: '}' where ')' was expected"},
    {"malformed_number", "[3px]", ErrorCode::malformed_input,
     "offset 1 (line 1, column 2): malformed number"},
    {"exponent_without_digits", "[1e]", ErrorCode::malformed_input,
     "offset 1 (line 1, column 2): malformed number"},
    {"columns_count_characters", "{'键': 'x', 值 'y'}", ErrorCode::malformed_input,
     "offset 17 (line 1, column 14): expected ':' after a property name, found `'`"},
};

INSTANTIATE_TEST_SUITE_P(Cases, JsLiteralError, testing::ValuesIn(error_cases),
                         [](const testing::TestParamInfo<ErrorCase>& i) {
                           return std::string(i.param.name);
                         });

TEST(JsValue, ten_thousand_nested_arrays_are_too_deep_not_a_crash) {
  const std::string js = std::string(10000, '[') + std::string(10000, ']');
  Result<ReadValue> r = read_js_value(js);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::too_deep);
  EXPECT_EQ(r.error().message, "offset 512 (line 1, column 513): nesting deeper than 512 levels");
}

TEST(JsValue, deep_nesting_inside_a_skipped_function_is_too_deep_not_a_crash) {
  const std::string js = "{f: function () {" + std::string(10000, '(') + std::string(10000, ')') + "}}";
  Result<ReadValue> r = read_js_value(js);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::too_deep);
}

TEST(JsValue, nesting_up_to_the_bound_reads) {
  std::string js;
  for (int i = 0; i < 512; ++i) js += "{a:";
  js += "1";
  js += std::string(512, '}');
  EXPECT_TRUE(read_js_value(js).ok());
  Result<ReadValue> shallow = read_js_value(js, 0, ReadOptions{10});
  ASSERT_FALSE(shallow.ok());
  EXPECT_EQ(shallow.error().code, ErrorCode::too_deep);
}

TEST(JsValue, nul_bytes_are_kept_in_strings_and_refused_elsewhere) {
  using namespace std::string_literals;
  const std::string in_string = "{a: 'x\0y'}"s;
  const json v = read_ok(in_string);
  EXPECT_EQ(v["a"].get<std::string>(), "x\0y"s);
  EXPECT_EQ(v.dump(), R"({"a":"x\u0000y"})");

  Result<ReadValue> r = read_js_value("{a: 1\0}"s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::malformed_input);
}

TEST(JsValue, invalid_utf8_becomes_replacement_characters_and_dumps) {
  // A GBK byte pair, a stray continuation byte, an overlong slash, an encoded surrogate and a
  // truncated sequence at the end of the string.
  const std::string js = "{'\xC4\xE3': \"\xC4\xE3|\x80|\xC0\xAF|\xED\xA0\x80|\xE4\xB8\"}";
  const json v = read_ok(js);
  ASSERT_TRUE(v.is_object());
  const std::string dumped = v.dump();  // throws on invalid UTF-8
  EXPECT_EQ(dumped,
            "{\"\xEF\xBF\xBD\xEF\xBF\xBD\":\"\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD|"
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\"}");
}

TEST(JsValue, valid_utf8_passes_through_unchanged) {
  EXPECT_EQ(read_ok("'蕾丝内衣 😀 é'").get<std::string>(), "蕾丝内衣 😀 é");
}

TEST(JsValue, garbage_after_an_opening_brace_fails_cleanly) {
  for (std::string_view js : {"{", "{'", "{a", "{a:", "{a: [", "[,", "{a: function(", "{a: `x", "{a: /re",
                              "\xFF\xFE", "{\xFF: 1}", "{a: '\\", "{a: \"\\u{", "[-", "[!", "{a: 1 ? "}) {
    Result<ReadValue> r = read_js_value(js);
    if (r.ok()) (void)r->value.dump();  // whatever it reads must be dumpable
    SUCCEED();
  }
}

TEST(JsValue, a_twenty_megabyte_literal_reads) {
  // Modeled on an AliExpress skuModule blown up: many SKU objects with prices and images.
  std::string js = "{data: {skuPriceList: [";
  js.reserve(21u << 20);
  std::size_t n = 0;
  while (js.size() < (20u << 20)) {
    js += "{skuId: " + std::to_string(12000000000000 + n) + ", skuAttr: '14:200004890#Black;5:361386', " +
          "skuVal: {availQuantity: 99, actSkuCalPrice: \"16.50\", isActivity: !0}, " +
          "img: '//ae01.alicdn.com/kf/H" + std::to_string(n) + ".jpg'},\n";
    ++n;
  }
  js += "]}}";
  Result<ReadValue> r = read_js_value(js);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const json& list = r->value["data"]["skuPriceList"];
  ASSERT_EQ(list.size(), n);
  EXPECT_EQ(list.back()["skuVal"]["actSkuCalPrice"], "16.50");
  EXPECT_EQ(list.back()["skuVal"]["isActivity"], true);
  EXPECT_EQ(r->end, js.size());
}

TEST(JsValue, offset_beyond_the_text_is_an_invalid_argument) {
  Result<ReadValue> r = read_js_value("{}", 10);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace caiji::script
