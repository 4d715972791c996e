#include "install/browsers.hpp"

#include <cstdlib>

#include "cli.hpp"

namespace caiji::host {

namespace fs = std::filesystem;

const std::vector<BrowserInfo>& all_browsers() {
  static const std::vector<BrowserInfo> v = {{Browser::chrome, "chrome", "Google Chrome"},
                                             {Browser::chromium, "chromium", "Chromium"},
                                             {Browser::edge, "edge", "Microsoft Edge"},
                                             {Browser::brave, "brave", "Brave"},
                                             {Browser::vivaldi, "vivaldi", "Vivaldi"}};
  return v;
}

std::optional<Browser> parse_browser(std::string_view name) {
  for (const auto& b : all_browsers())
    if (name == b.name) return b.browser;
  return std::nullopt;
}

const BrowserInfo& browser_info(Browser b) {
  for (const auto& i : all_browsers())
    if (i.browser == b) return i;
  return all_browsers().front();
}

UserDirs UserDirs::from_environment() {
  UserDirs d;
  d.home = cli::home_dir();
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x && fs::path(x).is_absolute()) d.xdg_config_home = x;
  return d;
}

// Paths per browser and system: docs in /work/shared/reference/formats.md §5.2 (Chrome's
// native-messaging guide for Chrome and Chromium; installer code for Edge, Brave, Vivaldi).
std::optional<fs::path> browser_user_data_dir(Browser b, const UserDirs& dirs) {
#if defined(_WIN32)
  (void)b;
  (void)dirs;
  return std::nullopt;
#elif defined(__APPLE__)
  const fs::path support = dirs.home / "Library" / "Application Support";
  switch (b) {
    case Browser::chrome: return support / "Google" / "Chrome";
    case Browser::chromium: return support / "Chromium";
    case Browser::edge: return support / "Microsoft Edge";
    case Browser::brave: return support / "BraveSoftware" / "Brave-Browser";
    case Browser::vivaldi: return support / "Vivaldi";
  }
  return std::nullopt;
#else
  // Chrome on Linux keeps its profile under $XDG_CONFIG_HOME (default ~/.config).
  const fs::path config = dirs.xdg_config_home.empty() ? dirs.home / ".config" : dirs.xdg_config_home;
  switch (b) {
    case Browser::chrome: return config / "google-chrome";
    case Browser::chromium: return config / "chromium";
    case Browser::edge: return config / "microsoft-edge";
    case Browser::brave: return config / "BraveSoftware" / "Brave-Browser";
    case Browser::vivaldi: return config / "vivaldi";
  }
  return std::nullopt;
#endif
}

fs::path manifest_dir_in(const fs::path& user_data_dir) { return user_data_dir / "NativeMessagingHosts"; }

}  // namespace caiji::host
