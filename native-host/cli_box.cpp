// caiji box list|show : look into the collection box.

#include <iostream>

#include "cli.hpp"
#include "core/item/item_json.hpp"
#include "core/store/store.hpp"
#include "table.hpp"

namespace caiji::cli {

namespace {

constexpr const char* kHelp = R"(usage: caiji box list [--platform P] [--limit N] [--after ID] [--json] [--db PATH]
       caiji box show ID [--json] [--db PATH]

  list   the items in the box, newest first
  show   one item in full (JSON)
)";

std::string price_text(const Item& item) {
  if (!item.price) return "-";
  std::string p = item.price->min == item.price->max ? item.price->min : item.price->min + "-" + item.price->max;
  return item.currency.empty() ? p : item.currency + " " + p;
}

nlohmann::ordered_json stored_json(const store::StoredItem& s) {
  nlohmann::ordered_json j;
  j["id"] = s.id;
  j["revision"] = s.revision;
  j["createdAt"] = s.created_at;
  j["updatedAt"] = s.updated_at;
  j["item"] = item_to_json(s.item);
  return j;
}

int list(Args& args, store::Store& box) {
  std::string error;
  auto platform = args.option("platform", error);
  auto limit = args.option("limit", error);
  auto after = args.option("after", error);
  bool json = args.flag("json");
  args.rest(error);
  store::ListQuery q;
  q.platform = platform.value_or("");
  try {
    if (limit) q.limit = static_cast<std::size_t>(std::stoul(*limit));
    if (after) q.after_id = std::stoll(*after);
  } catch (const std::exception&) {
    error = "--limit and --after take numbers";
  }
  if (!error.empty()) {
    std::cerr << "caiji box list: " << error << "\n" << kHelp;
    return kUsage;
  }
  auto page = box.list(q);
  if (!page) {
    std::cerr << "caiji box list: " << page.error().message << "\n";
    return kStoreError;
  }
  if (json) {
    nlohmann::ordered_json out;
    out["items"] = nlohmann::ordered_json::array();
    for (const auto& s : page->items) out["items"].push_back(stored_json(s));
    if (page->next_after_id) out["nextAfter"] = page->next_after_id;
    std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return kOk;
  }
  auto total = box.count();
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : page->items) {
    const Item& it = s.item;
    rows.push_back({std::to_string(s.id), it.source.platform, it.title, price_text(it),
                    std::to_string(it.variants.size()), std::to_string(it.images.main.size()),
                    std::to_string(it.warnings.size()), s.updated_at});
  }
  std::cout << format_table({"ID", "PLATFORM", "TITLE", "PRICE", "VARIANTS", "IMAGES", "WARNINGS", "UPDATED"}, rows);
  std::cout << (total ? std::to_string(*total) : std::string("?")) << " item(s) in the box";
  if (page->next_after_id) std::cout << "; more with --after " << page->next_after_id;
  std::cout << "\n";
  return kOk;
}

int show(Args& args, store::Store& box) {
  std::string error;
  bool json = args.flag("json");
  auto rest = args.rest(error);
  std::int64_t id = 0;
  try {
    if (rest.size() == 1) id = std::stoll(rest[0]);
  } catch (const std::exception&) {
  }
  if (!error.empty() || id <= 0) {
    std::cerr << "caiji box show: name one item id\n" << kHelp;
    return kUsage;
  }
  auto s = box.get(id);
  if (!s) {
    std::cerr << "caiji box show: " << s.error().message << "\n";
    return s.error().code == ErrorCode::not_found ? kSomeFailed : kStoreError;
  }
  std::cout << stored_json(*s).dump(json ? -1 : 2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  return kOk;
}

}  // namespace

int run_box(Args args) {
  std::string error;
  auto db = args.option("db", error);
  auto rest = args.rest(error);
  if (args.flag("help") || rest.empty()) {
    std::cout << kHelp;
    return rest.empty() ? kUsage : kOk;
  }
  std::string sub = rest[0];
  std::vector<std::string> sub_args(rest.begin() + 1, rest.end());
  Args sa(sub_args);
  if (sub != "list" && sub != "show") {
    std::cerr << "caiji box: unknown command " << sub << "\n" << kHelp;
    return kUsage;
  }
  auto box = store::open_sqlite_store(db ? *db : default_db_path());
  if (!box) {
    std::cerr << "caiji box: " << box.error().message << "\n";
    return kStoreError;
  }
  return sub == "list" ? list(sa, **box) : show(sa, **box);
}

}  // namespace caiji::cli
