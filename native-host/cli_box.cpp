// caiji box list|show|edit|delete|restore|search|tag : look into the collection box and tidy it.

#include <algorithm>
#include <iostream>

#include "box_json.hpp"
#include "box_service.hpp"
#include "cli.hpp"
#include "core/item/item_json.hpp"
#include "table.hpp"

namespace caiji::cli {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kHelp = R"(usage: caiji box COMMAND [ARGS] [--db PATH] [--json]

  list [--platform P] [--tag T] [--sort S] [--trash] [--limit N] [--cursor C]
                      the items in the box, newest first (S: newest, oldest, updated, title,
                      price-low, price-high); --trash lists deleted items instead
  search TEXT... [list options]
                      items whose title, attributes or tags hold TEXT (Chinese or English)
  show ID [--history] one item: its fields, tags and warnings; --history adds its revisions and
                      price history
  edit ID [--revision N] FIELD=TEXT... FIELD:=JSON... [--patch JSON]
                      change fields, e.g. title="Silk scarf" 'price:={"min":"3.50","max":"3.50"}';
                      fields you edit keep your value when the product is collected again.
                      With --revision, the edit is refused (exit 4) if the item changed since.
  delete ID...        move items to the trash (restorable for 30 days)
  restore ID...       bring items back from the trash
  tag ID TAG... [--add TAG]... [--remove TAG]...
                      add tags (groups) to an item, or remove them

  --db PATH           the box (default: the per-user data directory; see `caiji doctor`)
  --json              print JSON instead of a table, for scripts
)";

int usage(const std::string& sub, const std::string& error) {
  std::cerr << "caiji box" << (sub.empty() ? "" : " " + sub) << ": " << error << "\n" << kHelp;
  return kUsage;
}

int store_failure(const std::string& sub, const Error& e) {
  std::cerr << "caiji box " << sub << ": " << e.message << "\n";
  if (e.code == ErrorCode::not_found) return kSomeFailed;
  if (e.code == ErrorCode::conflict) return kConflict;
  if (e.code == ErrorCode::invalid_argument || e.code == ErrorCode::malformed_input) return kSomeFailed;
  return kStoreError;
}

std::optional<std::int64_t> parse_id(const std::string& s) {
  try {
    std::size_t used = 0;
    const long long v = std::stoll(s, &used);
    if (used == s.size() && v > 0) return v;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

std::string joined(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

int list(Args& args, host::BoxService& box, bool json, bool searching) {
  const std::string sub = searching ? "search" : "list";
  std::string search;
  std::string error;
  store::ListQuery q;
  q.platform = args.option("platform", error).value_or("");
  q.tag = args.option("tag", error).value_or("");
  q.cursor = args.option("cursor", error).value_or("");
  auto sort = args.option("sort", error);
  auto limit = args.option("limit", error);
  q.trash = args.flag("trash");
  auto rest = args.rest(error);
  if (!error.empty()) return usage(sub, error);
  if (searching) {
    search = joined(rest, " ");
  } else if (!rest.empty()) {
    return usage(sub, "unexpected argument " + rest[0]);
  }
  q.search = search;
  if (searching && q.search.empty()) return usage(sub, "name what to search for");
  if (sort) {
    auto s = host::parse_sort(*sort);
    if (!s) return usage(sub, "--sort takes one of " + std::string(host::sort_names()));
    q.sort = *s;
  }
  if (limit) {
    auto n = parse_id(*limit);
    if (!n || *n > 500) return usage(sub, "--limit takes a number from 1 to 500");
    q.limit = static_cast<std::size_t>(*n);
  }
  auto page = box.list(q);
  if (!page) return store_failure(sub, page.error());
  if (json) {
    Json out;
    out["items"] = Json::array();
    for (const auto& s : page->items) out["items"].push_back(host::stored_item_summary_json(s));
    out["nextCursor"] = page->next_cursor;
    out["total"] = page->total;
    std::cout << json_line(out) << "\n";
    return kOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : page->items) {
    const Item& it = s.item;
    rows.push_back({std::to_string(s.id), it.source.platform, it.title, host::price_text(it),
                    std::to_string(it.variants.size()), joined(s.tags), std::to_string(it.warnings.size()),
                    q.trash ? s.deleted_at : s.updated_at});
  }
  std::cout << format_table({"ID", "PLATFORM", "TITLE", "PRICE", "VARIANTS", "TAGS", "WARNINGS", q.trash ? "DELETED" : "UPDATED"},
                            rows);
  std::cout << page->total << (q.trash ? " item(s) in the trash" : " item(s)") << (q.search.empty() ? "" : " found");
  if (!page->next_cursor.empty()) std::cout << "; more with --cursor " << page->next_cursor;
  std::cout << "\n";
  return kOk;
}

int show(Args& args, host::BoxService& box, bool json) {
  std::string error;
  const bool history = args.flag("history");
  auto rest = args.rest(error);
  if (!error.empty()) return usage("show", error);
  if (rest.size() != 1 || !parse_id(rest[0])) return usage("show", "name one item id");
  const std::int64_t id = *parse_id(rest[0]);
  auto s = box.get(id);
  if (!s) return store_failure("show", s.error());
  Json j = host::stored_item_json(*s);
  std::vector<store::Revision> revisions;
  std::vector<store::PricePoint> prices;
  if (history) {
    auto h = box.history(id);
    if (!h) return store_failure("show", h.error());
    auto p = box.price_history(id);
    if (!p) return store_failure("show", p.error());
    revisions = std::move(*h);
    prices = std::move(*p);
    j["history"] = Json::array();
    for (const auto& r : revisions) j["history"].push_back(host::revision_json(r));
    j["priceHistory"] = Json::array();
    for (const auto& pp : prices) j["priceHistory"].push_back(host::price_point_json(pp));
  }
  if (json) {
    std::cout << json_line(j) << "\n";
    return kOk;
  }
  const Item& it = s->item;
  auto line = [](const char* name, const std::string& value) {
    if (!value.empty()) std::cout << name << std::string(12 - std::string_view(name).size(), ' ') << value << "\n";
  };
  line("Item", std::to_string(s->id) + " (revision " + std::to_string(s->revision) + ")" +
                   (s->deleted_at.empty() ? "" : ", in the trash since " + s->deleted_at));
  line("Title", it.title);
  line("Platform", it.source.platform + (it.source.product_id.empty() ? "" : " " + it.source.product_id));
  line("URL", it.source.canonical_url.empty() ? it.source.url : it.source.canonical_url);
  line("Shop", it.source.shop.name);
  line("Price", host::price_text(it));
  line("Variants", it.variants.empty() ? "" : std::to_string(it.variants.size()));
  line("Images", it.images.main.empty() ? "" : std::to_string(it.images.main.size()));
  line("Tags", joined(s->tags));
  line("Edited", joined(s->edited_fields));
  line("Collected", it.collected_at);
  line("Updated", s->updated_at);
  for (const auto& w : it.warnings) line("Warning", w.message);
  if (history) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : revisions) {
      std::vector<std::string> fields;
      if (r.changes.is_object())
        for (auto c = r.changes.begin(); c != r.changes.end(); ++c) fields.push_back(c.key());
      rows.push_back({std::to_string(r.revision), r.at, r.by, joined(fields)});
    }
    std::cout << "\n" << format_table({"REVISION", "AT", "BY", "FIELDS"}, rows);
    rows.clear();
    for (const auto& p : prices)
      rows.push_back({p.collected_at, p.currency, p.min == p.max ? p.min : p.min + "-" + p.max});
    if (!rows.empty()) std::cout << "\n" << format_table({"COLLECTED", "CURRENCY", "PRICE"}, rows);
  }
  std::cout << "(`caiji box show " << id << " --json` prints every field)\n";
  return kOk;
}

int edit(Args& args, host::BoxService& box, bool json) {
  std::string error;
  auto revision_text = args.option("revision", error);
  auto patch_text = args.option("patch", error);
  auto rest = args.rest(error);
  if (!error.empty()) return usage("edit", error);
  if (rest.empty() || !parse_id(rest[0])) return usage("edit", "name the item id first");
  const std::int64_t id = *parse_id(rest[0]);
  nlohmann::json patch = nlohmann::json::object();
  if (patch_text) {
    patch = nlohmann::json::parse(*patch_text, nullptr, false);
    if (patch.is_discarded() || !patch.is_object()) return usage("edit", "--patch takes a JSON object");
  }
  for (std::size_t i = 1; i < rest.size(); ++i) {
    const std::string& a = rest[i];
    const auto eq = a.find('=');
    if (eq == std::string::npos || eq == 0) return usage("edit", "expected FIELD=TEXT or FIELD:=JSON, not " + a);
    if (a[eq - 1] == ':') {
      auto v = nlohmann::json::parse(a.substr(eq + 1), nullptr, false);
      if (v.is_discarded()) return usage("edit", a.substr(0, eq - 1) + ":= takes JSON");
      patch[a.substr(0, eq - 1)] = v;
    } else {
      patch[a.substr(0, eq)] = a.substr(eq + 1);
    }
  }
  if (patch.empty()) return usage("edit", "name at least one FIELD=TEXT to change");
  std::int64_t revision = 0;
  if (revision_text) {
    auto r = parse_id(*revision_text);
    if (!r) return usage("edit", "--revision takes a number");
    revision = *r;
  } else {
    // The seller typed this against what they see now: the current revision.
    auto current = box.get(id);
    if (!current) return store_failure("edit", current.error());
    revision = current->revision;
  }
  auto updated = box.update(id, revision, patch);
  if (!updated) return store_failure("edit", updated.error());
  if (json) {
    std::cout << json_line(host::stored_item_json(*updated)) << "\n";
  } else {
    std::vector<std::string> fields;
    for (auto f = patch.begin(); f != patch.end(); ++f) fields.push_back(f.key());
    std::cout << "item " << id << " is now at revision " << updated->revision << " (" << joined(fields) << ")\n";
  }
  return kOk;
}

// delete and restore: one id after another; the others still happen when one fails.
int trash(Args& args, host::BoxService& box, bool json, bool restore) {
  const std::string sub = restore ? "restore" : "delete";
  std::string error;
  auto rest = args.rest(error);
  if (!error.empty()) return usage(sub, error);
  if (rest.empty()) return usage(sub, "name at least one item id");
  int worst = kOk;
  for (const auto& a : rest) {
    auto id = parse_id(a);
    if (!id) return usage(sub, a + " is not an item id");
    const Status s = restore ? box.restore(*id) : box.remove(*id);
    if (!s) {
      worst = std::max(worst, store_failure(sub, s.error()));
      if (json) std::cout << json_line(Json{{"id", *id}, {"ok", false}, {"error", s.error().message}}) << "\n";
      continue;
    }
    if (json)
      std::cout << json_line(Json{{"id", *id}, {"ok", true}}) << "\n";
    else
      std::cout << "item " << *id << (restore ? " is back in the box\n" : " is in the trash (`caiji box restore " + a + "` brings it back)\n");
  }
  return worst;
}

int tag(Args& args, host::BoxService& box, bool json) {
  std::string error;
  auto add = args.options("add", error);
  auto remove = args.options("remove", error);
  auto rest = args.rest(error);
  if (!error.empty()) return usage("tag", error);
  if (rest.empty() || !parse_id(rest[0])) return usage("tag", "name the item id first");
  add.insert(add.end(), rest.begin() + 1, rest.end());
  if (add.empty() && remove.empty()) return usage("tag", "name tags to add or --remove");
  for (const auto& t : add)
    if (t.empty()) return usage("tag", "a tag cannot be empty");
  const std::int64_t id = *parse_id(rest[0]);
  auto tags = box.tag(id, add, remove);
  if (!tags) return store_failure("tag", tags.error());
  if (json)
    std::cout << json_line(Json{{"id", id}, {"tags", *tags}}) << "\n";
  else
    std::cout << "item " << id << " tags: " << (tags->empty() ? "(none)" : joined(*tags)) << "\n";
  return kOk;
}

}  // namespace

int run_box(Args args) {
  std::string error;
  const bool help = args.flag("help");
  auto db = args.option("db", error);
  const bool json = args.flag("json");
  // Sub-command options stay in place for the sub-command; only the verb is taken here.
  std::string probe;
  auto rest = args.rest(probe);
  if (help) {
    std::cout << kHelp;
    return kOk;
  }
  if (!error.empty()) return usage("", error);
  if (rest.empty() || rest[0].rfind("--", 0) == 0) return usage("", "name a command");
  const std::string sub = rest[0];
  std::vector<std::string> sub_args;
  bool verb_taken = false;
  for (auto& a : rest) {
    if (!verb_taken && a == sub) {
      verb_taken = true;
      continue;
    }
    sub_args.push_back(a);
  }
  Args sa(sub_args);
  static const std::vector<std::string> kSubs = {"list", "search", "show", "edit", "delete", "restore", "tag"};
  if (std::find(kSubs.begin(), kSubs.end(), sub) == kSubs.end()) return usage("", "unknown command " + sub);

  host::BoxService box(db ? *db : default_db_path(), [] { return now_rfc3339(); });
  if (auto opened = box.box(); !opened) {
    std::cerr << "caiji box " << sub << ": " << opened.error().message << "\n";
    return kStoreError;
  }
  if (sub == "list") return list(sa, box, json, false);
  if (sub == "search") return list(sa, box, json, true);
  if (sub == "show") return show(sa, box, json);
  if (sub == "edit") return edit(sa, box, json);
  if (sub == "delete") return trash(sa, box, json, false);
  if (sub == "restore") return trash(sa, box, json, true);
  return tag(sa, box, json);
}

}  // namespace caiji::cli
