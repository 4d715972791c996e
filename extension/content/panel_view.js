// The floating panel, bottom-right, and the root every piece of our page UI lives in: one
// <caiji-ui> element with a shadow root, so the site's CSS cannot reach in and ours cannot leak
// out. Text only: nothing taken from the page is ever inserted as markup.
"use strict";

(() => {
  const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

  const STYLE = `
    :host { all: initial; }
    .panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 260px;
      font: 13px/1.4 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif;
      color: #1f2328; background: #fff; border: 1px solid #e3e6ea; border-radius: 10px;
      box-shadow: 0 6px 24px rgba(0,0,0,.16); padding: 12px; box-sizing: border-box; }
    .title { font-weight: 600; margin: 0 0 8px; display: flex; align-items: center; gap: 6px; }
    .dot { width: 8px; height: 8px; border-radius: 50%; background: #e85d04; flex: none; }
    .buttons { display: flex; gap: 8px; flex-wrap: wrap; }
    button { font: inherit; border-radius: 6px; padding: 6px 12px; cursor: pointer;
      border: 1px solid #e85d04; background: #e85d04; color: #fff; }
    button.secondary { background: #fff; color: #e85d04; }
    button:disabled { opacity: .6; cursor: default; }
    .status { margin-top: 8px; min-height: 1em; word-break: break-word; }
    .status[data-state=failed] { color: #b42318; }
    .status[data-state=created], .status[data-state=updated], .status[data-state=unchanged] { color: #067647; }
    .status[data-state=queued] { color: #93370d; }
    code { display: block; margin-top: 4px; padding: 4px 6px; background: #f6f8fa; border-radius: 4px;
      font: 12px ui-monospace, monospace; user-select: all; }
    a { color: #0b63ce; cursor: pointer; margin-left: 6px; }
    .card-button { position: fixed; z-index: 2147483647; display: none; padding: 4px 10px;
      font-size: 12px; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
  `;

  /** @returns {{root: ShadowRoot, host: HTMLElement}} */
  function uiRoot() {
    let host = document.querySelector("caiji-ui");
    if (host?.shadowRoot) return { root: host.shadowRoot, host };
    host = document.createElement("caiji-ui");
    const root = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = STYLE;
    root.append(style);
    (document.body ?? document.documentElement).append(host);
    return { root, host };
  }

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "dataset") Object.assign(node.dataset, v);
      else if (k === "className") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    node.append(...children);
    return node;
  }

  /**
   * Shows what happened to a collect in `status`: words and, when stored, an Open link.
   * @param {HTMLElement} status @param {CollectResult | {state: 'collecting'}} result
   */
  function showResult(status, result, { onOpen } = {}) {
    status.replaceChildren();
    status.dataset.state = result.state;
    switch (result.state) {
      case "collecting":
        status.append(t("collecting"));
        break;
      case "created":
      case "updated":
      case "unchanged": {
        const words = result.markedForClaim ? t("pushed") : result.state === "created" ? t("collected") : t("updated");
        status.append(words);
        if (result.id && onOpen) status.append(el("a", { role: "link", onclick: () => onOpen(result.id) }, t("open")));
        break;
      }
      case "queued":
        status.append(t("waitingForHost"), el("code", {}, result.installCommand ?? "caiji install"));
        break;
      case "not_product":
        status.append(result.message || t("notAProduct"));
        break;
      default:
        status.append(t("failed", [result.message || "?"]));
    }
  }

  /**
   * @param {{kind: 'product'|'list', site: string}} page
   * @param {{onCollect: Function, onPush?: Function, onCollectAll?: Function}} actions
   *   each returns a Promise of what to show
   */
  function showPanel(page, actions) {
    const { root } = uiRoot();
    root.querySelector(".panel")?.remove();
    const status = el("div", { className: "status", role: "status", "aria-live": "polite" });
    const open = (id) => chrome.runtime.sendMessage({ type: globalThis.CaijiMessages.OPEN_ITEM, id });
    const run = (button, action, render) => async () => {
      for (const b of root.querySelectorAll(".panel button")) b.disabled = true;
      showResult(status, { state: "collecting" });
      try {
        render(await action());
      } catch (e) {
        showResult(status, { state: "failed", message: String(e?.message ?? e) });
      } finally {
        for (const b of root.querySelectorAll(".panel button")) b.disabled = false;
      }
    };
    const single = (r) => showResult(status, r, { onOpen: open });
    const many = (r) => {
      if (r.results.length === 1) return single(r.results[0]);
      const queued = r.results.find((x) => x.state === "queued");
      if (queued) return showResult(status, queued);
      status.dataset.state = r.done === r.total ? "created" : "failed";
      status.replaceChildren(t("collectedAll", [String(r.done), String(r.total)]));
      const failedOne = r.results.find((x) => x.state === "failed");
      if (failedOne) status.append(" — ", failedOne.message ?? "");
    };

    const buttons = el("div", { className: "buttons" });
    if (page.kind === "product") {
      const collect = el("button", { className: "collect", "data-action": "collect" }, t("collect"));
      collect.addEventListener("click", run(collect, actions.onCollect, single));
      buttons.append(collect);
      if (actions.onPush) {
        const push = el("button", { className: "push secondary", "data-action": "push" }, t("oneClickPush"));
        push.addEventListener("click", run(push, actions.onPush, single));
        buttons.append(push);
      }
    } else {
      const all = el("button", { className: "collect-all", "data-action": "collect-all" }, t("collectAll"));
      all.addEventListener("click", run(all, actions.onCollectAll, many));
      buttons.append(all);
    }
    const panel = el(
      "div",
      { className: "panel", "data-kind": page.kind, "data-site": page.site },
      el("p", { className: "title" }, el("span", { className: "dot" }), t(page.kind === "product" ? "panelProduct" : "panelList")),
      buttons,
      status,
    );
    root.append(panel);
    return { panel, status, show: single };
  }

  globalThis.CaijiPanel = Object.freeze({ uiRoot, el, showPanel, showResult });
})();
