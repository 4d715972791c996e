// The toolbar popup: product links to collect (one per line), the host's state, the box's size.
import "../shared/messages.js";

const M = globalThis.CaijiMessages;
const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;
const $ = (id) => document.getElementById(id);

for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);

async function refresh() {
  /** @type {HostStatus} */
  const s = await chrome.runtime.sendMessage({ type: M.HOST_STATUS });
  const host = $("host");
  host.dataset.state = s.state;
  host.replaceChildren();
  if (s.state === "ready") host.append(t("popupHostReady"));
  else host.append(t("waitingForHost"), Object.assign(document.createElement("code"), { textContent: s.installCommand }));
  if (s.outbox > 0) host.append(" ", t("popupOutbox", [String(s.outbox)]));
  $("count").textContent = s.boxCount === undefined ? "" : t("popupBoxCount", [String(s.boxCount)]);
  $("count").dataset.count = s.boxCount ?? "";
}

$("collect").addEventListener("click", async () => {
  const urls = $("urls").value.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (!urls.length) return;
  $("collect").disabled = true;
  const list = $("results");
  list.replaceChildren();
  try {
    /** @type {CollectAllResult} */
    const r = await chrome.runtime.sendMessage({ type: M.COLLECT_URLS, urls });
    for (const one of r.results) {
      const li = document.createElement("li");
      li.dataset.state = one.state;
      const words = { created: t("collected"), updated: t("updated"), unchanged: t("updated"), queued: t("waitingForHost") }[one.state];
      li.textContent = `${one.title || one.url} — ${words ?? t("failed", [one.message ?? "?"])}`;
      list.append(li);
    }
  } finally {
    $("collect").disabled = false;
    refresh();
  }
});

$("any-site").addEventListener("click", async () => {
  // Must run in the click itself: Chrome asks the seller only during a user gesture.
  const granted = await chrome.permissions.request({ origins: ["https://*/*", "http://*/*"] });
  $("any-site").hidden = granted;
});

chrome.permissions.contains({ origins: ["https://*/*", "http://*/*"] }).then((has) => ($("any-site").hidden = has));
refresh();
