#include <gtest/gtest.h>

#include "core/normalize/price.hpp"

namespace caiji::normalize {
namespace {

struct PriceCase {
  const char* text;
  const char* hint;
  const char* currency;
  const char* min;  // nullptr: no price
  const char* max;
};

void PrintTo(const PriceCase& c, std::ostream* os) { *os << c.text; }

class PriceTextCases : public ::testing::TestWithParam<PriceCase> {};

TEST_P(PriceTextCases, the_printed_price_becomes_exact_money_in_its_own_currency) {
  const auto& c = GetParam();
  auto got = parse_price_text(c.text, c.hint);
  if (!c.min) {
    EXPECT_FALSE(got) << got->min;
    return;
  }
  ASSERT_TRUE(got);
  EXPECT_EQ(got->currency, c.currency);
  EXPECT_EQ(got->min, c.min);
  EXPECT_EQ(got->max, c.max);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PriceTextCases,
    ::testing::Values(
        PriceCase{"\xC2\xA5" "16.50", "CNY", "CNY", "16.50", "16.50"},            // ¥ on a Chinese page
        PriceCase{"\xEF\xBF\xA5" "16.5", "CNY", "CNY", "16.50", "16.50"},         // full-width ￥
        PriceCase{"\xC2\xA5" "1200", "JPY", "JPY", "1200", "1200"},               // ¥ on a Japanese page
        PriceCase{"\xC2\xA5" "16.50", "", "", "16.50", "16.50"},                   // ambiguous, no hint
        PriceCase{"US $3.50 - 7.20", "", "USD", "3.50", "7.20"},
        PriceCase{"US $3.50 - 7.20", "EUR", "USD", "3.50", "7.20"},               // the page's symbol wins
        PriceCase{"\xE2\x82\xAC" " 12,99", "", "EUR", "12.99", "12.99"},          // € 12,99
        PriceCase{"1.234,56 \xE2\x82\xAC", "", "EUR", "1234.56", "1234.56"},
        PriceCase{"$1,234.56", "USD", "USD", "1234.56", "1234.56"},
        PriceCase{"$1,234", "USD", "USD", "1234.00", "1234.00"},
        PriceCase{"\xC2\xA3" "5", "", "GBP", "5.00", "5.00"},
        PriceCase{"RUB 1 234,56", "", "RUB", "1234.56", "1234.56"},
        PriceCase{"1\xC2\xA0" "234,56 \xE2\x82\xBD", "", "RUB", "1234.56", "1234.56"},  // NBSP grouping, ₽
        PriceCase{"R$ 12,90", "", "BRL", "12.90", "12.90"},
        PriceCase{"from $5", "CAD", "CAD", "5.00", "5.00"},
        PriceCase{"7.20 ~ 3.50", "USD", "USD", "3.50", "7.20"},                    // a reversed range is ordered
        PriceCase{"\xC2\xA5" "16.50 2\xE4\xBB\xB6\xE8\xB5\xB7", "CNY", "CNY", "16.50", "16.50"},  // "2件起" is not a range
        PriceCase{"3.456 KWD", "", "KWD", "3.456", "3.456"},                      // 3-decimal currency
        PriceCase{"Price unavailable", "USD", "", nullptr, nullptr},
        PriceCase{"", "USD", "", nullptr, nullptr}));

TEST(ParseAmount, locale_separators_resolve_to_one_decimal_point) {
  EXPECT_EQ(*parse_amount("1.234.567,89", "EUR"), "1234567.89");
  EXPECT_EQ(*parse_amount("1,234,567.89", "USD"), "1234567.89");
  EXPECT_EQ(*parse_amount("16.50", "CNY"), "16.50");
  EXPECT_EQ(*parse_amount("0,5", "EUR"), "0.50");
}

}  // namespace
}  // namespace caiji::normalize
