#pragma once
// Where each Chromium-family browser looks for a per-user native-messaging host manifest.
// Linux and macOS use a directory (<user data dir>/NativeMessagingHosts); Windows uses the
// registry, which packaging/windows/register-host.ps1 writes.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caiji::host {

enum class Browser { chrome, chromium, edge, brave, vivaldi };

struct BrowserInfo {
  Browser browser;
  const char* name;   // as `--browser` takes it
  const char* label;  // as a seller knows it
};

const std::vector<BrowserInfo>& all_browsers();
std::optional<Browser> parse_browser(std::string_view name);
const BrowserInfo& browser_info(Browser b);

// What the paths depend on, passed in so tests can use a temporary home.
struct UserDirs {
  std::filesystem::path home;
  std::filesystem::path xdg_config_home;  // Linux: $XDG_CONFIG_HOME, empty when unset

  static UserDirs from_environment();
};

// The browser's default user data directory on this system (its profile lives there), or
// nullopt where manifests are registered another way (Windows).
std::optional<std::filesystem::path> browser_user_data_dir(Browser b, const UserDirs& dirs);

// The directory a per-user manifest goes into: <user data dir>/NativeMessagingHosts. Chromium
// also honours it under a --user-data-dir given at start, which browser tests use.
std::filesystem::path manifest_dir_in(const std::filesystem::path& user_data_dir);

}  // namespace caiji::host
