#pragma once
// Protocol v1 between the extension and the host (docs/protocol.md), the message shapes only:
//   request  {"v":1, "id":7, "method":"box.get", "params":{...}, "progress":false}
//   reply    {"id":7, "ok":true, "result":{...}}
//            {"id":7, "ok":false, "error":{"code":"not_found", "message":"..."}}
//   event    {"event":"progress", "id":7, ...}          (only when the request asked)
//   part     {"id":7, "ok":true, "part":1, "parts":3, "data":"..."}
// A reply over Chrome's 1 MiB limit travels as parts: the `data` strings, joined in order, are
// the reply's JSON text.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace caiji::host {

using Json = nlohmann::ordered_json;

inline constexpr int kProtocolVersion = 1;

// Error codes a reply can carry. Stable: the extension switches on them.
namespace errc {
inline constexpr const char* bad_frame = "bad_frame";              // not a message: empty, not UTF-8, not a JSON object
inline constexpr const char* too_large = "too_large";              // a message or page over a limit
inline constexpr const char* invalid_request = "invalid_request";  // a JSON object that is not a request (no id, no method)
inline constexpr const char* unsupported_version = "unsupported_version";
inline constexpr const char* unknown_method = "unknown_method";
inline constexpr const char* invalid_params = "invalid_params";    // a field missing or of the wrong type; the message names it
inline constexpr const char* forbidden_origin = "forbidden_origin";
inline constexpr const char* not_found = "not_found";
inline constexpr const char* conflict = "conflict";                // the item changed since the revision the edit names
inline constexpr const char* unreadable_page = "unreadable_page";  // the page could not be parsed at all
inline constexpr const char* fetch_failed = "fetch_failed";        // collect.url: the site did not give the page
inline constexpr const char* store_error = "store_error";          // the box could not be opened or written
inline constexpr const char* internal = "internal";
}  // namespace errc

struct ProtocolError {
  std::string code;
  std::string message;
};

struct Request {
  Json id;  // a number or a string, echoed in the reply
  std::string method;
  Json params;  // always an object
  bool progress = false;
};

// Reads a frame body as a request. The error carries the request's id when it could be read
// (null otherwise), so the extension can match even a refusal to its call.
struct RequestError {
  Json id;
  ProtocolError error;
};
std::variant<Request, RequestError> parse_request(std::string_view body);

std::string reply_ok(const Json& id, const Json& result);
std::string reply_error(const Json& id, const ProtocolError& error);
std::string event_message(std::string_view event, const Json& id, const Json& fields);

// The messages that carry `reply`: itself when it fits in `max_bytes`, else its parts.
std::vector<std::string> split_reply(std::string reply, const Json& id, std::size_t max_bytes);

// Compact JSON text; invalid UTF-8 that slipped into a string becomes U+FFFD rather than an
// exception.
std::string dump(const Json& j);

bool is_valid_utf8(std::string_view s);

}  // namespace caiji::host
