// The plan's outline: roman sections and numbered items as a tree, the
// numbering warnings, and one section per item.
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "importer/importer.h"

namespace sangkien::importer {

std::string SectionOf(const Item& item) {
  std::string top = std::to_string(item.marker.components.front());
  return item.roman.empty() ? top : item.roman + "." + top;
}

void Importer::BuildItems(const std::vector<Paragraph>& body) {
  std::vector<size_t> open;  // items that may still receive children
  std::string roman;
  for (const Paragraph& p : body) {
    if (p.marker.kind == MarkerKind::kRoman || p.marker.kind == MarkerKind::kNumber) {
      Item item;
      item.marker = p.marker;
      item.paras.push_back(&p);
      if (p.marker.kind == MarkerKind::kRoman) {
        roman = p.marker.label;
        item.level = 0;
        open.clear();
      } else {
        item.level = static_cast<int>(p.marker.components.size());
        while (!open.empty() && items_[open.back()].level >= item.level) open.pop_back();
      }
      item.roman = roman;
      item.parent = open.empty() ? kNoItem : open.back();
      size_t index = items_.size();
      if (item.parent != kNoItem) items_[item.parent].children.push_back(index);
      items_.push_back(std::move(item));
      open.push_back(index);
      continue;
    }
    if (!open.empty()) items_[open.back()].paras.push_back(&p);
  }
}

void Importer::CheckNumbering() {
  struct Seen {
    int line = 0;
  };
  struct Sibling {
    int last = 0;
    std::string last_label;
    std::map<int, int> lines;  // value -> first line
    std::map<int, std::string> labels;
  };
  std::map<std::string, Seen> seen;         // scope|label
  std::map<std::string, Sibling> siblings;  // scope|parent prefix
  for (const Item& item : items_) {
    const Paragraph& head = *item.paras.front();
    const int line = head.first_line();
    std::string scope = item.marker.kind == MarkerKind::kRoman ? "" : item.roman;
    std::string label = item.marker.label;
    std::vector<int> prefix(item.marker.components.begin(), item.marker.components.end() - 1);
    std::string prefix_key = scope + "|" + (item.marker.kind == MarkerKind::kRoman ? "roman" : "");
    for (int c : prefix) absl::StrAppend(&prefix_key, c, ".");
    const int value = item.marker.components.back();

    auto [it, fresh] = seen.emplace(scope + "|" + label, Seen{line});
    if (!fresh) {
      Warn("DUPLICATE_NUMBER", line, label,
           absl::StrFormat("number %s is used twice (first at line %d)", label, it->second.line),
           absl::StrFormat("Số thứ tự %s bị trùng (đã dùng ở dòng %d)", label, it->second.line));
      continue;
    }
    Sibling& s = siblings[prefix_key];
    if (s.last >= value) {
      Warn("NUMBER_OUT_OF_ORDER", line, label,
           absl::StrFormat("%s comes after %s", label, s.last_label),
           absl::StrFormat("Mục %s đứng sau mục %s", label, s.last_label));
    }
    if (value > s.last) {
      s.last = value;
      s.last_label = label;
    }
    s.lines.emplace(value, line);
    s.labels.emplace(value, label);
  }
  // Numbers never used at all: "2.3" after "2.1" with no "2.2" anywhere. A
  // long gap is one warning ("2.3–2.9"), not one per number.
  for (const auto& [key, s] : siblings) {
    const bool roman = key.find("|roman") != std::string::npos;
    int expected = 1;
    for (const auto& [value, line] : s.lines) {
      if (value > expected) {
        const std::string& next = s.labels.at(value);
        auto label_of = [&](int n) {
          static constexpr std::string_view kRomans[] = {"I",  "II",  "III",  "IV", "V",
                                                         "VI", "VII", "VIII", "IX", "X"};
          if (roman) return n <= 10 ? std::string(kRomans[n - 1]) : std::to_string(n);
          size_t dot = next.rfind('.');
          return (dot == std::string::npos ? "" : next.substr(0, dot + 1)) + std::to_string(n);
        };
        std::string missing = value - expected == 1
                                  ? label_of(expected)
                                  : label_of(expected) + "–" + label_of(value - 1);
        Warn("NUMBER_OUT_OF_ORDER", line, next,
             absl::StrFormat("%s is missing before %s", missing, next),
             absl::StrFormat("Thiếu mục %s (trước mục %s)", missing, next));
      }
      expected = value + 1;
    }
  }
}

void Importer::BuildSections() {
  for (const Item& item : items_) {
    domain::Section section;
    section.number = item.marker.label;
    section.level = item.level;
    std::vector<std::string> body;
    bool heading = item.marker.kind == MarkerKind::kRoman || !item.children.empty();
    if (heading) {
      section.heading = item.paras.front()->text;
    } else {
      body.push_back(item.paras.front()->text);
    }
    for (size_t i = 1; i < item.paras.size(); ++i) body.push_back(item.paras[i]->Full());
    section.body = absl::StrJoin(body, "\n");
    out_.plan.sections.push_back(std::move(section));
    section_lines_.push_back(item.paras.front()->first_line());
  }
}

}  // namespace sangkien::importer
