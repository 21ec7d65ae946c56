// Vietnamese text handling shared by server and kiosk: NFC normalisation,
// search folding (diacritics and đ ignored), collation. Backed by ICU.
#ifndef SANGKIEN_SHARED_TEXT_VIETNAMESE_H_
#define SANGKIEN_SHARED_TEXT_VIETNAMESE_H_

#include <string>
#include <string_view>

namespace sangkien::text {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past
// U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Copy of `s` with each ill-formed UTF-8 sequence (its maximal subpart, as
// the Unicode standard recommends) replaced by U+FFFD, so that text from
// outside can still be stored and sent in protobuf string fields.
std::string ReplaceInvalidUtf8(std::string_view s);

// NFC form of UTF-8 text. Invalid UTF-8 is returned unchanged (validate first).
std::string ToNfc(std::string_view s);

// Lower-case, diacritic-free, đ→d form for matching: "Đột phá, NĂNG ĐỘNG" →
// "dot pha, nang dong". NFC and NFD input fold the same. Marks of other
// scripts are dropped too, but their letters are not transliterated.
// Ill-formed UTF-8 comes out as U+FFFD.
std::string FoldForSearch(std::string_view s);

// Collapses every run of whitespace (including NBSP and line breaks) to one
// space and trims both ends.
std::string CollapseWhitespace(std::string_view s);

// <0, 0, >0 as `a` sorts before, with, after `b` in Vietnamese order
// (A < Ă < Â < B < … < D < Đ).
int CompareVietnamese(std::string_view a, std::string_view b);

// A binary sort key with the same order as CompareVietnamese, for storing in
// an indexed column.
std::string VietnameseSortKey(std::string_view s);

}  // namespace sangkien::text

#endif  // SANGKIEN_SHARED_TEXT_VIETNAMESE_H_
