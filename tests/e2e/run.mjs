#!/usr/bin/env node
// Runs the extension's end-to-end tests in Chromium (ctest: label e2e).
//
//   node tests/e2e/run.mjs --caiji build/dev/native-host/caiji --wasm-dir build/wasm/dist \
//        [--chromium /usr/bin/chromium] [--only NAME_PART] [--headed]
//
// Needs `npm ci` in tests/e2e (scripts/bootstrap does it) for playwright-core.

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { assemble } from "../../extension/assemble.mjs";
import { FixtureServer } from "./fixture_server.mjs";
import { routes } from "./routes.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const fixturesDir = resolve(here, "../fixtures");

if (!existsSync(join(here, "node_modules/playwright-core"))) {
  console.error("e2e: FAILED: playwright-core is not installed; run `npm ci` in tests/e2e (scripts/bootstrap does)");
  process.exit(1);
}
const { Session } = await import("./harness.mjs");

export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** The extension assembled, the fixture server started: what every test run and the bench share. */
export async function setUp() {
  const caiji = option("caiji");
  const wasmDir = option("wasm-dir");
  if (!caiji || !wasmDir) {
    console.error("usage: run.mjs --caiji PATH --wasm-dir DIR [--chromium PATH] [--only NAME] [--headed]");
    process.exit(2);
  }
  const tmp = mkdtempSync(join(tmpdir(), "caiji-e2e-run-"));
  const extensionDir = assemble({ wasmDir: resolve(wasmDir), out: join(tmp, "extension") });
  const server = await new FixtureServer({ fixturesDir, tmpDir: tmp, routes: routes(fixturesDir) }).start();
  const config = {
    caiji: resolve(caiji),
    chromium: option("chromium", "/usr/bin/chromium"),
    extensionDir,
    server,
    headed: process.argv.includes("--headed"),
  };
  const tearDown = async () => {
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  };
  return { config, server, tearDown };
}

async function main() {
  const { tests } = await import("./extension.test.mjs");
  const only = option("only", "");
  const { config, server, tearDown } = await setUp();
  let failed = 0;
  let ran = 0;
  const started = Date.now();
  for (const test of tests) {
    if (only && !test.name.includes(only)) continue;
    ran++;
    const t0 = Date.now();
    const session = new Session(config);
    try {
      if (test.registerHost !== false) await session.registerHost();
      await session.launch({ lang: test.lang });
      await test.run({ session, server });
      console.log(`ok   ${test.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${test.name} (${Date.now() - t0} ms)\n     ${String(e?.stack ?? e).split("\n").join("\n     ")}`);
    } finally {
      await session.close();
    }
  }
  await tearDown();
  console.log(`e2e: ${ran - failed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (ran === 0) console.log("e2e: FAILED: no test matched");
  process.exit(failed || ran === 0 ? 1 : 0);
}

if (resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) await main();
