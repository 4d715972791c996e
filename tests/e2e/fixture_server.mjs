// A local HTTPS server that plays the supported sites: Chromium resolves every host name to it
// (--host-resolver-rules), so the extension's match patterns see the real addresses. The
// certificate is made for each run by openssl; Chromium is told to accept it.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import { join } from "node:path";

/**
 * @typedef {object} Route
 * @property {string | RegExp} url    the full address the browser asks for
 * @property {string} [file]          a fixture page, relative to tests/fixtures
 * @property {(match: RegExpExecArray | null) => string} [body]  or a page made from fixture text
 * @property {Record<string, string>} [headers]
 */

/** @param {string} dir where key and certificate go */
function makeCertificate(dir) {
  const key = join(dir, "key.pem");
  const cert = join(dir, "cert.pem");
  const names = ["*.1688.com", "*.taobao.com", "*.tmall.com", "*.aliexpress.com", "*.amazon.com", "*.ebay.com", "*.jd.com", "*.example.org"];
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
    "-subj", "/CN=caiji-e2e", "-addext", `subjectAltName=${names.map((n) => `DNS:${n}`).join(",")}`,
  ], { stdio: "ignore" });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export class FixtureServer {
  /** @param {{fixturesDir: string, tmpDir: string, routes: Route[]}} options */
  constructor({ fixturesDir, tmpDir, routes }) {
    this.fixturesDir = fixturesDir;
    this.tmpDir = tmpDir;
    this.routes = routes;
    /** @type {string[]} every address asked for, in order */
    this.requests = [];
    this.server = null;
    this.port = 0;
  }

  async start() {
    this.server = createServer(makeCertificate(this.tmpDir), (req, res) => this.serve(req, res));
    await new Promise((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = this.server.address().port;
    return this;
  }

  stop() {
    return new Promise((resolve) => {
      this.server.closeAllConnections?.();
      this.server.close(() => resolve());
    });
  }

  /** Chromium flag value: every name goes to this server (nothing reaches the real sites). */
  get resolverRules() {
    return `MAP * 127.0.0.1:${this.port}, EXCLUDE localhost`;
  }

  /** @param {string} url @returns {{route: Route, match: RegExpExecArray | null} | null} */
  find(url) {
    for (const route of this.routes) {
      if (typeof route.url === "string" && route.url === url) return { route, match: null };
      if (route.url instanceof RegExp) {
        const match = route.url.exec(url);
        if (match) return { route, match };
      }
    }
    return null;
  }

  /** The page's text as served for `url` (tests compare the stored item with its native parse). */
  body(url) {
    const found = this.find(url);
    if (!found) throw new Error(`no fixture for ${url}`);
    const { route, match } = found;
    return route.file ? readFileSync(join(this.fixturesDir, route.file), "utf8") : route.body(match);
  }

  serve(req, res) {
    const url = `https://${req.headers.host?.replace(/:\d+$/, "")}${req.url}`;
    this.requests.push(url);
    const found = this.find(url);
    if (!found) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not a fixture");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...found.route.headers });
    res.end(this.body(url));
  }
}
