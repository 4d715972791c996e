// The core parser, built as WebAssembly (wasm/), loaded once per service-worker life. It runs here
// and not in the content script: on a page served with `Content-Security-Policy: script-src
// 'self'` a content script may not compile WebAssembly, while the service worker may, given
// 'wasm-unsafe-eval' in the manifest's extension_pages policy.

import { loadParser } from "../wasm/caiji_parser.mjs";

let loading = null;
let loaded = null;

/** @returns {Promise<import('../wasm/caiji_parser.mjs').CaijiParser>} */
export function parser() {
  loading ??= loadParser({ wasmUrl: chrome.runtime.getURL("wasm/caiji_wasm.wasm") }).then(
    (p) => (loaded = p),
    (e) => {
      loading = null; // let the next page try again
      throw e;
    },
  );
  return loading;
}

/** @returns {string} the version, or "" before the module has loaded */
export function parserVersion() {
  return loaded ? loaded.version() : "";
}

/**
 * @param {string} html @param {string} url @param {object} options collectedAt, via, pageData
 * @returns {Promise<{ok: true, item: object} | {ok: false, error: {code: string, message: string},
 *   page?: {kind: string, productLinks: string[]}}>}
 */
export async function extract(html, url, options) {
  const p = await parser();
  try {
    return JSON.parse(p.extract(html, url, JSON.stringify(options)));
  } catch (e) {
    // A trap leaves the instance unusable (caiji_parser.mjs); the next page gets a fresh one.
    loading = null;
    loaded = null;
    return { ok: false, error: { code: "parser_crashed", message: String(e?.message ?? e) } };
  }
}
