// Prepended (--pre-js) inside Emscripten's module factory, before it detects the environment.
//
// Emscripten 3.1.6 emits CommonJS-era code in its node branch even with EXPORT_ES6: it sets its
// script directory from `__dirname`, which an ES module does not have, so the factory would throw
// a ReferenceError in node before doing anything. That directory only serves to find the .wasm
// file by path, and caiji_parser.mjs always hands node the bytes (wasmBinary), so an empty value
// is enough. Later Emscripten releases fix this with createRequire(import.meta.url).
var __dirname = '';
