#include "messaging/protocol.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace caiji::host {

namespace {

// A part's payload is a JSON string holding a slice of the reply's text: escaping at most
// doubles a byte ('"' and '\\'), so 400 KiB slices stay well under 1 MiB with their envelope.
constexpr std::size_t kPartSliceBytes = 400 * 1024;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Most of a page is ASCII: skip eight bytes at a time while no high bit is set.
    while (i + 8 <= n) {
      std::uint64_t chunk;
      std::memcpy(&chunk, p + i, 8);
      if (chunk & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if (!is_continuation(p[i + k])) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::variant<Request, RequestError> parse_request(std::string_view body) {
  if (!is_valid_utf8(body)) return RequestError{nullptr, {errc::bad_frame, "The message is not valid UTF-8."}};
  Json j = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return RequestError{nullptr, {errc::bad_frame, "The message is not JSON."}};
  if (!j.is_object()) return RequestError{nullptr, {errc::bad_frame, "The message is JSON but not an object."}};

  Request r;
  auto id = j.find("id");
  if (id == j.end() || !(id->is_string() || id->is_number_integer() || id->is_number_unsigned()))
    return RequestError{nullptr, {errc::invalid_request, "A request needs an \"id\" that is a string or an integer."}};
  r.id = *id;
  auto v = j.find("v");
  if (v == j.end() || !v->is_number_integer())
    return RequestError{r.id, {errc::invalid_request, "A request needs \"v\", the protocol version (1)."}};
  if (v->get<std::int64_t>() != kProtocolVersion)
    return RequestError{r.id, {errc::unsupported_version, "This host speaks protocol version 1, the request asked for " +
                                                              std::to_string(v->get<std::int64_t>()) + "."}};
  auto method = j.find("method");
  if (method == j.end() || !method->is_string() || method->get_ref<const std::string&>().empty())
    return RequestError{r.id, {errc::invalid_request, "A request needs a \"method\" string."}};
  r.method = method->get<std::string>();
  auto params = j.find("params");
  if (params == j.end() || params->is_null()) {
    r.params = Json::object();
  } else if (!params->is_object()) {
    return RequestError{r.id, {errc::invalid_params, "\"params\" must be an object."}};
  } else {
    r.params = std::move(*params);
  }
  auto progress = j.find("progress");
  if (progress != j.end()) {
    if (!progress->is_boolean()) return RequestError{r.id, {errc::invalid_request, "\"progress\" must be true or false."}};
    r.progress = progress->get<bool>();
  }
  return r;
}

std::string reply_ok(const Json& id, const Json& result) {
  Json j;
  j["id"] = id;
  j["ok"] = true;
  j["result"] = result;
  return dump(j);
}

std::string reply_error(const Json& id, const ProtocolError& error) {
  Json j;
  j["id"] = id;
  j["ok"] = false;
  j["error"] = {{"code", error.code}, {"message", error.message}};
  return dump(j);
}

std::string event_message(std::string_view event, const Json& id, const Json& fields) {
  Json j;
  j["event"] = event;
  j["id"] = id;
  for (auto it = fields.begin(); it != fields.end(); ++it) j[it.key()] = it.value();
  return dump(j);
}

std::vector<std::string> split_reply(std::string reply, const Json& id, std::size_t max_bytes) {
  std::vector<std::string> out;
  if (reply.size() <= max_bytes) {
    out.push_back(std::move(reply));
    return out;
  }
  // Slices end on a character boundary, so each `data` is valid UTF-8 on its own.
  std::vector<std::string_view> slices;
  std::string_view rest(reply);
  const std::size_t slice = std::min(kPartSliceBytes, max_bytes / 3);
  while (!rest.empty()) {
    std::size_t n = std::min(slice, rest.size());
    while (n < rest.size() && n > 0 && is_continuation(static_cast<unsigned char>(rest[n]))) --n;
    slices.push_back(rest.substr(0, n));
    rest.remove_prefix(n);
  }
  for (std::size_t i = 0; i < slices.size(); ++i) {
    Json j;
    j["id"] = id;
    j["ok"] = true;
    j["part"] = i + 1;
    j["parts"] = slices.size();
    j["data"] = std::string(slices[i]);
    out.push_back(dump(j));
  }
  return out;
}

}  // namespace caiji::host
