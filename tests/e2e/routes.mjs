// Which fixture page the local server gives for each address the tests visit. Product pages are
// served under their own canonical addresses, so the extension sees the same URL a seller would.

import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The supported sites' product pages, one per site (test 1 and 2 visit each). */
export const PRODUCT_PAGES = [
  { site: "1688", url: "https://detail.1688.com/offer/700000000001.html", file: "pages/1688_context_2024.html" },
  { site: "taobao", url: "https://item.taobao.com/item.htm?id=720000000007", file: "pages/taobao_ice_2023.html" },
  { site: "tmall", url: "https://detail.tmall.com/item.htm?id=610000000006", file: "pages/tmall_tshop_2020.html" },
  { site: "aliexpress", url: "https://www.aliexpress.com/item/1005003344556677.html", file: "pages/aliexpress_runparams_2022.html" },
  { site: "amazon", url: "https://www.amazon.com/Trailhead-Cotton-Camp-Socks/dp/B0TRAIL002", file: "pages/amazon_twister_2021.html" },
  { site: "ebay", url: "https://www.ebay.com/itm/335000000404", file: "pages/ebay_evo_msku_2024.html" },
  { site: "jd", url: "https://item.jd.com/5551234.html", file: "pages/jd_pageconfig_2018.html" },
];

export const LIST_PAGE = {
  url: "https://s.1688.com/selloffer/offer_search.htm?keywords=%CA%FD%BE%DD%CF%DF",
  file: "other-pages/1688_search.html",
  // the offers its cards link to
  offers: ["700000000201", "700000000202", "700000000203"],
};

export const UNRELATED_PAGES = [
  // on a supported site, but not a product or list page
  { url: "https://www.amazon.com/gp/help/customer/display.html?nodeId=GKM69DUUYKQWKWX7", file: "../e2e/fixtures/amazon_help_page.html" },
  // a site the extension has no permission for
  { url: "https://www.example.org/blog/packing-tips", file: "../e2e/fixtures/plain_article.html" },
];

/** Served with `Content-Security-Policy: script-src 'self'`: its inline scripts never run. */
export const STRICT_CSP_PAGE = {
  url: "https://www.aliexpress.com/item/1005007788990011.html",
  file: "pages/aliexpress_dcdata_2025.html",
  headers: { "content-security-policy": "script-src 'self'" },
};

/**
 * The 2022 AliExpress page with its product data written by a script at run time (as sites that
 * load it after the page do): the HTML holds it only encoded, so it reaches the parser only as
 * pageData read from window.runParams.
 */
export const SCRIPTED_DATA_PAGE = {
  url: "https://www.aliexpress.com/item/1005003344556677.html?from=scripted",
  source: "pages/aliexpress_runparams_2022.html",
};

function scriptedDataPage(fixturesDir) {
  const page = readFileSync(join(fixturesDir, SCRIPTED_DATA_PAGE.source), "utf8");
  const start = page.indexOf("window.runParams = {");
  const end = page.indexOf("};", start) + 2;
  const literal = page.slice(start + "window.runParams = ".length, end - 1);
  // The literal is plain JSON apart from its unquoted `data` key.
  const json = literal.replace(/^\{\s*data:/, '{"data":');
  const encoded = Buffer.from(json, "utf8").toString("base64");
  const script = `window.runParams = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob("${encoded}"), (c) => c.charCodeAt(0))));`;
  return page.slice(0, start) + script + page.slice(end);
}

/** The bench's 2 MB page; each run asks for another product id, so each run stores a new item. */
export const benchPageUrl = (run) => `https://www.aliexpress.com/item/${1005009000000000 + run}.html?bench=2mb`;

/**
 * The list page's cards link to offers that have no fixture of their own: each is the 2024 offer
 * page with the offer id replaced, so every card is a different product in the box.
 */
function offerPage(fixturesDir, id) {
  return readFileSync(join(fixturesDir, "pages/1688_context_2024.html"), "utf8").replaceAll("700000000001", id);
}

/**
 * A product page of about 2 MB, as big AliExpress pages are: the 2022 layout with 2 MB of
 * review markup after the product.
 */
export function benchPage(fixturesDir, id) {
  const page = readFileSync(join(fixturesDir, "pages/aliexpress_runparams_2022.html"), "utf8");
  const review = (i) =>
    `<div class="feedback-item" data-id="${i}"><div class="user-name">Buyer ${i}</div>` +
    `<div class="star-view"><span style="width:${60 + (i % 5) * 10}%"></span></div>` +
    `<dl class="buyer-review"><dt class="buyer-feedback"><span>Color: Blue  Size: M. Fits well, fabric is soft, ` +
    `shipping took ${10 + (i % 20)} days. Would buy again from this store.</span></dt></dl></div>\n`;
  const reviews = [];
  let size = page.length;
  for (let i = 0; size < 2 * 1024 * 1024; i++) {
    const r = review(i);
    reviews.push(r);
    size += r.length;
  }
  return page.replaceAll("1005003344556677", id).replace("</body>", `<div id="reviews">${reviews.join("")}</div></body>`);
}

/** @param {string} fixturesDir @returns {import('./fixture_server.mjs').Route[]} */
export function routes(fixturesDir) {
  return [
    ...PRODUCT_PAGES.map(({ url, file }) => ({ url, file })),
    { url: LIST_PAGE.url, file: LIST_PAGE.file },
    { url: /^https:\/\/detail\.1688\.com\/offer\/(7000000002\d\d)\.html$/, body: (m) => offerPage(fixturesDir, m[1]) },
    ...UNRELATED_PAGES,
    STRICT_CSP_PAGE,
    { url: SCRIPTED_DATA_PAGE.url, body: () => scriptedDataPage(fixturesDir) },
    { url: /^https:\/\/www\.aliexpress\.com\/item\/(\d+)\.html\?bench=2mb$/, body: (m) => benchPage(fixturesDir, m[1]) },
  ];
}
