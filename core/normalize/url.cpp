#include "core/normalize/url.hpp"

#include <array>

#include "core/html/url.hpp"
#include "core/util/text.hpp"

namespace caiji::normalize {

namespace {

bool is_tracking(std::string_view key) {
  // Marketplace tracking and display parameters seen on product links: they never change which
  // product the address names (AliExpress adds src/gatewayAdapt/_randl_* per country site,
  // Taobao ali_trackid/ns/utparam from search results).
  static constexpr std::array<std::string_view, 44> exact = {
      "spm",      "scm",       "pvid",        "algo_pvid", "algo_expid", "btsid",   "ws_ab_test", "aff_fcid",
      "aff_fsk",  "aff_platform", "aff_trace_key", "sk",   "terminal_id", "gclid", "fbclid",     "msclkid",
      "ref",      "ref_",      "tag",         "psc",       "th",         "_trkparams", "hash",    "_trksid",
      "ali_refid", "tracelog", "clickid",     "abbucket",  "src",        "gatewayadapt", "_randl_currency",
      "_randl_shipto", "pdp_npi", "pdp_ext_f", "srcsns",   "aff_request_id", "mall_affr", "pdp_perf",
      "search_p4p_id", "ali_trackid", "ns", "utparam", "utparam-url", "pricetid"};
  for (auto e : exact)
    if (key == e) return true;
  return starts_with(key, "utm_") || starts_with(key, "pd_rd_") || starts_with(key, "pf_rd_") ||
         starts_with(key, "spm-") || starts_with(key, "sc_");
}

}  // namespace

std::string canonical_product_url(std::string_view text) {
  auto parsed = html::parse_url(text);
  if (!parsed || (parsed->scheme != "http" && parsed->scheme != "https") || parsed->host.empty())
    return std::string(text);
  html::Url url = *parsed;
  url.fragment.clear();
  url.has_fragment = false;
  std::string kept;
  std::string_view q = url.query;
  while (!q.empty()) {
    std::size_t amp = q.find('&');
    std::string_view pair = q.substr(0, amp);
    q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
    if (pair.empty()) continue;
    std::string_view key = pair.substr(0, pair.find('='));
    if (is_tracking(to_lower_ascii(key))) continue;
    if (!kept.empty()) kept += '&';
    kept += pair;
  }
  url.query = kept;
  url.has_query = !kept.empty();
  return url.str();
}

}  // namespace caiji::normalize
