#pragma once
// Message handling: a request in, its reply (and any progress events) out. Checks every
// parameter's presence and type, calls the box, shapes the result, and keeps every message
// under Chrome's 1 MiB (a long list gets a shorter page, an oversized item travels in parts).

#include <cstddef>
#include <functional>
#include <string_view>

#include "box_service.hpp"
#include "messaging/framing.hpp"
#include "messaging/protocol.hpp"

namespace caiji::host {

class Dispatcher {
 public:
  // Sends one message; false when the browser has gone.
  using Send = std::function<bool(std::string_view message)>;

  explicit Dispatcher(BoxService& service, std::size_t max_reply_bytes = kMaxOutgoingBytes)
      : service_(service), max_reply_(max_reply_bytes) {}

  // One frame's body: a reply (or error reply) always goes out, even for a body that is not a
  // request at all. Returns false when a send failed.
  bool handle(std::string_view body, const Send& send);
  bool handle(const Request& request, const Send& send);

  static const std::vector<std::string>& methods();

 private:
  Json call(const Request& request, const Send& send);
  Json hello(const Json& params);
  Json collect_page(const Request& request, const Send& send);
  Json collect_url(const Request& request, const Send& send);
  Json collect_urls(const Request& request, const Send& send);
  // Parses and stores one page; the result object collect.page and collect.url answer with.
  Json collect(const CollectRequest& request, const Request& r, const Send& send);
  // Fetches `url` with the host's client and collects the page it gives: collect's result, with
  // "url" the address the fetch ended at. A failed fetch throws its ProtocolError.
  Json fetch_and_collect(const std::string& url, const std::string& via, bool mark_for_claim, const Request& r,
                         const Send& send);
  Json box_count(const Json& params);
  Json box_list(const Json& params);
  Json box_get(const Json& params);
  Json box_update(const Json& params);
  Json box_delete(const Json& params);
  Json box_restore(const Json& params);
  Json box_tag(const Json& params);

  bool send_reply(const Json& id, std::string reply, const Send& send);

  BoxService& service_;
  std::size_t max_reply_;
};

}  // namespace caiji::host
