#include "core/ingest/charset.hpp"

#include <iconv.h>

#include <cctype>
#include <cerrno>
#include <memory>

#include "core/util/text.hpp"

namespace caiji::ingest {

namespace {

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

std::string charset_after(std::string_view s, std::size_t pos) {
  pos += 7;  // "charset"
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '=' || s[pos] == '"' || s[pos] == '\'')) ++pos;
  std::size_t end = pos;
  while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '-' || s[end] == '_')) ++end;
  return to_lower_ascii(s.substr(pos, end - pos));
}

std::string find_charset(std::string_view text) {
  std::string lower = to_lower_ascii(text);
  std::size_t pos = lower.find("charset");
  return pos == std::string::npos ? std::string() : charset_after(lower, pos);
}

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

}  // namespace

std::string declared_charset(std::string_view bytes, std::string_view content_type) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) return "utf-8";
  if (std::string c = find_charset(bytes.substr(0, 4096)); !c.empty()) return c;
  return find_charset(content_type);
}

Result<std::string> to_utf8(std::string_view bytes, std::string_view content_type) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (is_valid_utf8(bytes)) return std::string(bytes);
  std::string cs = declared_charset(bytes, content_type);
  // GB2312 and GBK pages are read as GB18030, their superset, so no character is lost.
  if (cs == "gbk" || cs == "gb2312" || cs == "gb18030" || cs == "x-gbk") cs = "GB18030";
  else if (cs == "big5") cs = "BIG5";
  else if (cs == "shift_jis" || cs == "sjis") cs = "SHIFT_JIS";
  else if (cs == "euc-jp") cs = "EUC-JP";
  else if (cs == "euc-kr") cs = "EUC-KR";
  else if (cs == "iso-8859-1" || cs == "latin1" || cs == "windows-1252") cs = "WINDOWS-1252";
  else return std::string(bytes);  // unknown or UTF-8 with errors: the parser replaces bad bytes

  iconv_t raw = iconv_open("UTF-8", cs.c_str());
  if (raw == reinterpret_cast<iconv_t>(-1))
    return make_error(ErrorCode::unsupported, "this system cannot decode the page's charset " + cs);
  std::unique_ptr<void, IconvCloser> cd(raw);
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t written = 0;
  while (in_left > 0) {
    char* dst = out.data() + written;
    std::size_t out_left = out.size() - written;
    std::size_t r = iconv(raw, &in, &in_left, &dst, &out_left);
    written = out.size() - out_left;
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else {
      // An undecodable byte: write U+FFFD and go on, as a browser does.
      if (out.size() - written < 3) out.resize(out.size() * 2);
      out.replace(written, 3, "\xEF\xBF\xBD");
      written += 3;
      ++in;
      --in_left;
    }
  }
  out.resize(written);
  return out;
}

}  // namespace caiji::ingest
