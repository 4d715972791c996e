#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caiji::cli {

// A plain text table sized for a terminal: CJK characters take two columns, long cells are cut
// with an ellipsis at `max_width` columns.
std::string format_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                         std::size_t max_width = 48);

std::size_t display_width(std::string_view s);

}  // namespace caiji::cli
