#include "install/installer.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "extension_id.hpp"

namespace caiji::host {

namespace fs = std::filesystem;

namespace {

std::optional<nlohmann::json> read_json_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

Status write_file_atomically(const fs::path& path, const std::string& text) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return make_error(ErrorCode::io_error, "Could not write " + tmp.string() + ".");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return make_error(ErrorCode::io_error, "Could not write " + path.string() + ": " + ec.message() + ".");
  }
  return {};
}

}  // namespace

nlohmann::ordered_json host_manifest(std::string_view binary_path, std::string_view extension_id) {
  nlohmann::ordered_json j;
  j["name"] = kHostName;
  j["description"] = "Caiji: keeps the products you collect in your own box on this computer";
  j["path"] = binary_path;
  j["type"] = "stdio";
  j["allowed_origins"] = {extension_origin(extension_id)};
  return j;
}

fs::path manifest_path_in(const fs::path& manifest_dir) { return manifest_dir / (std::string(kHostName) + ".json"); }

Result<Installed> write_manifest(const fs::path& manifest_dir, const nlohmann::ordered_json& manifest) {
  Installed out;
  // Remember which directories are new, so uninstall can take them away again.
  std::vector<fs::path> missing;
  for (fs::path p = manifest_dir; !p.empty() && !fs::exists(p); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  std::error_code ec;
  fs::create_directories(manifest_dir, ec);
  if (ec) return make_error(ErrorCode::io_error, "Could not create " + manifest_dir.string() + ": " + ec.message() + ".");
  out.created_dirs.assign(missing.rbegin(), missing.rend());
  out.manifest = manifest_path_in(manifest_dir);
  if (auto s = write_file_atomically(out.manifest, manifest.dump(2) + "\n"); !s) return s.error();
  return out;
}

Result<bool> remove_manifest(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return false;
  auto j = read_json_file(path);
  if (!j || !j->is_object() || j->value("name", "") != kHostName) return false;
  if (!fs::remove(path, ec) || ec)
    return make_error(ErrorCode::io_error, "Could not remove " + path.string() + ": " + ec.message() + ".");
  return true;
}

const char* to_string(ManifestState s) {
  switch (s) {
    case ManifestState::missing: return "missing";
    case ManifestState::ok: return "ok";
    case ManifestState::other_binary: return "other_binary";
    case ManifestState::other_origin: return "other_origin";
    case ManifestState::unreadable: return "unreadable";
  }
  return "unreadable";
}

ManifestCheck check_manifest(const fs::path& path, std::string_view binary_path, std::string_view extension_id) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return {ManifestState::missing, "not installed; run `caiji install`"};
  auto j = read_json_file(path);
  if (!j || !j->is_object() || !(*j)["path"].is_string() || !(*j)["allowed_origins"].is_array())
    return {ManifestState::unreadable, "not a host manifest; run `caiji install` to rewrite it"};
  const std::string named = (*j)["path"].get<std::string>();
  if (named != binary_path)
    return {ManifestState::other_binary, "starts " + named + ", not this caiji; run `caiji install` to point it here"};
  const std::string origin = extension_origin(extension_id);
  for (const auto& o : (*j)["allowed_origins"])
    if (o.is_string() && o.get<std::string>() == origin) return {ManifestState::ok, "ok"};
  return {ManifestState::other_origin, "does not allow the Caiji extension; run `caiji install`"};
}

InstallRecord InstallRecord::load(const fs::path& file) {
  InstallRecord r;
  auto j = read_json_file(file);
  if (!j || !j->is_object() || !(*j)["entries"].is_array()) return r;
  for (const auto& e : (*j)["entries"]) {
    if (!e.is_object() || !e["manifest"].is_string()) continue;
    Installed i;
    i.manifest = e["manifest"].get<std::string>();
    if (e.contains("createdDirs") && e["createdDirs"].is_array())
      for (const auto& d : e["createdDirs"])
        if (d.is_string()) i.created_dirs.emplace_back(d.get<std::string>());
    r.entries.push_back(std::move(i));
  }
  return r;
}

Status InstallRecord::save(const fs::path& file) const {
  std::error_code ec;
  if (entries.empty()) {
    fs::remove(file, ec);
    return {};
  }
  nlohmann::ordered_json j;
  j["version"] = 1;
  j["entries"] = nlohmann::ordered_json::array();
  for (const auto& e : entries) {
    nlohmann::ordered_json dirs = nlohmann::ordered_json::array();
    for (const auto& d : e.created_dirs) dirs.push_back(d.string());
    j["entries"].push_back({{"manifest", e.manifest.string()}, {"createdDirs", dirs}});
  }
  fs::create_directories(file.parent_path(), ec);
  return write_file_atomically(file, j.dump(2) + "\n");
}

void InstallRecord::add(const Installed& installed) {
  for (auto& e : entries) {
    if (e.manifest == installed.manifest) {
      // A reinstall finds the directories already there; the first install created them.
      for (const auto& d : installed.created_dirs)
        if (std::find(e.created_dirs.begin(), e.created_dirs.end(), d) == e.created_dirs.end()) e.created_dirs.push_back(d);
      return;
    }
  }
  entries.push_back(installed);
}

}  // namespace caiji::host
