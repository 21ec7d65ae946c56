// What an item's text says about its task: attribute labels ("Cơ quan chủ
// trì:", "- Đơn vị phối hợp:", "Thời hạn hoàn thành:") and the title (its
// first sentence).
#ifndef SANGKIEN_SERVER_IMPORTER_ITEM_TEXT_H_
#define SANGKIEN_SERVER_IMPORTER_ITEM_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importer/tokens.h"

namespace sangkien::importer {

enum class AttributeKind { kLead, kCoordinate, kTimeframe };

struct Attribute {
  AttributeKind kind = AttributeKind::kLead;
  std::string value;       // trimmed, without the final "." or ";"
  size_t value_begin = 0;  // byte offset of the value in the scanned text
  size_t label_begin = 0;  // where the label (or the "(" before it) starts
};

// Classifies a label (the words before a ':'), e.g. "Cơ quan đề xuất" →
// kLead, "Thời gian hoàn thành" → kTimeframe; nullopt for anything else.
std::optional<AttributeKind> ClassifyLabel(std::string_view label, FoldCache& folder);

// The text starts with an attribute label and its colon.
bool StartsWithAttribute(std::string_view text, FoldCache& folder);

// Attributes of a paragraph that starts with a label. One paragraph may hold
// several ("Chủ trì: Phòng Nội vụ; phối hợp: Phòng Tư pháp").
std::vector<Attribute> ParseAttributeParagraph(std::string_view text, FoldCache& folder);

// Attributes written inside running text, after "(", ";" or a sentence end:
// "… (thời gian hoàn thành: Quý III/2023)".
std::vector<Attribute> FindInlineAttributes(std::string_view text, FoldCache& folder);

// Byte length of the first sentence of `text`: up to a '.', '!' or '?' that
// ends a sentence, not one inside "14-KL/TW", "30/6/2022", "...," or
// "TP. Hồ Chí Minh".
size_t FirstSentenceLength(std::string_view text);

// A task title from item text: its first sentence without the final period,
// at most `max_code_points` long (cut at a word, ending in "…").
std::string MakeTitle(std::string_view text, size_t max_code_points = 300);

}  // namespace sangkien::importer

#endif  // SANGKIEN_SERVER_IMPORTER_ITEM_TEXT_H_
