// caiji install / caiji uninstall : register the host with the browsers, or take it away.

#include <filesystem>
#include <iostream>
#include <set>

#include "cli.hpp"
#include "extension_id.hpp"
#include "install/browsers.hpp"
#include "install/installer.hpp"

namespace caiji::cli {

namespace fs = std::filesystem;
using host::Browser;

namespace {

constexpr const char* kInstallHelp = R"(usage: caiji install [--browser NAME]... [--user-data-dir DIR]... [--binary PATH] [--print] [--json]

Lets the Caiji extension talk to this program: writes the native-messaging host manifest
(com.caiji.host.json) where each browser looks for it, for you alone (no administrator rights).

  --browser NAME       chrome, chromium, edge, brave, vivaldi or all (repeatable or comma-separated);
                       default: every one of them that has a profile on this computer
  --user-data-dir DIR  also (or only, without --browser) a browser started with --user-data-dir DIR
  --binary PATH        the caiji the browser should start (default: this one)
  --print              print the manifest and write nothing (for packages)
  --json               print what was written as JSON

On Windows, run packaging/windows/register-host.ps1 instead (the browsers read the registry there).
)";

constexpr const char* kUninstallHelp = R"(usage: caiji uninstall [--browser NAME]... [--user-data-dir DIR]... [--json]

Removes what `caiji install` wrote: the manifests (only files that are Caiji's) and the
directories install created, if they are empty. Your collection box stays.

  --browser NAME       chrome, chromium, edge, brave, vivaldi or all; default: all
  --user-data-dir DIR  also (or only, without --browser) that browser data directory
  --json               print what was removed as JSON
)";

struct Target {
  std::string label;
  fs::path manifest_dir;
};

fs::path record_file() { return fs::path(data_dir()) / "installed-hosts.json"; }

// Parses --browser values; false (with `error`) on an unknown name.
bool parse_browsers(const std::vector<std::string>& values, std::vector<Browser>& out, std::string& error) {
  std::set<Browser> seen;
  for (const auto& v : values) {
    std::string_view rest = v;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const std::string name(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      if (name == "all") {
        for (const auto& b : host::all_browsers())
          if (seen.insert(b.browser).second) out.push_back(b.browser);
        continue;
      }
      auto b = host::parse_browser(name);
      if (!b) {
        error = "unknown browser " + name + " (chrome, chromium, edge, brave, vivaldi, all)";
        return false;
      }
      if (seen.insert(*b).second) out.push_back(*b);
    }
  }
  return true;
}

std::vector<Target> targets_for(const std::vector<Browser>& browsers, const std::vector<std::string>& data_dirs) {
  const auto dirs = host::UserDirs::from_environment();
  std::vector<Target> out;
  for (Browser b : browsers)
    if (auto d = host::browser_user_data_dir(b, dirs)) out.push_back({host::browser_info(b).label, host::manifest_dir_in(*d)});
  for (const auto& d : data_dirs)
    out.push_back({"--user-data-dir " + d, host::manifest_dir_in(fs::absolute(d))});
  return out;
}

}  // namespace

int run_install(Args args) {
  if (args.flag("help")) {
    std::cout << kInstallHelp;
    return kOk;
  }
  std::string error;
  auto browser_names = args.options("browser", error);
  auto data_dirs = args.options("user-data-dir", error);
  auto binary = args.option("binary", error);
  const bool print = args.flag("print");
  const bool json = args.flag("json");
  auto rest = args.rest(error);
  std::vector<Browser> browsers;
  if (error.empty() && !rest.empty()) error = "unexpected argument " + rest[0];
  if (error.empty()) parse_browsers(browser_names, browsers, error);
  if (!error.empty()) {
    std::cerr << "caiji install: " << error << "\n" << kInstallHelp;
    return kUsage;
  }

  const std::string path = binary ? fs::absolute(*binary).string() : self_executable_path();
  if (path.empty()) {
    std::cerr << "caiji install: cannot tell where this caiji is; name it with --binary PATH\n";
    return kInstallError;
  }
  const auto manifest = host::host_manifest(path, host::caiji_extension_id());
  if (print) {
    std::cout << manifest.dump(2) << "\n";
    return kOk;
  }

  if (browser_names.empty() && data_dirs.empty()) {
    // Only browsers this seller uses: a profile directory says the browser has run here.
    const auto dirs = host::UserDirs::from_environment();
    for (const auto& b : host::all_browsers()) {
      auto d = host::browser_user_data_dir(b.browser, dirs);
      std::error_code ec;
      if (d && fs::is_directory(*d, ec)) browsers.push_back(b.browser);
    }
    if (browsers.empty()) {
#ifdef _WIN32
      std::cerr << "caiji install: on Windows, run packaging\\windows\\register-host.ps1 (browsers read the registry)\n";
#else
      std::cerr << "caiji install: found no Chrome, Chromium, Edge, Brave or Vivaldi profile under "
                << host::UserDirs::from_environment().home.string()
                << "; start the browser once, or name it with --browser chrome\n";
#endif
      return kInstallError;
    }
  }

  const auto targets = targets_for(browsers, data_dirs);
  if (targets.empty()) {
    // Windows: the browsers read the registry, not a directory.
    std::cerr << "caiji install: on this system, run packaging\\windows\\register-host.ps1 (browsers read the registry)\n";
    return kInstallError;
  }
  auto record = host::InstallRecord::load(record_file());
  nlohmann::ordered_json written = nlohmann::ordered_json::array();
  int failed = 0;
  for (const auto& t : targets) {
    auto installed = host::write_manifest(t.manifest_dir, manifest);
    if (!installed) {
      std::cerr << "caiji install: " << t.label << ": " << installed.error().message << "\n";
      ++failed;
      continue;
    }
    record.add(*installed);
    written.push_back({{"browser", t.label}, {"manifest", installed->manifest.string()}});
    if (!json) std::cout << t.label << ": " << installed->manifest.string() << "\n";
  }
  if (auto s = record.save(record_file()); !s)
    std::cerr << "caiji install: " << s.error().message << " (uninstall will still find the manifests)\n";
  if (json) {
    nlohmann::ordered_json out;
    out["extensionId"] = host::caiji_extension_id();
    out["binary"] = path;
    out["written"] = written;
    std::cout << json_line(out) << "\n";
  } else if (!written.empty()) {
    std::cout << "The Caiji extension (" << host::caiji_extension_id() << ") can now reach " << path
              << ". Restart the browser if it was open.\n";
  }
  return failed ? kInstallError : kOk;
}

int run_uninstall(Args args) {
  if (args.flag("help")) {
    std::cout << kUninstallHelp;
    return kOk;
  }
  std::string error;
  auto browser_names = args.options("browser", error);
  auto data_dirs = args.options("user-data-dir", error);
  const bool json = args.flag("json");
  auto rest = args.rest(error);
  std::vector<Browser> browsers;
  if (error.empty() && !rest.empty()) error = "unexpected argument " + rest[0];
  if (error.empty()) parse_browsers(browser_names.empty() && data_dirs.empty() ? std::vector<std::string>{"all"} : browser_names,
                                    browsers, error);
  if (!error.empty()) {
    std::cerr << "caiji uninstall: " << error << "\n" << kUninstallHelp;
    return kUsage;
  }

  auto record = host::InstallRecord::load(record_file());
  host::InstallRecord kept;
  nlohmann::ordered_json removed = nlohmann::ordered_json::array();
  int failed = 0;
  std::set<fs::path> handled;
  auto remove_one = [&](const std::string& label, const fs::path& manifest) {
    auto r = host::remove_manifest(manifest);
    if (!r) {
      std::cerr << "caiji uninstall: " << label << ": " << r.error().message << "\n";
      ++failed;
      return false;
    }
    if (*r) {
      removed.push_back({{"browser", label}, {"manifest", manifest.string()}});
      if (!json) std::cout << "removed " << manifest.string() << "\n";
    }
    return true;
  };

  auto targets = targets_for(browsers, data_dirs);
  if (browser_names.empty() && data_dirs.empty()) {
    // Everything install wrote, wherever it was (a --user-data-dir, a browser since removed).
    for (const auto& e : record.entries) targets.push_back({"recorded", e.manifest.parent_path()});
  }
  for (const auto& t : targets) {
    const fs::path manifest = host::manifest_path_in(t.manifest_dir);
    if (!handled.insert(manifest).second) continue;
    if (!remove_one(t.label, manifest)) continue;
    // Directories install created go too, innermost first, while they are empty.
    for (const auto& e : record.entries) {
      if (e.manifest != manifest) continue;
      for (auto d = e.created_dirs.rbegin(); d != e.created_dirs.rend(); ++d) {
        std::error_code ec;
        if (fs::is_directory(*d, ec) && fs::is_empty(*d, ec) && fs::remove(*d, ec) && !json)
          std::cout << "removed " << d->string() << "/\n";
      }
    }
  }
  for (const auto& e : record.entries)
    if (!handled.count(e.manifest)) kept.entries.push_back(e);
  if (auto s = kept.save(record_file()); !s) std::cerr << "caiji uninstall: " << s.error().message << "\n";

  if (json) {
    nlohmann::ordered_json out;
    out["removed"] = removed;
    std::cout << json_line(out) << "\n";
  } else if (removed.empty()) {
    std::cout << "Caiji was not registered with " << (browser_names.empty() && data_dirs.empty() ? "any browser" : "those browsers")
              << "; nothing to remove.\n";
  }
  return failed ? kInstallError : kOk;
}

}  // namespace caiji::cli
