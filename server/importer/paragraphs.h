// Numbering markers ("II.", "4.6.", "a)", "-") and the joining of hard-wrapped
// lines back into paragraphs.
#ifndef SANGKIEN_SERVER_IMPORTER_PARAGRAPHS_H_
#define SANGKIEN_SERVER_IMPORTER_PARAGRAPHS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "importer/source_text.h"

namespace sangkien::importer {

enum class MarkerKind { kNone, kRoman, kNumber, kLetter, kBullet };

struct Marker {
  MarkerKind kind = MarkerKind::kNone;
  std::string label;            // "II", "4.6", "a", "-"
  std::vector<int> components;  // {4, 6}; {2} for "II"
  size_t text_begin = 0;        // where the text after the marker starts
};

// Recognises a marker at the start of a (trimmed) line. Guards against what
// starts wrapped lines in running text: "2022." (too large), "2.5 triệu"
// (no dot, lower-case follows), "b/c".
Marker ParseMarker(std::string_view line);

// Value of a Roman numeral I..XXX, 0 if `s` is not one.
int RomanValue(std::string_view s);

struct Paragraph {
  Marker marker;
  std::string marker_text;  // as written: "4.6.", "a)", "-"
  std::string text;         // after the marker, lines joined with one space
  // (offset in `text`, input line) for every joined line, in order.
  std::vector<std::pair<size_t, int>> line_starts;

  int first_line() const { return line_starts.empty() ? 0 : line_starts.front().second; }
  // The input line holding byte `offset` of `text`.
  int LineAt(size_t offset) const;
  // The paragraph as written, marker included.
  std::string Full() const;
};

struct LayoutHints {
  // A single blank line separates paragraphs (text whose wrapped lines are
  // adjacent). When every line is followed by a blank, as PDF extraction
  // often does, only runs of two or more blanks do.
  bool single_blank_breaks = false;
  // Word-style text: every line is a paragraph, nothing was hard-wrapped.
  bool line_per_paragraph = false;
};

LayoutHints DetectLayout(const std::vector<SourceLine>& lines);

// The line ends a sentence or clause (".", ":", ";", "!", "?").
bool EndsClause(std::string_view line);

// A line made only of rule characters ("-----", "___", "***").
bool IsRuleLine(std::string_view line);

// Joins lines [begin, end) into paragraphs. `starts_paragraph` lets the caller
// name further lines that always start one (attribute labels).
std::vector<Paragraph> Unwrap(const std::vector<SourceLine>& lines, size_t begin, size_t end,
                              const LayoutHints& hints,
                              const std::function<bool(std::string_view)>& starts_paragraph);

}  // namespace sangkien::importer

#endif  // SANGKIEN_SERVER_IMPORTER_PARAGRAPHS_H_
