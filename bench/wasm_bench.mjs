// The WASM parser in node against the native one, on the same pages: times
// parser.extract(html, "", options) per page, the call the extension makes, and writes
// {"<prefix>/<stem>": {"real_ms": median, "cpu_ms": median}} for bench/compare.py, whose
// json/<page> rows are the same call natively (caiji::extract::extract_json).
//
//   NODE_PATH=/usr/share/nodejs node bench/wasm_bench.mjs --wasm-dir build/wasm OUT.json \
//       corpus=/work/shared/corpus fixture=tests/fixtures/pages fixture=tests/fixtures/other-pages
//
// Pages are decoded as parity.mjs decodes them (UTF-8, else the charset the page declares), so
// both parsers read the same text. Each page runs for about half a second, at least 5 times.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const OPTIONS = JSON.stringify({ collectedAt: '2026-01-01T00:00:00Z', via: 'file' });

function pageText(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'gb18030';
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      return new TextDecoder('gb18030').decode(bytes);
    }
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main() {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--wasm-dir');
  if (at < 0 || argv.length < at + 3) {
    console.error('usage: node wasm_bench.mjs --wasm-dir BUILD/wasm OUT.json PREFIX=DIR...');
    process.exit(2);
  }
  const wasmDir = path.resolve(argv[at + 1]);
  const rest = argv.filter((_, i) => i !== at && i !== at + 1);
  const [out, ...dirs] = rest;
  const loader = path.join(wasmDir, 'dist', 'caiji_parser.mjs');
  const wasmFile = path.join(wasmDir, 'dist', 'caiji_wasm.wasm');
  if (!existsSync(loader) || !existsSync(wasmFile)) {
    console.error(`no WASM build at ${wasmDir}: build the wasm preset first`);
    process.exit(2);
  }
  const { loadParser } = await import(pathToFileURL(loader).href);
  const parser = await loadParser({ wasmBinary: readFileSync(wasmFile) });
  const results = {};
  for (const spec of dirs) {
    const [prefix, dir] = spec.split('=');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
      const html = pageText(readFileSync(path.join(dir, file)));
      parser.extract(html, '', OPTIONS);  // warm up: JIT of the glue, first-touch of memory
      const real = [];
      const cpu = [];
      const deadline = performance.now() + 500;
      while (real.length < 5 || (performance.now() < deadline && real.length < 100)) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        parser.extract(html, '', OPTIONS);
        const c = process.cpuUsage(c0);
        real.push(performance.now() - t0);
        cpu.push((c.user + c.system) / 1000);
      }
      const name = `${prefix}/${file.replace(/\.html$/, '')}`;
      results[name] = { real_ms: median(real), cpu_ms: median(cpu) };
      console.log(`${name}\t${results[name].real_ms.toFixed(3)} ms`);
    }
  }
  writeFileSync(out, JSON.stringify(results, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
