// The extension's id is fixed by its key, so the host and its manifests name the right one.

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "extension_id.hpp"

namespace caiji::host {
namespace {

TEST(ExtensionId, sha256_matches_the_standard_test_vectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(ExtensionId, the_id_is_the_hash_of_the_key_written_in_letters_a_to_p) {
  // `openssl rsa -pubin -outform DER | sha256sum | cut -c1-32 | tr 0-9a-f a-p` on the key in
  // packaging/extension-key.txt gives this id.
  EXPECT_EQ(caiji_extension_id(), "cjcbmiackcjcichmhlabjipcajbpjpcg");
  std::ifstream key(std::string(CAIJI_FIXTURES_DIR) + "/../../packaging/extension-key.txt");
  std::string text;
  std::getline(key, text);
  EXPECT_EQ(extension_id_from_key(text), caiji_extension_id());
}

TEST(ExtensionId, a_key_that_is_not_base64_gives_no_id) {
  EXPECT_EQ(extension_id_from_key("not a key!"), std::nullopt);
  EXPECT_EQ(extension_id_from_key(""), std::nullopt);
}

TEST(ExtensionId, the_origin_is_the_form_chrome_passes) {
  EXPECT_EQ(extension_origin("abc"), "chrome-extension://abc/");
}

}  // namespace
}  // namespace caiji::host
