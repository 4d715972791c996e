// What the CLI takes from the machine: the clock, the data directory, its own path, files.
// Each platform difference is one function here.

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli.hpp"

#if defined(_WIN32)
#include <windows.h>
#elif defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace caiji::cli {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

std::string now_rfc3339() {
  using namespace std::chrono;
  const auto now = floor<seconds>(system_clock::now());
  const auto day = floor<days>(now);
  const year_month_day ymd{day};
  const hh_mm_ss hms{now - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buf;
}

std::string home_dir() {
#ifdef _WIN32
  return env("USERPROFILE");
#else
  return env("HOME");
#endif
}

// Where a seller's own data lives on each system: %LOCALAPPDATA%\Caiji on Windows,
// ~/Library/Application Support/Caiji on macOS, $XDG_DATA_HOME/caiji (~/.local/share/caiji) on
// Linux and the other Unixes.
std::string data_dir() {
#if defined(_WIN32)
  const std::string local = env("LOCALAPPDATA");
  return local.empty() ? (fs::current_path() / "Caiji").string() : (fs::path(local) / "Caiji").string();
#elif defined(__APPLE__)
  const std::string home = home_dir();
  return home.empty() ? (fs::current_path() / "Caiji").string()
                      : (fs::path(home) / "Library" / "Application Support" / "Caiji").string();
#else
  if (const std::string xdg = env("XDG_DATA_HOME"); !xdg.empty() && fs::path(xdg).is_absolute())
    return (fs::path(xdg) / "caiji").string();
  const std::string home = home_dir();
  return home.empty() ? (fs::current_path() / "caiji").string() : (fs::path(home) / ".local" / "share" / "caiji").string();
#endif
}

std::string default_db_path() {
  const fs::path dir = data_dir();
  std::error_code ec;
  fs::create_directories(dir, ec);
  return (dir / "box.sqlite").string();
}

// The absolute path of the running `caiji`, which the host manifest must name.
std::string self_executable_path() {
#if defined(_WIN32)
  std::wstring buf(32768, L'\0');
  const DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
  buf.resize(n);
  return fs::path(buf).string();
#elif defined(__APPLE__)
  std::uint32_t size = 0;
  _NSGetExecutablePath(nullptr, &size);
  std::string buf(size, '\0');
  if (_NSGetExecutablePath(buf.data(), &size) != 0) return "";
  std::error_code ec;
  auto p = fs::canonical(buf.c_str(), ec);
  return ec ? std::string(buf.c_str()) : p.string();
#else
  std::error_code ec;
  auto p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? "" : p.string();
#endif
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
