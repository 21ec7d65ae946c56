#include "importer/task_table.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_join.h"
#include "importer/item_text.h"
#include "importer/paragraphs.h"

namespace sangkien::importer {
namespace {

constexpr int kNoColumn = -1;

struct Columns {
  int number = kNoColumn;
  int content = kNoColumn;
  int lead = kNoColumn;
  int coordinating = kNoColumn;
  int timeframe = kNoColumn;
};

bool HasWords(const std::vector<Token>& tokens, std::initializer_list<std::string_view> words) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (KeysAt(tokens, i, words)) return true;
  }
  return false;
}

std::optional<Columns> ReadHeader(const std::vector<std::string>& cells, FoldCache& folder) {
  if (cells.size() < 3) return std::nullopt;
  Columns c;
  for (size_t i = 0; i < cells.size(); ++i) {
    const int col = static_cast<int>(i);
    std::vector<Token> tokens = Tokenize(cells[i], folder);
    std::string words;
    for (const Token& t : tokens) {
      if (t.word) words += (words.empty() ? "" : " ") + t.key;
    }
    if (words == "tt" || words == "stt" || words == "so tt" || words == "so thu tu") {
      c.number = col;
      continue;
    }
    std::optional<AttributeKind> kind = ClassifyLabel(cells[i], folder);
    if (kind == AttributeKind::kLead && c.lead == kNoColumn) {
      c.lead = col;
    } else if (kind == AttributeKind::kCoordinate && c.coordinating == kNoColumn) {
      c.coordinating = col;
    } else if (kind == AttributeKind::kTimeframe && c.timeframe == kNoColumn) {
      c.timeframe = col;
    } else if (c.content == kNoColumn &&
               (HasWords(tokens, {"noi", "dung"}) || HasWords(tokens, {"nhiem", "vu"}) ||
                HasWords(tokens, {"cong", "viec"}) || HasWords(tokens, {"hoat", "dong"}))) {
      c.content = col;
    }
  }
  if (c.content == kNoColumn || c.lead == kNoColumn) return std::nullopt;
  return c;
}

std::string Cell(const std::vector<std::string>& cells, int col) {
  if (col == kNoColumn || static_cast<size_t>(col) >= cells.size()) return "";
  return cells[col];
}

// "(1) (2) (3)" or "1 2 3": the column numbering some tables carry.
bool IsColumnNumbering(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
    std::string_view s = TrimChars(c, "()");
    return s.empty() || OnlyChars(s, "0123456789");
  });
}

}  // namespace

std::vector<TaskTable> FindTaskTables(const std::vector<SourceLine>& lines, FoldCache& folder) {
  std::vector<TaskTable> tables;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::optional<Columns> columns = ReadHeader(lines[i].cells, folder);
    if (!columns) continue;
    TaskTable table;
    table.header = i;
    // The caption: the lines right above the header, in capitals ("PHỤ
    // LỤC", "PHÂN CÔNG NHIỆM VỤ …") or in parentheses ("(Kèm theo Kế hoạch
    // số …)"); numbered text above a table belongs to the body.
    size_t top = i;
    while (top > 0 && i - top < 4) {
      const SourceLine& above = lines[top - 1];
      if (above.blank() || !above.cells.empty()) break;
      if (ParseMarker(above.text).kind != MarkerKind::kNone) break;
      if (!IsMostlyUpper(above.text) && above.text.front() != '(') break;
      --top;
    }
    table.caption_begin = top;
    std::vector<std::string> caption;
    for (size_t k = top; k < i; ++k) caption.push_back(lines[k].text);
    table.caption = absl::StrJoin(caption, " ");

    std::string group;
    size_t k = i + 1;
    for (; k < lines.size(); ++k) {
      const SourceLine& line = lines[k];
      if (line.blank()) continue;
      if (line.cells.size() < 2) break;
      if (ReadHeader(line.cells, folder) || IsColumnNumbering(line.cells)) continue;
      TaskTableRow row;
      row.line = line.number;
      row.number = std::string(TrimChars(Cell(line.cells, columns->number), "."));
      row.content = Cell(line.cells, columns->content);
      row.lead = Cell(line.cells, columns->lead);
      row.coordinating = Cell(line.cells, columns->coordinating);
      row.timeframe = Cell(line.cells, columns->timeframe);
      bool assigns = !row.lead.empty() || !row.coordinating.empty() || !row.timeframe.empty();
      if (!assigns) {
        if (row.number.empty() && !table.rows.empty()) {
          // A cell's second paragraph, on a line of its own.
          table.rows.back().more_content.push_back(row.content);
        } else if (!row.content.empty() || !row.number.empty()) {
          // "II | CÔNG TÁC TUYÊN TRUYỀN": a group of rows.
          group = row.number.empty() ? row.content : row.number;
        }
        continue;
      }
      row.group = group;
      table.rows.push_back(std::move(row));
    }
    table.end = k;
    if (!table.rows.empty()) tables.push_back(std::move(table));
    i = k > 0 ? k - 1 : k;
  }
  return tables;
}

}  // namespace sangkien::importer
