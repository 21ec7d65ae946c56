#include "importer/paragraphs.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_join.h"
#include "importer/tokens.h"

namespace sangkien::importer {
namespace {

bool IsDigit(char ch) { return ch >= '0' && ch <= '9'; }

// Bullets seen in PDF and Word text: ASCII, typographic, and the Symbol-font
// private-use code points Word exports ("" U+F0B7, "" U+F0A7, "Ø" for ➢).
constexpr std::string_view kBullets[] = {"-",
                                         "+",
                                         "*",
                                         "•",
                                         "–",
                                         "—",
                                         "·",
                                         "●",
                                         "○",
                                         "▪",
                                         "■",
                                         "◦",
                                         "➢",
                                         "►",
                                         "✓",
                                         "\xEF\x82\xB7",
                                         "\xEF\x82\xA7",
                                         "Ø"};

// After the marker: the rest of the line (possibly empty) must be separated
// by a space.
bool SpaceOrEnd(std::string_view line, size_t pos) {
  return pos >= line.size() || line[pos] == ' ';
}

size_t SkipSpaces(std::string_view line, size_t pos) {
  while (pos < line.size() && line[pos] == ' ') ++pos;
  return pos;
}

}  // namespace

int RomanValue(std::string_view s) {
  static constexpr std::string_view kRomans[] = {
      "I",   "II",   "III",   "IV",   "V",   "VI",   "VII",   "VIII",   "IX",   "X",
      "XI",  "XII",  "XIII",  "XIV",  "XV",  "XVI",  "XVII",  "XVIII",  "XIX",  "XX",
      "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX"};
  for (size_t i = 0; i < std::size(kRomans); ++i) {
    if (kRomans[i] == s) return static_cast<int>(i + 1);
  }
  return 0;
}

namespace {

// "- ", "+ ", "• ", and "-Đơn vị chủ trì" glued to its bullet; but "-5%" and
// "--" are not bullets.
std::optional<Marker> ParseBullet(std::string_view line) {
  for (std::string_view bullet : kBullets) {
    if (line.substr(0, bullet.size()) != bullet) continue;
    size_t after = bullet.size();
    bool spaced = after < line.size() && line[after] == ' ';
    bool glued = after < line.size() && (bullet == "-" || bullet == "+") &&
                 StartsUpper(line.substr(after, 4)) && !IsDigit(line[after]);
    if (!spaced && !glued && after < line.size()) return std::nullopt;
    Marker m;
    m.kind = MarkerKind::kBullet;
    m.label = std::string(bullet);
    m.text_begin = SkipSpaces(line, after);
    return m;
  }
  return std::nullopt;
}

// "II." / "II)" / "II -".
std::optional<Marker> ParseRoman(std::string_view line) {
  size_t r = 0;
  while (r < line.size() && (line[r] == 'I' || line[r] == 'V' || line[r] == 'X')) ++r;
  if (r == 0 || r >= line.size() || (line[r] != '.' && line[r] != ')')) return std::nullopt;
  int value = RomanValue(line.substr(0, r));
  if (value <= 0 || !SpaceOrEnd(line, r + 1)) return std::nullopt;
  Marker m;
  m.kind = MarkerKind::kRoman;
  m.label = std::string(line.substr(0, r));
  m.components = {value};
  m.text_begin = SkipSpaces(line, r + 1);
  return m;
}

// "1.", "1)", "1.2.", "4.3", "1.2.3."; not "2022.", "1.000", "1.5%" or
// "3.2.2022". An empty Marker (kind none) when the line starts with a digit
// but holds no number marker: no other kind may match it then.
Marker ParseNumber(std::string_view line) {
  Marker m;
  std::vector<int> parts;
  size_t pos = 0;
  bool trailing_dot = false;
  while (pos < line.size() && IsDigit(line[pos])) {
    size_t start = pos;
    while (pos < line.size() && IsDigit(line[pos])) ++pos;
    if (pos - start > 2) return m;  // "2022.", "1.000"
    parts.push_back(std::stoi(std::string(line.substr(start, pos - start))));
    trailing_dot = false;
    if (pos < line.size() && line[pos] == '.') {
      ++pos;
      trailing_dot = true;
      continue;
    }
    break;
  }
  if (parts.empty() || parts.front() == 0 || parts.front() > 40) return m;
  bool closed = trailing_dot;
  if (!trailing_dot && pos < line.size() && line[pos] == ')') {
    ++pos;
    closed = true;
  }
  if (closed && !SpaceOrEnd(line, pos)) return m;  // "1.5%", "3.2.2022"
  if (!closed) {
    // "4.6 Hoàn chỉnh …" without the final dot; never for a single number.
    if (parts.size() < 2 || !SpaceOrEnd(line, pos) || pos >= line.size() ||
        !StartsUpper(line.substr(pos + 1, 8))) {
      return m;
    }
  }
  m.kind = MarkerKind::kNumber;
  m.components = parts;
  std::vector<std::string> labels;
  for (int p : parts) labels.push_back(std::to_string(p));
  m.label = absl::StrJoin(labels, ".");
  m.text_begin = SkipSpaces(line, pos);
  return m;
}

// "a)", "đ)"; "a." and "a/" only before an upper-case word.
std::optional<Marker> ParseLetter(std::string_view line) {
  size_t letter_len = 0;
  if (line[0] >= 'a' && line[0] <= 'z') {
    letter_len = 1;
  } else if (line.substr(0, 2) == "đ") {
    letter_len = 2;
  }
  if (letter_len == 0 || letter_len >= line.size()) return std::nullopt;
  char close = line[letter_len];
  size_t after = letter_len + 1;
  bool ok = (close == ')' && SpaceOrEnd(line, after)) ||
            ((close == '.' || close == '/') && after < line.size() && line[after] == ' ' &&
             StartsUpper(line.substr(after + 1, 8)));
  if (!ok) return std::nullopt;
  Marker m;
  m.kind = MarkerKind::kLetter;
  m.label = std::string(line.substr(0, letter_len));
  m.text_begin = SkipSpaces(line, after);
  return m;
}

}  // namespace

Marker ParseMarker(std::string_view line) {
  if (line.empty()) return Marker{};
  // A line opening with a bullet glyph that is not a bullet ("-5%") is no
  // marker of any kind.
  for (std::string_view bullet : kBullets) {
    if (line.substr(0, bullet.size()) == bullet) return ParseBullet(line).value_or(Marker{});
  }
  if (std::optional<Marker> m = ParseRoman(line)) return *m;
  if (IsDigit(line[0])) return ParseNumber(line);
  return ParseLetter(line).value_or(Marker{});
}

int Paragraph::LineAt(size_t offset) const {
  int line = first_line();
  for (const auto& [start, number] : line_starts) {
    if (start > offset) break;
    line = number;
  }
  return line;
}

std::string Paragraph::Full() const {
  if (marker_text.empty()) return text;
  if (text.empty()) return marker_text;
  return marker_text + " " + text;
}

LayoutHints DetectLayout(const std::vector<SourceLine>& lines) {
  LayoutHints hints;
  int text_lines = 0;
  int long_lines = 0;
  int very_long_lines = 0;
  int adjacent = 0;      // a text line directly after another
  int single_blank = 0;  // text, exactly one blank, text
  int blank_run = 0;
  bool seen_text = false;
  for (const SourceLine& line : lines) {
    if (line.blank()) {
      ++blank_run;
      continue;
    }
    ++text_lines;
    // Hard-wrapped PDF lines stay under about 100 characters.
    size_t length = CodePointCount(line.text);
    if (length > 130) ++long_lines;
    if (length > 180) ++very_long_lines;
    if (seen_text) {
      if (blank_run == 0) ++adjacent;
      if (blank_run == 1) ++single_blank;
    }
    seen_text = true;
    blank_run = 0;
  }
  // Word text has a few very long lines (whole paragraphs) among short
  // headings and attribute lines; hard-wrapped text has none.
  hints.line_per_paragraph =
      text_lines > 0 && (long_lines * 5 >= text_lines || very_long_lines >= 3);
  hints.single_blank_breaks = adjacent > single_blank;
  return hints;
}

bool EndsClause(std::string_view line) {
  if (line.empty()) return false;
  char last = line.back();
  return last == '.' || last == ':' || last == ';' || last == '!' || last == '?';
}

bool IsRuleLine(std::string_view line) { return line.size() >= 3 && OnlyChars(line, "-_=*.~ "); }

std::vector<Paragraph> Unwrap(const std::vector<SourceLine>& lines, size_t begin, size_t end,
                              const LayoutHints& hints,
                              const std::function<bool(std::string_view)>& starts_paragraph) {
  std::vector<Paragraph> paragraphs;
  int blank_run = 0;
  bool force_break = false;
  std::string_view previous;
  const int break_blanks = hints.single_blank_breaks ? 1 : 2;
  bool after_page_number = false;
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    const SourceLine& line = lines[i];
    if (line.page_number) {
      blank_run = 0;
      after_page_number = true;
      continue;
    }
    if (line.blank()) {
      if (!after_page_number) ++blank_run;
      continue;
    }
    after_page_number = false;
    if (IsRuleLine(line.text)) {
      force_break = true;
      blank_run = 0;
      continue;
    }
    Marker marker = ParseMarker(line.text);
    bool fresh = paragraphs.empty() || force_break || marker.kind != MarkerKind::kNone ||
                 hints.line_per_paragraph || blank_run >= break_blanks ||
                 (EndsClause(previous) && StartsUpper(line.text.substr(0, 8))) ||
                 // "II. NHIỆM VỤ" then "Các nhiệm vụ cụ thể …": a heading ends
                 // where the capitals do.
                 (IsMostlyUpper(previous) && !IsMostlyUpper(line.text) &&
                  StartsUpper(line.text.substr(0, 8))) ||
                 (starts_paragraph && starts_paragraph(line.text));
    blank_run = 0;
    force_break = false;
    previous = line.text;
    if (fresh) {
      Paragraph p;
      p.marker = marker;
      std::string_view text = line.text;
      if (marker.kind != MarkerKind::kNone) {
        p.marker_text = std::string(TrimChars(text.substr(0, marker.text_begin), ""));
        text = text.substr(marker.text_begin);
      }
      p.text = std::string(text);
      p.line_starts.emplace_back(0, line.number);
      paragraphs.push_back(std::move(p));
      continue;
    }
    Paragraph& p = paragraphs.back();
    if (!p.text.empty()) p.text.push_back(' ');
    p.line_starts.emplace_back(p.text.size(), line.number);
    p.text += line.text;
  }
  return paragraphs;
}

}  // namespace sangkien::importer
