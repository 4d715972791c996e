#include "core/extract/api.hpp"

#include <exception>

#include <nlohmann/json.hpp>

#include "core/extract/extract.hpp"
#include "core/item/item_json.hpp"

namespace caiji::extract {

namespace {

using OJson = nlohmann::ordered_json;

std::string error_json(ErrorCode code, const std::string& message) {
  OJson out = OJson::object();
  out["ok"] = false;
  out["error"] = OJson{{"code", to_string(code)}, {"message", message}};
  return out.dump(-1, ' ', false, OJson::error_handler_t::replace);
}

}  // namespace

const char* parser_version() { return CAIJI_VERSION; }

std::string extract_json(std::string_view html, std::string_view url, std::string_view options_json) {
  try {
    PageInput input;
    input.html = html;
    input.url = std::string(url);
    if (!options_json.empty()) {
      nlohmann::json options = nlohmann::json::parse(options_json, nullptr, /*allow_exceptions=*/false);
      if (options.is_discarded() || !options.is_object())
        return error_json(ErrorCode::invalid_argument, "the extraction options are not a JSON object");
      if (auto it = options.find("collectedAt"); it != options.end() && it->is_string())
        input.collected_at = it->get<std::string>();
      if (auto it = options.find("via"); it != options.end() && it->is_string()) input.via = it->get<std::string>();
      if (auto it = options.find("pageData"); it != options.end() && it->is_object()) input.page_data = *it;
    }
    Registry registry = Registry::with_defaults();
    auto result = extract_page(input, registry);
    if (!result) return error_json(result.error().code, result.error().message);
    OJson out = OJson::object();
    if (!result->item) {
      const PageVerdict& v = result->verdict;
      out["ok"] = false;
      out["error"] = OJson{{"code", to_string(ErrorCode::not_a_product)}, {"message", v.message}};
      out["page"] = OJson{{"kind", to_string(v.kind)}, {"productLinks", v.product_links}};
      return out.dump(-1, ' ', false, OJson::error_handler_t::replace);
    }
    out["ok"] = true;
    out["item"] = item_to_json(*result->item);
    return out.dump(-1, ' ', false, OJson::error_handler_t::replace);
  } catch (const std::exception& e) {
    // A bug of ours must not take down the browser's parser or the host.
    return error_json(ErrorCode::internal, std::string("the parser failed: ") + e.what());
  }
}

}  // namespace caiji::extract
