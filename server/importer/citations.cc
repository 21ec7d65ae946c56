#include "importer/citations.h"

#include <algorithm>

#include "absl/strings/str_join.h"

namespace sangkien::importer {
namespace {

using domain::DocumentKind;

struct KindPhrase {
  std::initializer_list<std::string_view> words;
  DocumentKind kind;
};

// Longest first, so "chương trình hành động" wins over "chương trình".
const KindPhrase kKindPhrases[] = {
    {{"chuong", "trinh", "hanh", "dong"}, DocumentKind::kActionProgramme},
    {{"chuong", "trinh"}, DocumentKind::kActionProgramme},
    {{"ket", "luan"}, DocumentKind::kConclusion},
    {{"ke", "hoach"}, DocumentKind::kPlan},
    {{"nghi", "quyet"}, DocumentKind::kResolution},
    {{"quyet", "dinh"}, DocumentKind::kDecision},
    {{"chi", "thi"}, DocumentKind::kDirective},
    {{"nghi", "dinh"}, DocumentKind::kDecree},
    {{"thong", "tu"}, DocumentKind::kOther},
    {{"cong", "van"}, DocumentKind::kOther},
    {{"huong", "dan"}, DocumentKind::kOther},
    {{"quy", "dinh"}, DocumentKind::kOther},
    {{"thong", "bao"}, DocumentKind::kOther},
    {{"thong", "tri"}, DocumentKind::kOther},
    {{"bao", "cao"}, DocumentKind::kOther},
    {{"de", "an"}, DocumentKind::kOther},
    {{"van", "ban"}, DocumentKind::kOther},
    {{"quy", "che"}, DocumentKind::kOther},
    {{"luat"}, DocumentKind::kOther},
};

// The kind phrase that ends just before token `end`, if any.
std::optional<DocumentKind> KindPhraseBefore(const std::vector<Token>& tokens, size_t end) {
  for (const KindPhrase& p : kKindPhrases) {
    if (end < p.words.size()) continue;
    if (KeysAt(tokens, end - p.words.size(), p.words)) return p.kind;
  }
  return std::nullopt;
}

bool IsAsciiDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct SymbolParts {
  std::string number;
  std::string year;
  std::string code;    // folded
  std::string suffix;  // folded
};

SymbolParts SplitSymbol(std::string_view symbol, FoldCache& folder) {
  std::vector<std::string_view> segs = SplitAny(symbol, "/-", /*skip_empty=*/true);
  SymbolParts parts;
  size_t i = 0;
  if (i < segs.size()) parts.number = std::string(segs[i++]);
  if (i < segs.size() && segs[i].size() == 4 && IsAsciiDigits(segs[i])) {
    parts.year = std::string(segs[i++]);
  }
  if (i < segs.size()) parts.code = folder.Fold(segs[i++]);
  std::vector<std::string> rest;
  for (; i < segs.size(); ++i) rest.push_back(folder.Fold(segs[i]));
  parts.suffix = absl::StrJoin(rest, "-");
  return parts;
}

// Words that end an issuer: "của Ban Thường vụ Huyện uỷ thực hiện …".
bool EndsIssuer(const std::vector<Token>& tokens, size_t i) {
  const Token& t = tokens[i];
  if (!t.word) return t.key != "&";
  static constexpr std::string_view kStops[] = {"ve",   "va",  "tai", "de",  "nham", "theo",
                                                "ngay", "sau", "so",  "cua", "ky",   "nhiem"};
  if (std::find(std::begin(kStops), std::end(kStops), t.key) != std::end(kStops)) return true;
  return KeysAt(tokens, i, {"thuc", "hien"}) || KeysAt(tokens, i, {"ban", "hanh"}) ||
         KeysAt(tokens, i, {"trien", "khai"}) || KeysAt(tokens, i, {"quy", "dinh"}) ||
         KeysAt(tokens, i, {"huong", "dan"}) || KeysAt(tokens, i, {"chi", "dao"}) ||
         KeysAt(tokens, i, {"giai", "doan"}) || KeysAt(tokens, i, {"phe", "duyet"}) ||
         KeysAt(tokens, i, {"sua", "doi"}) || KeysAt(tokens, i, {"bo", "sung"}) ||
         KeysAt(tokens, i, {"tang", "cuong"}) || KeysAt(tokens, i, {"tiep", "tuc"}) ||
         KeysAt(tokens, i, {"day", "manh"});
}

// "ngày 18/4/2022" or "ngày 18 tháng 4 năm 2022" starting at token `i`
// (the token after "ngày"). Advances `i` past it.
std::optional<absl::CivilDay> DateAt(std::string_view text, const std::vector<Token>& tokens,
                                     size_t* i, std::string* written) {
  size_t k = *i;
  if (k >= tokens.size()) return std::nullopt;
  std::string_view first = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
  if (auto d = ParseNumericDate(first)) {
    *written = std::string(first);
    *i = k + 1;
    return d;
  }
  int day = 0;
  int month = 0;
  int year = 0;
  if (k + 4 < tokens.size() && ParseDecimal(tokens[k].key, &day) && tokens[k + 1].key == "thang" &&
      ParseDecimal(tokens[k + 2].key, &month) && tokens[k + 3].key == "nam" &&
      ParseDecimal(tokens[k + 4].key, &year)) {
    if (auto d = MakeCivilDay(year, month, day)) {
      *written = std::string(text.substr(tokens[k].begin, tokens[k + 4].end - tokens[k].begin));
      *i = k + 5;
      return d;
    }
  }
  return std::nullopt;
}

}  // namespace

bool LooksLikeSymbol(std::string_view token) {
  if (token.empty() || token[0] < '0' || token[0] > '9') return false;
  bool slash = false;
  bool letter = false;
  for (size_t i = 0; i < token.size(); ++i) {
    auto c = static_cast<unsigned char>(token[i]);
    if (c == '/') {
      slash = true;
    } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80) {
      letter = true;  // "NĐ", "QĐ" bring non-ASCII letters
    } else if (!(c >= '0' && c <= '9') && c != '-' && c != '.') {
      return false;
    }
  }
  return slash && letter;
}

DocumentKind KindFromSymbol(std::string_view symbol, FoldCache& folder) {
  std::string code = SplitSymbol(symbol, folder).code;
  if (code == "kh") return DocumentKind::kPlan;
  if (code == "ctr") return DocumentKind::kActionProgramme;
  if (code == "kl") return DocumentKind::kConclusion;
  if (code == "nq") return DocumentKind::kResolution;
  if (code == "qd") return DocumentKind::kDecision;
  if (code == "ct") return DocumentKind::kDirective;
  if (code == "nd") return DocumentKind::kDecree;
  return DocumentKind::kUnspecified;
}

std::optional<absl::CivilDay> MakeCivilDay(int year, int month, int day) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  absl::CivilDay d(year, month, day);
  if (d.year() != year || d.month() != month || d.day() != day) return std::nullopt;
  return d;
}

std::optional<absl::CivilDay> ParseNumericDate(std::string_view s) {
  std::vector<std::string_view> parts = SplitAny(s, "/-.", /*skip_empty=*/false);
  if (parts.size() != 3) return std::nullopt;
  int day = 0;
  int month = 0;
  int year = 0;
  if (!IsAsciiDigits(parts[0]) || !IsAsciiDigits(parts[1]) || !IsAsciiDigits(parts[2]) ||
      parts[2].size() != 4 || !ParseDecimal(parts[0], &day) || !ParseDecimal(parts[1], &month) ||
      !ParseDecimal(parts[2], &year)) {
    return std::nullopt;
  }
  return MakeCivilDay(year, month, day);
}

std::vector<Citation> FindCitations(const Paragraph& paragraph, FoldCache& folder) {
  std::vector<Citation> out;
  std::string_view text = paragraph.text;
  std::vector<Token> tokens = Tokenize(text, folder);
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& tok = tokens[k];
    std::string_view written = text.substr(tok.begin, tok.end - tok.begin);
    if (!tok.word || !LooksLikeSymbol(written)) continue;
    size_t phrase_end = k;
    bool numbered = false;  // "số 36-CTr/HU"
    if (k >= 1 && tokens[k - 1].key == "so") {
      phrase_end = k - 1;
      numbered = true;
    } else if (k >= 2 && tokens[k - 1].key == ":" && tokens[k - 2].key == "so") {
      phrase_end = k - 2;
      numbered = true;
    }
    std::optional<DocumentKind> phrase_kind = KindPhraseBefore(tokens, phrase_end);
    if (!numbered && !phrase_kind) continue;

    Citation c;
    c.ref.symbol = std::string(TrimChars(written, "."));
    DocumentKind kind = KindFromSymbol(c.ref.symbol, folder);
    if (kind == DocumentKind::kUnspecified) kind = phrase_kind.value_or(DocumentKind::kOther);
    c.ref.kind = kind;
    c.line = paragraph.LineAt(tok.begin);
    SymbolParts parts = SplitSymbol(c.ref.symbol, folder);
    c.document_key = parts.number + "|" + parts.year + "|" + parts.code;
    c.suffix_key = parts.suffix;

    size_t i = k + 1;
    for (int round = 0; round < 3 && i < tokens.size(); ++round) {
      if (tokens[i].key == "ngay" && !c.ref.issue_date) {
        size_t j = i + 1;
        auto date = DateAt(text, tokens, &j, &c.date_text);
        if (!date) break;
        c.ref.issue_date = date;
        i = j;
      } else if (tokens[i].key == "cua" && c.ref.issuer.empty()) {
        size_t j = i + 1;
        while (j < tokens.size() && j < i + 11 && !EndsIssuer(tokens, j)) ++j;
        if (j == i + 1) break;
        c.ref.issuer = std::string(TokenSpan(text, tokens, i + 1, j - 1));
        i = j;
      } else {
        break;
      }
    }
    if (i < tokens.size() && tokens[i].key == "ve") {
      // The cited document's subject: "về chủ trương khuyến khích …", up to
      // a parenthesis, a semicolon or the end of the sentence.
      size_t j = i + 1;
      while (j < tokens.size() && j < i + 60) {
        const std::string& key = tokens[j].key;
        if (key == "(" || key == ")" || key == ";" || key == ":") break;
        // ", UBND huyện ban hành …": the subject ended at the comma.
        if ((key == "." || key == ",") && (j + 1 == tokens.size() || tokens[j + 1].upper_start)) {
          break;
        }
        if (tokens[j].word &&
            LooksLikeSymbol(text.substr(tokens[j].begin, tokens[j].end - tokens[j].begin))) {
          break;
        }
        ++j;
      }
      // Stop before a following citation's kind words ("… và Chương trình").
      while (j > i + 1 && !tokens[j - 1].word) --j;
      if (j > i + 1)
        c.ref.title = std::string(TrimChars(TokenSpan(text, tokens, i + 1, j - 1), ",."));
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<CitationConflict> FindConflicts(const std::vector<Citation>& citations,
                                            FoldCache& folder) {
  std::vector<CitationConflict> out;
  auto same_symbol = [&](const Citation& a, const Citation& b) {
    return folder.Fold(a.ref.symbol) == folder.Fold(b.ref.symbol);
  };
  auto dates_differ = [](const Citation& a, const Citation& b) {
    return a.ref.issue_date && b.ref.issue_date && *a.ref.issue_date != *b.ref.issue_date;
  };
  for (size_t j = 0; j < citations.size(); ++j) {
    const Citation& later = citations[j];
    bool seen_before = false;
    const Citation* conflict = nullptr;
    for (size_t i = 0; i < j; ++i) {
      const Citation& earlier = citations[i];
      if (earlier.document_key != later.document_key) continue;
      if (same_symbol(earlier, later)) {
        if (!dates_differ(earlier, later)) {
          seen_before = true;
          break;
        }
      } else {
        // Another issuer code may be another document: two known, different
        // issuers, or different years, say so.
        bool issuers_differ = !earlier.ref.issuer.empty() && !later.ref.issuer.empty() &&
                              folder.Fold(earlier.ref.issuer) != folder.Fold(later.ref.issuer);
        bool years_differ = earlier.ref.issue_date && later.ref.issue_date &&
                            earlier.ref.issue_date->year() != later.ref.issue_date->year();
        if (issuers_differ || years_differ) continue;
      }
      // Name the most telling earlier citation: one with a date.
      if (!conflict || (!conflict->ref.issue_date && earlier.ref.issue_date)) conflict = &earlier;
    }
    if (!seen_before && conflict) out.push_back(CitationConflict{conflict, &later});
  }
  return out;
}

std::string DescribeCitation(const Citation& c) {
  if (c.date_text.empty()) return c.ref.symbol;
  return c.ref.symbol + " ngày " + c.date_text;
}

}  // namespace sangkien::importer
