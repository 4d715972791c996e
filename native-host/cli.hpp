#pragma once
// The seller's command line. Each verb is a function over its arguments; main() only
// dispatches. Exit codes (docs/cli.md):
//   0 done; 1 some inputs failed (the others were handled) or a check failed; 2 usage error;
//   3 the box could not be opened or written; 4 an edit lost to a newer change (conflict);
//   5 browser registration could not be written or removed.
// Host mode (Chrome starting `caiji chrome-extension://…/`) adds 6 and 7 (messaging/host.hpp).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caiji::cli {

enum Exit { kOk = 0, kSomeFailed = 1, kUsage = 2, kStoreError = 3, kConflict = 4, kInstallError = 5 };

// Arguments after the verb, with "--name value" / "--name=value" options and flags.
class Args {
 public:
  Args(std::vector<std::string> args) : args_(std::move(args)) {}

  // Removes and returns an option's value; error text in `error` when the value is missing.
  std::optional<std::string> option(std::string_view name, std::string& error);
  // Every occurrence of a repeatable option, in order.
  std::vector<std::string> options(std::string_view name, std::string& error);
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
int run_reparse(Args args);
int run_install(Args args);
int run_uninstall(Args args);
int run_doctor(Args args);

// Shared by verbs (environment.cpp: one function per platform difference).
std::string now_rfc3339();
std::string home_dir();
std::string data_dir();         // per-user data: XDG data dir, Application Support, %LOCALAPPDATA%
std::string default_db_path();  // <data dir>/box.sqlite
std::string self_executable_path();
std::optional<std::string> read_file(const std::string& path, std::string& error);

// Compact JSON for --json output; invalid UTF-8 becomes U+FFFD instead of an exception.
template <class J>
std::string json_line(const J& j) {
  return j.dump(-1, ' ', false, J::error_handler_t::replace);
}

}  // namespace caiji::cli
