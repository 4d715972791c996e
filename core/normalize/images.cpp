#include "core/normalize/images.hpp"

#include <set>

#include "core/util/text.hpp"

namespace caiji::normalize {

std::string largest_image(std::string_view url) {
  std::string u(trim(url));
  if (starts_with(u, "//")) u = "https:" + u;
  return u;
}

std::vector<std::string> clean_image_list(const std::vector<std::string>& urls) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& raw : urls) {
    std::string u = largest_image(raw);
    if (!starts_with(u, "http://") && !starts_with(u, "https://")) continue;
    if (seen.insert(u).second) out.push_back(std::move(u));
  }
  return out;
}

}  // namespace caiji::normalize
