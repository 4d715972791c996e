// What every browser test needs: a fresh Chromium profile with the unpacked extension, a box in a
// temp dir, the host registered for that profile (or deliberately not), and the `caiji` CLI to
// look into the box.

import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { chromium } from "playwright-core";

const run = promisify(execFile);

/** The id Chrome derives from manifest "key" (packaging/extension-key.txt); the host accepts only it. */
export const EXTENSION_ID = "cjcbmiackcjcichmhlabjipcajbpjpcg";

export class AssertionError extends Error {}

export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

export function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${what}: expected ${e}, got ${a}`);
}

/**
 * @typedef {object} Config
 * @property {string} caiji        the built caiji binary
 * @property {string} chromium     the browser
 * @property {string} extensionDir the assembled extension
 * @property {import('./fixture_server.mjs').FixtureServer} server
 * @property {boolean} [headed]
 */

export class Session {
  /** @param {Config} config */
  constructor(config) {
    this.config = config;
    this.dir = mkdtempSync(join(tmpdir(), "caiji-e2e-"));
    this.db = join(this.dir, "box.sqlite");
    this.profile = join(this.dir, "profile");
    // Chrome starts the host with the extension's origin as the only argument; the wrapper adds
    // this test's box after it (caiji tells host mode by an origin among its first arguments).
    this.hostWrapper = join(this.dir, "caiji-host");
    writeFileSync(this.hostWrapper, `#!/bin/sh\nexec '${config.caiji}' "$@" --db '${this.db}'\n`);
    chmodSync(this.hostWrapper, 0o755);
    /** @type {import('playwright-core').BrowserContext | null} */
    this.context = null;
    /** @type {import('playwright-core').Worker | null} */
    this.worker = null;
  }

  /** `caiji install` for this profile only (HOME points into the temp dir, so nothing else changes). */
  async registerHost() {
    await this.cli(["install", "--user-data-dir", this.profile, "--binary", this.hostWrapper], { box: false });
  }

  /** @param {{lang?: string}} [options] lang: the browser's language, as a seller's system sets it */
  async launch({ lang } = {}) {
    const { extensionDir, server } = this.config;
    this.context = await chromium.launchPersistentContext(this.profile, {
      env: lang ? { ...process.env, LANGUAGE: lang.replace("-", "_") } : process.env,
      executablePath: this.config.chromium,
      headless: !this.config.headed,
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 800 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--ignore-certificate-errors",
        `--host-resolver-rules=${server.resolverRules}`,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...(lang ? [`--lang=${lang}`] : []),
      ],
    });
    this.worker = this.context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://")) ??
      (await this.context.waitForEvent("serviceworker", { timeout: 15000 }));
    const id = new URL(this.worker.url()).host;
    assertEqual(id, EXTENSION_ID, "extension id (from the manifest key)");
    return this;
  }

  async close() {
    await this.context?.close().catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Runs caiji with this test's box; returns stdout. */
  async cli(args, { box = true } = {}) {
    const env = { ...process.env, HOME: this.dir, XDG_CONFIG_HOME: join(this.dir, ".config"), XDG_DATA_HOME: join(this.dir, ".local/share") };
    const full = box ? [...args, "--db", this.db] : args;
    try {
      return (await run(this.config.caiji, full, { env, maxBuffer: 64 << 20 })).stdout;
    } catch (e) {
      throw new Error(`caiji ${full.join(" ")} failed (${e.code}): ${e.stderr || e.stdout}`);
    }
  }

  /** Every item in the box, as `caiji box list --json` gives them. */
  async boxList() {
    const out = await this.cli(["box", "list", "--json", "--limit", "500"]);
    const parsed = JSON.parse(out);
    return Array.isArray(parsed) ? parsed : parsed.items;
  }

  /** One item as `caiji box show ID --json` gives it. */
  async boxShow(id) {
    return JSON.parse(await this.cli(["box", "show", String(id), "--json"]));
  }

  /** What the native parser reads from the same page text at the same address. */
  async nativeParse(html, url) {
    const file = join(this.dir, `page-${Date.now()}-${Math.random().toString(36).slice(2)}.html`);
    writeFileSync(file, html);
    return JSON.parse(await this.cli(["parse", file, "--url", url], { box: false }));
  }

  /** A page with its panel shown (the content script ran and decided). */
  async open(url) {
    const page = await this.context.newPage();
    await page.goto(url, { waitUntil: "load" });
    return page;
  }

  /** Whether the extension's content script has run in the tab showing `url`. */
  async contentScriptRan(url) {
    return this.worker.evaluate(async (u) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
      if (!tab) return false;
      const [r] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => Boolean(globalThis.caijiContentLoaded) });
      return r.result;
    }, url);
  }
}

/** Item fields that legitimately differ between two parses of the same page. */
const VOLATILE = new Set(["collectedAt", "provenance", "warnings"]);

/** Field names whose values differ between two items (volatile fields left out). */
export function differingFields(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !VOLATILE.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/** Polls `fn` until it returns a truthy value or `ms` pass. */
export async function eventually(fn, ms, what) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new AssertionError(`${what}: not within ${ms} ms (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
