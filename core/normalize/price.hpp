#pragma once
// Prices as pages print them: "¥16.50", "US $3.50 - 7.20", "1.234,56 €", "R$ 12,90",
// "RUB 1 234,56", "from $5". Turns them into exact decimals and an ISO currency.

#include <optional>
#include <string>
#include <string_view>

namespace caiji::normalize {

struct PriceText {
  std::string currency;  // ISO 4217; "" when the text's symbol is ambiguous and no hint was given
  std::string min;       // canonical decimals
  std::string max;
};

// `currency_hint` is the currency the page states elsewhere in its own data. It settles
// ambiguous symbols ("$", "¥", "kr") and bare numbers; it never overrides an unambiguous one
// ("US $", "€", "R$"). Never guessed from the page's language.
std::optional<PriceText> parse_price_text(std::string_view text, std::string_view currency_hint = {});

// One amount with locale separators ("1.234,56", "1,234.56", "1 234,56", "12,99") as a
// canonical decimal for the currency.
std::optional<std::string> parse_amount(std::string_view text, std::string_view currency);

}  // namespace caiji::normalize
