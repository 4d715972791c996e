#include "core/extract/page_kind.hpp"

#include <array>

#include "core/extract/platform.hpp"
#include "core/extract/product_links.hpp"
#include "core/html/url.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

const char* to_string(PageKind kind) {
  switch (kind) {
    case PageKind::product: return "product";
    case PageKind::list: return "list";
    case PageKind::captcha: return "captcha";
    case PageKind::login: return "login";
    case PageKind::removed: return "removed";
  }
  return "product";
}

namespace {

struct Signal {
  std::string_view text;  // searched in the raw HTML
  PageKind kind;
};

// Strings that only such pages carry. Each names the page generation it comes from.
constexpr std::array<Signal, 21> kSignals = {{
    // Amazon's Robot Check page: a captcha form posting to validateCaptcha.
    {"/errors/validateCaptcha", PageKind::captcha},
    {"Type the characters you see in this image", PageKind::captcha},
    // Alibaba group slider ("punish") pages on AliExpress, Taobao, Tmall, 1688: the slider
    // widget itself. (Live pages also mention "_____tmd_____/punish" and "x5secdata" in the
    // configuration of their ajax calls, so those prove nothing.)
    {"nc_1_n1z", PageKind::captcha},
    {"baxia-punish", PageKind::captcha},
    {"id=\"nocaptcha\"", PageKind::captcha},
    // Cloudflare managed challenge and its older browser check.
    {"challenges.cloudflare.com/cdn-cgi/challenge-platform", PageKind::captcha},
    {"cdn-cgi/challenge-platform/h/", PageKind::captcha},
    {"window._cf_chl_opt", PageKind::captcha},
    {"cf-browser-verification", PageKind::captcha},
    // PerimeterX / DataDome blocks used by Walmart and others.
    {"px-captcha", PageKind::captcha},
    {"captcha-delivery.com", PageKind::captcha},
    // Removed products.
    {"\xE6\xAD\xA4\xE5\xAE\x9D\xE8\xB4\x9D\xE5\xB7\xB2\xE4\xB8\x8B\xE6\x9E\xB6", PageKind::removed},  // 此宝贝已下架 (Taobao)
    {"\xE5\xAE\x9D\xE8\xB4\x9D\xE4\xB8\x8D\xE5\xAD\x98\xE5\x9C\xA8", PageKind::removed},              // 宝贝不存在 (Taobao/Tmall)
    {"\xE8\xAF\xA5\xE5\x95\x86\xE5\x93\x81\xE5\xB7\xB2\xE4\xB8\x8B\xE6\x9E\xB6", PageKind::removed},  // 该商品已下架 (1688)
    {"\xE5\x95\x86\xE5\x93\x81\xE5\xB7\xB2\xE4\xB8\x8B\xE6\x9F\x9C", PageKind::removed},              // 商品已下柜 (JD)
    {"Sorry, this item is no longer available", PageKind::removed},                                 // AliExpress
    {"This item is no longer available", PageKind::removed},
    {"Sorry! We couldn't find that page", PageKind::removed},                                       // Amazon 404
    {"We're sorry. The Web address you entered is not a functioning page", PageKind::removed},      // Amazon 404
    {"The item you selected is unavailable", PageKind::removed},
    {"this listing was ended by the seller because the item is no longer available", PageKind::removed},  // eBay
}};

std::string message_for(PageKind kind) {
  switch (kind) {
    case PageKind::captcha:
      return "The site showed a robot check (captcha) instead of the product. Open the page in your browser, "
             "solve the check, then collect again.";
    case PageKind::login:
      return "The site asks you to sign in before it shows this product. Sign in in your browser, then collect again.";
    case PageKind::removed:
      return "This product was removed from the site or does not exist any more; there is nothing to collect.";
    case PageKind::list:
      return "This is a list of products, not one product. Collect the products it lists one by one, or all at once.";
    case PageKind::product:
      return {};
  }
  return {};
}

bool login_host(std::string_view host) {
  return starts_with(host, "login.") || starts_with(host, "passport.") || starts_with(host, "signin.") ||
         starts_with(host, "account.");
}

// Search, category and store pages by address, for the sites whose addresses say so.
bool list_address(std::string_view host, std::string_view url) {
  if (starts_with(host, "s.taobao.com") || host == "s.1688.com" || host == "search.jd.com" || host == "list.jd.com" ||
      host == "search.1688.com")
    return true;
  for (std::string_view p : {"/s?", "/s/", "/sch/", "/wholesale", "/category/", "/collections/", "/search", "/b/", "/list/",
                            "/zgbs/", "/bestsellers", "/gp/new-releases"})
    if (url.find(p) != std::string_view::npos) return true;
  return false;
}

// Links to search or category pages of a known site: a category index holds many of them and
// no product links (JD's 全部分类 pages).
std::size_t count_category_links(const Page& page) {
  std::size_t n = 0;
  for (const html::Node& a : page.doc().select("a[href]")) {
    std::string href = page.absolute(*a.attr("href"));
    if (href.empty() && starts_with(*a.attr("href"), "//")) href = "https:" + std::string(*a.attr("href"));
    auto u = html::parse_url(href);
    if (!u || platform_for_host(u->host).empty()) continue;
    if (list_address(u->host, href)) ++n;
  }
  return n;
}

}  // namespace

PageVerdict classify_before(const Page& page) {
  PageVerdict v;
  if (login_host(page.host())) {
    v.kind = PageKind::login;
  } else if (page.url().find("_____tmd_____/punish") != std::string::npos) {
    v.kind = PageKind::captcha;  // the page the slider check redirected to
  } else if (std::optional<std::string> t = page.title()) {
    // Anti-bot pages have telling titles and little else.
    const std::string& title = *t;
    if (title == "Robot Check" || title == "Attention Required! | Cloudflare" || title == "Just a moment..." ||
        title == "Access Denied" || title == "Pardon Our Interruption" ||
        title.find("\xE9\xAA\x8C\xE8\xAF\x81\xE7\xA0\x81\xE6\x8B\xA6\xE6\x88\xAA") != std::string::npos ||  // 验证码拦截
        title.find("\xE6\xBB\x91\xE5\x8A\xA8\xE9\xAA\x8C\xE8\xAF\x81") != std::string::npos)                 // 滑动验证
      v.kind = PageKind::captcha;
  }
  v.message = message_for(v.kind);
  return v;
}

PageVerdict classify_after(const Page& page, const Item& item) {
  PageVerdict v;
  // A product page gives a price or variants. Anti-bot scripts, removal notices and login forms
  // also sit inside live product pages (in templates and SDK configuration), so their signals
  // only count when no product was found.
  if (item.price || !item.price_tiers.empty() || !item.variants.empty()) return v;
  // A site adapter that reads the site's own "not found" state in the page data (AliExpress
  // DCData pages since 2025 keep the full page frame around a removed product) says so.
  for (const auto& w : item.warnings) {
    if (w.code == "item_unavailable") {
      v.kind = PageKind::removed;
      v.message = message_for(v.kind);
      return v;
    }
  }
  std::string_view html = page.input().html;
  for (const auto& s : kSignals) {
    if (contains_text(html, s.text)) {
      v.kind = s.kind;
      v.message = message_for(v.kind);
      return v;
    }
  }
  if (page.may_have_password_input() && page.doc().select_first("input[type=password]").valid()) {
    std::string title = page.title().value_or(std::string());
    bool login_title = title.empty() || icontains(title, "sign in") || icontains(title, "log in") ||
                       icontains(title, "login") || title.find("\xE7\x99\xBB\xE5\xBD\x95") != std::string::npos;  // 登录
    if (login_title) {
      v.kind = PageKind::login;
      v.message = message_for(v.kind);
      return v;
    }
  }
  // The address of a product page is not a list, whatever links it holds.
  if (!canonical_product_link(page.url()).empty()) return v;
  std::vector<std::string> links = page.product_links();
  // Three product links decide alone; the category links (which need the tree) only count
  // below that.
  bool is_list = links.size() >= 3;
  if (!is_list && (!links.empty() || item.images.main.empty()))
    is_list = list_address(page.host(), page.url()) || count_category_links(page) >= 10;
  if (is_list) {
    v.kind = PageKind::list;
    v.product_links = std::move(links);
    v.message = message_for(v.kind);
    return v;
  }
  // Shops of no known platform show a discontinued product's page in full, with "No longer
  // available" where the price would be (Pottery Barn's "price-state nla"). Weaker than the
  // signals above, so it only counts once the page is neither a list nor priced.
  if (icontains(html, "no longer available")) {
    v.kind = PageKind::removed;
    v.message = message_for(v.kind);
  }
  return v;
}

}  // namespace caiji::extract
