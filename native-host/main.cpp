// The `caiji` executable: the seller's command line (and, in the native-host issue, the
// native-messaging host Chrome starts).

#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "core/extract/api.hpp"

namespace {

constexpr const char* kUsageText = R"(Caiji — collect products from supplier and marketplace pages into your own box.

usage: caiji COMMAND [ARGS]

  parse FILE...     print the item each saved page gives, as JSON (stores nothing)
  collect FILE...   parse saved pages and put them into the collection box
  box list|show     look into the collection box
  version           print versions

Run `caiji COMMAND --help` for a command's options.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace caiji::cli;
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsageText;
    return args.empty() ? kUsage : kOk;
  }
  std::string verb = args[0];
  Args rest(std::vector<std::string>(args.begin() + 1, args.end()));
  if (verb == "parse") return run_parse(std::move(rest));
  if (verb == "collect") return run_collect(std::move(rest));
  if (verb == "box") return run_box(std::move(rest));
  if (verb == "version" || verb == "--version") {
    std::cout << "caiji " << caiji::extract::parser_version() << "\n";
    return kOk;
  }
  std::cerr << "caiji: unknown command " << verb << "\n" << kUsageText;
  return kUsage;
}
