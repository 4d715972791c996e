#include "core/util/result.hpp"

namespace caiji {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::input_too_large: return "input_too_large";
    case ErrorCode::malformed_input: return "malformed_input";
    case ErrorCode::too_deep: return "too_deep";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::not_a_product: return "not_a_product";
    case ErrorCode::unsupported: return "unsupported";
    case ErrorCode::io_error: return "io_error";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

}  // namespace caiji
