#pragma once
// The seller's command line. Each verb is a function over its arguments; main() only
// dispatches. Exit codes: 0 done, 1 some inputs failed (the others were handled), 2 usage
// error, 3 the box could not be opened or written.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caiji::cli {

enum Exit { kOk = 0, kSomeFailed = 1, kUsage = 2, kStoreError = 3 };

// Arguments after the verb, with "--name value" / "--name=value" options and flags.
class Args {
 public:
  Args(std::vector<std::string> args) : args_(std::move(args)) {}

  // Removes and returns an option's value; error text in `error` when the value is missing.
  std::optional<std::string> option(std::string_view name, std::string& error);
  bool flag(std::string_view name);
  // What remains after options and flags were taken; anything left starting with "--" is an
  // unknown option.
  std::vector<std::string> rest(std::string& error) const;

 private:
  std::vector<std::string> args_;
};

int run_parse(Args args);
int run_collect(Args args);
int run_box(Args args);

// Shared by verbs.
std::string now_rfc3339();
std::string default_db_path();
std::optional<std::string> read_file(const std::string& path, std::string& error);

}  // namespace caiji::cli
