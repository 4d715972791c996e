#include "messaging/host.hpp"

#include <iostream>

#include "box_service.hpp"
#include "cli.hpp"
#include "core/util/text.hpp"
#include "messaging/dispatcher.hpp"
#include "messaging/framing.hpp"
#include "messaging/protocol.hpp"

namespace caiji::host {

namespace {

constexpr std::string_view kOriginScheme = "chrome-extension://";

std::string size_text(std::uint32_t bytes) { return std::to_string(bytes) + " bytes"; }

}  // namespace

std::string caller_origin(const std::vector<std::string>& args) {
  for (const auto& a : args)
    if (starts_with(a, kOriginScheme)) return a;
  return "";
}

bool is_native_messaging_launch(const std::vector<std::string>& args) {
  if (args.empty()) return false;
  // Chrome ≤ 54 on Windows put the origin second, after --parent-window.
  const std::size_t look = std::min<std::size_t>(args.size(), 2);
  for (std::size_t i = 0; i < look; ++i)
    if (starts_with(args[i], kOriginScheme) || starts_with(args[i], "--parent-window=")) return true;
  return false;
}

int run_native_host(const HostOptions& options, std::FILE* in, std::FILE* out) {
  auto send = [out](std::string_view message) { return write_frame(out, message); };
  const std::string origin = caller_origin(options.args);

  if (origin != options.allowed_origin) {
    // Another extension (or none) started us. Answer its first message so its developer sees
    // why, and serve nothing.
    std::cerr << "caiji: refusing " << (origin.empty() ? std::string("a caller with no origin") : origin)
              << "; only " << options.allowed_origin << " may use this host\n";
    Frame f = read_frame(in);
    Json id = nullptr;
    if (f.status == FrameStatus::message) {
      auto parsed = parse_request(f.body);
      id = std::holds_alternative<Request>(parsed) ? std::get<Request>(parsed).id : std::get<RequestError>(parsed).id;
    }
    send(reply_error(id, {errc::forbidden_origin, "This host serves only the Caiji extension (" +
                                                      options.allowed_origin + "), not " +
                                                      (origin.empty() ? std::string("an unnamed caller") : origin) + "."}));
    return kHostForbiddenOrigin;
  }

  BoxService service(options.db_path, [] { return cli::now_rfc3339(); });
  Dispatcher dispatcher(service);
  for (;;) {
    Frame f = read_frame(in);
    switch (f.status) {
      case FrameStatus::end:
        return kHostDone;
      case FrameStatus::message:
        if (!dispatcher.handle(f.body, send)) return kHostDone;  // the browser went away mid-reply
        break;
      case FrameStatus::empty:
        // Zero bytes were announced and zero read: the stream is still in step.
        if (!send(reply_error(nullptr, {errc::bad_frame, "The message is empty (length 0)."}))) return kHostDone;
        break;
      case FrameStatus::too_large:
        // The body was not read, so what follows cannot be told apart from it: say why, then stop.
        send(reply_error(nullptr, {errc::too_large, "The message is " + size_text(f.declared_length) +
                                                        "; the host reads at most 64 MiB. The connection ends here."}));
        std::cerr << "caiji: a message of " << f.declared_length << " bytes is over the 64 MiB limit; ending\n";
        return kHostBrokenStream;
      case FrameStatus::truncated:
        send(reply_error(nullptr, {errc::bad_frame, "The input ended inside a message (" +
                                                        size_text(f.declared_length) + " announced)."}));
        std::cerr << "caiji: the input ended inside a message; ending\n";
        return kHostBrokenStream;
    }
  }
}

}  // namespace caiji::host
