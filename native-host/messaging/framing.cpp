#include "messaging/framing.hpp"

#include <cstring>

namespace caiji::host {

namespace {

// Reads exactly n bytes unless the stream ends first; returns how many arrived.
std::size_t read_exactly(std::FILE* in, char* dst, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    std::size_t r = std::fread(dst + got, 1, n - got, in);
    if (r == 0) break;  // end of stream or a read error: either way no more bytes will come
    got += r;
  }
  return got;
}

}  // namespace

Frame read_frame(std::FILE* in, std::size_t max_bytes) {
  Frame f;
  char header[sizeof(std::uint32_t)];
  const std::size_t got = read_exactly(in, header, sizeof header);
  if (got == 0) {
    f.status = FrameStatus::end;
    return f;
  }
  if (got < sizeof header) {
    f.status = FrameStatus::truncated;
    return f;
  }
  // The length is in native byte order, so copying the bytes into an integer is the whole
  // decoding.
  std::memcpy(&f.declared_length, header, sizeof header);
  if (f.declared_length == 0) {
    f.status = FrameStatus::empty;
    return f;
  }
  if (f.declared_length > max_bytes) {
    f.status = FrameStatus::too_large;
    return f;
  }
  f.body.resize(f.declared_length);
  if (read_exactly(in, f.body.data(), f.body.size()) < f.body.size()) {
    f.body.clear();
    f.status = FrameStatus::truncated;
    return f;
  }
  f.status = FrameStatus::message;
  return f;
}

bool write_frame(std::FILE* out, std::string_view body, std::size_t max_bytes) {
  if (body.size() > max_bytes) return false;
  const auto length = static_cast<std::uint32_t>(body.size());
  char header[sizeof length];
  std::memcpy(header, &length, sizeof length);
  if (std::fwrite(header, 1, sizeof header, out) != sizeof header) return false;
  if (!body.empty() && std::fwrite(body.data(), 1, body.size(), out) != body.size()) return false;
  return std::fflush(out) == 0;
}

}  // namespace caiji::host
