// The parser's WebAssembly face: a tiny C ABI over caiji::extract, wrapped for JavaScript by
// caiji_parser.mjs.
//
// A C ABI rather than embind: inputs are passed as (pointer, byte length) so the wrapper can encode
// a 50 MB page with TextEncoder straight into wasm memory and pass HTML that holds NUL bytes, and
// there is no embind runtime (code generation, type registry) to load in an MV3 service worker.
// The price is manual memory handling, which stays inside caiji_parser.mjs.

#include <emscripten/emscripten.h>

#include <cstddef>
#include <memory>
#include <new>
#include <string>
#include <string_view>

#include "core/extract/api.hpp"

namespace {

// Owns the envelope JSON until JavaScript has copied it out and called caiji_output_free.
struct Output {
  std::string text;
};

}  // namespace

extern "C" {

// Returns the envelope that caiji::extract::extract_json produced, or null when wasm memory ran
// out (the only failure extract_json does not turn into an envelope itself).
EMSCRIPTEN_KEEPALIVE Output* caiji_extract(const char* html, std::size_t html_size, const char* url,
                                           std::size_t url_size, const char* options,
                                           std::size_t options_size) {
  try {
    auto out = std::make_unique<Output>();
    out->text = caiji::extract::extract_json(std::string_view(html, html_size),
                                             std::string_view(url, url_size),
                                             std::string_view(options, options_size));
    return out.release();  // ownership crosses into JavaScript; caiji_output_free takes it back
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

EMSCRIPTEN_KEEPALIVE const char* caiji_output_data(const Output* out) { return out->text.data(); }

EMSCRIPTEN_KEEPALIVE std::size_t caiji_output_size(const Output* out) { return out->text.size(); }

EMSCRIPTEN_KEEPALIVE void caiji_output_free(Output* out) {
  std::unique_ptr<Output> owned(out);  // deleted on return
}

EMSCRIPTEN_KEEPALIVE const char* caiji_version() { return caiji::extract::parser_version(); }

}  // extern "C"
