#include "messaging/dispatcher.hpp"

#include <cstdint>
#include <limits>

#include "box_json.hpp"
#include "core/extract/api.hpp"
#include "core/item/item.hpp"
#include "core/item/item_json.hpp"
#include "extension_id.hpp"

namespace caiji::host {

namespace {

// Room left in a message for the reply's envelope around a list's items.
constexpr std::size_t kEnvelopeBytes = 4096;
constexpr std::size_t kMaxListLimit = 500;
// collect.urls fetches one link after another in one request; more than this is a job for
// several requests, so that progress and cancellation stay in the extension's hands.
constexpr std::size_t kMaxUrlsPerRequest = 100;

// Reads `params`, naming the field and the type it wanted when it finds something else. The
// ProtocolError it throws never leaves this file: Dispatcher::handle turns it into a reply.
class Params {
 public:
  explicit Params(const Json& j) : j_(j) {}

  const Json* find(const char* name) const {
    auto it = j_.find(name);
    return it == j_.end() || it->is_null() ? nullptr : &*it;
  }

  std::string string(const char* name) const { return string_ref(name); }
  // The value in place: a page's HTML can be 60 MB.
  const std::string& string_ref(const char* name) const {
    const Json* v = find(name);
    if (!v) missing(name, "a string");
    if (!v->is_string()) wrong(name, "a string", *v);
    return v->get_ref<const std::string&>();
  }
  std::optional<std::string> opt_string(const char* name) const {
    const Json* v = find(name);
    if (!v) return std::nullopt;
    if (!v->is_string()) wrong(name, "a string", *v);
    return v->get<std::string>();
  }
  std::int64_t integer(const char* name, std::int64_t min = std::numeric_limits<std::int64_t>::min()) const {
    auto i = opt_integer(name, min);
    if (!i) missing(name, "an integer");
    return *i;
  }
  std::optional<std::int64_t> opt_integer(const char* name,
                                          std::int64_t min = std::numeric_limits<std::int64_t>::min()) const {
    const Json* v = find(name);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) wrong(name, "an integer", *v);
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
      throw ProtocolError{errc::invalid_params, std::string("\"") + name + "\" is too large."};
    const std::int64_t i = v->get<std::int64_t>();
    if (i < min)
      throw ProtocolError{errc::invalid_params,
                          std::string("\"") + name + "\" must be at least " + std::to_string(min) + "."};
    return i;
  }
  bool opt_bool(const char* name, bool fallback) const {
    const Json* v = find(name);
    if (!v) return fallback;
    if (!v->is_boolean()) wrong(name, "true or false", *v);
    return v->get<bool>();
  }
  const Json* opt_object(const char* name) const {
    const Json* v = find(name);
    if (v && !v->is_object()) wrong(name, "an object", *v);
    return v;
  }
  const Json& object(const char* name) const {
    const Json* v = opt_object(name);
    if (!v) missing(name, "an object");
    return *v;
  }
  std::vector<std::string> opt_strings(const char* name) const {
    const Json* v = find(name);
    std::vector<std::string> out;
    if (!v) return out;
    if (!v->is_array()) wrong(name, "an array of strings", *v);
    for (const auto& e : *v) {
      if (!e.is_string()) wrong(name, "an array of strings", *v);
      out.push_back(e.get<std::string>());
    }
    return out;
  }

 private:
  [[noreturn]] static void missing(const char* name, const char* type) {
    throw ProtocolError{errc::invalid_params, std::string("\"") + name + "\" is missing; it must be " + type + "."};
  }
  [[noreturn]] static void wrong(const char* name, const char* type, const Json& got) {
    throw ProtocolError{errc::invalid_params,
                        std::string("\"") + name + "\" must be " + type + ", not " + got.type_name() + "."};
  }
  const Json& j_;
};

// Core errors in protocol terms. `otherwise` is what an error that is not the caller's fault
// means in this call: the box failing, or the page being unreadable.
ProtocolError protocol_error(const Error& e, const char* otherwise) {
  switch (e.code) {
    case ErrorCode::not_found: return {errc::not_found, e.message};
    case ErrorCode::conflict: return {errc::conflict, e.message};
    case ErrorCode::invalid_argument:
    case ErrorCode::malformed_input: return {errc::invalid_params, e.message};
    case ErrorCode::input_too_large: return {errc::too_large, e.message};
    default: return {otherwise, e.message};
  }
}

template <class T>
T& unwrap(Result<T>& r, const char* otherwise = errc::store_error) {
  if (!r) throw protocol_error(r.error(), otherwise);
  return *r;
}

void check(const Status& s) {
  if (!s) throw protocol_error(s.error(), errc::store_error);
}

std::int64_t item_id(const Params& p) { return p.integer("id", 1); }

// How the page reached the extension; the item's provenance keeps it.
std::string via_param(const Params& p, const char* fallback) {
  std::string via = p.opt_string("via").value_or(fallback);
  if (via != "page" && via != "url" && via != "category")
    throw ProtocolError{errc::invalid_params, "\"via\" must be \"page\", \"url\" or \"category\"."};
  return via;
}

void progress(const Request& r, const Dispatcher::Send& send, const Json& fields) {
  if (r.progress && !send(event_message("progress", r.id, fields)))
    throw ProtocolError{errc::internal, "The browser went away."};
}

// A fetch that failed is the site's doing (or the network's), not the caller's: a bad address
// is invalid_params, a page over the size cap too_large, everything else fetch_failed.
ProtocolError fetch_error(const Error& e) {
  if (e.code == ErrorCode::invalid_argument) return {errc::invalid_params, e.message};
  if (e.code == ErrorCode::input_too_large) return {errc::too_large, e.message};
  return {errc::fetch_failed, e.message};
}

}  // namespace

const std::vector<std::string>& Dispatcher::methods() {
  static const std::vector<std::string> m = {"hello",      "collect.page", "collect.url", "collect.urls",
                                             "box.list",   "box.count",    "box.get",     "box.update",
                                             "box.delete", "box.restore",  "box.tag"};
  return m;
}

bool Dispatcher::handle(std::string_view body, const Send& send) {
  auto parsed = parse_request(body);
  if (auto* bad = std::get_if<RequestError>(&parsed)) return send(reply_error(bad->id, bad->error));
  return handle(std::get<Request>(parsed), send);
}

bool Dispatcher::handle(const Request& request, const Send& send) {
  std::string reply;
  try {
    reply = reply_ok(request.id, call(request, send));
  } catch (const ProtocolError& e) {
    reply = reply_error(request.id, e);
  } catch (const std::exception& e) {
    // A bug of ours (or memory exhausted): the extension still hears back, the host lives on.
    reply = reply_error(request.id, {errc::internal, std::string("The host failed: ") + e.what()});
  }
  return send_reply(request.id, std::move(reply), send);
}

bool Dispatcher::send_reply(const Json& id, std::string reply, const Send& send) {
  for (auto& message : split_reply(std::move(reply), id, max_reply_))
    if (!send(message)) return false;
  return true;
}

Json Dispatcher::call(const Request& r, const Send& send) {
  const Params p(r.params);
  if (r.method == "hello") return hello(r.params);
  if (r.method == "collect.page") return collect_page(r, send);
  if (r.method == "collect.url") return collect_url(r, send);
  if (r.method == "collect.urls") return collect_urls(r, send);
  if (r.method == "box.list") return box_list(r.params);
  if (r.method == "box.count") return box_count(r.params);
  if (r.method == "box.get") return box_get(r.params);
  if (r.method == "box.update") return box_update(r.params);
  if (r.method == "box.delete") return box_delete(r.params);
  if (r.method == "box.restore") return box_restore(r.params);
  if (r.method == "box.tag") return box_tag(r.params);
  throw ProtocolError{errc::unknown_method, "This host has no method \"" + r.method + "\"; `hello` lists them."};
}

Json Dispatcher::hello(const Json& params) {
  const Params p(params);
  auto page_parser = p.opt_string("parserVersion");
  Json j;
  j["host"] = "caiji";
  j["version"] = CAIJI_VERSION;
  j["parserVersion"] = extract::parser_version();
  if (page_parser) j["parserMatches"] = *page_parser == extract::parser_version();
  j["protocol"] = kProtocolVersion;
  j["protocols"] = {kProtocolVersion};
  j["itemSchemaVersion"] = kItemSchemaVersion;
  j["methods"] = methods();
  j["capabilities"] = {{"events", true},
                       {"parts", true},
                       {"maxRequestBytes", kMaxIncomingBytes},
                       {"maxReplyBytes", max_reply_}};
  j["extensionId"] = caiji_extension_id();
  return j;
}

Json Dispatcher::collect_page(const Request& r, const Send& send) {
  const Params p(r.params);
  CollectRequest req;
  req.url = p.string("url");
  req.html = p.string_ref("html");
  const Json* page_data = p.opt_object("pageData");
  if (page_data) req.page_data = nlohmann::json::parse(dump(*page_data));
  req.page_item = p.opt_object("item");
  req.via = via_param(p, "page");
  req.mark_for_claim = p.opt_bool("markForClaim", false);
  return collect(req, r, send);
}

Json Dispatcher::collect(const CollectRequest& req, const Request& r, const Send& send) {
  progress(r, send, {{"stage", "parsing"}, {"bytes", req.html.size()}});
  auto read = service_.read_page(req);
  Collected& c = unwrap(read, errc::unreadable_page);
  if (c.item) {
    progress(r, send, {{"stage", "storing"}});
    check(service_.keep(c, req.html, req.mark_for_claim));
  }

  Json j;
  j["stored"] = c.saved.has_value();
  j["kind"] = extract::to_string(c.verdict.kind);
  if (!c.saved) {
    j["message"] = c.verdict.message;
    j["productLinks"] = c.verdict.product_links;
    return j;
  }
  j["id"] = c.saved->id;
  j["revision"] = c.saved->revision;
  j["outcome"] = store::to_string(c.saved->outcome);
  j["markedForClaim"] = c.marked_for_claim;
  j["mismatch"] = c.mismatched_fields;
  j["item"] = item_to_json(*c.item);
  return j;
}

Json Dispatcher::collect_url(const Request& r, const Send& send) {
  const Params p(r.params);
  const std::string url = p.string("url");
  const std::string via = via_param(p, "url");
  const bool mark = p.opt_bool("markForClaim", false);
  progress(r, send, {{"stage", "fetching"}, {"url", url}});
  return fetch_and_collect(url, via, mark, r, send);
}

Json Dispatcher::fetch_and_collect(const std::string& url, const std::string& via, bool mark_for_claim,
                                   const Request& r, const Send& send) {
  auto fetched = service_.fetch(url);
  if (!fetched) throw fetch_error(fetched.error());
  CollectRequest req;
  req.url = fetched->url;
  req.html = fetched->html;
  req.via = via;
  req.mark_for_claim = mark_for_claim;
  Json j = collect(req, r, send);
  j["url"] = fetched->url;
  return j;
}

Json Dispatcher::collect_urls(const Request& r, const Send& send) {
  const Params p(r.params);
  const auto urls = p.opt_strings("urls");
  if (urls.empty()) throw ProtocolError{errc::invalid_params, "\"urls\" is missing; it must be an array of strings."};
  if (urls.size() > kMaxUrlsPerRequest)
    throw ProtocolError{errc::invalid_params, "\"urls\" holds " + std::to_string(urls.size()) +
                                                  " links; send at most " + std::to_string(kMaxUrlsPerRequest) +
                                                  " per request."};
  const std::string via = via_param(p, "url");
  const bool mark = p.opt_bool("markForClaim", false);

  // One link failing (a 404, a captcha, a list page) is that link's result, not the request's:
  // the others are still collected. Rows carry no item, so a full batch fits in one message.
  Json results = Json::array();
  std::size_t stored = 0, failed = 0;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    const std::string& url = urls[i];
    progress(r, send, {{"stage", "fetching"}, {"url", url}, {"done", i}, {"total", urls.size()}});
    Json row = {{"url", url}};
    try {
      const Request quiet{r.id, r.method, Json::object(), false};
      Json one = fetch_and_collect(url, via, mark, quiet, send);
      row["ok"] = true;
      row["stored"] = one["stored"];
      row["kind"] = one["kind"];
      if (one["stored"] == true) {
        ++stored;
        row["id"] = one["id"];
        row["revision"] = one["revision"];
        row["outcome"] = one["outcome"];
        row["markedForClaim"] = one["markedForClaim"];
        row["title"] = one["item"].value("title", "");
      } else {
        row["message"] = one["message"];
      }
    } catch (const ProtocolError& e) {
      // The box failing is everyone's problem: stop and say so rather than fail every link.
      if (e.code == errc::store_error) throw;
      ++failed;
      row["ok"] = false;
      row["error"] = {{"code", e.code}, {"message", e.message}};
    }
    results.push_back(std::move(row));
  }
  return {{"results", std::move(results)}, {"stored", stored}, {"failed", failed}};
}

Json Dispatcher::box_count(const Json&) {
  auto n = service_.count();
  return {{"count", unwrap(n)}};
}

Json Dispatcher::box_list(const Json& params) {
  const Params p(params);
  store::ListQuery q;
  q.platform = p.opt_string("platform").value_or("");
  q.tag = p.opt_string("tag").value_or("");
  q.search = p.opt_string("search").value_or("");
  q.trash = p.opt_bool("trash", false);
  q.cursor = p.opt_string("cursor").value_or("");
  if (auto sort = p.opt_string("sort")) {
    auto s = parse_sort(*sort);
    if (!s) throw ProtocolError{errc::invalid_params, "\"sort\" must be one of " + std::string(sort_names()) + "."};
    q.sort = *s;
  }
  if (auto limit = p.opt_integer("limit", 1)) {
    if (static_cast<std::size_t>(*limit) > kMaxListLimit)
      throw ProtocolError{errc::invalid_params, "\"limit\" must be at most 500."};
    q.limit = static_cast<std::size_t>(*limit);
  }
  const std::string view = p.opt_string("view").value_or("summary");
  if (view != "summary" && view != "full")
    throw ProtocolError{errc::invalid_params, "\"view\" must be \"summary\" or \"full\"."};
  auto row = [&](const store::StoredItem& s) { return view == "full" ? stored_item_json(s) : stored_item_summary_json(s); };

  auto listed = service_.list(q);
  store::ListPage* page = &unwrap(listed);
  Json items = Json::array();
  std::size_t bytes = 0;
  std::size_t fitting = 0;
  for (const auto& s : page->items) {
    Json r = row(s);
    bytes += dump(r).size() + 1;
    if (bytes + kEnvelopeBytes > max_reply_) break;
    items.push_back(std::move(r));
    ++fitting;
  }
  // The page would not fit in one message: ask again for as many items as fit, so the cursor
  // continues right after the last one sent. An item too large on its own still goes, as parts.
  store::ListPage shorter;
  if (fitting < page->items.size()) {
    q.limit = std::max<std::size_t>(fitting, 1);
    auto again = service_.list(q);
    shorter = std::move(unwrap(again));
    page = &shorter;
    if (fitting == 0 && !page->items.empty()) items.push_back(row(page->items.front()));
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), page->items.size())), items.end());
  }
  Json j;
  j["items"] = std::move(items);
  j["nextCursor"] = page->next_cursor;
  j["total"] = page->total;
  return j;
}

Json Dispatcher::box_get(const Json& params) {
  const Params p(params);
  const std::int64_t id = item_id(p);
  const bool history = p.opt_bool("history", false);
  auto got = service_.get(id);
  Json j = stored_item_json(unwrap(got));
  if (history) {
    auto revisions = service_.history(id);
    Json h = Json::array();
    for (const auto& r : unwrap(revisions)) h.push_back(revision_json(r));
    j["history"] = std::move(h);
    auto prices = service_.price_history(id);
    Json ph = Json::array();
    for (const auto& pp : unwrap(prices)) ph.push_back(price_point_json(pp));
    j["priceHistory"] = std::move(ph);
  }
  return j;
}

Json Dispatcher::box_update(const Json& params) {
  const Params p(params);
  const std::int64_t id = item_id(p);
  const std::int64_t revision = p.integer("revision", 1);
  const Json& patch = p.object("patch");
  if (patch.empty()) throw ProtocolError{errc::invalid_params, "\"patch\" names no field to change."};
  auto updated = service_.update(id, revision, nlohmann::json::parse(dump(patch)));
  return stored_item_json(unwrap(updated));
}

Json Dispatcher::box_delete(const Json& params) {
  const Params p(params);
  const std::int64_t id = item_id(p);
  check(service_.remove(id));
  return {{"id", id}, {"deleted", true}};
}

Json Dispatcher::box_restore(const Json& params) {
  const Params p(params);
  const std::int64_t id = item_id(p);
  check(service_.restore(id));
  return {{"id", id}, {"restored", true}};
}

Json Dispatcher::box_tag(const Json& params) {
  const Params p(params);
  const std::int64_t id = item_id(p);
  const auto add = p.opt_strings("add");
  const auto remove = p.opt_strings("remove");
  if (add.empty() && remove.empty())
    throw ProtocolError{errc::invalid_params, "Name tags to \"add\" or \"remove\"."};
  for (const auto& t : add)
    if (t.empty()) throw ProtocolError{errc::invalid_params, "A tag cannot be empty."};
  auto tags = service_.tag(id, add, remove);
  return {{"id", id}, {"tags", unwrap(tags)}};
}

}  // namespace caiji::host
