// Amazon pictures: the image block's colorImages data, and the gallery markup of pages that
// render it server-side.

#include "core/extract/json_util.hpp"
#include "core/extract/sites/amazon_private.hpp"
#include "core/script/locate.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::amazon {

namespace {

void merge_objects(Json& into, const Json& from) {
  if (!from.is_object()) return;
  for (auto it = from.begin(); it != from.end(); ++it)
    if (!into.contains(it.key())) into[it.key()] = *it;
}

}  // namespace

ImageBlock read_image_block(const Page& page) {
  ImageBlock block;
  for (const html::Script& s : page.scripts()) {
    if (s.body.find("colorImages") == std::string_view::npos) continue;
    // ImageBlockATF (every generation up to 2023): `var data = {'colorImages': {'initial':
    // [...]}, 'colorToAsin': {...}, ...}` written as a JavaScript literal.
    if (auto v = script::find_property(s.body, "colorImages"); v && v->is_object()) merge_objects(block.color_images, *v);
    if (auto v = script::find_property(s.body, "colorToAsin"); v && v->is_object()) merge_objects(block.color_to_asin, *v);
    // ImageBlockBTF: `var obj = jQuery.parseJSON('{..."colorImages":{"Black 2 Pack":[...]}}')`,
    // the pictures of every color key of a twister page.
    if (s.body.find("parseJSON") == std::string_view::npos) continue;
    for (std::string_view callee : {"jQuery.parseJSON", "$.parseJSON"}) {
      auto args = script::find_call_arguments(s.body, callee);
      if (!args || !args->is_array() || args->empty() || !(*args)[0].is_string()) continue;
      auto obj = script::read_entire_js_value((*args)[0].get_ref<const std::string&>());
      if (!obj || !obj->is_object()) continue;
      if (auto it = obj->find("colorImages"); it != obj->end()) merge_objects(block.color_images, *it);
      if (auto it = obj->find("colorToAsin"); it != obj->end()) merge_objects(block.color_to_asin, *it);
    }
  }
  return block;
}

std::vector<std::string> pictures_of(const Json& list) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (std::size_t i = 0; i < list.size() && i < 200; ++i) {
    const Json& img = list[i];
    if (!img.is_object()) continue;
    std::string url = json_text(img, "hiRes");
    if (url.empty()) url = json_text(img, "large");
    if (url.empty()) url = json_text(img, "mainUrl");
    if (!url.empty()) out.push_back(url);
  }
  return out;
}

void read_gallery(const Page& page, const ImageBlock& block, Item& out) {
  if (auto it = block.color_images.find("initial"); it != block.color_images.end()) {
    for (const std::string& u : pictures_of(*it))
      if (std::string abs = page.absolute(u); !abs.empty()) out.images.main.push_back(abs);
  }
  if (!out.images.main.empty()) return;
  // 2024-25 pages render the gallery as markup: each slide carries its full-size picture in
  // data-old-hires (the thumbnails in #altImages are the same pictures, smaller).
  for (const html::Node& n : page.doc().select("#main-image-container [data-old-hires], #imgTagWrapperId [data-old-hires]")) {
    auto v = n.attr("data-old-hires");
    if (std::string abs = v ? page.absolute(*v) : std::string(); !abs.empty()) out.images.main.push_back(abs);
  }
  if (!out.images.main.empty()) return;
  if (html::Node img = page.doc().select_first("#landingImage, #imgBlkFront"); img.valid()) {
    auto v = img.attr("data-old-hires");
    if (!v || trim(*v).empty()) v = img.attr("src");
    if (std::string abs = v ? page.absolute(*v) : std::string(); !abs.empty()) out.images.main.push_back(abs);
  }
  for (const html::Node& n : page.doc().select("#altImages li.imageThumbnail img")) {
    auto v = n.attr("src");
    if (std::string abs = v ? page.absolute(*v) : std::string(); !abs.empty()) out.images.main.push_back(abs);
  }
}

}  // namespace caiji::extract::amazon
