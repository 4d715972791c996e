#pragma once
// Numeric literals as pages write them (internal to core/script).

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

namespace caiji::script::detail {

struct NumberRead {
  bool ok = false;
  nlohmann::json value;  // unsigned for non-negative integers, signed for negative ones, as
                         // nlohmann::json::parse gives; a float when out of 64-bit range
  std::size_t end = 0;
};

// Reads the number at text[pos] (a digit, or '.' before a digit): 12, -3 (with `negative`),
// .5, 5., 1e3, 1_000, 0x1F, 0o17, 0b101, legacy octal 017, BigInt 10n. Integers beyond 64
// bits become floats, as in JavaScript; values too large for a double become null (as
// Infinity does). Fails when letters run into the number (`3px`) or an exponent lacks digits.
NumberRead read_number_literal(std::string_view text, std::size_t pos, bool negative);

}  // namespace caiji::script::detail
