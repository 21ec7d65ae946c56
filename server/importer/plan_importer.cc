// ImportPlanText and the steps over the document as a whole: header, body,
// closing, whether it is a plan at all, citations, and the final order.
// Items and numbering are in plan_outline.cc, tasks in plan_tasks.cc.
#include "importer/plan_importer.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "importer/importer.h"

namespace sangkien::importer {

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

  const std::optional<KindLine> kind_line = FindKindLine(lines, folder_);
  Paragraph title;
  const size_t body_begin = ReadHeader(lines, hints, kind_line, &title);

  // Body and closing.
  size_t closing = FindClosingStart(lines, body_begin, folder_);
  std::vector<Paragraph> paragraphs = ReadBody(lines, body_begin, closing, hints);
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
  if (!LooksLikePlan(kind_line.has_value(), !tables.empty(), paragraphs)) {
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
  OrderByLine();
  WarnCitationConflicts();
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

size_t Importer::ReadHeader(const std::vector<SourceLine>& lines, const LayoutHints& hints,
                            const std::optional<KindLine>& kind_line, Paragraph* title) {
  size_t body_begin = 0;
  HeaderInfo header;
  if (kind_line) {
    header = ParseHeader(lines, 0, kind_line->index, folder_);
    body_begin = ReadTitle(lines, *kind_line, hints, folder_, title);
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
  domain::Plan& plan = out_.plan;
  plan.title = title->text;
  plan.symbol = header.symbol;
  plan.issuer = header.issuer;
  plan.place = header.place;
  plan.issue_date = header.issue_date;
  plan.kind = KindFromSymbol(plan.symbol, folder_);
  if (plan.kind == domain::DocumentKind::kUnspecified && kind_line) plan.kind = kind_line->kind;
  if (!plan.issuer.empty()) {
    if (auto unit = matcher_.MatchPrefix(plan.issuer)) plan.issuer_unit_id = unit->ref.id;
  }
  return body_begin;
}

std::vector<Paragraph> Importer::ReadBody(const std::vector<SourceLine>& lines, size_t begin,
                                          size_t closing, const LayoutHints& hints) {
  std::vector<Paragraph> paragraphs =
      Unwrap(lines, begin, closing, hints, [this](std::string_view line) {
        return StartsUpper(line) && StartsWithAttribute(line, folder_);
      });
  if (!paragraphs.empty()) {
    // "…đồng bộ và hiệu quả./." marks the end of the text.
    std::string& last = paragraphs.back().text;
    if (last.size() >= 3 && last.compare(last.size() - 3, 3, "./.") == 0) {
      last.erase(last.size() - 2);
    }
  }
  return paragraphs;
}

bool Importer::LooksLikePlan(bool has_kind_line, bool has_tables,
                             const std::vector<Paragraph>& paragraphs) {
  const bool has_structure = !items_.empty() || has_tables;
  bool plan_like = has_kind_line && (!out_.plan.title.empty() || has_structure);
  if (!plan_like && has_structure) {
    // Numbered text alone (a recipe, a list of steps) is no plan: it must
    // also speak the administrative language.
    plan_like = !citations_.empty() || !out_.plan.symbol.empty();
    for (size_t i = 0; !plan_like && i < paragraphs.size(); ++i) {
      plan_like = matcher_.MentionsAny(paragraphs[i].text) ||
                  StartsWithAttribute(paragraphs[i].text, folder_);
    }
  }
  return plan_like;
}

void Importer::OrderByLine() {
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

void Importer::WarnCitationConflicts() {
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

absl::StatusOr<ImportedPlan> ImportPlanText(std::string_view text,
                                            const std::vector<DirectoryEntry>& directory) {
  Importer importer(directory);
  return importer.Run(text);
}

}  // namespace sangkien::importer
