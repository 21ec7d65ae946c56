// Task tables ("Phụ lục phân công nhiệm vụ") as Word gives them when copied
// as text: one row per line, cells separated by tabs, under a header row that
// names the columns ("TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối
// hợp | Thời gian hoàn thành").
#ifndef SANGKIEN_SERVER_IMPORTER_TASK_TABLE_H_
#define SANGKIEN_SERVER_IMPORTER_TASK_TABLE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "importer/source_text.h"
#include "importer/tokens.h"

namespace sangkien::importer {

struct TaskTableRow {
  int line = 0;
  std::string group;   // the last group row above ("I", "II"), if any
  std::string number;  // as written, without a final "."
  std::string content;
  std::vector<std::string> more_content;  // further paragraphs of the cell
  std::string lead;
  std::string coordinating;
  std::string timeframe;
};

struct TaskTable {
  size_t caption_begin = 0;  // first line of the caption above the header
  size_t header = 0;         // line index of the header row
  size_t end = 0;            // one past the last row
  std::string caption;       // "PHỤ LỤC PHÂN CÔNG NHIỆM VỤ …"
  std::vector<TaskTableRow> rows;
};

// Tables whose header names at least a content and a lead-unit column.
std::vector<TaskTable> FindTaskTables(const std::vector<SourceLine>& lines, FoldCache& folder);

}  // namespace sangkien::importer

#endif  // SANGKIEN_SERVER_IMPORTER_TASK_TABLE_H_
