// The `caiji` executable: the seller's command line, and the native-messaging host Chrome
// starts with the extension's origin as its argument.

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "core/extract/api.hpp"
#include "extension_id.hpp"
#include "messaging/framing.hpp"
#include "messaging/host.hpp"

namespace {

constexpr const char* kUsageText = R"(Caiji — collect products from supplier and marketplace pages into your own box.

usage: caiji COMMAND [ARGS]

  collect FILE|URL...  put saved pages or fetched addresses into the collection box
  box COMMAND          list, search, show, edit, delete, restore, tag the items in the box
  parse FILE...        print the item each saved page gives, as JSON (stores nothing)
  reparse              re-read every stored page with today's parser
  install              let the browser extension reach this program
  uninstall            undo install
  doctor               check versions, browser registration and the box
  version              print versions

Run `caiji COMMAND --help` for a command's options. docs/cli.md lists the exit codes.
)";

// Host mode: Chrome passes only the origin (and on Windows --parent-window); tests may add
// --db PATH.
int run_host(const std::vector<std::string>& args) {
  caiji::host::HostOptions options;
  options.args = args;
  for (std::size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == "--db") options.db_path = args[i + 1];
  if (options.db_path.empty()) options.db_path = caiji::cli::default_db_path();
  options.allowed_origin = caiji::host::extension_origin(caiji::host::caiji_extension_id());
  caiji::host::prepare_stdio_for_messaging();
  return caiji::host::run_native_host(options, stdin, stdout);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace caiji::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (caiji::host::is_native_messaging_launch(args)) return run_host(args);

  std::ios::sync_with_stdio(false);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsageText;
    return args.empty() ? kUsage : kOk;
  }
  std::string verb = args[0];
  Args rest(std::vector<std::string>(args.begin() + 1, args.end()));
  if (verb == "parse") return run_parse(std::move(rest));
  if (verb == "collect") return run_collect(std::move(rest));
  if (verb == "box") return run_box(std::move(rest));
  if (verb == "reparse") return run_reparse(std::move(rest));
  if (verb == "install") return run_install(std::move(rest));
  if (verb == "uninstall") return run_uninstall(std::move(rest));
  if (verb == "doctor") return run_doctor(std::move(rest));
  if (verb == "version" || verb == "--version") {
    std::cout << "caiji " << CAIJI_VERSION << " (parser " << caiji::extract::parser_version() << ")\n";
    return kOk;
  }
  std::cerr << "caiji: unknown command " << verb << "\n" << kUsageText;
  return kUsage;
}
