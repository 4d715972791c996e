// Taking a page as the browser has it: its HTML after the page's own scripts ran, and the values
// of known page variables. Both functions run inside the tab through chrome.scripting, which works
// on pages whose Content-Security-Policy forbids every script but their own, and they return data
// only: nothing here evaluates what the page holds.

const Sites = globalThis.CaijiSites;

// Runs in the content scripts' isolated world. Our own panel is taken out for the moment of
// reading, so the stored page is the site's page.
function readDocument() {
  const ui = document.querySelector("caiji-ui");
  const parent = ui?.parentNode ?? null;
  const next = ui?.nextSibling ?? null;
  if (ui) ui.remove();
  try {
    const dt = document.doctype;
    const doctype = dt
      ? `<!DOCTYPE ${dt.name}${dt.publicId ? ` PUBLIC "${dt.publicId}"` : ""}${dt.systemId ? ` "${dt.systemId}"` : ""}>\n`
      : "";
    return { url: location.href, html: doctype + document.documentElement.outerHTML };
  } finally {
    if (ui && parent) parent.insertBefore(ui, next);
  }
}

// Runs in the page's own (MAIN) world, where its variables live. Each value goes back as JSON
// text: structured cloning would choke on functions and DOM nodes inside them.
function readPageVariables(names) {
  const out = {};
  for (const name of names) {
    let value = window;
    for (const part of name.replace(/^window\./, "").split(".")) {
      try {
        value = value == null ? undefined : value[part];
      } catch {
        value = undefined;
      }
    }
    if (value == null || typeof value !== "object" || value === window) continue;
    try {
      const text = JSON.stringify(value);
      if (typeof text === "string" && text.length <= 32 * 1024 * 1024) out[name] = text;
    } catch {
      // cyclic or throwing getters: the HTML still has whatever the site put there
    }
  }
  return out;
}

/**
 * @param {number} tabId
 * @returns {Promise<{url: string, html: string, pageData: Record<string, unknown>}>}
 */
export async function captureTab(tabId) {
  const [[doc], [vars]] = await Promise.all([
    chrome.scripting.executeScript({ target: { tabId }, func: readDocument }),
    chrome.scripting.executeScript({
      target: { tabId },
      world: "MAIN",
      func: readPageVariables,
      args: [Sites.PAGE_VARIABLES],
    }),
  ]);
  const pageData = {};
  for (const [name, text] of Object.entries(vars?.result ?? {})) {
    try {
      pageData[name] = JSON.parse(String(text));
    } catch {
      // not JSON after all (the page replaced JSON.stringify): leave it out
    }
  }
  return { url: doc.result.url, html: doc.result.html, pageData };
}

/**
 * A product link, fetched the way the seller's browser would open it (with the seller's
 * session, which 1688 and Taobao require), decoded by the page's declared charset.
 * @param {string} url @returns {Promise<string>}
 */
export async function fetchPage(url) {
  const response = await fetch(url, { credentials: "include", redirect: "follow" });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return new TextDecoder(charsetOf(response.headers.get("content-type") ?? "", bytes)).decode(bytes);
}

function charsetOf(contentType, bytes) {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  // The first 1024 bytes, where the HTML standard looks for <meta charset>; ASCII is enough.
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  for (const label of [fromHeader, fromMeta]) {
    if (!label) continue;
    try {
      new TextDecoder(label);
      return label;
    } catch {
      // an unknown label: try the next
    }
  }
  return "utf-8";
}
