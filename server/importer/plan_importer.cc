#include "importer/plan_importer.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "calendar/timeframe.h"
#include "importer/citations.h"
#include "importer/document_parts.h"
#include "importer/item_text.h"
#include "importer/paragraphs.h"
#include "importer/source_text.h"
#include "importer/task_table.h"
#include "importer/tokens.h"
#include "importer/unit_matcher.h"

namespace sangkien::importer {
namespace {

using calendar::TimeframeKind;
using domain::UnitRef;

constexpr size_t kNone = static_cast<size_t>(-1);
constexpr size_t kMaxTitleCodePoints = 300;

// A roman section or a numbered item, with the paragraphs that belong to it
// directly (its own text, lettered sub-items, bullets, attribute lines).
struct Item {
  Marker marker;
  std::vector<const Paragraph*> paras;  // paras[0] carries the marker
  size_t parent = kNone;
  std::vector<size_t> children;
  int level = 0;      // 0: I/II/III, 1: "1.", 2: "1.1."
  std::string roman;  // label of the enclosing roman section
};

struct AttributeAt {
  Attribute attribute;
  const Paragraph* paragraph = nullptr;
};

// What an item, a lettered part of one or a table row contributes as a task.
struct TaskSource {
  std::string number;
  std::string section;                  // "II.4"
  std::vector<const Paragraph*> paras;  // paras[0] is the one with the number
  bool has_children = false;
  std::vector<AttributeAt> attributes;  // given by table cells
  bool table_row = false;               // a row is a task whatever it says
};

// "II.4": the roman part and the first number of an item.
std::string SectionOf(const Item& item) {
  std::string top = std::to_string(item.marker.components.front());
  return item.roman.empty() ? top : item.roman + "." + top;
}

class Importer {
 public:
  explicit Importer(const std::vector<DirectoryEntry>& directory) : matcher_(directory, folder_) {}

  absl::StatusOr<ImportedPlan> Run(std::string_view raw);

 private:
  void Warn(std::string code, int line, std::string item, std::string message,
            std::string message_vi) {
    out_.warnings.push_back(ImportWarning{std::move(code), line, std::move(item),
                                          std::move(message), std::move(message_vi)});
  }

  void BuildItems(const std::vector<Paragraph>& body);
  void CheckNumbering();
  void BuildSections();
  void BuildTasks();
  void BuildTableTasks(const std::vector<TaskTable>& tables, size_t closing,
                       const std::vector<SourceLine>& lines);
  std::vector<TaskSource> TaskSources(const Item& item);
  void BuildTask(const TaskSource& source);
  std::vector<UnitRef> ResolveUnits(const std::vector<AttributeAt>& attributes, AttributeKind kind,
                                    const std::string& number);
  void AddUnit(const FoundUnit& found, std::vector<UnitRef>* refs);
  void ReportUnknown(FoundUnit& found, int line, const std::string& number);
  void CollectCitations(const Paragraph* title, const std::vector<Paragraph>& preamble,
                        const std::vector<Paragraph>& body);
  void InferIssuer(const std::vector<Paragraph>& preamble);
  void HeaderWarnings();
  // The number of the item whose text holds input line `line`, if any.
  std::string ItemAtLine(int line) const;

  FoldCache folder_;
  UnitMatcher matcher_;
  ImportedPlan out_;
  std::vector<Item> items_;
  std::vector<Citation> citations_;
  std::unordered_map<std::string, std::string> unknown_names_;  // folded -> as first written
  // Input line of each task and section, to put table rows in document order.
  std::vector<int> task_lines_;
  std::vector<int> section_lines_;
  std::deque<Paragraph> table_cells_;  // table cells as paragraphs, for line numbers
};

absl::StatusOr<ImportedPlan> Importer::Run(std::string_view raw) {
  auto lines_or = ReadSourceLines(raw);
  if (!lines_or.ok()) return lines_or.status();
  // Task tables are read apart; the rest of the text reads as if they were
  // not there.
  const std::vector<TaskTable> tables = FindTaskTables(*lines_or, folder_);
  for (const TaskTable& t : tables) {
    for (size_t i = t.caption_begin; i < t.end; ++i) {
      (*lines_or)[i].text.clear();
      (*lines_or)[i].cells.clear();
    }
  }
  const std::vector<SourceLine>& lines = *lines_or;
  const LayoutHints hints = DetectLayout(lines);
  domain::Plan& plan = out_.plan;

  // Header, kind line and title.
  std::optional<KindLine> kind_line = FindKindLine(lines, folder_);
  Paragraph title;
  size_t body_begin = 0;
  HeaderInfo header;
  if (kind_line) {
    header = ParseHeader(lines, 0, kind_line->index, folder_);
    body_begin = ReadTitle(lines, *kind_line, hints, folder_, &title);
  } else {
    // No "KẾ HOẠCH" line: whatever precedes the preamble or the first
    // section is header.
    while (body_begin < lines.size()) {
      std::string_view text = lines[body_begin].text;
      MarkerKind m = ParseMarker(text).kind;
      if (!text.empty() && (m == MarkerKind::kRoman || m == MarkerKind::kNumber ||
                            StartsPreamble(text, folder_) || CodePointCount(text) > 100)) {
        break;
      }
      ++body_begin;
    }
    header = ParseHeader(lines, 0, body_begin, folder_);
  }
  plan.title = title.text;
  plan.symbol = header.symbol;
  plan.issuer = header.issuer;
  plan.place = header.place;
  plan.issue_date = header.issue_date;
  plan.kind = KindFromSymbol(plan.symbol, folder_);
  if (plan.kind == domain::DocumentKind::kUnspecified && kind_line) plan.kind = kind_line->kind;
  if (!plan.issuer.empty()) {
    if (auto unit = matcher_.MatchPrefix(plan.issuer)) plan.issuer_unit_id = unit->ref.id;
  }

  // Body and closing.
  size_t closing = FindClosingStart(lines, body_begin, folder_);
  std::vector<Paragraph> paragraphs =
      Unwrap(lines, body_begin, closing, hints, [this](std::string_view line) {
        return StartsUpper(line) && StartsWithAttribute(line, folder_);
      });
  if (!paragraphs.empty()) {
    // "…đồng bộ và hiệu quả./." marks the end of the text.
    std::string& last = paragraphs.back().text;
    if (last.size() >= 3 && last.compare(last.size() - 3, 3, "./.") == 0) {
      last.erase(last.size() - 2);
    }
  }
  size_t first_section = 0;
  while (first_section < paragraphs.size() &&
         paragraphs[first_section].marker.kind != MarkerKind::kRoman &&
         paragraphs[first_section].marker.kind != MarkerKind::kNumber) {
    ++first_section;
  }
  std::vector<Paragraph> preamble(paragraphs.begin(), paragraphs.begin() + first_section);
  std::vector<Paragraph> body(paragraphs.begin() + first_section, paragraphs.end());
  {
    std::vector<std::string> texts;
    for (const Paragraph& p : preamble) texts.push_back(p.Full());
    plan.preamble = absl::StrJoin(texts, "\n");
  }
  ClosingInfo closing_info = ParseClosing(lines, closing, lines.size(), folder_);
  plan.signer = closing_info.signer;
  plan.recipients = closing_info.recipients;

  BuildItems(body);
  CollectCitations(title.text.empty() ? nullptr : &title, preamble, body);

  const bool has_structure = !items_.empty() || !tables.empty();
  bool plan_like = kind_line && (!plan.title.empty() || has_structure);
  if (!plan_like && has_structure) {
    // Numbered text alone (a recipe, a list of steps) is no plan: it must
    // also speak the administrative language.
    plan_like = !citations_.empty() || !plan.symbol.empty();
    for (size_t i = 0; !plan_like && i < paragraphs.size(); ++i) {
      plan_like = matcher_.MentionsAny(paragraphs[i].text) ||
                  StartsWithAttribute(paragraphs[i].text, folder_);
    }
  }
  if (!plan_like) {
    return NotAPlanError(
        "it has neither a title such as \"KẾ HOẠCH\" nor numbered sections assigning work to "
        "units",
        "không có tiêu đề như \"KẾ HOẠCH\" và không có các mục đánh số giao nhiệm vụ cho cơ "
        "quan, đơn vị");
  }

  if (plan.issuer.empty()) InferIssuer(preamble);
  HeaderWarnings();
  CheckNumbering();
  BuildSections();
  BuildTasks();
  BuildTableTasks(tables, closing, lines);
  {
    // Table rows take their place among the items, by line.
    std::vector<size_t> order(out_.tasks.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return task_lines_[a] < task_lines_[b]; });
    std::vector<domain::Task> tasks;
    for (size_t i : order) tasks.push_back(std::move(out_.tasks[i]));
    for (size_t i = 0; i < tasks.size(); ++i) tasks[i].position = static_cast<int>(i) + 1;
    out_.tasks = std::move(tasks);
    std::vector<size_t> sorder(out_.plan.sections.size());
    for (size_t i = 0; i < sorder.size(); ++i) sorder[i] = i;
    std::stable_sort(sorder.begin(), sorder.end(),
                     [&](size_t a, size_t b) { return section_lines_[a] < section_lines_[b]; });
    std::vector<domain::Section> sections;
    for (size_t i : sorder) sections.push_back(std::move(out_.plan.sections[i]));
    out_.plan.sections = std::move(sections);
  }
  for (const CitationConflict& c : FindConflicts(citations_, folder_)) {
    std::string a = DescribeCitation(*c.later);
    std::string b = DescribeCitation(*c.earlier);
    std::string item = ItemAtLine(c.later->line);
    Warn("INCONSISTENT_REFERENCE", c.later->line, item,
         absl::StrFormat("\"%s\" (line %d) and \"%s\" (line %d) seem to cite the same document "
                         "differently; check the symbol and date",
                         a, c.later->line, b, c.earlier->line),
         absl::StrFormat("Trích dẫn \"%s\" (dòng %d) và \"%s\" (dòng %d) có vẻ cùng một văn bản "
                         "nhưng ghi khác nhau; kiểm tra lại số, ký hiệu và ngày",
                         a, c.later->line, b, c.earlier->line));
  }
  if (out_.tasks.empty()) {
    Warn("NO_TASKS", 0, "", "no item of the plan assigns work to a unit",
         "Không có mục nào của kế hoạch giao nhiệm vụ cho cơ quan, đơn vị");
  }

  plan.state = domain::PlanState::kDraft;
  plan.task_count = static_cast<int>(out_.tasks.size());
  std::stable_sort(out_.warnings.begin(), out_.warnings.end(),
                   [](const ImportWarning& a, const ImportWarning& b) { return a.line < b.line; });
  return std::move(out_);
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
      item.parent = open.empty() ? kNone : open.back();
      size_t index = items_.size();
      if (item.parent != kNone) items_[item.parent].children.push_back(index);
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

std::vector<TaskSource> Importer::TaskSources(const Item& item) {
  // Lettered sub-items ("a) Tổ chức hội nghị …" then "- Đơn vị chủ trì: …"),
  // or failing that bullets ("- Tổ chức …" then "+ Đơn vị chủ trì: …"), are
  // tasks of their own when at least two of them carry their own lead unit.
  std::vector<bool> attribute(item.paras.size(), false);
  for (size_t i = 1; i < item.paras.size(); ++i) {
    attribute[i] = StartsWithAttribute(item.paras[i]->text, folder_);
  }
  auto has_lead = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      if (!attribute[i]) continue;
      for (const Attribute& a : ParseAttributeParagraph(item.paras[i]->text, folder_)) {
        if (a.kind == AttributeKind::kLead) return true;
      }
    }
    return false;
  };
  auto starts_of = [&](MarkerKind kind) {
    std::vector<size_t> starts;  // indices into item.paras
    std::string bullet;
    for (size_t i = 1; i < item.paras.size(); ++i) {
      const Marker& m = item.paras[i]->marker;
      if (m.kind != kind || attribute[i]) continue;
      // Sub-bullets of another shape belong to the task above them.
      if (kind == MarkerKind::kBullet) {
        if (bullet.empty()) bullet = m.label;
        if (m.label != bullet) continue;
      }
      starts.push_back(i);
    }
    int with_lead = 0;
    for (size_t s = 0; s < starts.size(); ++s) {
      size_t end = s + 1 < starts.size() ? starts[s + 1] : item.paras.size();
      if (has_lead(starts[s] + 1, end)) ++with_lead;
    }
    if (with_lead < 2) starts.clear();
    return starts;
  };
  MarkerKind split_kind = MarkerKind::kLetter;
  std::vector<size_t> starts = starts_of(MarkerKind::kLetter);
  if (starts.empty()) {
    split_kind = MarkerKind::kBullet;
    starts = starts_of(MarkerKind::kBullet);
  }

  std::vector<TaskSource> sources;
  TaskSource head;
  head.number = item.marker.label;
  head.section = SectionOf(item);
  if (starts.empty()) {
    head.paras = item.paras;
    head.has_children = !item.children.empty();
    sources.push_back(std::move(head));
    return sources;
  }
  head.paras.assign(item.paras.begin(), item.paras.begin() + starts.front());
  head.has_children = true;
  sources.push_back(std::move(head));
  for (size_t s = 0; s < starts.size(); ++s) {
    size_t end = s + 1 < starts.size() ? starts[s + 1] : item.paras.size();
    TaskSource part;
    // "2.a" for lettered parts; bullets have no label of their own: "2(1)".
    part.number = split_kind == MarkerKind::kLetter
                      ? item.marker.label + "." + item.paras[starts[s]]->marker.label
                      : item.marker.label + "(" + std::to_string(s + 1) + ")";
    part.section = SectionOf(item);
    part.paras.assign(item.paras.begin() + starts[s], item.paras.begin() + end);
    sources.push_back(std::move(part));
  }
  return sources;
}

void Importer::BuildTasks() {
  for (const Item& item : items_) {
    if (item.marker.kind != MarkerKind::kNumber) continue;
    for (const TaskSource& source : TaskSources(item)) BuildTask(source);
  }
}

void Importer::ReportUnknown(FoundUnit& found, int line, const std::string& number) {
  // Every mention of one unknown unit carries the spelling first seen, the
  // one in unknown_units, so that callers can map refs to the unit they
  // create by name.
  auto [it, fresh] =
      unknown_names_.emplace(folder_.Fold(found.ref.display_name), found.ref.display_name);
  found.ref.display_name = it->second;
  if (!fresh) return;
  out_.unknown_units.push_back(found.ref.display_name);
  Warn("UNKNOWN_UNIT", line, number,
       absl::StrFormat("\"%s\" is not in the unit directory", found.ref.display_name),
       absl::StrFormat("\"%s\" chưa có trong danh mục cơ quan, đơn vị", found.ref.display_name));
}

void Importer::AddUnit(const FoundUnit& found, std::vector<UnitRef>* refs) {
  for (const UnitRef& r : *refs) {
    bool same =
        found.known
            ? (r.id == found.ref.id && r.kind == found.ref.kind && r.id != 0)
            : (r.id == 0 && folder_.Fold(r.display_name) == folder_.Fold(found.ref.display_name));
    if (same) return;
  }
  refs->push_back(found.ref);
}

std::vector<UnitRef> Importer::ResolveUnits(const std::vector<AttributeAt>& attributes,
                                            AttributeKind kind, const std::string& number) {
  std::vector<UnitRef> refs;
  for (const AttributeAt& a : attributes) {
    if (a.attribute.kind != kind) continue;
    for (FoundUnit& f : matcher_.ParseList(a.attribute.value)) {
      if (!f.known) ReportUnknown(f, a.paragraph->LineAt(a.attribute.value_begin), number);
      AddUnit(f, &refs);
    }
  }
  return refs;
}

void Importer::BuildTask(const TaskSource& source) {
  const Paragraph& head = *source.paras.front();
  std::vector<AttributeAt> attributes = source.attributes;
  std::vector<const Paragraph*> body_paras;
  bool attribute_lines = false;
  for (size_t i = 0; i < source.paras.size(); ++i) {
    const Paragraph* p = source.paras[i];
    if (i > 0 && StartsWithAttribute(p->text, folder_)) {
      for (Attribute& a : ParseAttributeParagraph(p->text, folder_)) {
        attributes.push_back(AttributeAt{std::move(a), p});
      }
      attribute_lines = true;
      continue;
    }
    body_paras.push_back(p);
    for (Attribute& a : FindInlineAttributes(p->text, folder_)) {
      attributes.push_back(AttributeAt{std::move(a), p});
    }
  }
  auto has = [&](AttributeKind kind) {
    return std::any_of(attributes.begin(), attributes.end(), [&](const AttributeAt& a) {
      return a.attribute.kind == kind && !a.attribute.value.empty();
    });
  };
  std::optional<ProseAssignment> prose;
  if (!has(AttributeKind::kLead) && !source.has_children) {
    prose = matcher_.MatchAssignment(head.text);
  }
  // A heading over sub-items is a task only when it carries its own
  // attribute lines; otherwise its children are the tasks.
  bool is_task = source.has_children ? attribute_lines : (!attributes.empty() || prose);
  if (!is_task && !source.table_row) return;

  domain::Task task;
  task.number = source.number;
  task.section = source.section;

  task.lead_units = ResolveUnits(attributes, AttributeKind::kLead, task.number);
  task.coordinating_units = ResolveUnits(attributes, AttributeKind::kCoordinate, task.number);
  if (prose) {
    for (const FoundUnit& f : prose->lead) AddUnit(f, &task.lead_units);
    for (const FoundUnit& f : prose->coordinating) AddUnit(f, &task.coordinating_units);
  }

  // Title: the first sentence, without the actor when the item starts by
  // naming it ("Phòng Văn hóa, Thông tin chủ trì, phối hợp … tổ chức …").
  size_t title_begin = prose && !prose->copula ? prose->action_begin : 0;
  size_t title_end = head.text.size();
  for (const AttributeAt& a : attributes) {
    // "… (thời gian thực hiện: Tháng 4/2024)" is no part of the title.
    if (a.paragraph == &head && a.attribute.label_begin > title_begin) {
      title_end = std::min(title_end, a.attribute.label_begin);
    }
  }
  std::string_view title_text =
      std::string_view(head.text).substr(title_begin, title_end - title_begin);
  task.title = CapitaliseFirst(MakeTitle(title_text, kMaxTitleCodePoints));
  for (size_t i = 1; task.title.empty() && i < body_paras.size(); ++i) {
    task.title = CapitaliseFirst(MakeTitle(body_paras[i]->text, kMaxTitleCodePoints));
  }

  std::vector<std::string> body;
  for (size_t i = 0; i < body_paras.size(); ++i) {
    body.push_back(i == 0 ? body_paras[i]->text : body_paras[i]->Full());
  }
  task.body = absl::StrJoin(body, "\n");

  const AttributeAt* when = nullptr;
  for (const AttributeAt& a : attributes) {
    if (a.attribute.kind == AttributeKind::kTimeframe && !a.attribute.value.empty()) {
      when = &a;
      break;
    }
  }
  const int line = head.first_line();
  if (when) {
    task.timeframe = calendar::ParseTimeframe(when->attribute.value);
    if (task.timeframe.kind == TimeframeKind::kUnparsed) {
      Warn("UNPARSED_TIMEFRAME", when->paragraph->LineAt(when->attribute.value_begin), task.number,
           absl::StrFormat("the timeframe of %s (\"%s\") was not understood; it is kept as written",
                           task.number, when->attribute.value),
           absl::StrFormat("Không hiểu được thời gian thực hiện của nhiệm vụ %s (\"%s\"); giữ "
                           "nguyên văn",
                           task.number, when->attribute.value));
    }
  } else {
    Warn("MISSING_TIMEFRAME", line, task.number,
         absl::StrFormat("task %s has no timeframe", task.number),
         absl::StrFormat("Nhiệm vụ %s chưa có thời gian thực hiện", task.number));
  }
  if (task.lead_units.empty()) {
    Warn("MISSING_LEAD_UNIT", line, task.number,
         absl::StrFormat("task %s names no lead unit", task.number),
         absl::StrFormat("Nhiệm vụ %s chưa có cơ quan chủ trì", task.number));
  }

  switch (task.timeframe.kind) {
    case TimeframeKind::kOngoing:
    case TimeframeKind::kOngoingPeriodic:
      task.status = domain::TaskStatus::kOngoing;
      break;
    case TimeframeKind::kConditional:
      task.status = domain::TaskStatus::kWaiting;
      break;
    default:
      task.status = domain::TaskStatus::kNotStarted;
      break;
  }
  task.position = static_cast<int>(out_.tasks.size()) + 1;
  out_.tasks.push_back(std::move(task));
  task_lines_.push_back(line);
}

void Importer::BuildTableTasks(const std::vector<TaskTable>& tables, size_t closing,
                               const std::vector<SourceLine>& lines) {
  for (const TaskTable& table : tables) {
    // A table after the signature is an appendix ("Phụ lục"); one in the
    // body belongs to the roman part above it.
    const int header_line = lines[table.header].number;
    std::string part = "PL";
    if (table.header < closing) {
      part.clear();
      for (const Item& item : items_) {
        if (item.paras.front()->first_line() > header_line) break;
        if (item.marker.kind == MarkerKind::kRoman) part = item.marker.label;
      }
    }
    std::vector<std::string> rendered;
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const TaskTableRow& row = table.rows[r];
      auto cell = [&](const std::string& text) -> const Paragraph* {
        Paragraph& p = table_cells_.emplace_back();
        p.text = text;
        p.line_starts.emplace_back(0, row.line);
        return &p;
      };
      TaskSource source;
      source.table_row = true;
      source.number = row.number.empty() ? std::to_string(r + 1) : row.number;
      source.section = part;
      if (!row.group.empty()) source.section += (part.empty() ? "" : ".") + row.group;
      source.paras.push_back(cell(row.content));
      for (const std::string& more : row.more_content) source.paras.push_back(cell(more));
      const std::pair<AttributeKind, const std::string*> cells[] = {
          {AttributeKind::kLead, &row.lead},
          {AttributeKind::kCoordinate, &row.coordinating},
          {AttributeKind::kTimeframe, &row.timeframe}};
      std::vector<std::string> parts;
      for (const auto& [kind, value] : cells) {
        if (value->empty()) continue;
        Attribute a;
        a.kind = kind;
        a.value = std::string(TrimChars(*value, ".;,"));
        source.attributes.push_back(AttributeAt{std::move(a), cell(*value)});
        static constexpr std::string_view kLabels[] = {"Chủ trì", "Phối hợp", "Thời gian"};
        parts.push_back(std::string(kLabels[static_cast<int>(kind)]) + ": " + *value);
      }
      std::string content = row.content;
      for (const std::string& more : row.more_content) content += " " + more;
      rendered.push_back(source.number + ". " + content +
                         (parts.empty() ? "" : " (" + absl::StrJoin(parts, "; ") + ")"));
      BuildTask(source);
    }
    domain::Section section;
    section.number = table.header < closing ? "" : "PL";
    section.heading = table.caption;
    section.body = absl::StrJoin(rendered, "\n");
    section.level = 0;
    out_.plan.sections.push_back(std::move(section));
    section_lines_.push_back(header_line);
  }
}

void Importer::CollectCitations(const Paragraph* title, const std::vector<Paragraph>& preamble,
                                const std::vector<Paragraph>& body) {
  std::vector<Citation> from_title;
  if (title) from_title = FindCitations(*title, folder_);
  std::vector<Citation> from_preamble;
  for (const Paragraph& p : preamble) {
    for (Citation& c : FindCitations(p, folder_)) from_preamble.push_back(std::move(c));
  }
  std::vector<Citation> from_body;
  for (const Paragraph& p : body) {
    for (Citation& c : FindCitations(p, folder_)) from_body.push_back(std::move(c));
  }

  // The basis is what the preamble cites (the title when there is no
  // preamble), each document once, completed from its other citations.
  const std::vector<Citation>& basis_source = from_preamble.empty() ? from_title : from_preamble;
  std::vector<domain::DocumentRef>& basis = out_.plan.basis;
  for (const Citation& c : basis_source) {
    std::string key = folder_.Fold(c.ref.symbol);
    auto it = std::find_if(basis.begin(), basis.end(), [&](const domain::DocumentRef& r) {
      return folder_.Fold(r.symbol) == key;
    });
    if (it == basis.end()) basis.push_back(c.ref);
  }
  for (domain::DocumentRef& ref : basis) {
    std::string key = folder_.Fold(ref.symbol);
    for (const auto* list : {&from_preamble, &from_title, &from_body}) {
      for (const Citation& c : *list) {
        if (folder_.Fold(c.ref.symbol) != key) continue;
        // Only a citation that agrees on the date may fill gaps.
        if (ref.issue_date && c.ref.issue_date && *ref.issue_date != *c.ref.issue_date) continue;
        if (!ref.issue_date) ref.issue_date = c.ref.issue_date;
        if (ref.issuer.empty()) ref.issuer = c.ref.issuer;
        if (ref.title.empty()) ref.title = c.ref.title;
      }
    }
  }

  citations_ = std::move(from_title);
  for (Citation& c : from_preamble) citations_.push_back(std::move(c));
  for (Citation& c : from_body) citations_.push_back(std::move(c));
}

void Importer::InferIssuer(const std::vector<Paragraph>& preamble) {
  // "…, UBND huyện ban hành Kế hoạch triển khai thực hiện …"
  for (const Paragraph& p : preamble) {
    std::vector<Token> tokens = Tokenize(p.text, folder_);
    for (size_t k = 1; k < tokens.size(); ++k) {
      bool issues = (KeysAt(tokens, k, {"ban", "hanh"}) || KeysAt(tokens, k, {"xay", "dung"})) &&
                    KeysAt(tokens, k + 2, {"ke", "hoach"});
      if (!issues) continue;
      std::string_view before = TrimChars(std::string_view(p.text).substr(0, tokens[k].begin), "");
      if (auto unit = matcher_.MatchSuffix(before)) {
        out_.plan.issuer = unit->ref.display_name;
        out_.plan.issuer_unit_id = unit->ref.id;
        return;
      }
    }
  }
}

std::string Importer::ItemAtLine(int line) const {
  std::string label;
  for (const Item& item : items_) {
    if (item.paras.front()->first_line() > line) break;
    label = item.marker.label;
  }
  return label;
}

void Importer::HeaderWarnings() {
  const domain::Plan& plan = out_.plan;
  auto missing = [&](std::string_view field, std::string_view en, std::string_view vi) {
    Warn("MISSING_HEADER_FIELD", 0, "",
         absl::StrCat(std::string(en), " [", std::string(field), "]"), std::string(vi));
  };
  if (plan.title.empty()) {
    missing("title", "the plan has no title (the line after \"KẾ HOẠCH\")",
            "Kế hoạch không có trích yếu (dòng sau \"KẾ HOẠCH\")");
  }
  if (plan.symbol.empty()) {
    missing("symbol", "the plan has no symbol (\"Số: …/KH-…\")",
            "Kế hoạch không ghi số, ký hiệu (\"Số: …/KH-…\")");
  }
  if (!plan.issue_date) {
    missing("issue_date", "the plan has no issue date (\"…, ngày … tháng … năm …\")",
            "Kế hoạch không ghi ngày ban hành (\"…, ngày … tháng … năm …\")");
  }
  if (plan.place.empty()) {
    missing("place", "the plan has no place of issue (before \"ngày … tháng … năm …\")",
            "Kế hoạch không ghi địa danh (trước \"ngày … tháng … năm …\")");
  }
  if (plan.issuer.empty()) {
    missing("issuer", "the plan does not say who issues it", "Kế hoạch không ghi cơ quan ban hành");
  }
}

}  // namespace

absl::StatusOr<ImportedPlan> ImportPlanText(std::string_view text,
                                            const std::vector<DirectoryEntry>& directory) {
  Importer importer(directory);
  return importer.Run(text);
}

}  // namespace sangkien::importer
