#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caiji::normalize {

// The largest original of a CDN picture: size suffixes and resize tokens removed where the
// CDN serves the original without them. Unknown hosts are returned unchanged.
std::string largest_image(std::string_view url);

// Absolute https URLs, upgraded to the largest size, de-duplicated, first occurrence kept.
std::vector<std::string> clean_image_list(const std::vector<std::string>& urls);

}  // namespace caiji::normalize
