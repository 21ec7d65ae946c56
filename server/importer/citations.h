// Citations of other documents ("Chương trình hành động số 36-CTr/HU ngày
// 18/4/2022 của Ban Thường vụ Huyện uỷ"), the symbols and dates they carry,
// and the check that one document is cited the same way everywhere.
#ifndef SANGKIEN_SERVER_IMPORTER_CITATIONS_H_
#define SANGKIEN_SERVER_IMPORTER_CITATIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "domain/plan.h"
#include "importer/paragraphs.h"
#include "importer/tokens.h"

namespace sangkien::importer {

struct Citation {
  domain::DocumentRef ref;  // symbol as written, kind, issuer, date, title
  std::string date_text;    // "18/4/2022" as written, empty when none
  int line = 0;             // input line of the symbol
  // Number, year in the symbol and type code: "36||ctr" for 36-CTr/HU and
  // 36-CTr/TU alike; "62|2020|nd" for 62/2020/NĐ-CP.
  std::string document_key;
  std::string suffix_key;  // what follows the type code, folded: "hu"
};

// A document symbol: starts with a digit, has a '/', has letters, and holds
// nothing but letters, digits, '/', '-' and '.'.
bool LooksLikeSymbol(std::string_view token);

// The document kind a symbol's type code names (KH, CTr, KL, NQ, QĐ, CT, NĐ),
// kUnspecified when it names none.
domain::DocumentKind KindFromSymbol(std::string_view symbol, FoldCache& folder);

// Parses "18/4/2022", "18-4-2022" or "18.4.2022"; nullopt unless a real date.
std::optional<absl::CivilDay> ParseNumericDate(std::string_view s);
std::optional<absl::CivilDay> MakeCivilDay(int year, int month, int day);

// Citations in one paragraph, in order.
std::vector<Citation> FindCitations(const Paragraph& paragraph, FoldCache& folder);

// A pair of citations that seem to name one document differently: the same
// number and type with another issuer code (36-CTr/HU, 36-CTr/TU) or the same
// symbol with another date. `later` is the one to flag.
struct CitationConflict {
  const Citation* earlier = nullptr;
  const Citation* later = nullptr;
};
std::vector<CitationConflict> FindConflicts(const std::vector<Citation>& citations,
                                            FoldCache& folder);

// How a citation reads in a message: "36-CTr/TU ngày 28/4/2022".
std::string DescribeCitation(const Citation& c);

}  // namespace sangkien::importer

#endif  // SANGKIEN_SERVER_IMPORTER_CITATIONS_H_
