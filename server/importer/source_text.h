// Turns the bytes a user pasted or uploaded into clean lines: size and
// encoding checks, BOM, CRLF/CR, NFC, whitespace (PDF text is full of stray
// spaces, NBSP and page numbers). Line numbers stay those of the input so that
// warnings point at what the author sees in an editor.
#ifndef SANGKIEN_SERVER_IMPORTER_SOURCE_TEXT_H_
#define SANGKIEN_SERVER_IMPORTER_SOURCE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace sangkien::importer {

// Larger inputs are refused (IMPORT_TOO_LARGE): a plan is tens of kilobytes.
inline constexpr size_t kMaxImportBytes = 2 * 1024 * 1024;

struct SourceLine {
  std::string text;  // NFC, whitespace collapsed and trimmed; empty when blank
  int number = 0;    // 1-based line in the input
  // A page number PDF extraction left between two lines of a paragraph; its
  // text is cleared and the blank lines around it mean nothing.
  bool page_number = false;
  // The tab-separated cells of a table row copied from Word, each collapsed;
  // empty for a line without tabs.
  std::vector<std::string> cells;
  bool blank() const { return text.empty(); }
};

// Fails with IMPORT_TOO_LARGE, IMPORT_NOT_A_PLAN (binary data such as a PDF
// or Word file itself) or INVALID_UTF8. UTF-16 text with a byte-order mark
// (what Notepad calls "Unicode") is accepted.
absl::StatusOr<std::vector<SourceLine>> ReadSourceLines(std::string_view raw);

// INVALID_ARGUMENT with reason IMPORT_NOT_A_PLAN.
absl::Status NotAPlanError(std::string_view why, std::string_view why_vi);

}  // namespace sangkien::importer

#endif  // SANGKIEN_SERVER_IMPORTER_SOURCE_TEXT_H_
