#include <chrono>
#include <cstdio>

#include "core/store/store.hpp"

namespace caiji::store {

std::string trash_cutoff(std::string_view now) {
  // Only the form the host writes ("2026-11-27T06:00:00Z"); anything else purges nothing, which
  // is the safe way to be wrong about a seller's deleted items.
  int y = 0;
  unsigned mo = 0, d = 0;
  int consumed = 0;
  const std::string text(now);
  if (std::sscanf(text.c_str(), "%4d-%2u-%2uT%n", &y, &mo, &d, &consumed) != 3 || consumed != 11) return "";
  const std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{mo}, std::chrono::day{d}};
  if (!day.ok()) return "";
  const std::chrono::year_month_day cutoff{std::chrono::sys_days{day} - std::chrono::days{kTrashDays}};
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(cutoff.year()),
                static_cast<unsigned>(cutoff.month()), static_cast<unsigned>(cutoff.day()));
  return date + text.substr(10);
}

}  // namespace caiji::store
