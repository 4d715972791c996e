// The content script's entry: decide what kind of page this is and show the panel for it. The
// content script only shows buttons and forwards clicks; capture and parsing happen in the
// service worker (see background/capture.js for why).
"use strict";

(() => {
  if (window.top !== window || globalThis.caijiContentLoaded) return;
  globalThis.caijiContentLoaded = true;

  const M = globalThis.CaijiMessages;
  const Sites = globalThis.CaijiSites;
  const { showPanel, showResult } = globalThis.CaijiPanel;

  /** Pages outside the supported sites (optional permission): a product if it says so itself. */
  function declaresProduct() {
    if (document.querySelector('[itemtype$="schema.org/Product"], meta[property="og:type"][content="product"], meta[property="product:price:amount"]')) return true;
    for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
      if (/"@type"\s*:\s*"Product(Group)?"/.test(s.textContent ?? "")) return true;
    }
    return false;
  }

  let page = Sites.classify(location.href);
  // On the supported sites the address patterns decide; elsewhere the page's own markup.
  if (!page && !Sites.isSupportedHost(location.hostname) && declaresProduct()) {
    page = { kind: "product", site: location.hostname };
  }
  if (!page) return;

  const send = (type, extra = {}) => chrome.runtime.sendMessage({ type, ...extra });
  const view = showPanel(page, {
    onCollect: () => send(M.COLLECT_PAGE),
    // 一键铺货 is a 1688 habit: sellers push supplier offers straight to their stores.
    onPush: page.site === "1688" ? () => send(M.PUSH_PAGE) : undefined,
    onCollectAll: () => send(M.COLLECT_ALL),
  });
  if (page.kind === "list") globalThis.CaijiCardButtons.install();

  // A page that waited in the outbox reached the box: say so where the seller clicked.
  chrome.runtime.onMessage.addListener((msg) => {
    if (msg?.type === M.OUTBOX_SETTLED && page.kind === "product") {
      showResult(view.status, msg.result, { onOpen: (id) => send(M.OPEN_ITEM, { id }) });
    }
  });
})();
