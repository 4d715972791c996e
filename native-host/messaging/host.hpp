#pragma once
// The native-messaging host: Chrome starts `caiji chrome-extension://<id>/` and talks to it
// over stdin/stdout until the extension disconnects.

#include <cstdio>
#include <string>
#include <vector>

namespace caiji::host {

// Exit codes of host mode (Chrome logs them; docs/cli.md lists them with the CLI's).
inline constexpr int kHostDone = 0;             // the extension disconnected
inline constexpr int kHostForbiddenOrigin = 6;  // started by an extension that is not Caiji's
inline constexpr int kHostBrokenStream = 7;     // the stream ended mid-message or lost step

// True when the arguments are the ones Chrome passes: the caller's origin (first, or second
// on old Windows Chrome) and, on Windows, --parent-window=<handle>.
bool is_native_messaging_launch(const std::vector<std::string>& args);

// The origin among the arguments, "" when none.
std::string caller_origin(const std::vector<std::string>& args);

struct HostOptions {
  std::vector<std::string> args;  // as Chrome passed them
  std::string db_path;
  std::string allowed_origin;     // chrome-extension://<Caiji's id>/
};

// Serves requests until the input ends. Never throws.
int run_native_host(const HostOptions& options, std::FILE* in, std::FILE* out);

}  // namespace caiji::host
