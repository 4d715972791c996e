// What the CLI takes from the machine: the clock, the data directory, files.

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli.hpp"

namespace caiji::cli {

std::string now_rfc3339() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// XDG on Linux; macOS and Windows get their own places in the native-host issue's install
// code, which keeps each platform's difference in one function.
std::string default_db_path() {
  namespace fs = std::filesystem;
  fs::path dir;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    dir = fs::path(xdg) / "caiji";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
#ifdef __APPLE__
    dir = fs::path(home) / "Library" / "Application Support" / "Caiji";
#else
    dir = fs::path(home) / ".local" / "share" / "caiji";
#endif
  } else {
    dir = fs::current_path();
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  return (dir / "box.sqlite").string();
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = path + ": read error";
    return std::nullopt;
  }
  return ss.str();
}

}  // namespace caiji::cli
