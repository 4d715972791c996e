// The collection box, read through the host: a list, and one item in full (#<id>). Every value
// comes from collected pages, so it is shown as text and nothing else.
import "../shared/messages.js";

const M = globalThis.CaijiMessages;
const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;
const $ = (id) => document.getElementById(id);
const text = (tag, value) => Object.assign(document.createElement(tag), { textContent: value ?? "" });

for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);

async function showList() {
  $("item").hidden = true;
  $("list").hidden = false;
  const r = await chrome.runtime.sendMessage({ type: M.BOX_LIST, params: { limit: 200 } });
  if (r.error) return void ($("error").textContent = r.error);
  if (!r.items.length) return void $("list").replaceChildren(text("p", t("boxEmpty")));
  const table = document.createElement("table");
  for (const it of r.items) {
    const row = table.insertRow();
    const img = document.createElement("img");
    if (/^https:\/\//.test(it.image ?? "")) img.src = it.image;
    img.alt = "";
    row.insertCell().append(img);
    const link = text("a", it.title);
    link.href = `#${it.id}`;
    row.insertCell().append(link);
    row.insertCell().append(it.platform ?? "");
    row.insertCell().append(it.price ? `${it.currency ?? ""} ${it.price.min}${it.price.max !== it.price.min ? `–${it.price.max}` : ""}` : "");
    row.insertCell().append((it.tags ?? []).join(", "));
  }
  $("list").replaceChildren(text("p", t("popupBoxCount", [String(r.total)])), table);
}

async function showItem(id) {
  $("list").hidden = true;
  $("item").hidden = false;
  const r = await chrome.runtime.sendMessage({ type: M.BOX_GET, id });
  if (r.error) return void ($("error").textContent = r.error);
  $("item-title").textContent = r.item.title;
  const fields = $("item-fields");
  fields.replaceChildren();
  for (const [key, value] of Object.entries({ ...r.item, tags: r.tags })) {
    fields.append(text("dt", key), text("dd", typeof value === "string" ? value : JSON.stringify(value, null, 2)));
  }
}

function route() {
  const id = Number(location.hash.slice(1));
  return id > 0 ? showItem(id) : showList();
}
window.addEventListener("hashchange", route);
route();
