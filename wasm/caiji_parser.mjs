// The parser in JavaScript: load once, then extract(html, url, optionsJson) per page.
//
//   import { loadParser } from './caiji_parser.mjs';
//   const parser = await loadParser();               // node: reads caiji_wasm.wasm next to this file
//   const envelope = parser.extract(html, '', '{"collectedAt":"2026-01-01T00:00:00Z"}');
//
// extract returns exactly the string caiji::extract::extract_json returns natively (the parity
// test holds both to the same bytes): {"ok":true,"item":{...}} or {"ok":false,"error":{...}}.
// Works in node 20, an MV3 service worker and an offscreen document. A service worker may not use
// import(), so there it is given the bytes or fetches them; the node branch below never runs there.

import createCaijiWasm from './caiji_wasm.mjs';

const WASM_FILE = 'caiji_wasm.wasm';

/**
 * @typedef {object} LoadOptions
 * @property {ArrayBuffer | Uint8Array} [wasmBinary] the module's bytes, if the caller has them
 * @property {string | URL} [wasmUrl] where to read them otherwise (default: next to this file)
 */

/**
 * @typedef {object} CaijiParser
 * @property {(html: string | Uint8Array, url?: string, optionsJson?: string) => string} extract
 *   html as text or as UTF-8 bytes; url "" means the page's canonical link; optionsJson "" means {}.
 * @property {() => string} version the parser version recorded in every item's provenance
 */

/**
 * @param {LoadOptions} [options]
 * @returns {Promise<CaijiParser>}
 */
export async function loadParser(options = {}) {
  const wasmBinary = options.wasmBinary ?? (await readWasm(options.wasmUrl ?? new URL(WASM_FILE, import.meta.url)));
  const mod = await createCaijiWasm({ wasmBinary });
  return new Parser(mod);
}

export default loadParser;

async function readWasm(url) {
  const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';
  if (isNode) {
    // node 20's fetch cannot read file: URLs, and this glue cannot find the file by itself.
    const { readFile } = await import('node:fs/promises');
    return readFile(url instanceof URL ? url : new URL(url, import.meta.url));
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`cannot load the parser module from ${url}: HTTP ${response.status}`);
  }
  return response.arrayBuffer();
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

class Parser {
  #mod;
  #crash = null;
  #version = null;

  constructor(mod) {
    this.#mod = mod;
  }

  /** @type {CaijiParser['extract']} */
  extract(html, url = '', optionsJson = '') {
    const inputs = [toBytes(html), toBytes(url), toBytes(optionsJson)];
    return this.#call(() => {
      const mod = this.#mod;
      const ptrs = [];
      try {
        for (const bytes of inputs) {
          // malloc(0) may return null; one spare byte keeps null meaning "out of memory".
          const ptr = mod._malloc(Math.max(bytes.length, 1));
          if (ptr === 0) return outOfMemory(inputs[0].length);
          ptrs.push(ptr);
          // Read HEAPU8 after every malloc: growing memory replaces the view.
          mod.HEAPU8.set(bytes, ptr);
        }
        const out = mod._caiji_extract(ptrs[0], inputs[0].length, ptrs[1], inputs[1].length,
                                       ptrs[2], inputs[2].length);
        if (out === 0) return outOfMemory(inputs[0].length);
        try {
          const data = mod._caiji_output_data(out);
          return decoder.decode(mod.HEAPU8.subarray(data, data + mod._caiji_output_size(out)));
        } finally {
          mod._caiji_output_free(out);
        }
      } finally {
        for (const ptr of ptrs) mod._free(ptr);
      }
    });
  }

  /** @type {CaijiParser['version']} */
  version() {
    this.#version ??= this.#call(() => {
      const heap = this.#mod.HEAPU8;
      const start = this.#mod._caiji_version();
      return decoder.decode(heap.subarray(start, heap.indexOf(0, start)));
    });
    return this.#version;
  }

  // A trap inside wasm (stack overflow, out-of-bounds access) leaves the instance's memory in an
  // unknown state, so the instance refuses further work; the caller loads a fresh one.
  #call(fn) {
    if (this.#crash) {
      throw new Error('the parser crashed earlier; load a new one with loadParser()', { cause: this.#crash });
    }
    try {
      return fn();
    } catch (e) {
      this.#crash = e;
      throw new Error(`the parser crashed: ${e}`, { cause: e });
    }
  }
}

function toBytes(value) {
  return value instanceof Uint8Array ? value : encoder.encode(String(value));
}

// Mirrors the envelope extract_json returns, so callers handle one shape.
function outOfMemory(htmlBytes) {
  const mb = (htmlBytes / 1048576).toFixed(1);
  return JSON.stringify({
    ok: false,
    error: {
      code: 'input_too_large',
      message: `This page (${mb} MB) is too large for the parser's memory in the browser.`,
    },
  });
}
