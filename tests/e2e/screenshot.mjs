#!/usr/bin/env node
// The README's picture of the panel on a product page (docs/images/panel.png).
//
//   node tests/e2e/screenshot.mjs --caiji build/h5/native-host/caiji --wasm-dir build/wasm/dist [--out docs/images/panel.png]

import { resolve } from "node:path";
import { Session } from "./harness.mjs";
import { PRODUCT_PAGES } from "./routes.mjs";
import { option, setUp } from "./run.mjs";

const out = resolve(option("out", "docs/images/panel.png"));
const { config, tearDown } = await setUp();
const session = new Session(config);
await session.registerHost();
await session.launch();
const { url } = PRODUCT_PAGES.find((p) => p.site === "amazon");
const page = await session.open(url);
await page.setViewportSize({ width: 960, height: 600 });
await page.waitForSelector("caiji-ui .panel");
await page.click('caiji-ui .panel button[data-action="collect"]');
await page.waitForSelector('caiji-ui .panel .status[data-state="created"]');
await page.screenshot({ path: out });
console.log(`wrote ${out}`);
await session.close();
await tearDown();
