#pragma once
// Saved and fetched pages arrive as bytes in the site's encoding; the parser reads UTF-8.
// Many Chinese pages are GBK/GB18030, and some declare GBK but hold UTF-8 (re-saved pages), so
// the bytes decide when they are valid UTF-8, and the declaration only when they are not.

#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace caiji::ingest {

// The charset a page declares: a BOM, then <meta charset> or http-equiv Content-Type in the
// first 4 KiB, then the HTTP Content-Type header when given. Lower-case, "" when none.
std::string declared_charset(std::string_view bytes, std::string_view content_type = {});

// The page as UTF-8. Invalid sequences that survive are left for the parser to replace.
Result<std::string> to_utf8(std::string_view bytes, std::string_view content_type = {});

}  // namespace caiji::ingest
