#include "core/html/url.hpp"

#include <gtest/gtest.h>

#include <string>

namespace caiji::html {
namespace {

struct Case {
  const char* ref;
  const char* expected;
};

// RFC 3986 section 5.4: every example resolved against "http://a/b/c/d;p?q".
constexpr const char* kRfcBase = "http://a/b/c/d;p?q";

class Rfc3986NormalExamples : public ::testing::TestWithParam<Case> {};

TEST_P(Rfc3986NormalExamples, resolve_as_the_rfc_says) {
  Result<std::string> got = resolve_url(kRfcBase, GetParam().ref);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(*got, GetParam().expected) << "ref: \"" << GetParam().ref << "\"";
}

INSTANTIATE_TEST_SUITE_P(Section_5_4_1, Rfc3986NormalExamples,
                         ::testing::Values(Case{"g:h", "g:h"}, Case{"g", "http://a/b/c/g"},
                                           Case{"./g", "http://a/b/c/g"}, Case{"g/", "http://a/b/c/g/"},
                                           Case{"/g", "http://a/g"}, Case{"//g", "http://g"},
                                           Case{"?y", "http://a/b/c/d;p?y"}, Case{"g?y", "http://a/b/c/g?y"},
                                           Case{"#s", "http://a/b/c/d;p?q#s"}, Case{"g#s", "http://a/b/c/g#s"},
                                           Case{"g?y#s", "http://a/b/c/g?y#s"}, Case{";x", "http://a/b/c/;x"},
                                           Case{"g;x", "http://a/b/c/g;x"},
                                           Case{"g;x?y#s", "http://a/b/c/g;x?y#s"},
                                           Case{"", "http://a/b/c/d;p?q"}, Case{".", "http://a/b/c/"},
                                           Case{"./", "http://a/b/c/"}, Case{"..", "http://a/b/"},
                                           Case{"../", "http://a/b/"}, Case{"../g", "http://a/b/g"},
                                           Case{"../..", "http://a/"}, Case{"../../", "http://a/"},
                                           Case{"../../g", "http://a/g"}));

class Rfc3986AbnormalExamples : public ::testing::TestWithParam<Case> {};

TEST_P(Rfc3986AbnormalExamples, resolve_as_the_rfc_says) {
  Result<std::string> got = resolve_url(kRfcBase, GetParam().ref);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(*got, GetParam().expected) << "ref: \"" << GetParam().ref << "\"";
}

INSTANTIATE_TEST_SUITE_P(
    Section_5_4_2, Rfc3986AbnormalExamples,
    ::testing::Values(Case{"../../../g", "http://a/g"}, Case{"../../../../g", "http://a/g"},
                      Case{"/./g", "http://a/g"}, Case{"/../g", "http://a/g"}, Case{"g.", "http://a/b/c/g."},
                      Case{".g", "http://a/b/c/.g"}, Case{"g..", "http://a/b/c/g.."},
                      Case{"..g", "http://a/b/c/..g"}, Case{"./../g", "http://a/b/g"},
                      Case{"./g/.", "http://a/b/c/g/"}, Case{"g/./h", "http://a/b/c/g/h"},
                      Case{"g/../h", "http://a/b/c/h"}, Case{"g;x=1/./y", "http://a/b/c/g;x=1/y"},
                      Case{"g;x=1/../y", "http://a/b/c/y"}, Case{"g?y/./x", "http://a/b/c/g?y/./x"},
                      Case{"g?y/../x", "http://a/b/c/g?y/../x"}, Case{"g#s/./x", "http://a/b/c/g#s/./x"},
                      Case{"g#s/../x", "http://a/b/c/g#s/../x"}, Case{"http:g", "http:g"}));

struct PageCase {
  const char* base;
  const char* ref;
  const char* expected;
};

class ProductPageLinks : public ::testing::TestWithParam<PageCase> {};

TEST_P(ProductPageLinks, resolve_to_the_address_a_browser_would_load) {
  Result<std::string> got = resolve_url(GetParam().base, GetParam().ref);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(*got, GetParam().expected) << "base: " << GetParam().base << " ref: \"" << GetParam().ref << "\"";
}

INSTANTIATE_TEST_SUITE_P(
    Images, ProductPageLinks,
    ::testing::Values(
        PageCase{"https://www.aliexpress.com/item/1005001.html", "//ae01.alicdn.com/kf/S1.jpg",
                 "https://ae01.alicdn.com/kf/S1.jpg"},
        PageCase{"https://shop.example.com/p/42?color=red", "/img/42.jpg", "https://shop.example.com/img/42.jpg"},
        PageCase{"https://shop.example.com/p/42/", "../img/a.jpg?w=800", "https://shop.example.com/p/img/a.jpg?w=800"},
        PageCase{"https://shop.example.com", "img/a.jpg", "https://shop.example.com/img/a.jpg"},
        PageCase{"https://shop.example.com/p", "\n   //cdn.example.com/a.jpg  ", "https://cdn.example.com/a.jpg"},
        PageCase{"https://shop.example.com/p", "/a\n/b\t.jpg", "https://shop.example.com/a/b.jpg"},
        PageCase{"HTTPS://Shop.Example.COM:8443/x", "y", "https://shop.example.com:8443/y"},
        PageCase{"https://shop.example.com/p#gallery", "?sku=2", "https://shop.example.com/p?sku=2"},
        PageCase{"https://shop.example.com/p", "https://other.example.com/A/../B", "https://other.example.com/A/../B"},
        PageCase{"https://shop.example.com/p", "data:image/png;base64,AAAA", "data:image/png;base64,AAAA"}));

TEST(ResolveUrl, relative_link_without_an_absolute_base_is_an_error) {
  Result<std::string> got = resolve_url("/item/1.html", "a.jpg");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(got.error().message.find("not an absolute URL"), std::string::npos) << got.error().message;
}

TEST(ResolveUrl, absolute_link_resolves_even_without_a_base) {
  Result<std::string> got = resolve_url("", "https://a.example/x.jpg");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, "https://a.example/x.jpg");
}

TEST(ResolveUrl, opaque_base_cannot_anchor_relative_links) {
  Result<std::string> got = resolve_url("about:blank", "a.jpg");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, ErrorCode::invalid_argument);
}

TEST(ParseUrl, splits_a_product_url_into_lower_case_scheme_and_host) {
  Result<Url> url = parse_url("HTTPS://User@Detail.1688.COM:443/offer/6.html?spm=a#sku");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->userinfo, "User");
  EXPECT_EQ(url->host, "detail.1688.com");
  EXPECT_EQ(url->port, "443");
  EXPECT_EQ(url->path, "/offer/6.html");
  EXPECT_TRUE(url->has_query);
  EXPECT_EQ(url->query, "spm=a");
  EXPECT_TRUE(url->has_fragment);
  EXPECT_EQ(url->fragment, "sku");
  EXPECT_EQ(url->str(), "https://User@detail.1688.com:443/offer/6.html?spm=a#sku");
}

TEST(ParseUrl, web_address_without_path_gets_root_path) {
  Result<Url> url = parse_url("https://shop.example.com");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->path, "/");
  EXPECT_EQ(url->str(), "https://shop.example.com/");
}

TEST(ParseUrl, opaque_url_keeps_its_body_whole) {
  Result<Url> url = parse_url("mailto:seller@example.com");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->scheme, "mailto");
  EXPECT_EQ(url->path, "");
  EXPECT_EQ(url->opaque, "seller@example.com");
  EXPECT_EQ(url->str(), "mailto:seller@example.com");
}

TEST(ParseUrl, ipv6_host_keeps_brackets_and_port) {
  Result<Url> url = parse_url("http://[::1]:8080/x");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->host, "[::1]");
  EXPECT_EQ(url->port, "8080");
}

struct BadUrl {
  const char* text;
  const char* why;
};

class UnusableUrls : public ::testing::TestWithParam<BadUrl> {};

TEST_P(UnusableUrls, are_refused_with_a_readable_reason) {
  Result<Url> url = parse_url(GetParam().text);
  ASSERT_FALSE(url.ok()) << GetParam().text;
  EXPECT_EQ(url.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(url.error().message.find(GetParam().why), std::string::npos) << url.error().message;
}

INSTANTIATE_TEST_SUITE_P(ParseUrl, UnusableUrls,
                         ::testing::Values(BadUrl{"/relative/path", "not an absolute URL"},
                                           BadUrl{"", "not an absolute URL"},
                                           BadUrl{"https:/no-host", "no host"},
                                           BadUrl{"https://", "no host"},
                                           BadUrl{"http://a.example:80x/", "port"}));

}  // namespace
}  // namespace caiji::html
