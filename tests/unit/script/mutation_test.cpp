// Damaged page scripts (truncated saves, mangled bytes, a stray quote) must give an error or a
// value, never a crash, a hang or invalid UTF-8. A fixed seed keeps every run the same.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/script/js_value.hpp"
#include "core/script/locate.hpp"

namespace caiji::script {
namespace {

constexpr std::string_view modeled_script = R"(
  var g_config = { startTime: +new Date, itemId: '5622', descUrl: location.protocol==='http:' ? '//a' : '//b',
    idata: { item: { title: '\u4E73\u767D', price: .5e1, tags: [!0, !1, void 0, 0x1F, `t`] } } };
  window.runParams = { data: {"skuModule":{"skuPriceList":[{"skuId":1,"skuVal":{"actSkuCalPrice":"3.20"}}]}},
    csrfToken: 'z\'s', re: /["'}]+/g, f: function (a) { return {b: a / 2}; } };
  window.context=(function(b,d){return d})(window.contextPath,{"result":{"data":{"x":"\ud83d\ude00"}}});
  var d = JSON.parse("{\"a\":[1,2,{\"b\":\"\\u00e9\"}]}"); // done
  Hub.config.set('sku', { valItemInfo: { skuMap: {";1:2;": {price: "9.90"}} } });
)";

struct Lcg {
  std::uint64_t state;
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
};

void expect_dumpable(const Result<nlohmann::json>& r) {
  if (r.ok()) {
    EXPECT_NO_THROW((void)r->dump());
  }
}

TEST(Mutation, damaged_scripts_give_errors_or_values_never_crashes) {
  constexpr std::string_view specials[] = {
      "'",    "\"",      "`",  "{",  "}",  "[",  "]", "(", ")", "/",
      "*",    "\\",      "${", "/*", "//", "\n", ",", ":", "=", std::string_view("\0", 1),
      "\xFF", "\xE4\xB8"};
  Lcg rng{42};
  for (int round = 0; round < 1500; ++round) {
    std::string s(modeled_script);
    const int edits = 1 + static_cast<int>(rng.next() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng.next() % (s.size() + 1);
      switch (rng.next() % 4) {
        case 0: s.erase(at, 1 + rng.next() % 8); break;
        case 1: s.insert(at, specials[rng.next() % std::size(specials)]); break;
        case 2: s.resize(at); break;
        default:
          if (at < s.size()) s[at] = static_cast<char>(rng.next() & 0xFF);
          break;
      }
    }
    for (std::string_view name : {"g_config", "window.runParams", "window.context", "d"})
      expect_dumpable(find_assignment(s, name));
    expect_dumpable(find_property(s, "skuMap"));
    expect_dumpable(find_call_arguments(s, "Hub.config.set", "sku"));
    const std::size_t brace = s.find('{');
    if (brace != std::string::npos) {
      Result<ReadValue> r = read_js_value(s, brace);
      if (r.ok()) {
        EXPECT_NO_THROW((void)r->value.dump());
      }
    }
  }
}

}  // namespace
}  // namespace caiji::script
