#pragma once
// Chrome native messaging, the bytes: each message is a 32-bit length in the machine's own
// byte order, then that many bytes of UTF-8 JSON. This file knows nothing of what the JSON
// says (protocol.hpp) or of the box (box_service.hpp).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace caiji::host {

// Chrome's own ceilings: a browser sends at most 64 MiB, and it closes the port when the host
// sends a message over 1 MiB ("The message length must not exceed 1024*1024").
inline constexpr std::size_t kMaxIncomingBytes = std::size_t{64} << 20;
inline constexpr std::size_t kMaxOutgoingBytes = std::size_t{1} << 20;

enum class FrameStatus {
  message,      // `body` holds one message
  end,          // the browser closed the port between messages: a normal end
  empty,        // a zero length: nothing to read, the stream is still in step
  too_large,    // a length over the limit: the body was not read, the stream is out of step
  truncated,    // the stream ended inside a length or a body
};

struct Frame {
  FrameStatus status = FrameStatus::end;
  std::string body;
  std::uint32_t declared_length = 0;  // for too_large and truncated
};

// Reads one frame. Never reads past the declared length, never allocates more than `max_bytes`.
Frame read_frame(std::FILE* in, std::size_t max_bytes = kMaxIncomingBytes);

// Writes one frame and flushes it. False when the body is over `max_bytes` (nothing written) or
// the browser has gone (the write failed).
bool write_frame(std::FILE* out, std::string_view body, std::size_t max_bytes = kMaxOutgoingBytes);

// Puts standard input and output into the state framing needs: binary on Windows (no CRLF
// translation, no ^Z as end of file), and on POSIX a closed port reported as a failed write
// instead of SIGPIPE killing the process. The one place a platform differs (stdio_mode.cpp).
void prepare_stdio_for_messaging();

}  // namespace caiji::host
