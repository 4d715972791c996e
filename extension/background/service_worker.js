// The extension's service worker: the only part that talks to the host. Content scripts, the
// popup and the box page send it the messages declared in shared/messages.js.

import "../shared/messages.js";
import "../shared/sites.js";
import { Collector } from "./collector.js";
import { HostPort } from "./host_port.js";
import * as outbox from "./outbox.js";
import { parser, parserVersion } from "./parser.js";

const M = globalThis.CaijiMessages;
const Sites = globalThis.CaijiSites;

const host = new HostPort({ parserVersion, onReady: () => collector.flushOutbox() });
const collector = new Collector(host);

// ---- context menus ---------------------------------------------------------------------------

const MENU = { page: "collect-page", link: "collect-link", all: "collect-all" };

function createMenus() {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU.page, title: chrome.i18n.getMessage("menuCollectPage"), contexts: ["page", "image"] });
    chrome.contextMenus.create({ id: MENU.link, title: chrome.i18n.getMessage("menuCollectLink"), contexts: ["link"] });
    chrome.contextMenus.create({ id: MENU.all, title: chrome.i18n.getMessage("menuCollectAll"), contexts: ["page"] });
  });
}

/**
 * Chrome's onClicked listener: collects, and shows the outcome on the toolbar button's badge.
 * @param {chrome.contextMenus.OnClickData} info @param {chrome.tabs.Tab} [tab]
 */
async function onMenuClicked(info, tab) {
  const pending = collectFromMenu(info, tab);
  await showOnBadge(tab?.id, pending);
  return pending;
}

async function collectFromMenu(info, tab) {
  if (info.menuItemId === MENU.link && info.linkUrl) return collector.collectLink(info.linkUrl);
  if (!tab?.id) return { state: "failed", url: "", message: "no tab" };
  if (info.menuItemId === MENU.page) return collector.collectTab(tab.id);
  if (info.menuItemId === MENU.all) return collector.collectAllOnTab(tab.id);
  return undefined;
}

/**
 * A menu click has no panel to answer in: the toolbar button's badge on that tab says how it went
 * (… working, ✓ stored, ⏳ waiting for the host, ! failed; the popup tells more).
 */
async function showOnBadge(tabId, pending) {
  if (tabId === undefined) return;
  const badge = (text, color) =>
    Promise.all([chrome.action.setBadgeText({ tabId, text }), chrome.action.setBadgeBackgroundColor({ tabId, color })]).catch(() => {});
  await badge("…", "#6b7280");
  const r = await pending.catch((e) => ({ state: "failed", message: String(e?.message ?? e) }));
  const results = r?.results ?? (r ? [r] : []);
  if (results.some((x) => x.state === "failed" || x.state === "not_product") || results.length === 0) await badge("!", "#b42318");
  else if (results.some((x) => x.state === "queued")) await badge("⏳", "#93370d");
  else await badge("✓", "#067647");
}

// ---- messages from the extension's pages -----------------------------------------------------

async function onMessage(msg, sender) {
  const tabId = sender.tab?.id;
  switch (msg?.type) {
    case M.COLLECT_PAGE:
      return collector.collectTab(tabId);
    case M.PUSH_PAGE:
      return collector.collectTab(tabId, { markForClaim: true });
    case M.COLLECT_ALL:
      return collector.collectAllOnTab(tabId);
    case M.COLLECT_LINK:
      // From a card's button on a list page (content script) or a pasted link.
      return collector.collectLink(String(msg.url), tabId === undefined ? "url" : "category");
    case M.COLLECT_URLS:
      return collector.collectLinks(cleanUrls(msg.urls));
    case M.HOST_STATUS:
      return status();
    case M.BOX_LIST:
      return host.request("box.list", msg.params ?? {}).catch((e) => ({ error: e.message }));
    case M.BOX_GET:
      return host.request("box.get", { id: Number(msg.id) }).catch((e) => ({ error: e.message }));
    case M.OPEN_ITEM:
      await chrome.tabs.create({ url: chrome.runtime.getURL(`box/box.html#${Number(msg.id) || ""}`) });
      return {};
    default:
      return { state: "failed", url: "", message: `unknown message ${String(msg?.type)}` };
  }
}

/** What the seller typed: one address per line, blanks and non-web addresses left out. */
function cleanUrls(urls) {
  const out = [];
  for (const line of Array.isArray(urls) ? urls : []) {
    try {
      const u = new URL(String(line).trim());
      if ((u.protocol === "https:" || u.protocol === "http:") && !out.includes(u.href)) out.push(u.href);
    } catch {
      // not an address
    }
  }
  return out;
}

/** @returns {Promise<HostStatus>} */
async function status() {
  host.ensureConnected();
  for (let i = 0; i < 30 && host.state === "connecting"; i++) await new Promise((r) => setTimeout(r, 100));
  const s = { state: host.state, message: host.message, installCommand: M.INSTALL_COMMAND, outbox: await outbox.count() };
  if (host.state === "ready") {
    try {
      s.boxCount = (await host.request("box.list", { limit: 1 })).total;
    } catch (e) {
      s.message = e.message;
    }
  }
  return s;
}

// ---- collecting on any site (optional permission) --------------------------------------------

const ANY_SITE_SCRIPT = "any-site";

async function syncAnySiteScript() {
  const granted = await chrome.permissions.contains({ origins: ["https://*/*", "http://*/*"] });
  const registered = await chrome.scripting.getRegisteredContentScripts({ ids: [ANY_SITE_SCRIPT] });
  if (granted && registered.length === 0) {
    const manifest = chrome.runtime.getManifest();
    const supported = manifest.content_scripts[0];
    await chrome.scripting.registerContentScripts([
      { id: ANY_SITE_SCRIPT, matches: ["https://*/*", "http://*/*"], excludeMatches: supported.matches, js: supported.js, runAt: "document_idle" },
    ]);
  } else if (!granted && registered.length) {
    await chrome.scripting.unregisterContentScripts({ ids: [ANY_SITE_SCRIPT] });
  }
}

// ---- wiring ----------------------------------------------------------------------------------

chrome.runtime.onInstalled.addListener(() => {
  createMenus();
  syncAnySiteScript();
});
chrome.permissions.onAdded.addListener(syncAnySiteScript);
chrome.permissions.onRemoved.addListener(syncAnySiteScript);
chrome.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  onMessage(msg, sender).then(sendResponse, (e) => sendResponse({ state: "failed", url: "", message: String(e?.message ?? e) }));
  return true; // answers asynchronously
});

// Each time the worker starts: load the parser, and if pages wait in the outbox, try the host.
parser().catch(() => {});
outbox.count().then((n) => n > 0 && host.ensureConnected());

// The handlers by name, so that a developer in DevTools, and the end-to-end tests, can call the
// exact function Chrome calls: headless Chromium cannot open a native context menu to click.
globalThis.caijiHandlers = Object.freeze({ onMenuClicked, onMessage, MENU, Sites });
