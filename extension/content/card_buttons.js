// On list, search, category and store pages: a Collect button over a product card's image while
// the mouse is on it. A card is found by its link to a product page; the button collects that link.
"use strict";

(() => {
  const { uiRoot, el, showResult } = globalThis.CaijiPanel;
  const Sites = globalThis.CaijiSites;
  const M = globalThis.CaijiMessages;
  const t = (key) => chrome.i18n.getMessage(key) || key;

  // How far up from an image to look for the card's product link: cards nest the image a few
  // levels below the element that also holds the title link.
  const CARD_DEPTH = 4;

  /** @param {Element} img @returns {string} the product URL of the card the image is in */
  function cardLink(img) {
    let node = img;
    for (let i = 0; node && i <= CARD_DEPTH; i++, node = node.parentElement) {
      const a = node.closest?.("a[href]") ?? node.querySelector?.("a[href]");
      const url = a ? Sites.productUrl(a.getAttribute("href"), document.baseURI) : "";
      if (url) return url;
    }
    return "";
  }

  function install() {
    const { root } = uiRoot();
    const status = el("span");
    const button = el("button", { className: "card-button", "data-action": "collect-card" }, t("collect"));
    root.append(button);
    let url = "";
    let hideTimer = 0;
    let busy = false;

    document.addEventListener(
      "mouseover",
      (e) => {
        const target = /** @type {Element} */ (e.target);
        if (busy || !(target instanceof HTMLImageElement)) return;
        const link = cardLink(target);
        if (!link) return;
        clearTimeout(hideTimer);
        url = link;
        const box = target.getBoundingClientRect();
        button.style.left = `${Math.max(0, box.left + 8)}px`;
        button.style.top = `${Math.max(0, box.top + 8)}px`;
        button.dataset.url = url;
        delete button.dataset.state;
        button.replaceChildren(t("collect"));
        button.style.display = "block";
      },
      { passive: true },
    );
    document.addEventListener(
      "mouseout",
      (e) => {
        if (busy || !(e.target instanceof HTMLImageElement)) return;
        // Leaving the image for the button itself must not hide the button.
        hideTimer = setTimeout(() => {
          if (!button.matches(":hover")) button.style.display = "none";
        }, 300);
      },
      { passive: true },
    );
    button.addEventListener("mouseleave", () => {
      if (!busy) button.style.display = "none";
    });
    button.addEventListener("click", async (e) => {
      e.preventDefault();
      e.stopPropagation();
      busy = true;
      button.disabled = true;
      showResult(status, { state: "collecting" });
      button.replaceChildren(status);
      try {
        showResult(status, await chrome.runtime.sendMessage({ type: M.COLLECT_LINK, url }));
      } catch (err) {
        showResult(status, { state: "failed", message: String(err?.message ?? err) });
      }
      button.dataset.state = status.dataset.state;
      button.disabled = false;
      busy = false;
    });
  }

  globalThis.CaijiCardButtons = Object.freeze({ install, cardLink });
})();
