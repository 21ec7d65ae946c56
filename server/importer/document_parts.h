// The parts of an administrative document around its numbered body: the
// header (issuer, "Số: 58/KH-UBND", "Tân Lập, ngày 05 tháng 3 năm 2023"), the
// kind line and title ("KẾ HOẠCH" + its subject), and the closing ("Nơi
// nhận:" and the signature block, in either order).
#ifndef SANGKIEN_SERVER_IMPORTER_DOCUMENT_PARTS_H_
#define SANGKIEN_SERVER_IMPORTER_DOCUMENT_PARTS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "domain/plan.h"
#include "importer/paragraphs.h"
#include "importer/source_text.h"
#include "importer/tokens.h"

namespace sangkien::importer {

struct KindLine {
  size_t index = 0;  // into the lines
  domain::DocumentKind kind = domain::DocumentKind::kUnspecified;
  std::string rest;  // text after the kind words on the same line
};

// The line naming the document type ("KẾ HOẠCH"), upper-case, near the top;
// failing that, a line that starts with "Kế hoạch" among the first few.
std::optional<KindLine> FindKindLine(const std::vector<SourceLine>& lines, FoldCache& folder);

struct HeaderInfo {
  std::string issuer;  // "UBND HUYỆN TÂN LẬP"
  std::string symbol;  // "58/KH-UBND"
  std::string place;   // "Tân Lập"
  std::optional<absl::CivilDay> issue_date;
};

// Reads lines [begin, end) as a header, skipping the national motto.
HeaderInfo ParseHeader(const std::vector<SourceLine>& lines, size_t begin, size_t end,
                       FoldCache& folder);

// The title: from the kind line's remainder and the lines after it up to the
// preamble. Returns the index of the first line after the title.
size_t ReadTitle(const std::vector<SourceLine>& lines, const KindLine& kind,
                 const LayoutHints& hints, FoldCache& folder, Paragraph* title);

// The line starts like a preamble ("Thực hiện", "Căn cứ", "Triển khai" …).
bool StartsPreamble(std::string_view line, FoldCache& folder);

// Where the closing starts: "Nơi nhận:", "TM. …", "KT. …", a bare position
// ("CHỦ TỊCH"), or the line after one that ends with "./.". lines.size() when
// there is none.
size_t FindClosingStart(const std::vector<SourceLine>& lines, size_t from, FoldCache& folder);

struct ClosingInfo {
  domain::Signer signer;
  std::vector<std::string> recipients;
};

ClosingInfo ParseClosing(const std::vector<SourceLine>& lines, size_t begin, size_t end,
                         FoldCache& folder);

}  // namespace sangkien::importer

#endif  // SANGKIEN_SERVER_IMPORTER_DOCUMENT_PARTS_H_
