// caiji doctor : what a seller (or support) checks first when the extension cannot reach the
// host: versions, where the manifests are and whether they point here, the extension id, the
// box's health.

#include <filesystem>
#include <iostream>

#include "cli.hpp"
#include "core/extract/api.hpp"
#include "core/fetch/fetcher.hpp"
#include "core/item/item.hpp"
#include "core/store/store.hpp"
#include "extension_id.hpp"
#include "install/browsers.hpp"
#include "install/installer.hpp"
#include "messaging/protocol.hpp"
#include "table.hpp"

namespace caiji::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHelp = R"(usage: caiji doctor [--db PATH] [--user-data-dir DIR]... [--json]

Checks the installation: versions, the extension id this host accepts, each browser's host
manifest (present, pointing at this caiji, allowing the extension), and the box's integrity.

Exit status: 0 all well, 1 something needs attention (the output says what to run), 2 usage.
)";

}  // namespace

int run_doctor(Args args) {
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  std::string error;
  auto db = args.option("db", error);
  auto data_dirs = args.options("user-data-dir", error);
  const bool json = args.flag("json");
  auto rest = args.rest(error);
  if (error.empty() && !rest.empty()) error = "unexpected argument " + rest[0];
  if (!error.empty()) {
    std::cerr << "caiji doctor: " << error << "\n" << kHelp;
    return kUsage;
  }

  nlohmann::ordered_json out;
  std::vector<std::string> problems;
  const std::string binary = self_executable_path();
  const std::string& id = host::caiji_extension_id();
  out["version"] = CAIJI_VERSION;
  out["parserVersion"] = extract::parser_version();
  out["itemSchemaVersion"] = kItemSchemaVersion;
  out["protocol"] = host::kProtocolVersion;
  out["libcurl"] = fetch::library_version();
  out["binary"] = binary;
  out["hostName"] = host::kHostName;
  out["extensionId"] = id;
  out["allowedOrigin"] = host::extension_origin(id);
  if (id.empty()) problems.push_back("this build has no extension key; rebuild from a source tree with packaging/extension-key.txt");

  // Manifests: a browser with a profile here should have ours; one without needs nothing.
  const auto dirs = host::UserDirs::from_environment();
  nlohmann::ordered_json manifests = nlohmann::ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  int registered = 0;
  auto check_dir = [&](const std::string& label, const fs::path& user_data_dir, bool must) {
    const fs::path path = host::manifest_path_in(host::manifest_dir_in(user_data_dir));
    auto c = host::check_manifest(path, binary, id);
    std::error_code ec;
    const bool browser_here = fs::is_directory(user_data_dir, ec);
    std::string state = host::to_string(c.state);
    std::string detail = c.detail;
    if (c.state == host::ManifestState::ok) ++registered;
    else if (c.state != host::ManifestState::missing || must) problems.push_back(label + ": " + path.string() + " " + detail);
    if (c.state == host::ManifestState::missing && !browser_here && !must) detail = "browser not found (no profile)";
    manifests.push_back({{"browser", label}, {"manifest", path.string()}, {"state", state}, {"detail", detail}});
    rows.push_back({label, path.string(), state == "ok" ? "ok" : state + ": " + detail});
  };
  for (const auto& b : host::all_browsers()) {
    auto d = host::browser_user_data_dir(b.browser, dirs);
    if (!d) continue;
    std::error_code ec;
    check_dir(b.label, *d, fs::is_directory(*d, ec));
  }
  for (const auto& d : data_dirs) check_dir("--user-data-dir " + d, fs::absolute(d), true);
  out["manifests"] = manifests;
#ifndef _WIN32
  if (registered == 0) problems.push_back("no browser can start the host yet; run `caiji install`");
#endif

  // The box: opened only when it exists, so a check does not create one.
  const std::string db_path = db ? *db : default_db_path();
  nlohmann::ordered_json box;
  box["path"] = db_path;
  std::error_code ec;
  if (!fs::exists(db_path, ec)) {
    box["state"] = "absent";
    box["detail"] = "no box yet; it is created when the first product is collected";
  } else if (auto opened = store::open_sqlite_store(db_path); !opened) {
    box["state"] = "error";
    box["detail"] = opened.error().message;
    problems.push_back("the box: " + opened.error().message);
  } else if (auto integrity = (*opened)->check_integrity(); !integrity) {
    box["state"] = "damaged";
    box["detail"] = integrity.error().message;
    problems.push_back("the box: " + integrity.error().message);
  } else {
    box["state"] = "ok";
    box["detail"] = *integrity;
  }
  out["box"] = box;
  out["problems"] = problems;

  if (json) {
    std::cout << json_line(out) << "\n";
  } else {
    auto line = [](const char* name, const std::string& value) {
      std::cout << name << std::string(11 - std::string_view(name).size(), ' ') << value << "\n";
    };
    line("Caiji", std::string(CAIJI_VERSION) + " (parser " + extract::parser_version() + ", item schema " +
                      std::to_string(kItemSchemaVersion) + ", protocol " + std::to_string(host::kProtocolVersion) + ")");
    line("Program", binary);
    line("Extension", id + " (" + host::extension_origin(id) + ")");
    line("Box", db_path);
    // check_integrity's own text starts with "ok: …" when the box is healthy.
    const std::string state = box["state"].get<std::string>(), detail = box["detail"].get<std::string>();
    line("", detail.rfind(state + ":", 0) == 0 ? detail : state + ": " + detail);
    line("libcurl", fetch::library_version());
    std::cout << "\n" << format_table({"BROWSER", "MANIFEST", "STATE"}, rows, 96);
    if (problems.empty()) {
      std::cout << "\nAll well.\n";
    } else {
      std::cout << "\nNeeds attention:\n";
      for (const auto& p : problems) std::cout << "  - " << p << "\n";
    }
  }
  return problems.empty() ? kOk : kSomeFailed;
}

}  // namespace caiji::cli
