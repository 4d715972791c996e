#pragma once
// Exact money: decimal strings in major units ("16.50"), never binary floats.

#include <optional>
#include <string>
#include <string_view>

namespace caiji {

// How many minor-unit digits an ISO 4217 currency uses (JPY 0, KWD 3, most 2).
int currency_minor_digits(std::string_view currency);

// Reads a plain decimal ("16.5", "016.50", ".5", "12", "1e3", "1.2E-1") and writes it in
// canonical form: no exponent, no leading zeros, at least `min_fraction` fraction digits and no
// trailing zeros beyond them ("16.50" for min_fraction 2). Negative amounts and anything that is
// not a number give nullopt. Digits beyond min_fraction are kept, never rounded away.
std::optional<std::string> canonical_decimal(std::string_view text, int min_fraction = 2);

// The same, with the fraction digits the currency uses ("" currency: 2).
std::optional<std::string> canonical_money(std::string_view text, std::string_view currency);

// Compares two canonical (or plain) non-negative decimals: <0, 0, >0.
int compare_decimal(std::string_view a, std::string_view b);

}  // namespace caiji
