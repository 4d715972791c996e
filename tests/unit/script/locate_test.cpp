// Finding the data a page script assigns, calls with, or nests, in snippets modeled on the
// script layouts of the sites we collect from (written by us, not copied from pages).

#include "core/script/locate.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace caiji::script {
namespace {

using nlohmann::json;

json found(const Result<json>& r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : json();
}

// AliExpress item pages 2019-2022: runParams wraps a JSON blob in a JS object with
// single-quoted extras, then other statements follow.
constexpr std::string_view aliexpress_runparams_2020 = R"(
  window._dida_config_ = {};
  window.runParams = {
      data: {"titleModule":{"subject":"Retro Sunglasses"},"priceModule":{"formatedActivityPrice":"US $3.20"}},
      csrfToken: 'abc123',
      abVersion: '',
      abtestMap: {}
  };
  var GaData = { pageType: "product" };
)";

TEST(FindAssignment, aliexpress_runparams_object_is_read) {
  const json v = found(find_assignment(aliexpress_runparams_2020, "window.runParams"));
  EXPECT_EQ(v["data"]["titleModule"]["subject"], "Retro Sunglasses");
  EXPECT_EQ(v["csrfToken"], "abc123");
  EXPECT_EQ(found(find_assignment(aliexpress_runparams_2020, "runParams")), v);
}

TEST(FindAssignment, the_first_assignment_that_reads_wins_even_a_stub) {
  // AliExpress since 2024 keeps an empty runParams stub and the data in _d_c_.DCData.
  const std::string_view script = R"(
    window.runParams = {
    };
    window._d_c_ = window._d_c_ || {};
    window._d_c_.viewName = 'newDetail';
    window._d_c_.DCData = {"extParams":{"site":"deu"},"priceComponent":{"skuPriceList":[{"skuId":1}]}};
  )";
  EXPECT_EQ(found(find_assignment(script, "window.runParams")), json::object());
  const json dc = found(find_assignment(script, "window._d_c_.DCData"));
  EXPECT_EQ(dc["extParams"]["site"], "deu");
  EXPECT_EQ(found(find_assignment(script, "_d_c_.DCData")), dc);
  // `window._d_c_ = window._d_c_ || {}` is code, not data.
  Result<json> whole = find_assignment(script, "_d_c_");
  ASSERT_FALSE(whole.ok());
  EXPECT_EQ(whole.error().code, ErrorCode::not_found);
}

TEST(FindAssignment, classic_1688_var_with_single_quoted_keys) {
  const std::string_view script = R"(
var iDetailConfig = {
    'offerid':'601748658723',
    'isSKUOffer':'true',
    'refPrice':'16.50',
    'unit':'件',
    'end':0,
    'isTopDomain':'false'
};
var iDetailData = {
        "sku" : {
            "price":"14.80",
            "skuMap":{"棕色&gt;38/85AB":{"canBookCount":800,"discountPrice":"14.80"}},
            "end":0
        }
    };
iDetailData.allTagIds = [];
iDetailData.registerRenderData = function(name, defination) { iDetailData.registeredData[name] = defination; };
)";
  const json config = found(find_assignment(script, "iDetailConfig"));
  EXPECT_EQ(config["refPrice"], "16.50");
  EXPECT_EQ(config["end"], 0);
  const json data = found(find_assignment(script, "iDetailData"));
  EXPECT_EQ(data["sku"]["skuMap"]["棕色&gt;38/85AB"]["canBookCount"], 800);
}

TEST(FindAssignment, jd_pageconfig_with_escaped_name_and_empty_comments) {
  const std::string_view script = R"(
        var pageConfig = {
            compatible: true,
            product: {
                modules: [
                    'address',
                    'popupCar'                ],
                skuid: 1020565583,
                name: '\u826f\u54c1\u94fa\u5b50\u0020\u677e\u5b50',
                cat: [1320,1583,1591],
                shopId:'25789',
                colorSize: {},        warestatus: 1,
                /**/
                 /**/
                twoColumn: false,
                shangjiazizhi: false        }
        };
        try { jump_mobile(); } catch (e) {}
)";
  const json v = found(find_assignment(script, "pageConfig"));
  EXPECT_EQ(v["product"]["skuid"], 1020565583);
  EXPECT_EQ(v["product"]["name"], "良品铺子 松子");
  EXPECT_EQ(v["product"]["cat"], json::parse("[1320,1583,1591]"));
}

TEST(FindAssignment, bracket_and_spaced_member_access_match) {
  EXPECT_EQ(found(find_assignment("window['runParams']={a:1};", "runParams")), json::parse(R"({"a":1})"));
  EXPECT_EQ(found(find_assignment("window[\"runParams\"] = [2]", "window.runParams")), json::parse("[2]"));
  EXPECT_EQ(found(find_assignment("window . runParams\n=\n3", "runParams")), 3);
  EXPECT_EQ(found(find_assignment("a['b'].c = 'x'", "a.b.c")), "x");
  EXPECT_EQ(found(find_assignment("let x=1,y=2", "y")), 2);
  EXPECT_EQ(found(find_assignment("const x = /* data */ {k: !0}", "x")), json::parse(R"({"k":true})"));
}

struct NoMatchCase {
  const char* name;
  std::string_view script;
};

void PrintTo(const NoMatchCase& c, std::ostream* os) { *os << c.name; }

class FindAssignmentIgnores : public testing::TestWithParam<NoMatchCase> {};

TEST_P(FindAssignmentIgnores, what_is_not_an_assignment_to_runparams) {
  Result<json> r = find_assignment(GetParam().script, "runParams");
  EXPECT_FALSE(r.ok()) << "read " << r->dump();
  if (!r.ok()) {
    EXPECT_EQ(r.error().code, ErrorCode::not_found);
  }
}

const NoMatchCase no_match_cases[] = {
    {"comparison", "if (runParams == {}) {} if (runParams === 1) {}"},
    {"arrow", "var f = runParams => 1;"},
    {"member_of_the_name", "runParams.data = {a: 1};"},
    {"member_of_another_object", "foo.runParams = {a: 1}; this.runParams = 2;"},
    {"longer_identifier", "myrunParams = {a: 1}; runParams2 = 3; $runParams = 4;"},
    {"inside_strings", R"(var s = "runParams = {a: 1}"; var t = 'window.runParams = 2';)"},
    {"inside_template", "var s = `runParams = {a: 1}`;"},
    {"inside_comments", "// runParams = {a: 1}\n/* window.runParams = 2 */ <!-- runParams = 3\n"},
    {"inside_regex", "var re = /runParams = 1/;"},
    {"compound_assignment", "runParams += 1; runParams != 2;"},
    {"code_value", "runParams = getParams(); runParams = x || {};"},
};

INSTANTIATE_TEST_SUITE_P(Cases, FindAssignmentIgnores, testing::ValuesIn(no_match_cases),
                         [](const testing::TestParamInfo<NoMatchCase>& i) {
                           return std::string(i.param.name);
                         });

TEST(FindAssignment, a_literal_that_continues_as_an_expression_is_skipped_for_a_later_one) {
  const std::string_view script = "x = {a: 1} || y;\nx = {a: 2};";
  EXPECT_EQ(found(find_assignment(script, "x")), json::parse(R"({"a":2})"));
}

TEST(FindAssignment, json_parse_string_is_decoded_then_read) {
  const std::string_view script =
      R"(window.__INIT_DATA = JSON.parse("{\"data\":{\"price\":\"16.50\",\"name\":\"\\u677e\\u5b50\"},\"list\":[1,2,]}");)";
  const json v = found(find_assignment(script, "__INIT_DATA"));
  EXPECT_EQ(v["data"]["price"], "16.50");
  EXPECT_EQ(v["data"]["name"], "松子");
  EXPECT_EQ(v["list"], json::parse("[1,2]"));
  EXPECT_EQ(found(find_assignment(R"(var d = JSON.parse('{"a":\'b\'}'))", "d")), json::parse(R"({"a":"b"})"));
}

TEST(FindAssignment, broken_json_parse_string_says_so) {
  Result<json> r = find_assignment(R"(var d = JSON.parse("{\"a\":");)", "d");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
  EXPECT_NE(r.error().message.find("in the string given to JSON.parse"), std::string::npos)
      << r.error().message;
  EXPECT_NE(r.error().message.find("unterminated object"), std::string::npos) << r.error().message;
}

TEST(FindAssignment, context_wrapped_in_an_immediately_called_function_gives_its_data) {
  // 1688 offer pages since 2024.
  const std::string_view script =
      R"(window.contextPath = "/default";
window.context=(function(b,d){var c=d.module||{};var e={};for(var a in c){if(typeof c[a]==="string"){e[a]=c[a]}}Object.assign(e,c[b]||{});Object.assign(d,{module:e});return d})(window.contextPath,{"result":{"data":{"skuModel":{"skuInfoMap":{"红色":{"price":"9.90"}}}}},"version":"0.0.44"});)";
  const json v = found(find_assignment(script, "window.context"));
  EXPECT_EQ(v["result"]["data"]["skuModel"]["skuInfoMap"]["红色"]["price"], "9.90");
  EXPECT_EQ(found(find_assignment(script, "contextPath")), "/default");
}

TEST(FindAssignment, parenthesized_literal_is_read) {
  EXPECT_EQ(found(find_assignment("var a = ({b: [1]});", "a")), json::parse(R"({"b":[1]})"));
}

TEST(FindAssignment, broken_value_is_reported_with_its_position) {
  Result<json> r = find_assignment("var x = 1;\nwindow.runParams = {data: 'oops};\n", "runParams");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
  EXPECT_EQ(r.error().message,
            "offset 11 (line 2, column 1) has an assignment to runParams but it could not be read "
            "(offset 37 (line 2, column 27): unterminated string)");
}

TEST(FindAssignment, malformed_names_are_invalid_arguments) {
  for (std::string_view name : {"", ".", "a..b", "a."}) {
    Result<json> r = find_assignment("a = 1", name);
    ASSERT_FALSE(r.ok()) << name;
    EXPECT_EQ(r.error().code, ErrorCode::invalid_argument) << name;
  }
}

TEST(FindAssignment, regex_and_division_do_not_derail_the_scan) {
  const std::string_view script = R"(
    var half = total / 2, re = /"/g, q = a / b / c;
    s = s.replace(/'/g, "");
    window.runParams = {data: 1};
  )";
  EXPECT_EQ(found(find_assignment(script, "runParams")), json::parse(R"({"data":1})"));
}

TEST(FindAssignment, template_substitutions_with_braces_do_not_derail_the_scan) {
  const std::string_view script = "var t = `a ${ {b: `c${1}`}.b } runParams = 9`;\nrunParams = 2;";
  EXPECT_EQ(found(find_assignment(script, "runParams")), 2);
}

TEST(FindAssignment, a_two_megabyte_script_is_scanned_quickly) {
  // A 2 MB script of unrelated statements, strings and comments, the data at the very end.
  std::string script;
  script.reserve(2u << 20);
  for (int i = 0; script.size() < (2u << 20); ++i)
    script += "var v" + std::to_string(i) + " = {k: 'runParams = " + std::to_string(i) +
              "', r: /x\\/y/g}; // runParams = 0\nif (a == runParams) { b = c / 2; }\n";
  script += "window.runParams = {data: {id: 7}};";
  EXPECT_EQ(found(find_assignment(script, "window.runParams"))["data"]["id"], 7);
}

TEST(FindProperty, taobao_hub_config_sku_map_is_found_inside_the_call) {
  const std::string_view script = R"(
    Hub.config.set('sku', {
        valCartInfo      : {
            itemId : '562283240178',
            cartUrl: '//cart.taobao.com/cart.htm'
        },
        apiRelateMarket  : '//tui.taobao.com/recommend?appid=16&count=4&itemid=562283240178',
        valItemInfo      : {

            defSelected: -1,
            skuMap     : {";1627207:206292100;":{"price":"149.00","stock":"2","skuId":"3715273009507"}}
            ,propertyMemoMap: {"1627207:206292100":"clear"}
        }
    });
)";
  const json info = found(find_property(script, "valItemInfo"));
  EXPECT_EQ(info["defSelected"], -1);
  EXPECT_EQ(info["skuMap"][";1627207:206292100;"]["price"], "149.00");
  EXPECT_EQ(found(find_property(script, "skuMap")), info["skuMap"]);

  const json args = found(find_call_arguments(script, "Hub.config.set", "sku"));
  ASSERT_EQ(args.size(), 2u);
  EXPECT_EQ(args[1]["valCartInfo"]["itemId"], "562283240178");
}

TEST(FindProperty, tmall_tshop_setup_quoted_keys_are_found) {
  const std::string_view script = R"(
(function() {
	  TShop.Setup(
	  	{"valItemInfo":{"skuList":[{"names":"64GB ","pvs":"10004:1162302684","skuId":"4286434429200"}],"skuMap":{";10004:1162302684;":{"price":"5999.00","stock":2}}},"itemDO":{"title":"Phone"}}
	  );
})();
)";
  EXPECT_EQ(found(find_property(script, "valItemInfo"))["skuList"][0]["skuId"], "4286434429200");
  EXPECT_EQ(found(find_property(script, "title")), "Phone");
  const json args = found(find_call_arguments(script, "TShop.Setup"));
  ASSERT_EQ(args.size(), 1u);
  EXPECT_EQ(args[0]["itemDO"]["title"], "Phone");
}

TEST(FindProperty, keys_in_ternaries_strings_and_calls_are_not_properties) {
  const std::string_view script = R"(
    var a = ok ? price : 3;
    var s = "{price: 4}";
    f('price', 5);
    var o = {other: 1, 'price': '16.50'};
  )";
  EXPECT_EQ(found(find_property(script, "price")), "16.50");
}

TEST(FindProperty, escaped_quoted_keys_are_decoded_before_comparing) {
  EXPECT_EQ(found(find_property(R"({"sku\u004Dap": {"a": 1}})", "skuMap")), json::parse(R"({"a":1})"));
}

TEST(FindProperty, a_value_that_is_code_falls_through_to_the_next_occurrence) {
  const std::string_view script = "var a = {price: getPrice()}; var b = {price: 12};";
  EXPECT_EQ(found(find_property(script, "price")), 12);
}

TEST(FindProperty, absence_is_not_found) {
  Result<json> r = find_property("var a = {b: 1};", "skuMap");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
  EXPECT_EQ(find_property("x", "").error().code, ErrorCode::invalid_argument);
}

TEST(FindCallArguments, code_arguments_become_null_and_other_first_arguments_are_skipped) {
  const std::string_view script = R"(
    Hub.config.set('desc', {dummy: false});
    Hub.config.set = function (k, v) {};
    Hub.config.set('sku', {valItemInfo: {skuMap: {}}}, function () { return 1; }, window.x);
  )";
  const json args = found(find_call_arguments(script, "Hub.config.set", "sku"));
  EXPECT_EQ(args, json::parse(R"(["sku", {"valItemInfo": {"skuMap": {}}}, null, null])"));
  EXPECT_EQ(found(find_call_arguments(script, "Hub.config.set"))[0], "desc");
  EXPECT_EQ(find_call_arguments(script, "Hub.config.set", "video").error().code, ErrorCode::not_found);
}

TEST(Locate, adversarial_scripts_never_crash) {
  using namespace std::string_literals;
  const std::string deep = "x = " + std::string(10000, '[') + ";";
  const std::string deep_call = "x = (" + std::string(10000, '(') + ";";
  for (const std::string& script : {"x = "s,
                                    "x ="s,
                                    "x"s,
                                    "x = '"s,
                                    "x = JSON.parse("s,
                                    "x = JSON.parse('{')"s,
                                    "x = (function(){"s,
                                    "x = (function(){})("s,
                                    "window[\"x\""s,
                                    "window['x'] = "s,
                                    "`${"s,
                                    "`${x = 1"s,
                                    "/*"s,
                                    "\"\\"s,
                                    "x = {a: 1\0}"s,
                                    "x = \xFF\xFE"s,
                                    "{x: "s,
                                    "f(x: 1"s,
                                    deep,
                                    deep_call}) {
    for (std::string_view name : {"x", "window.x"}) {
      Result<json> a = find_assignment(script, name);
      if (a) (void)a->dump();
      Result<json> p = find_property(script, name);
      if (p) (void)p->dump();
      Result<json> c = find_call_arguments(script, "f", {});
      if (c) (void)c->dump();
    }
  }
  Result<json> r = find_assignment(deep, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("nesting deeper than 512 levels"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace caiji::script
