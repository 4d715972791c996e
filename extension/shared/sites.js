// Which addresses are product pages and which are lists, per supported site, and which page
// variables hold product data. Shared by the content script (panel, card buttons) and the
// service worker (menus, capture). The parser decides what a page really is; these patterns only
// decide where the panel shows and which links count as products.
"use strict";

(() => {
  const PRODUCT_PAGES = [
    { site: "1688", re: /^https:\/\/detail\.1688\.com\/offer\/\d+\.html/ },
    { site: "taobao", re: /^https:\/\/(item|world\.item)\.taobao\.com\/item\.htm\?(.*&)?id=\d+/ },
    { site: "tmall", re: /^https:\/\/detail\.(tmall\.com|tmall\.hk)\/item\.htm\?(.*&)?id=\d+/ },
    { site: "aliexpress", re: /^https:\/\/([a-z]{2,3}\.)?aliexpress\.(com|us)\/item\/\d+\.html/ },
    { site: "amazon", re: /^https:\/\/www\.amazon\.(com|de|co\.uk|co\.jp|fr|it|es|ca)\/(.+\/)?(dp|gp\/product)\/[A-Z0-9]{10}/ },
    { site: "ebay", re: /^https:\/\/www\.ebay\.(com|de|co\.uk)\/itm\/(.+\/)?\d+/ },
    { site: "jd", re: /^https:\/\/item\.(jd\.com|jd\.hk)\/\d+\.html/ },
  ];

  // Search results, categories and store pages: the product cards get a Collect button.
  const LIST_PAGES = [
    { site: "1688", re: /^https:\/\/(s\.1688\.com\/|[a-z0-9-]+\.1688\.com\/page\/offerlist)/ },
    { site: "taobao", re: /^https:\/\/(s\.taobao\.com\/|[a-z0-9-]+\.taobao\.com\/(search|category))/ },
    { site: "tmall", re: /^https:\/\/(list\.tmall\.com\/|[a-z0-9-]+\.tmall\.com\/(search|category))/ },
    { site: "aliexpress", re: /^https:\/\/([a-z]{2,3}\.)?aliexpress\.(com|us)\/(w\/|wholesale|category\/|store\/)/ },
    { site: "amazon", re: /^https:\/\/www\.amazon\.(com|de|co\.uk|co\.jp|fr|it|es|ca)\/(s\?|s\/|b\?|b\/|stores\/)/ },
    { site: "ebay", re: /^https:\/\/www\.ebay\.(com|de|co\.uk)\/(sch\/|b\/|str\/)/ },
    { site: "jd", re: /^https:\/\/(search\.jd\.com\/|list\.jd\.com\/|mall\.jd\.com\/)/ },
  ];

  // The names the core parser looks up (core/extract: Page::script_value); the extension reads
  // these from the live page and passes them as pageData under the same names, because some sites
  // fill them by script after load and the HTML alone would not have them.
  const PAGE_VARIABLES = [
    "runParams", "_d_c_.DCData", "__INIT_DATA", "iDetailConfig", "iDetailData", "window.context",
    "__ICE_APP_CONTEXT__", "__GLOBAL_DATA", "__moduleData__", "pageConfig", "rawData", "__STATE__",
    "__RUNTIME__", "ShopifyAnalytics.meta", "Shopify.shop", "Shopify.currency", "meta",
  ];

  /** @param {string} url @returns {{kind: 'product'|'list', site: string} | null} */
  function classify(url) {
    for (const p of PRODUCT_PAGES) if (p.re.test(url)) return { kind: "product", site: p.site };
    for (const p of LIST_PAGES) if (p.re.test(url)) return { kind: "list", site: p.site };
    return null;
  }

  /** @param {string} href @param {string} [base] @returns {string} the absolute product URL or "" */
  function productUrl(href, base) {
    let url;
    try {
      url = new URL(href, base);
    } catch {
      return "";
    }
    if (url.protocol === "http:") url.protocol = "https:";
    url.hash = "";
    const text = url.toString();
    return PRODUCT_PAGES.some((p) => p.re.test(text)) ? text : "";
  }

  const SUPPORTED_HOST = /(^|\.)(1688\.com|taobao\.com|tmall\.com|tmall\.hk|aliexpress\.(com|us)|amazon\.(com|de|co\.uk|co\.jp|fr|it|es|ca)|ebay\.(com|de|co\.uk)|jd\.com|jd\.hk)$/;

  /** @param {string} hostname */
  function isSupportedHost(hostname) {
    return SUPPORTED_HOST.test(hostname);
  }

  globalThis.CaijiSites = Object.freeze({ PRODUCT_PAGES, LIST_PAGES, PAGE_VARIABLES, classify, productUrl, isSupportedHost });
})();
