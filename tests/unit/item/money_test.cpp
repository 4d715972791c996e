#include <gtest/gtest.h>

#include "core/item/money.hpp"

namespace caiji {
namespace {

struct MoneyCase {
  const char* text;
  const char* currency;
  const char* expected;  // nullptr: not money
};

class CanonicalMoney : public ::testing::TestWithParam<MoneyCase> {};

TEST_P(CanonicalMoney, prices_are_exact_decimal_strings_in_major_units) {
  auto got = canonical_money(GetParam().text, GetParam().currency);
  if (GetParam().expected == nullptr) {
    EXPECT_FALSE(got.has_value()) << *got;
  } else {
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(*got, GetParam().expected);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, CanonicalMoney,
                         ::testing::Values(MoneyCase{"16.5", "CNY", "16.50"}, MoneyCase{"016.50", "USD", "16.50"},
                                           MoneyCase{".5", "EUR", "0.50"}, MoneyCase{"12", "USD", "12.00"},
                                           MoneyCase{"1200", "JPY", "1200"}, MoneyCase{"1200.00", "JPY", "1200"},
                                           MoneyCase{"1.2345", "USD", "1.2345"}, MoneyCase{"1e3", "USD", "1000.00"},
                                           MoneyCase{"1.5E-1", "USD", "0.15"}, MoneyCase{"3.456", "KWD", "3.456"},
                                           MoneyCase{"-3", "USD", nullptr}, MoneyCase{"abc", "USD", nullptr},
                                           MoneyCase{"", "USD", nullptr}, MoneyCase{"1,234.56", "USD", nullptr},
                                           MoneyCase{"1e999", "USD", nullptr}));

TEST(CompareDecimal, compares_by_value_not_by_text) {
  EXPECT_LT(compare_decimal("9.99", "10.00"), 0);
  EXPECT_EQ(compare_decimal("16.5", "16.50"), 0);
  EXPECT_GT(compare_decimal("100", "99.999"), 0);
  EXPECT_EQ(compare_decimal("007", "7.0"), 0);
}

}  // namespace
}  // namespace caiji
