#include "core/extract/platform.hpp"

#include <array>

#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

// `domain` matches the host itself and its subdomains; a trailing '.' matches any country
// suffix (amazon.de, amazon.co.uk, aliexpress.us).
struct HostRule {
  std::string_view domain;
  std::string_view platform;
};

constexpr std::array<HostRule, 16> kRules = {{
    {"1688.com", "1688"},
    {"tmall.com", "tmall"},
    {"tmall.hk", "tmall"},
    {"taobao.com", "taobao"},
    {"aliexpress.", "aliexpress"},
    {"amazon.", "amazon"},
    {"ebay.", "ebay"},
    {"jd.com", "jd"},
    {"jd.hk", "jd"},
    {"yiyaojd.com", "jd"},
    {"walmart.", "walmart"},
    {"etsy.com", "etsy"},
    {"shopee.", "shopee"},
    {"lazada.", "lazada"},
    {"temu.com", "temu"},
    {"alibaba.com", "alibaba"},
}};

bool host_matches(std::string_view host, std::string_view domain) {
  if (domain.back() == '.') {
    // "amazon." : a label sequence "amazon" followed by a public suffix.
    std::size_t pos = host.find(domain);
    while (pos != std::string_view::npos) {
      if (pos == 0 || host[pos - 1] == '.') return true;
      pos = host.find(domain, pos + 1);
    }
    return false;
  }
  return host == domain || (host.size() > domain.size() && ends_with(host, domain) &&
                            host[host.size() - domain.size() - 1] == '.');
}

}  // namespace

std::string platform_for_host(std::string_view host) {
  for (const auto& rule : kRules)
    if (host_matches(host, rule.domain)) return std::string(rule.platform);
  return {};
}

}  // namespace caiji::extract
