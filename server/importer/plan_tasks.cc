// Tasks: from numbered items, their lettered parts or bullets, and the rows
// of task tables; with their units, title, body, timeframe and status.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "calendar/timeframe.h"
#include "importer/importer.h"

namespace sangkien::importer {
namespace {

using calendar::TimeframeKind;
using domain::UnitRef;

// The first sentence of the head paragraph, without the actor when the item
// starts by naming it ("Phòng Văn hóa, Thông tin chủ trì, phối hợp … tổ
// chức …") and without inline attributes; failing that, the first body
// paragraph that gives one.
std::string TaskTitle(const Paragraph& head, const TaskParts& parts,
                      const std::optional<ProseAssignment>& prose) {
  size_t title_begin = prose && !prose->copula ? prose->action_begin : 0;
  size_t title_end = head.text.size();
  for (const AttributeAt& a : parts.attributes) {
    // "… (thời gian thực hiện: Tháng 4/2024)" is no part of the title.
    if (a.paragraph == &head && a.attribute.label_begin > title_begin) {
      title_end = std::min(title_end, a.attribute.label_begin);
    }
  }
  std::string_view title_text =
      std::string_view(head.text).substr(title_begin, title_end - title_begin);
  std::string title = CapitaliseFirst(MakeTitle(title_text, kMaxTitleCodePoints));
  for (size_t i = 1; title.empty() && i < parts.body_paras.size(); ++i) {
    title = CapitaliseFirst(MakeTitle(parts.body_paras[i]->text, kMaxTitleCodePoints));
  }
  return title;
}

// Ongoing work is under way from the start; conditional work waits for its
// condition; everything else has not started.
domain::TaskStatus InitialStatus(TimeframeKind kind) {
  switch (kind) {
    case TimeframeKind::kOngoing:
    case TimeframeKind::kOngoingPeriodic:
      return domain::TaskStatus::kOngoing;
    case TimeframeKind::kConditional:
      return domain::TaskStatus::kWaiting;
    default:
      return domain::TaskStatus::kNotStarted;
  }
}

}  // namespace

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

TaskParts Importer::ReadTaskParts(const TaskSource& source) {
  TaskParts parts;
  parts.attributes = source.attributes;
  for (size_t i = 0; i < source.paras.size(); ++i) {
    const Paragraph* p = source.paras[i];
    if (i > 0 && StartsWithAttribute(p->text, folder_)) {
      for (Attribute& a : ParseAttributeParagraph(p->text, folder_)) {
        parts.attributes.push_back(AttributeAt{std::move(a), p});
      }
      parts.attribute_lines = true;
      continue;
    }
    parts.body_paras.push_back(p);
    for (Attribute& a : FindInlineAttributes(p->text, folder_)) {
      parts.attributes.push_back(AttributeAt{std::move(a), p});
    }
  }
  return parts;
}

void Importer::SetTimeframe(const std::vector<AttributeAt>& attributes, int line,
                            domain::Task* task) {
  const AttributeAt* when = nullptr;
  for (const AttributeAt& a : attributes) {
    if (a.attribute.kind == AttributeKind::kTimeframe && !a.attribute.value.empty()) {
      when = &a;
      break;
    }
  }
  if (!when) {
    Warn("MISSING_TIMEFRAME", line, task->number,
         absl::StrFormat("task %s has no timeframe", task->number),
         absl::StrFormat("Nhiệm vụ %s chưa có thời gian thực hiện", task->number));
    return;
  }
  task->timeframe = calendar::ParseTimeframe(when->attribute.value);
  if (task->timeframe.kind == TimeframeKind::kUnparsed) {
    Warn("UNPARSED_TIMEFRAME", when->paragraph->LineAt(when->attribute.value_begin), task->number,
         absl::StrFormat("the timeframe of %s (\"%s\") was not understood; it is kept as written",
                         task->number, when->attribute.value),
         absl::StrFormat("Không hiểu được thời gian thực hiện của nhiệm vụ %s (\"%s\"); giữ "
                         "nguyên văn",
                         task->number, when->attribute.value));
  }
}

void Importer::BuildTask(const TaskSource& source) {
  const Paragraph& head = *source.paras.front();
  const TaskParts parts = ReadTaskParts(source);
  auto has = [&](AttributeKind kind) {
    return std::any_of(parts.attributes.begin(), parts.attributes.end(), [&](const AttributeAt& a) {
      return a.attribute.kind == kind && !a.attribute.value.empty();
    });
  };
  std::optional<ProseAssignment> prose;
  if (!has(AttributeKind::kLead) && !source.has_children) {
    prose = matcher_.MatchAssignment(head.text);
  }
  // A heading over sub-items is a task only when it carries its own
  // attribute lines; otherwise its children are the tasks.
  bool is_task = source.has_children ? parts.attribute_lines : (!parts.attributes.empty() || prose);
  if (!is_task && !source.table_row) return;

  domain::Task task;
  task.number = source.number;
  task.section = source.section;

  task.lead_units = ResolveUnits(parts.attributes, AttributeKind::kLead, task.number);
  task.coordinating_units = ResolveUnits(parts.attributes, AttributeKind::kCoordinate, task.number);
  if (prose) {
    for (const FoundUnit& f : prose->lead) AddUnit(f, &task.lead_units);
    for (const FoundUnit& f : prose->coordinating) AddUnit(f, &task.coordinating_units);
  }
  task.title = TaskTitle(head, parts, prose);

  std::vector<std::string> body;
  for (size_t i = 0; i < parts.body_paras.size(); ++i) {
    body.push_back(i == 0 ? parts.body_paras[i]->text : parts.body_paras[i]->Full());
  }
  task.body = absl::StrJoin(body, "\n");

  const int line = head.first_line();
  SetTimeframe(parts.attributes, line, &task);
  if (task.lead_units.empty()) {
    Warn("MISSING_LEAD_UNIT", line, task.number,
         absl::StrFormat("task %s names no lead unit", task.number),
         absl::StrFormat("Nhiệm vụ %s chưa có cơ quan chủ trì", task.number));
  }
  task.status = InitialStatus(task.timeframe.kind);
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

}  // namespace sangkien::importer
