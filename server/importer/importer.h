// The Importer: the state one ImportPlanText call builds up (the outline of
// roman sections and numbered items, citations, the plan, its tasks and
// warnings) and the steps that fill it. Internal to the importer: the steps
// live in plan_importer.cc (the document as a whole), plan_outline.cc (items,
// numbering, sections) and plan_tasks.cc (tasks from items and table rows).
// One Importer serves one call on one thread.
#ifndef SANGKIEN_SERVER_IMPORTER_IMPORTER_H_
#define SANGKIEN_SERVER_IMPORTER_IMPORTER_H_

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "absl/status/statusor.h"
#include "importer/citations.h"
#include "importer/document_parts.h"
#include "importer/item_text.h"
#include "importer/paragraphs.h"
#include "importer/plan_importer.h"
#include "importer/source_text.h"
#include "importer/task_table.h"
#include "importer/tokens.h"
#include "importer/unit_matcher.h"

namespace sangkien::importer {

inline constexpr size_t kNoItem = static_cast<size_t>(-1);
inline constexpr size_t kMaxTitleCodePoints = 300;

// A roman section or a numbered item, with the paragraphs that belong to it
// directly (its own text, lettered sub-items, bullets, attribute lines).
struct Item {
  Marker marker;
  std::vector<const Paragraph*> paras;  // paras[0] carries the marker
  size_t parent = kNoItem;
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

// A task source read apart: its attributes (the table's cells, attribute
// lines and inline attributes) and the paragraphs that are its body.
struct TaskParts {
  std::vector<AttributeAt> attributes;
  std::vector<const Paragraph*> body_paras;
  bool attribute_lines = false;  // it has paragraphs that are attribute lines
};

// "II.4": the roman part and the first number of an item.
std::string SectionOf(const Item& item);

class Importer {
 public:
  explicit Importer(const std::vector<DirectoryEntry>& directory) : matcher_(directory, folder_) {}

  // What ImportPlanText returns; call once.
  absl::StatusOr<ImportedPlan> Run(std::string_view raw);

 private:
  void Warn(std::string code, int line, std::string item, std::string message,
            std::string message_vi) {
    out_.warnings.push_back(ImportWarning{std::move(code), line, std::move(item),
                                          std::move(message), std::move(message_vi)});
  }

  // The document as a whole (plan_importer.cc).
  // Fills the plan's header fields and `title`; returns the first body line.
  size_t ReadHeader(const std::vector<SourceLine>& lines, const LayoutHints& hints,
                    const std::optional<KindLine>& kind_line, Paragraph* title);
  // The body's paragraphs, lines [begin, closing), without the final "/.".
  std::vector<Paragraph> ReadBody(const std::vector<SourceLine>& lines, size_t begin,
                                  size_t closing, const LayoutHints& hints);
  // Whether the text reads as a plan rather than any numbered text.
  bool LooksLikePlan(bool has_kind_line, bool has_tables, const std::vector<Paragraph>& paragraphs);
  // Puts table rows and their sections among the items, by input line.
  void OrderByLine();
  void WarnCitationConflicts();
  void CollectCitations(const Paragraph* title, const std::vector<Paragraph>& preamble,
                        const std::vector<Paragraph>& body);
  void InferIssuer(const std::vector<Paragraph>& preamble);
  void HeaderWarnings();
  // The number of the item whose text holds input line `line`, if any.
  std::string ItemAtLine(int line) const;

  // Items, numbering and sections (plan_outline.cc).
  void BuildItems(const std::vector<Paragraph>& body);
  void CheckNumbering();
  void BuildSections();

  // Tasks (plan_tasks.cc).
  void BuildTasks();
  void BuildTableTasks(const std::vector<TaskTable>& tables, size_t closing,
                       const std::vector<SourceLine>& lines);
  std::vector<TaskSource> TaskSources(const Item& item);
  void BuildTask(const TaskSource& source);
  TaskParts ReadTaskParts(const TaskSource& source);
  // Sets the task's timeframe and warns when it is missing or not understood.
  void SetTimeframe(const std::vector<AttributeAt>& attributes, int line, domain::Task* task);
  std::vector<domain::UnitRef> ResolveUnits(const std::vector<AttributeAt>& attributes,
                                            AttributeKind kind, const std::string& number);
  void AddUnit(const FoundUnit& found, std::vector<domain::UnitRef>* refs);
  void ReportUnknown(FoundUnit& found, int line, const std::string& number);

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

}  // namespace sangkien::importer

#endif  // SANGKIEN_SERVER_IMPORTER_IMPORTER_H_
