#pragma once
// Errors cross module boundaries as values. std::expected is C++23 and absent from the
// Emscripten 3.1.6 libc++, so this small type stands in for it with the same spirit.

#include <string>
#include <utility>
#include <variant>

namespace caiji {

enum class ErrorCode {
  invalid_argument,   // the caller passed something malformed (a broken URL, a bad option)
  input_too_large,    // refused before work starts, to bound memory
  malformed_input,    // HTML/JSON/JavaScript that cannot be read; the message says where
  too_deep,           // nesting beyond the reader's bound
  not_found,          // the thing asked for is absent (a script variable, an item)
  not_a_product,      // the page is a list, a captcha, a login wall, a removed product
  unsupported,        // a layout or site we cannot read yet
  io_error,           // files, sockets, disk full
  conflict,           // stale revision and similar
  internal,           // a bug of ours; the message says what broke
};

const char* to_string(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;  // written for a seller: what happened and, where it helps, what to do
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// A status for operations that produce nothing but may fail.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_{ErrorCode::internal, {}};
  bool ok_ = true;
};

inline Error make_error(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace caiji
