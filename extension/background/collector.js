// From a captured page (or a product link) to an item in the box: parse in WebAssembly, hand the
// page, its page data and the parsed item to the host, which parses again and stores; when the
// host is missing, keep the page in the outbox until it appears.

import { captureTab, fetchPage } from "./capture.js";
import { HostError, HostUnavailable } from "./host_port.js";
import * as outbox from "./outbox.js";
import { extract } from "./parser.js";

const M = globalThis.CaijiMessages;

/** @typedef {import('./host_port.js').HostPort} HostPort */

export class Collector {
  /** @param {HostPort} host */
  constructor(host) {
    this.host = host;
    this.flushing = null;
  }

  /** The tab's page as the seller sees it. @returns {Promise<CollectResult>} */
  async collectTab(tabId, { markForClaim = false } = {}) {
    const t0 = performance.now();
    let page;
    try {
      page = await captureTab(tabId);
    } catch (e) {
      return failed("", `Could not read this page: ${e?.message ?? e}`);
    }
    const captured = performance.now();
    const result = await this.collectPage({ ...page, via: "page", markForClaim, tabId });
    if (result.timings) result.timings.capture = captured - t0;
    return result;
  }

  /**
   * A product link, opened by the browser in the background.
   * @param {string} url @param {'url'|'category'} via a link as such, or a card on a list page
   * @returns {Promise<CollectResult>}
   */
  async collectLink(url, via = "url") {
    let html;
    try {
      html = await fetchPage(url);
    } catch (e) {
      // The browser may not reach it (no permission for that site, or offline); a host that
      // fetches links itself still can.
      if (this.host.hello?.methods?.includes("collect.url")) return this.viaHost(url);
      return failed(url, `Could not open ${url}: ${e?.message ?? e}`);
    }
    return this.collectPage({ url, html, pageData: {}, via, markForClaim: false });
  }

  /** Every product a list page shows; on a product page, that product. */
  async collectAllOnTab(tabId) {
    let page;
    try {
      page = await captureTab(tabId);
    } catch (e) {
      return { total: 1, done: 0, results: [failed("", `Could not read this page: ${e?.message ?? e}`)] };
    }
    const envelope = await extract(page.html, page.url, { collectedAt: now(), via: "page", pageData: page.pageData });
    if (envelope.ok) {
      return summary([await this.collectPage({ ...page, via: "page", markForClaim: false, tabId, envelope })]);
    }
    const links = envelope.page?.productLinks ?? [];
    // A captcha or login wall lists nothing: say what the parser saw instead of "0 of 0".
    if (!links.length) return summary([{ state: "not_product", url: page.url, message: envelope.error?.message }]);
    return this.collectLinks(links, "category");
  }

  /** One after another: sites throttle bursts, and the host stores one page at a time anyway. */
  async collectLinks(urls, via = "url") {
    const results = [];
    for (const url of urls) results.push(await this.collectLink(url, via));
    return summary(results);
  }

  /**
   * @param {{url: string, html: string, pageData: object, via: string, markForClaim: boolean,
   *   tabId?: number, envelope?: object}} page
   */
  async collectPage(page) {
    const t0 = performance.now();
    const envelope = page.envelope ?? (await extract(page.html, page.url, { collectedAt: now(), via: page.via, pageData: page.pageData }));
    const t1 = performance.now();
    if (!envelope.ok && envelope.page) {
      return { state: "not_product", url: page.url, message: envelope.error.message };
    }
    // When the in-page parser failed (a page too large for its memory), the host still gets the
    // page: it parses natively and has the last word anyway.
    const params = { url: page.url, html: page.html, pageData: page.pageData, via: page.via, markForClaim: page.markForClaim };
    if (envelope.ok) params.item = envelope.item;
    try {
      const result = await this.store(params);
      // Where the time went, for the benchmark (docs/benchmarks-extension.md).
      result.timings = { parse: t1 - t0, host: performance.now() - t1 };
      return result;
    } catch (e) {
      if (!(e instanceof HostUnavailable)) return failed(page.url, e?.message ?? String(e));
      await outbox.add({ params, markForClaim: page.markForClaim, tabId: page.tabId });
      return { state: "queued", url: page.url, title: envelope.item?.title, message: e.message, installCommand: M.INSTALL_COMMAND };
    }
  }

  /**
   * collect.page; with markForClaim the host also marks the item to claim (the tag "to-claim"
   * until claiming has a list of its own). Throws HostUnavailable / HostError.
   */
  async store(params) {
    const result = await this.host.request("collect.page", params);
    if (!result.stored) return { state: "not_product", url: params.url, message: result.message };
    return {
      state: result.outcome === "created" ? "created" : result.outcome === "updated" ? "updated" : "unchanged",
      url: params.url,
      id: result.id,
      title: result.item?.title,
      markedForClaim: Boolean(result.markedForClaim),
    };
  }

  async viaHost(url) {
    try {
      const r = await this.host.request("collect.url", { url });
      if (!r.stored) return { state: "not_product", url, message: r.message };
      return { state: r.outcome === "created" ? "created" : "updated", url, id: r.id, title: r.item?.title };
    } catch (e) {
      return failed(url, e?.message ?? String(e));
    }
  }

  /** Sends what waited in the outbox, oldest first; one flush at a time. */
  flushOutbox() {
    this.flushing ??= this.#flush().finally(() => (this.flushing = null));
    return this.flushing;
  }

  async #flush() {
    for (const entry of await outbox.entries()) {
      let result;
      try {
        result = await this.store(entry.params);
      } catch (e) {
        if (e instanceof HostUnavailable) return; // still no host: keep everything
        // The box could not be written (locked, disk full): keep the page for the next try.
        if (e instanceof HostError && e.code === "store_error") return;
        result = failed(entry.params.url, e.message);
      }
      await outbox.remove(entry.key);
      if (entry.tabId !== undefined) {
        chrome.tabs.sendMessage(entry.tabId, { type: M.OUTBOX_SETTLED, url: entry.params.url, result }).catch(() => {});
      }
    }
  }
}

function failed(url, message) {
  return { state: "failed", url, message };
}

function summary(results) {
  const done = results.filter((r) => r.state !== "failed" && r.state !== "not_product").length;
  return { total: results.length, done, results };
}

// RFC 3339 to the second, as the host writes it.
function now() {
  return new Date().toISOString().replace(/\.\d+Z$/, "Z");
}
