#include <gtest/gtest.h>

#include "core/normalize/images.hpp"

namespace caiji::normalize {
namespace {

struct ImageCase {
  const char* in;
  const char* out;
};

class LargestImage : public ::testing::TestWithParam<ImageCase> {};

TEST_P(LargestImage, a_thumbnail_becomes_the_original_picture) { EXPECT_EQ(largest_image(GetParam().in), GetParam().out); }

INSTANTIATE_TEST_SUITE_P(
    Cdns, LargestImage,
    ::testing::Values(
        ImageCase{"//ae01.alicdn.com/kf/H5a1b.jpg_50x50.jpg", "https://ae01.alicdn.com/kf/H5a1b.jpg"},
        ImageCase{"https://ae01.alicdn.com/kf/H5a1b.jpg_220x220q75.jpg_.webp", "https://ae01.alicdn.com/kf/H5a1b.jpg"},
        ImageCase{"https://ae-pic-a1.aliexpress-media.com/kf/S1c2.png_.webp", "https://ae-pic-a1.aliexpress-media.com/kf/S1c2.png"},
        ImageCase{"https://cbu01.alicdn.com/img/ibank/O1CN01x!!2-0-cib.220x220.jpg", "https://cbu01.alicdn.com/img/ibank/O1CN01x!!2-0-cib.jpg"},
        ImageCase{"https://img.alicdn.com/imgextra/i4/TB1x_!!0-item_pic.jpg_60x60q90.jpg", "https://img.alicdn.com/imgextra/i4/TB1x_!!0-item_pic.jpg"},
        ImageCase{"https://m.media-amazon.com/images/I/71abcXYZ._AC_SX300_SY300_QL70_ML2_.jpg", "https://m.media-amazon.com/images/I/71abcXYZ.jpg"},
        ImageCase{"https://images-na.ssl-images-amazon.com/images/I/41x._SS40_.jpg", "https://images-na.ssl-images-amazon.com/images/I/41x.jpg"},
        ImageCase{"https://i.ebayimg.com/images/g/abcAAOSw/s-l64.jpg", "https://i.ebayimg.com/images/g/abcAAOSw/s-l1600.jpg"},
        ImageCase{"https://img14.360buyimg.com/n5/jfs/t1/123/abc.jpg", "https://img14.360buyimg.com/n0/jfs/t1/123/abc.jpg"},
        ImageCase{"//img10.360buyimg.com/n1/s450x450_jfs/t1/9/x.jpg!q70.dpg.webp", "https://img10.360buyimg.com/n0/jfs/t1/9/x.jpg"},
        ImageCase{"https://cdn.shopify.com/s/files/1/0/files/shirt_100x.jpg?v=17&width=300", "https://cdn.shopify.com/s/files/1/0/files/shirt.jpg?v=17"},
        ImageCase{"https://shop.example/cdn/shop/products/mug_large.png?v=2", "https://shop.example/cdn/shop/products/mug.png?v=2"},
        ImageCase{"https://unknown.example/img/photo_640x640.jpg", "https://unknown.example/img/photo_640x640.jpg"}));

TEST(CleanImageList, thumbnails_of_one_picture_collapse_into_one_in_page_order) {
  auto out = clean_image_list({"//ae01.alicdn.com/kf/A.jpg_50x50.jpg", "https://ae01.alicdn.com/kf/B.jpg",
                               "https://ae01.alicdn.com/kf/A.jpg_640x640.jpg", "data:image/gif;base64,R0lGOD", ""});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], "https://ae01.alicdn.com/kf/A.jpg");
  EXPECT_EQ(out[1], "https://ae01.alicdn.com/kf/B.jpg");
}

}  // namespace
}  // namespace caiji::normalize
