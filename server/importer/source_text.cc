#include "importer/source_text.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "status/errors.h"
#include "text/vietnamese.h"

namespace sangkien::importer {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

absl::Status TooLarge(size_t size) {
  return MakeError(absl::StatusCode::kInvalidArgument, "IMPORT_TOO_LARGE",
                   absl::StrCat("the plan text is ", size, " bytes; at most ", kMaxImportBytes,
                                " bytes are accepted"),
                   absl::StrCat("Văn bản kế hoạch dài ", size, " byte; chỉ nhận tối đa ",
                                kMaxImportBytes, " byte"),
                   {FieldViolation{"text", "too large", "quá lớn"}});
}

absl::Status BadUtf8() {
  return MakeError(absl::StatusCode::kInvalidArgument, "INVALID_UTF8",
                   "the plan text is not valid UTF-8; save it as UTF-8 text and try again",
                   "Văn bản kế hoạch không phải UTF-8 hợp lệ; hãy lưu lại dưới dạng văn bản UTF-8 "
                   "rồi thử lại",
                   {FieldViolation{"text", "invalid UTF-8", "không phải UTF-8 hợp lệ"}});
}

// Files people upload by mistake instead of their text.
absl::Status CheckNotBinary(std::string_view raw) {
  struct Signature {
    std::string_view magic;
    std::string_view what;
  };
  static constexpr Signature kSignatures[] = {
      {"%PDF", "a PDF file"},
      {"PK\x03\x04", "a Word (.docx) or other zip file"},
      {"\xD0\xCF\x11\xE0", "a Word (.doc) file"},
      {"{\\rtf", "an RTF file"},
      {"\x89PNG", "an image"},
      {"\xFF\xD8\xFF", "an image"},
      {"GIF8", "an image"},
      {"\x7F"
       "ELF",
       "a program"},
  };
  for (const auto& sig : kSignatures) {
    if (raw.substr(0, sig.magic.size()) == sig.magic) {
      return NotAPlanError(
          absl::StrCat("this is ", std::string(sig.what),
                       ", not text: copy the plan's text and paste it"),
          "Đây không phải văn bản thuần: hãy sao chép nội dung kế hoạch rồi dán vào");
    }
  }
  std::string_view head = raw.substr(0, 8192);
  size_t control = 0;
  for (char ch : head) {
    auto b = static_cast<unsigned char>(ch);
    if (b == 0) {
      return NotAPlanError("this is binary data, not text",
                           "Đây là dữ liệu nhị phân, không phải văn bản");
    }
    if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v') ++control;
  }
  if (!head.empty() && control * 20 > head.size()) {
    return NotAPlanError("this is binary data, not text",
                         "Đây là dữ liệu nhị phân, không phải văn bản");
  }
  return absl::OkStatus();
}

// Decodes UTF-16 (after its BOM) to UTF-8; nullopt on unpaired surrogates.
std::optional<std::string> Utf16ToUtf8(std::string_view raw, bool little_endian) {
  std::string out;
  out.reserve(raw.size());
  auto unit_at = [&](size_t i) -> uint32_t {
    auto lo = static_cast<unsigned char>(raw[i]);
    auto hi = static_cast<unsigned char>(raw[i + 1]);
    return little_endian ? (hi << 8 | lo) : (lo << 8 | hi);
  };
  for (size_t i = 2; i + 1 < raw.size(); i += 2) {
    uint32_t c = unit_at(i);
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 3 >= raw.size()) return std::nullopt;
      uint32_t low = unit_at(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) return std::nullopt;
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      return std::nullopt;
    }
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
    if (error) return std::nullopt;
    out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

// Characters that carry nothing but break matching: BOMs inside the text
// (concatenated files), zero-width spaces and joiners, soft hyphens.
void RemoveInvisibles(std::string& s) {
  static constexpr std::string_view kInvisibles[] = {
      "\xEF\xBB\xBF",  // U+FEFF
      "\xE2\x80\x8B",  // U+200B
      "\xE2\x80\x8C",  // U+200C
      "\xE2\x80\x8D",  // U+200D
      "\xC2\xAD",      // U+00AD
  };
  for (std::string_view inv : kInvisibles) {
    size_t pos = 0;
    while ((pos = s.find(inv, pos)) != std::string::npos) s.erase(pos, inv.size());
  }
}

// Page numbers that PDF extraction leaves between the lines of a paragraph:
// "2", "- 2 -", "Trang 2".
bool IsPageNumber(std::string_view line) {
  std::string_view s = line;
  if (s.substr(0, 6) == "Trang ") s.remove_prefix(6);
  while (!s.empty() && (s.front() == '-' || s.front() == ' ')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '-' || s.back() == ' ')) s.remove_suffix(1);
  return !s.empty() && s.size() <= 3 &&
         std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

}  // namespace

absl::Status NotAPlanError(std::string_view why, std::string_view why_vi) {
  return MakeError(absl::StatusCode::kInvalidArgument, "IMPORT_NOT_A_PLAN",
                   absl::StrCat("the text is not recognisably a plan: ", std::string(why)),
                   absl::StrCat("Văn bản không phải là một kế hoạch: ", std::string(why_vi)),
                   {FieldViolation{"text", std::string(why), std::string(why_vi)}});
}

absl::StatusOr<std::vector<SourceLine>> ReadSourceLines(std::string_view raw) {
  if (raw.size() > kMaxImportBytes) return TooLarge(raw.size());
  std::string decoded;
  if (raw.size() >= 2 && (raw.substr(0, 2) == "\xFF\xFE" || raw.substr(0, 2) == "\xFE\xFF")) {
    auto utf8 = Utf16ToUtf8(raw, raw[0] == '\xFF');
    if (!utf8) return BadUtf8();
    decoded = std::move(*utf8);
  } else {
    if (absl::Status s = CheckNotBinary(raw); !s.ok()) return s;
    decoded.assign(raw);
  }
  if (std::string_view(decoded).substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    decoded.erase(0, kUtf8Bom.size());
  }
  if (!text::IsValidUtf8(decoded)) return BadUtf8();
  RemoveInvisibles(decoded);
  std::string nfc = text::ToNfc(decoded);

  std::vector<SourceLine> lines;
  size_t pos = 0;
  int number = 1;
  while (pos <= nfc.size()) {
    size_t end = nfc.find_first_of("\r\n", pos);
    if (end == std::string::npos) end = nfc.size();
    std::string line = nfc.substr(pos, end - pos);
    SourceLine out;
    if (line.find('\t') != std::string::npos) {
      size_t start = 0;
      for (size_t tab = line.find('\t'); start <= line.size(); tab = line.find('\t', start)) {
        if (tab == std::string::npos) tab = line.size();
        out.cells.push_back(text::CollapseWhitespace(line.substr(start, tab - start)));
        start = tab + 1;
      }
    }
    std::replace_if(
        line.begin(), line.end(), [](char ch) { return ch == '\f' || ch == '\v' || ch == '\t'; },
        ' ');
    out.number = number++;
    out.text = text::CollapseWhitespace(line);
    if (IsPageNumber(out.text)) {
      out.text.clear();
      out.page_number = true;
    }
    lines.push_back(std::move(out));
    if (end == nfc.size()) break;
    pos = end + ((nfc[end] == '\r' && end + 1 < nfc.size() && nfc[end + 1] == '\n') ? 2 : 1);
    if (pos == nfc.size()) break;  // a final line break does not start a line
  }
  return lines;
}

}  // namespace sangkien::importer
