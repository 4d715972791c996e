// The extension in real Chromium, with the real host and a real SQLite box. Each test gets a fresh
// profile and box (harness.mjs); the sites are the fixture server under their real names.

import { assert, assertEqual, differingFields, eventually } from "./harness.mjs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LIST_PAGE, PRODUCT_PAGES, SCRIPTED_DATA_PAGE, STRICT_CSP_PAGE, UNRELATED_PAGES } from "./routes.mjs";

const PANEL = "caiji-ui .panel";
const STATUS = "caiji-ui .panel .status";

/** Clicks a panel button and waits until the status leaves "collecting". @returns {Promise<string>} its state */
async function clickAndSettle(page, action) {
  await page.click(`caiji-ui .panel button[data-action="${action}"]`);
  return eventually(async () => {
    const state = await page.getAttribute(STATUS, "data-state");
    return state && state !== "collecting" ? state : null;
  }, 15000, `panel ${action} settles`);
}

/** The stored item for `url` and the native parse of what the server sent for it differ in no field. */
async function assertStoredAsNativeParses(session, server, url, id) {
  const stored = await session.boxShow(id);
  const native = await session.nativeParse(server.body(url), url);
  const diff = differingFields(stored.item, native);
  assertEqual(diff, [], `fields the stored item reads differently from \`caiji parse\` for ${url}`);
  // The host compares the item the WASM parser made in the browser with its own reading and warns
  // when they differ: no such warning means the browser's parser read the page the same way.
  const codes = (stored.item.warnings ?? []).map((w) => w.code);
  assert(!codes.includes("page_parser_mismatch") && !codes.includes("page_item_unreadable"),
    `the browser's parser agrees with the host's for ${url}: ${JSON.stringify(stored.item.warnings)}`);
  return stored;
}

export const tests = [
  {
    name: "the_panel_shows_on_every_supported_product_page_and_nowhere_else",
    async run({ session }) {
      for (const { site, url } of PRODUCT_PAGES) {
        const page = await session.open(url);
        await page.waitForSelector(PANEL, { timeout: 10000 });
        assertEqual(await page.getAttribute(PANEL, "data-kind"), "product", `${site} panel kind`);
        assertEqual(await page.locator(`${PANEL} button[data-action="push"]`).count(), site === "1688" ? 1 : 0,
          `${site}: one-click push only on 1688`);
        await page.close();
      }
      const list = await session.open(LIST_PAGE.url);
      await list.waitForSelector(`${PANEL}[data-kind="list"] button[data-action="collect-all"]`, { timeout: 10000 });
      await list.close();

      const [helpPage, otherSite] = UNRELATED_PAGES;
      const help = await session.open(helpPage.url);
      await eventually(() => session.contentScriptRan(helpPage.url), 10000, "content script on the help page");
      assertEqual(await help.locator("caiji-ui").count(), 0, "panel on a supported site's help page");
      const other = await session.open(otherSite.url);
      await other.waitForTimeout(500); // no content script can run here: nothing to wait for
      assertEqual(await other.locator("caiji-ui").count(), 0, "panel on a site without permission");
    },
  },

  {
    name: "a_browser_in_chinese_shows_the_panel_in_chinese",
    lang: "zh-CN",
    async run({ session }) {
      const { url } = PRODUCT_PAGES.find((p) => p.site === "1688");
      const page = await session.open(url);
      await page.waitForSelector(PANEL);
      assertEqual(await page.textContent(`${PANEL} button[data-action="collect"]`), "采集", "Collect button");
      assertEqual(await page.textContent(`${PANEL} button[data-action="push"]`), "一键铺货", "One-click push button");
      assertEqual(await clickAndSettle(page, "collect"), "created", "collect outcome");
      assert((await page.textContent(STATUS)).startsWith("已采集"), "collected, in Chinese");
    },
  },

  {
    name: "collect_puts_each_sites_product_in_the_box_as_the_native_parser_reads_it",
    async run({ session, server }) {
      for (const { site, url } of PRODUCT_PAGES) {
        const page = await session.open(url);
        await page.waitForSelector(PANEL);
        assertEqual(await clickAndSettle(page, "collect"), "created", `${site} collect outcome`);
        assert((await page.textContent(STATUS)).length > 0, `${site}: status has words`);
        assertEqual(await page.locator(`${STATUS} a`).count(), 1, `${site}: an Open link to the item`);
        const item = (await session.boxList()).find((i) => i.url === url || i.item?.source?.url === url);
        assert(item, `${site}: ${url} is in the box`);
        const stored = await assertStoredAsNativeParses(session, server, url, item.id);
        if (site === "1688") {
          // Open shows the item from the box, on an extension page, as text.
          const [tab] = await Promise.all([session.context.waitForEvent("page"), page.click(`${STATUS} a`)]);
          await tab.waitForSelector("#item-title:not(:empty)");
          assertEqual(await tab.textContent("#item-title"), stored.item.title, "the opened item's title");
          await tab.close();
        }
        // Again: the same product is updated, not added twice.
        assertEqual(await clickAndSettle(page, "collect"), "unchanged", `${site} collected again`);
        await page.close();
      }
      assertEqual((await session.boxList()).length, PRODUCT_PAGES.length, "items in the box");
    },
  },

  {
    name: "hover_collect_takes_that_card_and_collect_all_takes_every_card",
    async run({ session }) {
      const page = await session.open(LIST_PAGE.url);
      await page.waitForSelector(PANEL);
      const second = page.locator(".sm-offer-item img").nth(1);
      await second.hover();
      const button = page.locator('caiji-ui button[data-action="collect-card"]');
      await button.waitFor({ state: "visible", timeout: 5000 });
      assertEqual(await button.getAttribute("data-url"), `https://detail.1688.com/offer/${LIST_PAGE.offers[1]}.html`, "hover button's product");
      await button.click();
      await eventually(async () => (await button.getAttribute("data-state")) === "created", 15000, "card collected");
      let box = await session.boxList();
      assertEqual(box.map((i) => i.url), [`https://detail.1688.com/offer/${LIST_PAGE.offers[1]}.html`], "box after the card");

      await clickAndSettle(page, "collect-all");
      assertEqual(await page.textContent(STATUS), "3 of 3 collected", "collect-all status");
      box = await session.boxList();
      assertEqual(box.map((i) => i.url).sort(), LIST_PAGE.offers.map((o) => `https://detail.1688.com/offer/${o}.html`), "box after collect all");
    },
  },

  {
    // Headless Chromium cannot open a native context menu, so the test checks that the three
    // menu items exist (contextMenus.update fails for an unknown id) and then calls the service
    // worker's onClicked handler, the function Chrome calls on a click, with the OnClickData
    // Chrome would pass.
    name: "the_context_menus_collect_this_product_this_link_and_all_products_on_the_page",
    async run({ session }) {
      // onInstalled creates them a moment after the worker starts.
      const menus = await eventually(() => session.worker.evaluate(async () => {
        const ids = Object.values(globalThis.caijiHandlers.MENU);
        for (const id of ids) await chrome.contextMenus.update(id, {});
        return ids;
      }), 5000, "the context menu items exist");
      assertEqual(menus, ["collect-page", "collect-link", "collect-all"], "menu items");

      const click = (info, url) =>
        session.worker.evaluate(async ({ info, url }) => {
          const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
          return globalThis.caijiHandlers.onMenuClicked({ ...info, pageUrl: url }, tab);
        }, { info, url });

      const product = PRODUCT_PAGES.find((p) => p.site === "jd");
      const page = await session.open(product.url);
      const onPage = await click({ menuItemId: "collect-page" }, product.url);
      assertEqual(onPage.state, "created", "collect this product");
      assert((await session.boxList()).some((i) => i.url === product.url), "the product is in the box");
      const badge = await session.worker.evaluate(async (url) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
        return chrome.action.getBadgeText({ tabId: tab.id });
      }, product.url);
      assertEqual(badge, "✓", "the toolbar badge on that tab");

      const list = await session.open(LIST_PAGE.url);
      const link = await list.locator(".sm-offer-item a").first().getAttribute("href");
      const onLink = await click({ menuItemId: "collect-link", linkUrl: link }, LIST_PAGE.url);
      assertEqual([onLink.state, onLink.url], ["created", link], "collect this link");

      const all = await click({ menuItemId: "collect-all" }, LIST_PAGE.url);
      assertEqual([all.total, all.done], [3, 3], "collect all products on this page");
      // The card collected through "Collect this link" is already in the box: updated or
      // unchanged (the host decides whether a different `via` counts as a change), never added.
      assertEqual(all.results.map((r) => (r.state === "unchanged" ? "updated" : r.state)).sort(), ["created", "created", "updated"], "each card's outcome");
      assertEqual((await session.boxList()).length, 4, "items in the box");
      await page.close();
    },
  },

  {
    name: "the_popup_collects_pasted_links_one_per_line_and_counts_the_box",
    async run({ session }) {
      const popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${new URL(session.worker.url()).host}/popup/popup.html`);
      await eventually(async () => (await popup.getAttribute("#count", "data-count")) === "0", 10000, "empty box count");
      const links = LIST_PAGE.offers.slice(0, 2).map((o) => `https://detail.1688.com/offer/${o}.html`);
      await popup.fill("#urls", `${links[0]}\n\n  ${links[1]}  \nnot a link\n`);
      await popup.click("#collect");
      await eventually(async () => (await popup.getAttribute("#count", "data-count")) === "2", 15000, "box count after collecting");
      assertEqual(await popup.locator("#results li").evaluateAll((lis) => lis.map((li) => li.dataset.state)), ["created", "created"], "each link's outcome");
      assertEqual((await session.boxList()).map((i) => i.url).sort(), links, "the box holds the pasted links");
    },
  },

  {
    name: "a_page_that_allows_only_its_own_scripts_still_collects",
    async run({ session, server }) {
      const page = await session.open(STRICT_CSP_PAGE.url);
      await page.waitForSelector(PANEL);
      // The policy is in force: the page's inline data script did not run.
      assertEqual(await page.evaluate(() => typeof window._d_c_), "undefined", "inline script under the page's CSP");
      assertEqual(await clickAndSettle(page, "collect"), "created", "collect outcome");
      const [item] = await session.boxList();
      await assertStoredAsNativeParses(session, server, STRICT_CSP_PAGE.url, item.id);
    },
  },

  {
    name: "product_data_that_only_a_page_script_holds_reaches_the_box",
    async run({ session, server }) {
      const { url, source } = SCRIPTED_DATA_PAGE;
      const page = await session.open(url);
      await page.waitForSelector(PANEL);
      assertEqual(await clickAndSettle(page, "collect"), "created", "collect outcome");
      const [listed] = await session.boxList();
      const stored = await session.boxShow(listed.id);
      // What the parser reads when runParams is a literal in the HTML, at the same address.
      const plain = await session.nativeParse(readFileSync(join(server.fixturesDir, source), "utf8"), url);
      assertEqual(differingFields(stored.item, plain), [], "fields read differently from the page with the data in its HTML");
      // And the served HTML alone does not have it: the variants came from window.runParams.
      const htmlOnly = await session.nativeParse(server.body(url), url).catch((e) => ({ error: e.message }));
      assert(JSON.stringify(htmlOnly.variants) !== JSON.stringify(stored.item.variants),
        "the served HTML alone gives the same variants, so this test would not notice lost page data");
    },
  },

  {
    name: "collected_without_the_host_waits_in_the_outbox_and_is_stored_once_when_the_host_is_installed",
    registerHost: false,
    async run({ session }) {
      const { url } = PRODUCT_PAGES.find((p) => p.site === "aliexpress");
      const page = await session.open(url);
      await page.waitForSelector(PANEL);
      assertEqual(await clickAndSettle(page, "collect"), "queued", "collect without a host");
      const words = await page.textContent(STATUS);
      assert(words.includes("caiji install"), `the panel names the install command: ${words}`);
      const waiting = () => session.worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith("outbox:")).length);
      assertEqual(await waiting(), 1, "pages in the outbox");

      await session.registerHost();
      // The service worker retries with backoff (at most 8 s apart) and flushes by itself.
      await eventually(async () => (await page.getAttribute(STATUS, "data-state")) === "created", 20000, "panel shows the flushed page stored");
      assertEqual(await waiting(), 0, "pages in the outbox after the flush");
      const box = await session.boxList();
      assertEqual(box.map((i) => i.url), [url], "the box holds the page once");
      // Another flush trigger (the popup asks for the host's state) must not store it again.
      const popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${new URL(session.worker.url()).host}/popup/popup.html`);
      await eventually(async () => (await popup.getAttribute("#count", "data-count")) === "1", 10000, "popup box count");
      assertEqual((await session.boxList()).length, 1, "items after the popup woke the host again");
    },
  },

  {
    name: "one_click_push_on_1688_collects_the_offer_and_marks_it_to_claim",
    async run({ session }) {
      const { url } = PRODUCT_PAGES.find((p) => p.site === "1688");
      const page = await session.open(url);
      await page.waitForSelector(PANEL);
      assertEqual(await clickAndSettle(page, "push"), "created", "push outcome");
      assert((await page.textContent(STATUS)).includes("marked to claim"), "the panel says the offer is marked to claim");
      const [listed] = await session.boxList();
      const stored = await session.boxShow(listed.id);
      assert(stored.tags.includes("to-claim"), `the offer is marked to claim: tags ${JSON.stringify(stored.tags)}`);

      // Collecting it plainly later keeps the mark.
      const other = PRODUCT_PAGES.find((p) => p.site === "jd");
      const jd = await session.open(other.url);
      await jd.waitForSelector(PANEL);
      await clickAndSettle(jd, "collect");
      const jdItem = (await session.boxList()).find((i) => i.url === other.url);
      assert(!(await session.boxShow(jdItem.id)).tags.includes("to-claim"), "a plain collect is not marked to claim");
    },
  },
];
