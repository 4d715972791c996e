#pragma once
// Which extension may talk to this host. Chrome derives an extension's id from the public key
// in its manifest's `key`, so the id is fixed wherever the extension is loaded from (store,
// unpacked, a browser test). The key lives in packaging/extension-key.txt; the build embeds it.

#include <optional>
#include <string>
#include <string_view>

namespace caiji::host {

inline constexpr const char* kHostName = "com.caiji.host";

// The id Chrome gives an extension whose manifest `key` is `public_key_base64` (base64 DER
// SubjectPublicKeyInfo): the first 128 bits of SHA-256 over the DER, each hex digit 0-f
// written as a letter a-p. nullopt when the key is not base64.
std::optional<std::string> extension_id_from_key(std::string_view public_key_base64);

// The Caiji extension's id, from the embedded key.
const std::string& caiji_extension_id();

// "chrome-extension://<id>/", the origin Chrome passes to the host and lists in the manifest.
std::string extension_origin(std::string_view id);

// SHA-256 of `data` as 64 lower-case hex digits (exposed for its test).
std::string sha256_hex(std::string_view data);

}  // namespace caiji::host
