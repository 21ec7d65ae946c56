#include "importer/document_parts.h"

#include <algorithm>
#include <functional>

#include "absl/strings/str_join.h"
#include "importer/citations.h"

namespace sangkien::importer {
namespace {

using domain::DocumentKind;

struct TitleWord {
  std::initializer_list<std::string_view> words;
  DocumentKind kind;
};

const TitleWord kTitleWords[] = {
    {{"chuong", "trinh", "hanh", "dong"}, DocumentKind::kActionProgramme},
    {{"chuong", "trinh"}, DocumentKind::kActionProgramme},
    {{"ke", "hoach"}, DocumentKind::kPlan},
    {{"ket", "luan"}, DocumentKind::kConclusion},
    {{"nghi", "quyet"}, DocumentKind::kResolution},
    {{"quyet", "dinh"}, DocumentKind::kDecision},
    {{"chi", "thi"}, DocumentKind::kDirective},
    {{"nghi", "dinh"}, DocumentKind::kDecree},
    {{"de", "an"}, DocumentKind::kOther},
    {{"phuong", "an"}, DocumentKind::kOther},
};

// Matches `words` from token `i`, stepping over punctuation between them
// ("Độc lập - Tự do - Hạnh phúc"). Returns the token after the match or npos.
size_t MatchWordsLoosely(const std::vector<Token>& tokens, size_t i,
                         std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    while (i < tokens.size() && !tokens[i].word) ++i;
    if (i >= tokens.size() || tokens[i].key != w) return std::string::npos;
    ++i;
  }
  return i;
}

// Signature positions, folded.
bool IsPositionKeys(const std::vector<Token>& tokens, size_t from) {
  static const std::vector<std::vector<std::string_view>> kPositions = {
      {"chu", "tich"},
      {"pho", "chu", "tich"},
      {"bi", "thu"},
      {"pho", "bi", "thu"},
      {"truong", "ban"},
      {"pho", "truong", "ban"},
      {"giam", "doc"},
      {"pho", "giam", "doc"},
      {"truong", "phong"},
      {"pho", "truong", "phong"},
      {"chanh", "van", "phong"},
      {"pho", "chanh", "van", "phong"},
      {"chanh", "thanh", "tra"},
      {"pho", "chanh", "thanh", "tra"},
      {"truong", "doan"},
      {"thu", "truong"},
      {"bo", "truong"},
      {"thu", "tuong"},
      {"pho", "thu", "tuong"},
      {"cuc", "truong"},
      {"vu", "truong"},
      {"chi", "cuc", "truong"},
      {"truong", "cong", "an"},
      {"chi", "huy", "truong"}};
  size_t words = 0;
  for (size_t i = from; i < tokens.size(); ++i) words += tokens[i].word ? 1 : 0;
  for (const auto& p : kPositions) {
    if (p.size() != words) continue;
    size_t k = from;
    bool ok = true;
    for (std::string_view w : p) {
      while (k < tokens.size() && !tokens[k].word) ++k;
      if (k >= tokens.size() || tokens[k].key != w) {
        ok = false;
        break;
      }
      ++k;
    }
    if (ok) return true;
  }
  return false;
}

bool IsPositionLine(std::string_view line, FoldCache& folder) {
  if (!IsMostlyUpper(line)) return false;
  std::vector<Token> tokens = Tokenize(line, folder);
  size_t from = 0;
  // "Q. CHỦ TỊCH": acting.
  if (tokens.size() > 2 && tokens[0].key == "q" && tokens[1].key == ".") from = 2;
  return IsPositionKeys(tokens, from);
}

// "TM.", "KT.", "TL.", "TUQ." followed by upper-case text.
bool IsOnBehalfLine(std::string_view line) {
  for (std::string_view prefix : {"TM.", "KT.", "TL.", "TUQ.", "T/M", "K/T"}) {
    if (line.substr(0, prefix.size()) == prefix && IsMostlyUpper(line.substr(prefix.size()))) {
      return true;
    }
  }
  return false;
}

bool IsActingLine(std::string_view line) {
  return line.substr(0, 3) == "Q. " && IsMostlyUpper(line);
}

bool StartsWithKeys(std::string_view line, FoldCache& folder,
                    std::initializer_list<std::string_view> words) {
  std::vector<Token> tokens = Tokenize(line.substr(0, 80), folder);
  return KeysAt(tokens, 0, words);
}

// A person's name: two to seven capitalised words, nothing else.
bool LooksLikeName(std::string_view line) {
  std::vector<std::string_view> words = SplitAny(line, " ", /*skip_empty=*/true);
  if (words.size() < 2 || words.size() > 7) return false;
  for (std::string_view w : words) {
    if (!StartsUpper(w)) return false;
    for (char c : w) {
      if ((c >= '0' && c <= '9') || c == ':' || c == ';' || c == '(' || c == ',' || c == '/') {
        return false;
      }
    }
  }
  return true;
}

// Organisations that begin an issuer line ("UBND TỈNH X" above "SỞ NỘI VỤ":
// the second is the issuer).
bool StartsOrganisation(std::string_view text, FoldCache& folder) {
  std::vector<Token> t = Tokenize(text.substr(0, 60), folder);
  return KeysAt(t, 0, {"ubnd"}) || KeysAt(t, 0, {"uy", "ban"}) || KeysAt(t, 0, {"hdnd"}) ||
         KeysAt(t, 0, {"hoi", "dong"}) || KeysAt(t, 0, {"huyen", "uy"}) ||
         KeysAt(t, 0, {"tinh", "uy"}) || KeysAt(t, 0, {"thanh", "uy"}) ||
         KeysAt(t, 0, {"thi", "uy"}) || KeysAt(t, 0, {"dang", "uy"}) || KeysAt(t, 0, {"so"}) ||
         KeysAt(t, 0, {"phong"}) || KeysAt(t, 0, {"ban"}) || KeysAt(t, 0, {"trung", "tam"}) ||
         KeysAt(t, 0, {"chi", "cuc"}) || KeysAt(t, 0, {"cong", "an"}) ||
         KeysAt(t, 0, {"van", "phong"}) || KeysAt(t, 0, {"thanh", "tra"});
}

}  // namespace

std::optional<KindLine> FindKindLine(const std::vector<SourceLine>& lines, FoldCache& folder) {
  int seen = 0;
  std::optional<KindLine> fallback;
  for (size_t i = 0; i < lines.size() && seen < 40; ++i) {
    std::string_view text = lines[i].text;
    if (text.empty()) continue;
    ++seen;
    std::vector<Token> tokens = Tokenize(text.substr(0, 120), folder);
    for (const TitleWord& w : kTitleWords) {
      if (!KeysAt(tokens, 0, w.words)) continue;
      const Token& last = tokens[w.words.size() - 1];
      std::string_view kind_text = text.substr(0, last.end);
      std::string rest(TrimChars(text.substr(last.end), ":-"));
      if (IsMostlyUpper(kind_text)) return KindLine{i, w.kind, rest};
      // "Kế hoạch thực hiện …" typed as the first line of a pasted text.
      if (!fallback && seen <= 5 && !rest.empty() && !StartsUpper(rest)) {
        fallback = KindLine{i, w.kind, rest};
      }
      break;
    }
  }
  return fallback;
}

struct SymbolMatch {
  std::string symbol;  // "58/KH-UBND"
  size_t last;         // its last token
};

// "Số: 58/KH-UBND", also "Số: 58 /KH-UBND" from a PDF, with tokens[i] the
// "Số"; nullopt when what follows does not look like a document symbol.
std::optional<SymbolMatch> MatchSymbol(std::string_view text, const std::vector<Token>& tokens,
                                       size_t i) {
  size_t k = i + 1;
  if (k < tokens.size() && tokens[k].key == ":") ++k;
  if (k >= tokens.size()) return std::nullopt;
  size_t last = k;
  while (last + 1 < tokens.size() &&
         (tokens[last + 1].key == "/" || tokens[last].key == "/" || tokens[last + 1].key == "-" ||
          tokens[last].key == "-") &&
         tokens[last + 1].begin <= tokens[last].end + 1) {
    ++last;
  }
  std::string symbol;
  for (size_t s = k; s <= last; ++s) {
    symbol += text.substr(tokens[s].begin, tokens[s].end - tokens[s].begin);
  }
  if (!LooksLikeSymbol(symbol)) return std::nullopt;
  return SymbolMatch{std::move(symbol), last};
}

struct DateMatch {
  std::optional<absl::CivilDay> day;  // nullopt when day or month is left blank
  size_t end;                         // one past the date's last token
};

// "ngày 05 tháng 3 năm 2023" or "ngày 05/3/2023", with tokens[i] the
// "ngày"; day or month may be blank in a draft ("ngày    tháng 3 năm 2023").
// Nullopt when no year follows.
std::optional<DateMatch> MatchIssueDate(std::string_view text, const std::vector<Token>& tokens,
                                        size_t i) {
  size_t thang = std::string::npos;
  size_t nam = std::string::npos;
  for (size_t k = i + 1; k < tokens.size() && k < i + 8; ++k) {
    if (tokens[k].key == "thang" && thang == std::string::npos) thang = k;
    if (tokens[k].key == "nam" && thang != std::string::npos) {
      nam = k;
      break;
    }
  }
  int day = 0;
  int month = 0;
  int year = 0;
  size_t date_end = std::string::npos;
  if (thang != std::string::npos && nam != std::string::npos && nam + 1 < tokens.size() &&
      ParseDecimal(tokens[nam + 1].key, &year)) {
    if (thang == i + 2) (void)ParseDecimal(tokens[i + 1].key, &day);
    if (nam == thang + 2) (void)ParseDecimal(tokens[thang + 1].key, &month);
    date_end = nam + 2;
  } else if (i + 1 < tokens.size()) {
    std::string_view d = text.substr(tokens[i + 1].begin, tokens[i + 1].end - tokens[i + 1].begin);
    if (auto parsed = ParseNumericDate(d)) {
      day = parsed->day();
      month = parsed->month();
      year = static_cast<int>(parsed->year());
      date_end = i + 2;
    }
  }
  if (date_end == std::string::npos) return std::nullopt;
  return DateMatch{MakeCivilDay(year, month, day), date_end};
}

// What remains of a header line once the motto, symbol and date are used,
// upper-case, names the issuer; a fragment that starts an organisation
// replaces what was collected before it.
void CollectIssuerParts(std::string_view text, const std::vector<Token>& tokens,
                        const std::vector<bool>& used, FoldCache& folder,
                        std::vector<std::string>& issuer_parts) {
  size_t i = 0;
  while (i < tokens.size()) {
    if (used[i]) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < tokens.size() && !used[j]) ++j;
    std::string_view fragment = TrimChars(TokenSpan(text, tokens, i, j - 1), "-_,.:");
    if (IsMostlyUpper(fragment)) {
      if (!issuer_parts.empty() && StartsOrganisation(fragment, folder)) issuer_parts.clear();
      issuer_parts.emplace_back(fragment);
    }
    i = j;
  }
}

HeaderInfo ParseHeader(const std::vector<SourceLine>& lines, size_t begin, size_t end,
                       FoldCache& folder) {
  HeaderInfo info;
  std::vector<std::string> issuer_parts;
  for (size_t li = begin; li < end && li < lines.size(); ++li) {
    std::string_view text = lines[li].text;
    if (text.empty() || IsRuleLine(text)) continue;
    std::vector<Token> tokens = Tokenize(text, folder);
    std::vector<bool> used(tokens.size(), false);
    auto mark = [&](size_t from, size_t to) {
      for (size_t k = from; k < to && k < used.size(); ++k) used[k] = true;
    };
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (used[i] || !tokens[i].word) continue;
      size_t e =
          MatchWordsLoosely(tokens, i, {"cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"});
      if (e == std::string::npos) {
        e = MatchWordsLoosely(tokens, i, {"doc", "lap", "tu", "do", "hanh", "phuc"});
      }
      if (e != std::string::npos) {
        mark(i, e);
        i = e - 1;
        continue;
      }
      if (tokens[i].key == "so") {
        if (std::optional<SymbolMatch> m = MatchSymbol(text, tokens, i)) {
          if (info.symbol.empty()) info.symbol = m->symbol;
          mark(i, m->last + 1);
          i = m->last;
          continue;
        }
      }
      if (tokens[i].key == "ngay") {
        std::optional<DateMatch> date = MatchIssueDate(text, tokens, i);
        if (date) {
          const size_t date_end = date->end;
          if (!info.issue_date) info.issue_date = date->day;
          // The place is what precedes ", ngày" back to the last thing used.
          size_t start = i;
          while (start > 0 && !used[start - 1]) --start;
          size_t stop = i;
          while (stop > start && !tokens[stop - 1].word) --stop;
          if (stop > start && info.place.empty()) {
            info.place = std::string(TrimChars(TokenSpan(text, tokens, start, stop - 1), ",."));
          }
          mark(start, date_end);
          i = date_end - 1;
          continue;
        }
      }
    }
    CollectIssuerParts(text, tokens, used, folder, issuer_parts);
  }
  info.issuer = absl::StrJoin(issuer_parts, " ");
  return info;
}

bool StartsPreamble(std::string_view line, FoldCache& folder) {
  if (!StartsUpper(line)) return false;
  std::vector<Token> t = Tokenize(line.substr(0, 60), folder);
  if (KeysAt(t, 0, {"ngay"})) {
    return t.size() > 1 && !t[1].key.empty() && t[1].key[0] >= '0' && t[1].key[0] <= '9';
  }
  return KeysAt(t, 0, {"thuc", "hien"}) || KeysAt(t, 0, {"can", "cu"}) ||
         KeysAt(t, 0, {"trien", "khai"}) || KeysAt(t, 0, {"nham"}) || KeysAt(t, 0, {"de"}) ||
         KeysAt(t, 0, {"tren", "co", "so"}) || KeysAt(t, 0, {"thi", "hanh"}) ||
         KeysAt(t, 0, {"xet"}) || KeysAt(t, 0, {"theo"});
}

size_t ReadTitle(const std::vector<SourceLine>& lines, const KindLine& kind,
                 const LayoutHints& hints, FoldCache& folder, Paragraph* title) {
  std::vector<std::string> parts;
  *title = Paragraph();
  auto append = [&](std::string_view text, int line) {
    if (!title->text.empty()) title->text.push_back(' ');
    title->line_starts.emplace_back(title->text.size(), line);
    title->text += text;
    parts.emplace_back(text);
  };
  if (!kind.rest.empty()) append(kind.rest, lines[kind.index].number);
  const int break_blanks = hints.single_blank_breaks ? 1 : 2;
  int blank_run = 0;
  size_t i = kind.index + 1;
  // A title runs a few lines; more means the preamble was not recognised.
  constexpr size_t kMaxTitleLines = 8;
  for (; i < lines.size() && parts.size() < kMaxTitleLines; ++i) {
    std::string_view text = lines[i].text;
    if (text.empty()) {
      ++blank_run;
      continue;
    }
    if (IsRuleLine(text)) {
      if (!parts.empty()) {
        ++i;
        break;
      }
      continue;
    }
    MarkerKind marker = ParseMarker(text).kind;
    if (marker == MarkerKind::kRoman || marker == MarkerKind::kNumber) break;
    if (!parts.empty()) {
      if (blank_run >= break_blanks || hints.line_per_paragraph) break;
      if (StartsPreamble(text, folder)) break;
      if (EndsClause(parts.back()) && StartsUpper(text)) break;
    }
    append(text, lines[i].number);
    blank_run = 0;
  }
  return i;
}

size_t FindClosingStart(const std::vector<SourceLine>& lines, size_t from, FoldCache& folder) {
  std::string_view previous;
  for (size_t i = from; i < lines.size(); ++i) {
    std::string_view text = lines[i].text;
    if (text.empty()) continue;
    if (previous.size() >= 3 && previous.substr(previous.size() - 3) == "./.") return i;
    if (StartsWithKeys(text, folder, {"noi", "nhan"})) return i;
    if (IsOnBehalfLine(text) || IsActingLine(text) || IsPositionLine(text, folder)) return i;
    previous = text;
  }
  return lines.size();
}

ClosingInfo ParseClosing(const std::vector<SourceLine>& lines, size_t begin, size_t end,
                         FoldCache& folder) {
  ClosingInfo info;
  std::vector<std::string> on_behalf;
  bool in_recipients = false;
  bool position_seen = false;

  // Handles one line or the part of a line left after a recipient: in PDF
  // text the signature column is often glued to the "Nơi nhận" column.
  std::function<void(std::string_view)> take = [&](std::string_view s) {
    s = TrimChars(s, "");
    if (s.empty()) return;
    if (StartsWithKeys(s, folder, {"noi", "nhan"})) {
      in_recipients = true;
      size_t colon = s.find(':');
      if (colon == std::string_view::npos || colon > 20) {
        // "Nơi nhận" without a colon: drop the two words.
        std::vector<Token> t = Tokenize(s, folder);
        if (t.size() >= 2) take(s.substr(t[1].end));
        return;
      }
      std::string_view rest = TrimChars(s.substr(colon + 1), "");
      if (rest.empty()) return;
      if (IsOnBehalfLine(rest) || IsActingLine(rest) || IsPositionLine(rest, folder)) {
        take(rest);
        return;
      }
      // "Nơi nhận: Như trên; Lưu: VT." on one line.
      for (std::string_view r : SplitAny(rest, ";", /*skip_empty=*/true)) {
        Marker m = ParseMarker(TrimChars(r, ""));
        std::string_view item = TrimChars(TrimChars(r, "").substr(m.text_begin), ".;");
        if (!item.empty()) info.recipients.emplace_back(item);
      }
      return;
    }
    if (IsOnBehalfLine(s)) {
      on_behalf.emplace_back(s);
      return;
    }
    if (IsActingLine(s) || IsPositionLine(s, folder)) {
      if (!position_seen) info.signer.position = std::string(s);
      position_seen = true;
      return;
    }
    Marker m = ParseMarker(s);
    if (in_recipients && m.kind == MarkerKind::kBullet) {
      // "- TT Huyện ủy; TT HĐND huyện (b/c);", "- UBND tỉnh (b/c); PHÓ CHỦ
      // TỊCH", "- Lưu: VT, NV. Nguyễn Văn A".
      std::vector<std::string_view> parts = SplitAny(s.substr(m.text_begin), ";", true);
      for (size_t k = 0; k < parts.size(); ++k) {
        std::string_view part = TrimChars(parts[k], "");
        if (part.empty()) continue;
        if (k > 0 && (IsOnBehalfLine(part) || IsActingLine(part) || IsPositionLine(part, folder) ||
                      (k + 1 == parts.size() && LooksLikeName(part)))) {
          take(part);
          continue;
        }
        std::string_view rest;
        size_t dot = part.find(". ");
        if (k + 1 == parts.size() && dot != std::string_view::npos &&
            StartsUpper(part.substr(dot + 2, 8))) {
          rest = part.substr(dot + 2);
          part = part.substr(0, dot);
        }
        part = TrimChars(part, ".;");
        if (!part.empty()) info.recipients.emplace_back(part);
        take(rest);
      }
      return;
    }
    if (s.front() == '(' || s.front() == '[' || StartsWithKeys(s, folder, {"da", "ky"})) return;
    if (info.signer.full_name.empty() && LooksLikeName(s) && (!IsMostlyUpper(s) || position_seen)) {
      info.signer.full_name = std::string(s);
      return;
    }
    if (in_recipients && !info.recipients.empty() && StartsLower(s)) {
      info.recipients.back() += " " + std::string(TrimChars(s, ".;"));
    }
  };

  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    // An appendix after the signature is no part of the closing.
    if (StartsWithKeys(lines[i].text, folder, {"phu", "luc"})) break;
    take(lines[i].text);
  }
  info.signer.on_behalf_of = absl::StrJoin(on_behalf, ", ");
  return info;
}

}  // namespace sangkien::importer
