// Every message between the extension's parts, in one place (content script, popup and box page
// talk only to the service worker; the service worker alone talks to the host, see
// docs/protocol.md). A classic script so that content scripts can load it; extension pages and
// the module service worker `import` it for the same global.
"use strict";

/**
 * @typedef {'created'|'updated'|'unchanged'|'queued'|'failed'|'not_product'} CollectState
 *
 * @typedef {object} CollectResult  what the service worker answers for one collected page or link
 * @property {CollectState} state
 * @property {string} url
 * @property {number} [id]           the item's id in the box (created, updated, unchanged)
 * @property {boolean} [markedForClaim]
 * @property {string} [title]        the item's title, shown as text only
 * @property {string} [message]      why it failed or is not a product, in words for the seller
 * @property {string} [installCommand] when queued: the command that installs the host
 *
 * @typedef {object} CollectAllResult
 * @property {number} total
 * @property {number} done           created + updated + unchanged + queued
 * @property {CollectResult[]} results
 *
 * @typedef {object} HostStatus
 * @property {'idle'|'connecting'|'ready'|'missing'|'failed'} state
 * @property {string} [message]
 * @property {string} installCommand
 * @property {number} outbox         pages waiting for the host
 * @property {number} [boxCount]     items in the box (when the host is ready)
 */

globalThis.CaijiMessages = Object.freeze({
  // content script, popup, box page → service worker (chrome.runtime.sendMessage)
  /** {} → CollectResult; the sender's tab is the page to collect */
  COLLECT_PAGE: "page.collect",
  /** {} → CollectResult; as COLLECT_PAGE, and marks the item to claim (1688 一键铺货) */
  PUSH_PAGE: "page.push",
  /** {} → CollectAllResult; every product the sender's page lists */
  COLLECT_ALL: "page.collectAll",
  /** {url} → CollectResult; a product link, fetched by the browser with the seller's session */
  COLLECT_LINK: "link.collect",
  /** {urls: string[]} → CollectAllResult */
  COLLECT_URLS: "urls.collect",
  /** {} → HostStatus; also wakes the host connection and flushes the outbox */
  HOST_STATUS: "host.status",
  /** {params} → the host's box.list result, or {error} */
  BOX_LIST: "box.list",
  /** {id} → the host's box.get result, or {error} */
  BOX_GET: "box.get",
  /** {id} → {}; opens the box page on that item */
  OPEN_ITEM: "box.open",

  // service worker → content script (chrome.tabs.sendMessage)
  /** {requestKey, result: CollectResult} a page that waited in the outbox reached the box */
  OUTBOX_SETTLED: "outbox.settled",

  // Native messaging
  HOST_NAME: "com.caiji.host",
  INSTALL_COMMAND: "caiji install",
});
