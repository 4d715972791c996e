#!/usr/bin/env node
// Click to stored, for a 2 MB product page: from the Collect click in the page to the panel
// showing the host's answer (captured in the page, parsed by the WASM parser in the service
// worker, sent over native messaging, parsed again and stored by the host in SQLite). Not a test:
// the numbers go to docs/benchmarks.md ("Extension: click to stored").
//
//   node tests/e2e/bench.mjs --caiji build/h5/native-host/caiji --wasm-dir build/wasm/dist [--runs 20]

import { Session } from "./harness.mjs";
import { benchPageUrl } from "./routes.mjs";
import { option, setUp } from "./run.mjs";

const runs = Number(option("runs", "20"));
const { config, tearDown } = await setUp();
const session = new Session(config);
await session.registerHost();
await session.launch();

/** One click, timed inside the page with performance.now(); returns ms or throws. */
async function clickToStored(page) {
  const r = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const root = document.querySelector("caiji-ui").shadowRoot;
        const status = root.querySelector(".status");
        const button = root.querySelector('button[data-action="collect"]');
        let t0 = 0;
        const observer = new MutationObserver(() => {
          const state = status.dataset.state;
          if (state === "collecting") return;
          observer.disconnect();
          resolve({ state, ms: performance.now() - t0, text: status.textContent });
        });
        observer.observe(status, { attributes: true, attributeFilter: ["data-state"] });
        t0 = performance.now();
        button.click();
      }),
  );
  if (r.state !== "created") throw new Error(`run ended ${r.state}: ${r.text}`);
  return r.ms;
}

const times = [];
let bytes = 0;
for (let i = 0; i <= runs; i++) {
  const page = await session.open(benchPageUrl(i));
  await page.waitForSelector("caiji-ui .panel");
  bytes = await page.evaluate(() => document.documentElement.outerHTML.length);
  const ms = await clickToStored(page);
  if (i > 0) times.push(ms); // run 0 loads the WASM parser and starts the host: reported apart
  else console.log(`first click (parser load + host start): ${ms.toFixed(0)} ms`);
  await page.close();
}
// Where the time goes: the same collect through the service worker's handler, which returns
// its timings (capture in the tab, WASM parse, host parse + store).
const parts = [];
for (let i = runs + 1; i <= runs + 5; i++) {
  const url = benchPageUrl(i);
  const page = await session.open(url);
  await page.waitForSelector("caiji-ui .panel");
  parts.push(await session.worker.evaluate(async (u) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    return (await globalThis.caijiHandlers.onMessage({ type: "page.collect" }, { tab })).timings;
  }, url));
  await page.close();
}
const mean = (k) => (parts.reduce((a, p) => a + p[k], 0) / parts.length).toFixed(0);
console.log(`breakdown (mean of ${parts.length}): capture ${mean("capture")} ms, WASM parse ${mean("parse")} ms, host parse + store ${mean("host")} ms`);
const stored = (await session.boxList()).length;
await session.close();
await tearDown();

times.sort((a, b) => a - b);
const pick = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
console.log(`page: ${(bytes / 1048576).toFixed(2)} MB of HTML; runs: ${times.length}; items stored: ${stored}`);
console.log(`click to stored: median ${pick(0.5).toFixed(0)} ms, p95 ${pick(0.95).toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms`);
