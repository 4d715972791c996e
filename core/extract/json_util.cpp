#include "core/extract/json_util.hpp"

#include <cstdint>

#include "core/item/money.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

std::string json_text(const Json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number()) return j.dump();
  return {};
}

std::string json_text(const Json& j, std::string_view key) {
  if (!j.is_object()) return {};
  auto it = j.find(std::string(key));
  return it == j.end() ? std::string() : json_text(*it);
}

const Json* json_at(const Json& j, std::initializer_list<std::string_view> path) {
  const Json* cur = &j;
  for (auto key : path) {
    if (!cur->is_object()) return nullptr;
    auto it = cur->find(std::string(key));
    if (it == cur->end()) return nullptr;
    cur = &*it;
  }
  return cur;
}

std::optional<std::string> json_money(const Json& j, std::string_view currency) {
  if (j.is_number()) {
    if (j.is_number_float() && j.get<double>() < 0) return std::nullopt;
    return canonical_money(j.dump(), currency);
  }
  if (j.is_string()) return canonical_money(trim(j.get<std::string>()), currency);
  return std::nullopt;
}

std::optional<std::int64_t> json_int(const Json& j) {
  if (j.is_number_integer()) return j.get<std::int64_t>();
  if (j.is_number_float()) {
    double d = j.get<double>();
    if (d >= -9e15 && d <= 9e15 && static_cast<double>(static_cast<std::int64_t>(d)) == d)
      return static_cast<std::int64_t>(d);
    return std::nullopt;
  }
  if (j.is_string()) {
    std::string_view s = trim(j.get_ref<const std::string&>());
    if (s.empty() || s.size() > 18) return std::nullopt;
    std::int64_t v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  }
  return std::nullopt;
}

std::vector<const Json*> json_list(const Json& j) {
  std::vector<const Json*> out;
  if (j.is_array()) {
    for (const auto& e : j) out.push_back(&e);
  } else if (!j.is_null()) {
    out.push_back(&j);
  }
  return out;
}

}  // namespace caiji::extract
