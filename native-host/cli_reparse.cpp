// caiji reparse : re-read every stored page with today's extractors. When an extractor learns a
// new page layout, items collected before it get the fields it now finds.

#include <iostream>

#include "box_service.hpp"
#include "cli.hpp"
#include "core/extract/extract.hpp"
#include "core/item/item_json.hpp"
#include "table.hpp"

namespace caiji::cli {

namespace {

constexpr const char* kHelp = R"(usage: caiji reparse [--db PATH] [--dry-run] [--json]

Re-runs today's parser over every page kept in the box and updates the items it reads
differently. Fields you edited keep your value.

  --db PATH   the box (default: the per-user data directory; see `caiji doctor`)
  --dry-run   show which items would change, change nothing
  --json      one JSON line per item, then a summary line

Exit status: 0 every page re-read, 1 some pages could not be re-read, 3 the box failed.
)";

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

int run_reparse(Args args) {
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  std::string error;
  auto db = args.option("db", error);
  const bool dry_run = args.flag("dry-run");
  const bool json = args.flag("json");
  auto rest = args.rest(error);
  if (error.empty() && !rest.empty()) error = "unexpected argument " + rest[0];
  if (!error.empty()) {
    std::cerr << "caiji reparse: " << error << "\n" << kHelp;
    return kUsage;
  }
  auto opened = store::open_sqlite_store(db ? *db : default_db_path());
  if (!opened) {
    std::cerr << "caiji reparse: " << opened.error().message << "\n";
    return kStoreError;
  }
  store::Store& box = **opened;
  const extract::Registry registry = extract::Registry::with_defaults();
  const std::string now = now_rfc3339();

  int updated = 0, unchanged = 0, failed = 0;
  std::vector<std::vector<std::string>> rows;
  auto report = [&](std::int64_t id, const std::string& result, const std::string& detail) {
    if (json)
      std::cout << json_line(nlohmann::ordered_json{{"id", id}, {"result", result}, {"detail", detail}}) << "\n";
    else
      rows.push_back({std::to_string(id), result, detail});
  };

  Status walked = box.each_snapshot([&](const store::Snapshot& snap) -> Status {
    auto stored = box.get(snap.item_id);
    if (!stored) return stored.error();
    extract::PageInput input;
    input.html = snap.html;
    input.url = snap.url;
    input.collected_at = snap.collected_at;  // the page is as old as it was; only the reading is new
    input.via = stored->item.provenance.via.empty() ? "page" : stored->item.provenance.via;
    auto extraction = extract::extract_page(input, registry);
    if (!extraction) {
      ++failed;
      report(snap.item_id, "failed", extraction.error().message);
      return {};
    }
    if (!extraction->item) {
      ++failed;
      report(snap.item_id, "failed", "now reads as a " + std::string(extract::to_string(extraction->verdict.kind)) +
                                         " page: " + extraction->verdict.message);
      return {};
    }
    const auto fields = host::differing_fields(item_to_json(stored->item), item_to_json(*extraction->item));
    if (dry_run) {
      (fields.empty() ? unchanged : updated)++;
      report(snap.item_id, fields.empty() ? "unchanged" : "would update", joined(fields));
      return {};
    }
    auto saved = box.save_reparsed(snap.item_id, *extraction->item, now);
    if (!saved) {
      if (saved.error().code == ErrorCode::conflict) {
        ++failed;
        report(snap.item_id, "failed", saved.error().message);
        return {};
      }
      return saved.error();
    }
    const bool changed = saved->outcome != store::Outcome::unchanged;
    (changed ? updated : unchanged)++;
    report(snap.item_id, changed ? "updated" : "unchanged", changed ? joined(fields) : "");
    return {};
  });

  if (json) {
    std::cout << json_line(nlohmann::ordered_json{
                     {"summary", true}, {"updated", updated}, {"unchanged", unchanged}, {"failed", failed}, {"dryRun", dry_run}})
              << "\n";
  } else {
    if (!rows.empty()) std::cout << format_table({"ID", "RESULT", "FIELDS"}, rows);
    std::cout << (updated + unchanged + failed) << " page(s) re-read: " << updated << (dry_run ? " would change, " : " updated, ")
              << unchanged << " unchanged, " << failed << " failed\n";
  }
  if (!walked) {
    std::cerr << "caiji reparse: " << walked.error().message << "\n";
    return kStoreError;
  }
  return failed ? kSomeFailed : kOk;
}

}  // namespace caiji::cli
