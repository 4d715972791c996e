// The only platform difference in native messaging: how standard input and output are set up.

#include "messaging/framing.hpp"

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#else
#include <csignal>
#endif

namespace caiji::host {

void prepare_stdio_for_messaging() {
#ifdef _WIN32
  // Text mode would turn a 0x0A byte of a length into CR LF and stop reading at 0x1A.
  _setmode(_fileno(stdin), _O_BINARY);
  _setmode(_fileno(stdout), _O_BINARY);
#else
  // When the extension disconnects, Chrome closes our stdout; a write must then fail so the
  // host can end cleanly, not die of SIGPIPE mid-message.
  std::signal(SIGPIPE, SIG_IGN);
#endif
}

}  // namespace caiji::host
