#pragma once
// The one entry the CLI and the WASM module share, so that both produce the same bytes.

#include <string>
#include <string_view>

namespace caiji::extract {

// html: the page (UTF-8). url: where it was collected ("" = take the page's canonical link or
// og:url). options_json: {"collectedAt": "2026-11-27T06:00:00Z", "via": "page"|"url"|"category",
// "pageData": {...values read from page variables by the extension...}}; "" means {}.
// Returns compact JSON text, one of:
//   {"ok":true,"item":{...}}
//   {"ok":false,"error":{"code":"not_a_product","message":"..."},
//    "page":{"kind":"list"|"captcha"|"login"|"removed","productLinks":[...]}}
//   {"ok":false,"error":{"code":"input_too_large"|...,"message":"..."}}
// Never throws.
std::string extract_json(std::string_view html, std::string_view url, std::string_view options_json);

// The parser's version, recorded in every item's provenance.
const char* parser_version();

}  // namespace caiji::extract
