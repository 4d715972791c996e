#pragma once
// Registering the host with browsers on Linux and macOS: a manifest file per browser, and a
// record of what was written so `caiji uninstall` removes exactly that.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/util/result.hpp"

namespace caiji::host {

// {"name", "description", "path", "type": "stdio", "allowed_origins": ["chrome-extension://<id>/"]}
nlohmann::ordered_json host_manifest(std::string_view binary_path, std::string_view extension_id);

// <manifest dir>/com.caiji.host.json
std::filesystem::path manifest_path_in(const std::filesystem::path& manifest_dir);

struct Installed {
  std::filesystem::path manifest;
  std::vector<std::filesystem::path> created_dirs;  // directories that did not exist before, outermost first
};

// Writes the manifest (whole or not at all: a temporary file renamed into place), creating the
// directory when needed.
Result<Installed> write_manifest(const std::filesystem::path& manifest_dir, const nlohmann::ordered_json& manifest);

// Removes the manifest at `path` if it is Caiji's (its "name" is com.caiji.host); a file of the
// same name that is not ours stays. True when a file was removed.
Result<bool> remove_manifest(const std::filesystem::path& path);

enum class ManifestState { missing, ok, other_binary, other_origin, unreadable };
const char* to_string(ManifestState s);

struct ManifestCheck {
  ManifestState state = ManifestState::missing;
  std::string detail;  // for the seller: what is wrong and what to run
};
ManifestCheck check_manifest(const std::filesystem::path& path, std::string_view binary_path,
                             std::string_view extension_id);

// What install wrote, kept in the data directory.
struct InstallRecord {
  std::vector<Installed> entries;

  static InstallRecord load(const std::filesystem::path& file);  // empty when absent or unreadable
  Status save(const std::filesystem::path& file) const;        // removes the file when empty
  void add(const Installed& installed);                          // replaces an entry for the same manifest
};

}  // namespace caiji::host
