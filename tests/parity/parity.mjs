// The browser's parser and the host's parser give the same bytes for the same page.
//
// For every fixture page, runs the native CLI
//   caiji parse --envelope --collected-at 2026-01-01T00:00:00Z FILE
// and the WASM build's extract(html, "", options), and compares the two envelopes byte for byte.
//
//   node tests/parity/parity.mjs --native build/dev/native-host/caiji --wasm-dir build/wasm [PAGE.html...]
//
// --native / CAIJI_NATIVE: the caiji binary. --wasm-dir / CAIJI_WASM_DIR: the wasm preset's build
// directory (its dist/ holds caiji_parser.mjs). Pages default to tests/fixtures/pages/*.html.
// Exit status: 0 all equal, 1 some differ, 2 setup problem (missing build, bad arguments).

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const COLLECTED_AT = '2026-01-01T00:00:00Z';
// The CLI's --envelope passes {"collectedAt": TIME, "via": "file"} to extract_json; the WASM side
// gets the same options so that only the parsers are compared.
const WASM_OPTIONS = JSON.stringify({ collectedAt: COLLECTED_AT, via: 'file' });
const FIXTURES = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

function usage(message) {
  console.error(`parity: ${message}`);
  console.error('usage: node parity.mjs --native PATH/caiji --wasm-dir BUILD/wasm [PAGE.html...]');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { native: process.env.CAIJI_NATIVE, wasmDir: process.env.CAIJI_WASM_DIR, pages: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--native' || a === '--wasm-dir') {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      args[a === '--native' ? 'native' : 'wasmDir'] = argv[++i];
    } else if (a.startsWith('--')) {
      usage(`unknown option ${a}`);
    } else {
      args.pages.push(a);
    }
  }
  if (!args.native) usage('name the native binary with --native or CAIJI_NATIVE');
  if (!args.wasmDir) usage('name the wasm build directory with --wasm-dir or CAIJI_WASM_DIR');
  if (args.pages.length === 0) {
    args.pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).sort().map((f) => path.join(FIXTURES, f));
  }
  if (args.pages.length === 0) usage(`no pages in ${FIXTURES}`);
  return args;
}

// What the browser hands the parser is text the page's own charset has already decoded. The
// fixtures are UTF-8; a page that is not valid UTF-8 is decoded with the charset it declares, as
// a browser would (a leading BOM is dropped either way, as the CLI does).
function pageText(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'windows-1252';
    return new TextDecoder(declared).decode(bytes);
  }
}

function runNative(binary, page) {
  try {
    const stdout = execFileSync(binary, ['parse', '--envelope', '--collected-at', COLLECTED_AT, page], {
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (stdout.at(-1) !== 0x0a) return { error: 'the CLI did not end its line with a newline' };
    return { bytes: stdout.subarray(0, stdout.length - 1) };
  } catch (e) {
    const stderr = e.stderr?.toString().trim();
    return { error: `the CLI failed (${e.status ?? e.code}): ${stderr || e.message}` };
  }
}

// The first differing byte with some context on each side, as text.
function firstDifference(native, wasm) {
  let i = 0;
  while (i < native.length && i < wasm.length && native[i] === wasm[i]) i++;
  const from = Math.max(0, i - 60);
  const show = (b) => JSON.stringify(b.subarray(from, i + 60).toString('utf8'));
  return [
    `first difference at byte ${i} (native ${native.length} bytes, wasm ${wasm.length} bytes)`,
    `  native: …${show(native)}…`,
    `  wasm:   …${show(wasm)}…`,
  ].join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.native)) {
    usage(`the native binary ${args.native} does not exist; build the caiji target first`);
  }
  const loader = path.join(path.resolve(args.wasmDir), 'dist', 'caiji_parser.mjs');
  const wasmFile = path.join(path.dirname(loader), 'caiji_wasm.wasm');
  if (!existsSync(loader) || !existsSync(wasmFile)) {
    console.error(`parity: FAILED: no WASM build at ${args.wasmDir} (${loader} or ${wasmFile} is missing).`);
    console.error('parity: build the wasm preset first:');
    console.error('  NODE_PATH=/usr/share/nodejs emcmake cmake --preset wasm');
    console.error('  NODE_PATH=/usr/share/nodejs cmake --build --preset wasm -j2');
    process.exit(2);
  }
  const { loadParser } = await import(pathToFileURL(loader).href);
  let parser = await loadParser({ wasmBinary: readFileSync(wasmFile) });
  console.log(`parser ${parser.version()} from ${loader}`);

  let passed = 0;
  let failed = 0;
  for (const page of args.pages) {
    const name = path.basename(page);
    const native = runNative(args.native, page);
    if (native.error) {
      console.log(`FAIL ${name}: ${native.error}`);
      failed++;
      continue;
    }
    let wasm;
    try {
      wasm = Buffer.from(parser.extract(pageText(readFileSync(page)), '', WASM_OPTIONS), 'utf8');
    } catch (e) {
      console.log(`FAIL ${name}: the WASM parser threw: ${e.message}`);
      failed++;
      parser = await loadParser({ wasmBinary: readFileSync(wasmFile) });  // a crashed instance is unusable
      continue;
    }
    if (native.bytes.equals(wasm)) {
      console.log(`ok   ${name}`);
      passed++;
    } else {
      console.log(`FAIL ${name}: ${firstDifference(native.bytes, wasm)}`);
      failed++;
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
