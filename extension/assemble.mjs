#!/usr/bin/env node
// Assembles the loadable (unpacked) extension: this folder's files plus the WebAssembly parser
// from the wasm build (`emcmake cmake --preset wasm && cmake --build --preset wasm`).
//
//   node extension/assemble.mjs [--wasm-dir build/wasm/dist] [--out build/extension]
//
// Then load the output folder in chrome://extensions ("Load unpacked"). No bundler: the files are
// plain ES modules and classic content scripts, copied as they are.

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");
const WASM_FILES = ["caiji_parser.mjs", "caiji_wasm.mjs", "caiji_wasm.wasm"];
// Tooling that stays out of the browser.
const SKIP = new Set(["assemble.mjs"]);

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : fallback;
}

/** @returns {string} the output folder */
export function assemble({ wasmDir = join(repo, "build/wasm/dist"), out = join(repo, "build/extension") } = {}) {
  for (const f of WASM_FILES) {
    if (!existsSync(join(wasmDir, f))) {
      throw new Error(`${join(wasmDir, f)} is missing: build the parser first ` +
        "(emcmake cmake --preset wasm && cmake --build --preset wasm)");
    }
  }
  // The host accepts exactly one extension id, derived from this key (native-host/extension_id.cpp).
  const manifest = JSON.parse(readFileSync(join(here, "manifest.json"), "utf8"));
  const key = readFileSync(join(repo, "packaging/extension-key.txt"), "utf8").trim();
  if (manifest.key !== key) throw new Error("manifest.json \"key\" differs from packaging/extension-key.txt");

  // A message missing in one language would show its key to those sellers.
  const locales = ["en", "zh_CN"].map((l) => [l, Object.keys(JSON.parse(readFileSync(join(here, "_locales", l, "messages.json"), "utf8")))]);
  for (const [lang, keys] of locales) {
    const missing = locales[0][1].filter((k) => !keys.includes(k)).concat(keys.filter((k) => !locales[0][1].includes(k)));
    if (missing.length) throw new Error(`_locales/${lang} and _locales/en differ in: ${missing.join(", ")}`);
  }

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(here, out, { recursive: true, filter: (src) => !SKIP.has(src.slice(here.length + 1)) });
  mkdirSync(join(out, "wasm"), { recursive: true });
  for (const f of WASM_FILES) cpSync(join(wasmDir, f), join(out, "wasm", f));
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const out = assemble({ wasmDir: option("wasm-dir", undefined), out: option("out", undefined) });
    console.log(`extension assembled in ${out}`);
  } catch (e) {
    console.error(`assemble: ${e.message}`);
    process.exit(1);
  }
}
