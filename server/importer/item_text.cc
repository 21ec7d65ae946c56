#include "importer/item_text.h"

#include <algorithm>

#include "absl/strings/str_join.h"
#include "importer/paragraphs.h"

namespace sangkien::importer {
namespace {

// Labels are short: "Cơ quan chủ trì tham mưu" is five words.
constexpr size_t kMaxLabelWords = 7;
constexpr size_t kMaxLabelBytes = 90;

bool OneOf(std::string_view key, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), key) != set.end();
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// Where the label that starts at `pos` ends (the byte after its ':'), or npos.
size_t LabelEnd(std::string_view text, size_t pos, FoldCache& folder,
                std::optional<AttributeKind>* kind) {
  std::string_view rest = text.substr(pos, kMaxLabelBytes);
  size_t colon = rest.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::string_view::npos;
  *kind = ClassifyLabel(rest.substr(0, colon), folder);
  if (!kind->has_value()) return std::string_view::npos;
  return pos + colon + 1;
}

std::string CleanValue(std::string_view value) { return std::string(TrimChars(value, ".;,")); }

bool IsSpace(char ch) { return ch == ' '; }

}  // namespace

std::optional<AttributeKind> ClassifyLabel(std::string_view label, FoldCache& folder) {
  std::vector<std::string> words;
  for (const Token& t : Tokenize(label, folder)) {
    if (!t.word) {
      // A label is words only ("Cơ quan chủ trì, phối hợp" aside).
      if (t.key == ",") continue;
      return std::nullopt;
    }
    words.push_back(t.key);
  }
  if (words.empty() || words.size() > kMaxLabelWords) return std::nullopt;
  std::string joined = " " + absl::StrJoin(words, " ") + " ";
  auto starts = [&](std::string_view prefix) {
    return std::string_view(joined).substr(0, prefix.size()) == prefix;
  };
  if (starts(" thoi gian ") || starts(" thoi han ") || starts(" tien do ") || starts(" han ") ||
      starts(" moc thoi gian ") || starts(" thoi diem ")) {
    return AttributeKind::kTimeframe;
  }
  const std::string& first = words.front();
  bool lead_word = Contains(joined, " chu tri ") || Contains(joined, " de xuat ") ||
                   Contains(joined, " tham muu ") || Contains(joined, " thuc hien ") ||
                   Contains(joined, " phu trach ") || Contains(joined, " trach nhiem ");
  if (lead_word && OneOf(first, {"co", "don", "bo", "chu", "trach", "phu", "cac", "ca", "nguoi",
                                 "chiu", "to"})) {
    return AttributeKind::kLead;
  }
  if (Contains(joined, " phoi hop ") && OneOf(first, {"co", "don", "bo", "phoi", "cac", "ca"})) {
    return AttributeKind::kCoordinate;
  }
  return std::nullopt;
}

bool StartsWithAttribute(std::string_view text, FoldCache& folder) {
  std::optional<AttributeKind> kind;
  return LabelEnd(text, 0, folder, &kind) != std::string_view::npos;
}

std::vector<Attribute> ParseAttributeParagraph(std::string_view text, FoldCache& folder) {
  std::vector<Attribute> out;
  std::optional<AttributeKind> kind;
  size_t value_begin = LabelEnd(text, 0, folder, &kind);
  size_t label_begin = 0;
  while (value_begin != std::string_view::npos) {
    // The value runs to the next "; label:" or ". label:" or the end.
    size_t value_end = text.size();
    size_t next_begin = std::string_view::npos;
    size_t next_label = 0;
    std::optional<AttributeKind> next_kind;
    for (size_t j = value_begin; j < text.size(); ++j) {
      if (text[j] != ';' && text[j] != '.') continue;
      size_t k = j + 1;
      while (k < text.size() && IsSpace(text[k])) ++k;
      if (k == j + 1 || k >= text.size()) continue;
      size_t found = LabelEnd(text, k, folder, &next_kind);
      if (found != std::string_view::npos) {
        value_end = j;
        next_begin = found;
        next_label = k;
        break;
      }
    }
    Attribute a;
    a.kind = *kind;
    std::string_view raw = text.substr(value_begin, value_end - value_begin);
    size_t lead_spaces = 0;
    while (lead_spaces < raw.size() && IsSpace(raw[lead_spaces])) ++lead_spaces;
    a.value_begin = value_begin + lead_spaces;
    a.label_begin = label_begin;
    a.value = CleanValue(raw);
    out.push_back(std::move(a));
    value_begin = next_begin;
    label_begin = next_label;
    kind = next_kind;
  }
  return out;
}

std::vector<Attribute> FindInlineAttributes(std::string_view text, FoldCache& folder) {
  std::vector<Attribute> out;
  for (size_t j = 0; j < text.size(); ++j) {
    char ch = text[j];
    if (ch != '(' && ch != ';' && ch != '.' && ch != ',') continue;
    size_t k = j + 1;
    while (k < text.size() && IsSpace(text[k])) ++k;
    if (k >= text.size()) break;
    std::optional<AttributeKind> kind;
    size_t value_begin = LabelEnd(text, k, folder, &kind);
    if (value_begin == std::string_view::npos) continue;
    size_t value_end = value_begin;
    while (value_end < text.size()) {
      char c = text[value_end];
      if (c == ')' || c == ';') break;
      if (c == '.' && (value_end + 1 == text.size() || IsSpace(text[value_end + 1]))) break;
      ++value_end;
    }
    Attribute a;
    a.kind = *kind;
    a.value_begin = value_begin;
    a.label_begin = ch == '(' ? j : k;
    a.value = CleanValue(text.substr(value_begin, value_end - value_begin));
    if (!a.value.empty()) out.push_back(std::move(a));
    j = value_end;
  }
  return out;
}

size_t FirstSentenceLength(std::string_view text) {
  static constexpr std::string_view kAbbreviations[] = {"TP",  "Tp",  "TX",  "Tx", "TT", "Q",  "P",
                                                        "ThS", "TS",  "PGS", "GS", "BS", "Th", "St",
                                                        "v.v", "Ths", "KT",  "TM", "TL"};
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch != '.' && ch != '!' && ch != '?') continue;
    size_t end = i + 1;
    while (end < text.size() && text[end] == '.') ++end;  // "..."
    if (end >= text.size()) return text.size();
    if (!IsSpace(text[end])) {
      i = end - 1;
      continue;
    }
    size_t next = end;
    while (next < text.size() && IsSpace(text[next])) ++next;
    if (next >= text.size()) return end;
    std::string_view after = text.substr(next, 8);
    bool opens = after[0] == '(' || after[0] == '"' || after.substr(0, 3) == "“";
    // ". a) Cơ quan chủ trì": a sub-item the line breaks did not separate.
    bool item = ParseMarker(text.substr(next, 16)).kind != MarkerKind::kNone;
    if (!StartsUpper(after) && !opens && !item) {
      i = end - 1;
      continue;
    }
    if (ch == '.' && end == i + 1) {
      size_t word_begin = text.find_last_of(' ', i);
      word_begin = word_begin == std::string_view::npos ? 0 : word_begin + 1;
      std::string_view word = text.substr(word_begin, i - word_begin);
      if (std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) !=
          std::end(kAbbreviations)) {
        continue;
      }
    }
    return end;
  }
  return text.size();
}

std::string MakeTitle(std::string_view text, size_t max_code_points) {
  std::string_view sentence = text.substr(0, FirstSentenceLength(text));
  sentence = TrimChars(sentence, ".;:,");
  return ShortenAtWord(sentence, max_code_points);
}

}  // namespace sangkien::importer
