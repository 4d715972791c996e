// `caiji install` puts the host manifest where Chrome and Chromium look, and `uninstall` takes
// away exactly that. Run in a temporary HOME, through the real binary.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "extension_id.hpp"
#include "host_process.hpp"

namespace caiji::host {
namespace {

namespace fs = std::filesystem;
using testing_support::run_caiji;
using testing_support::TempDir;
using Json = nlohmann::json;

class Install : public ::testing::Test {
 protected:
  TempDir home;
  std::vector<std::string> env() const {
    return {"HOME=" + home.path().string(), "XDG_CONFIG_HOME=", "XDG_DATA_HOME="};
  }
  testing_support::ProcessResult caiji(std::vector<std::string> args) const { return run_caiji(args, "", env()); }
  fs::path chrome_manifest() const {
    return home.path() / ".config/google-chrome/NativeMessagingHosts/com.caiji.host.json";
  }
  fs::path chromium_manifest() const { return home.path() / ".config/chromium/NativeMessagingHosts/com.caiji.host.json"; }
  static Json read_json(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return Json::parse(ss.str());
  }
};

TEST_F(Install, manifests_land_where_chrome_and_chromium_look_with_the_right_content) {
  auto r = caiji({"install", "--browser", "chrome,chromium"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& path : {chrome_manifest(), chromium_manifest()}) {
    ASSERT_TRUE(fs::exists(path)) << path;
    Json m = read_json(path);
    EXPECT_EQ(m["name"], "com.caiji.host");
    EXPECT_EQ(m["type"], "stdio");
    EXPECT_EQ(m["path"], fs::canonical(CAIJI_HOST_BINARY).string());
    EXPECT_TRUE(fs::path(m["path"].get<std::string>()).is_absolute());
    EXPECT_EQ(m["allowed_origins"], Json::array({extension_origin(caiji_extension_id())}));
    EXPECT_FALSE(m["description"].get<std::string>().empty());
  }
  EXPECT_FALSE(fs::exists(home.path() / ".config/microsoft-edge"));
}

TEST_F(Install, without_browser_it_registers_only_browsers_that_have_a_profile) {
  fs::create_directories(home.path() / ".config/chromium/Default");
  auto r = caiji({"install"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(chromium_manifest()));
  EXPECT_FALSE(fs::exists(chrome_manifest()));
}

TEST_F(Install, with_no_browser_profile_at_all_it_says_what_to_do) {
  auto r = caiji({"install"});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_NE(r.err.find("--browser"), std::string::npos);
}

TEST_F(Install, a_browser_test_profile_given_by_user_data_dir_is_registered) {
  const fs::path profile = home.path() / "chromium-test-profile";
  auto r = caiji({"install", "--user-data-dir", profile.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(profile / "NativeMessagingHosts/com.caiji.host.json"));
  EXPECT_EQ(caiji({"uninstall"}).exit_code, 0);
  EXPECT_FALSE(fs::exists(profile)) << "uninstall leaves what install created";
}

TEST_F(Install, uninstall_removes_exactly_what_install_wrote) {
  fs::create_directories(home.path() / ".config/google-chrome/Default");  // Chrome was here before
  ASSERT_EQ(caiji({"install", "--browser", "chrome", "--browser", "chromium"}).exit_code, 0);
  auto r = caiji({"uninstall"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(chrome_manifest()));
  EXPECT_FALSE(fs::exists(chromium_manifest()));
  EXPECT_TRUE(fs::exists(home.path() / ".config/google-chrome/Default")) << "the seller's profile stays";
  EXPECT_FALSE(fs::exists(home.path() / ".config/chromium")) << "install created it, so uninstall removes it";
}

TEST_F(Install, uninstall_leaves_another_programs_manifest_alone) {
  const fs::path dir = home.path() / ".config/google-chrome/NativeMessagingHosts";
  fs::create_directories(dir);
  std::ofstream(dir / "com.caiji.host.json") << R"({"name":"com.other.host","path":"/bin/other","type":"stdio"})";
  std::ofstream(dir / "org.keepassxc.keepassxc_browser.json") << "{}";
  auto r = caiji({"uninstall", "--browser", "chrome"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(fs::exists(dir / "com.caiji.host.json"));
  EXPECT_TRUE(fs::exists(dir / "org.keepassxc.keepassxc_browser.json"));
}

TEST_F(Install, doctor_reports_the_registration_and_the_extension_id) {
  ASSERT_EQ(caiji({"install", "--browser", "chrome"}).exit_code, 0);
  auto r = caiji({"doctor", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  Json d = Json::parse(r.out);
  EXPECT_EQ(d["extensionId"], caiji_extension_id());
  bool chrome_ok = false;
  for (const auto& m : d["manifests"]) chrome_ok |= m["browser"] == "Google Chrome" && m["state"] == "ok";
  EXPECT_TRUE(chrome_ok);
  EXPECT_EQ(d["box"]["state"], "absent");
}

TEST_F(Install, print_shows_the_manifest_for_packagers_and_writes_nothing) {
  auto r = caiji({"install", "--print", "--binary", "/usr/bin/caiji"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(Json::parse(r.out)["path"], "/usr/bin/caiji");
  EXPECT_FALSE(fs::exists(home.path() / ".config"));
}

TEST_F(Install, an_unknown_browser_is_a_usage_error) {
  EXPECT_EQ(caiji({"install", "--browser", "netscape"}).exit_code, 2);
}

}  // namespace
}  // namespace caiji::host
