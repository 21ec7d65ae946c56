#include "text/vietnamese.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace sangkien::text {
namespace {

constexpr char32_t kLowerDStroke = U'\u0111';  // đ; Đ lower-cases to it
// Ð (U+00D0, Icelandic eth) turns up in Vietnamese text converted from legacy
// encodings in place of Đ. ICU's Latin-ASCII folds it (and ð) to d as well.
constexpr char32_t kLowerEth = U'\u00F0';
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Decodes the sequence starting at s[i]. On success stores the code point and
// returns its length; on failure returns the negated length of the maximal
// subpart (at least one byte) so callers can skip it as a unit.
int DecodeUtf8(std::string_view s, size_t i, char32_t* cp) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t lead = byte(i);
  if (lead < 0x80) {
    *cp = lead;
    return 1;
  }
  int length;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  char32_t value;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // past U+10FFFF
  } else {
    return -1;  // continuation byte, C0/C1 (overlong) or F5..FF
  }
  for (int k = 1; k < length; ++k) {
    if (i + k >= s.size()) return -k;
    const uint8_t b = byte(i + k);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return -k;
    value = (value << 6) | (b & 0x3F);
  }
  *cp = value;
  return length;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<uint8_t>(c) >= 0x80) return false;
  }
  return true;
}

icu::UnicodeString FromUtf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Collators are not meant to be shared between threads while in use, and
// building one from the "vi" rules is far slower than cloning: build one
// prototype, clone it once per thread. The prototype is never destroyed so
// that threads outliving static destruction still find it.
const icu::Collator* PrototypeCollator() {
  static const icu::Collator* const prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Collator* collator = icu::Collator::createInstance(icu::Locale("vi"), status);
    if (U_FAILURE(status)) {
      delete collator;
      return static_cast<icu::Collator*>(nullptr);
    }
    // NFC and NFD spellings of the same word must sort together.
    collator->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
    return collator;
  }();
  return prototype;
}

icu::Collator* ThreadCollator() {
  thread_local const std::unique_ptr<icu::Collator> collator(
      PrototypeCollator() == nullptr ? nullptr : PrototypeCollator()->clone());
  return collator.get();
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  char32_t cp;
  while (i < s.size()) {
    const int n = DecodeUtf8(s, i, &cp);
    if (n < 0) return false;
    i += n;
  }
  return true;
}

std::string ReplaceInvalidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  char32_t cp;
  while (i < s.size()) {
    const int n = DecodeUtf8(s, i, &cp);
    if (n > 0) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out.append(kReplacement);
      i += -n;
    }
  }
  return out;
}

std::string ToNfc(std::string_view s) {
  if (IsAscii(s) || !IsValidUtf8(s)) return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  const icu::UnicodeString text = FromUtf8(s);
  // Most stored text is NFC already; checking is cheaper than rebuilding.
  if (nfc->isNormalized(text, status) && U_SUCCESS(status)) return std::string(s);
  status = U_ZERO_ERROR;
  const icu::UnicodeString normalized = nfc->normalize(text, status);
  if (U_FAILURE(status)) return std::string(s);
  return ToUtf8(normalized);
}

// Done with Normalizer2 and per-character properties instead of a
// Transliterator: Normalizer2 instances are immutable and thread-safe, the
// work is several times faster than the rule-based transliterator, and unlike
// "Any-Latin; Latin-ASCII" it leaves other scripts alone.
std::string FoldForSearch(std::string_view s) {
  if (IsAscii(s)) {
    std::string out(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString text = nfd->normalize(FromUtf8(s), status);
  if (U_FAILURE(status)) return std::string(s);
  // Lower-case after decomposing: lower-casing can itself produce marks (İ
  // becomes i + U+0307), which the next step then drops.
  text.toLower(icu::Locale::getRoot());
  icu::UnicodeString stripped;
  const int32_t length = text.length();
  for (int32_t i = 0; i < length;) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    // đ is a letter of its own, not d plus a mark, so decomposition keeps it.
    if (c == static_cast<UChar32>(kLowerDStroke) || c == static_cast<UChar32>(kLowerEth)) {
      stripped.append(static_cast<UChar>('d'));
    } else {
      stripped.append(c);
    }
  }
  // Recompose what is left (Hangul jamo, spacing marks) so NFC and NFD input
  // give byte-identical output.
  const icu::UnicodeString folded = nfc->normalize(stripped, status);
  if (U_FAILURE(status)) return ToUtf8(stripped);
  return ToUtf8(folded);
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    const int n = DecodeUtf8(s, i, &cp);
    if (n < 0) {
      // Keep ill-formed bytes as they are: this function only touches spaces.
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.append(s.substr(i, -n));
      i += -n;
      continue;
    }
    if (u_isUWhiteSpace(static_cast<UChar32>(cp))) {
      pending_space = true;
    } else {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

int CompareVietnamese(std::string_view a, std::string_view b) {
  icu::Collator* collator = ThreadCollator();
  if (collator == nullptr) return a < b ? -1 : (b < a ? 1 : 0);
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult result =
      collator->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                            icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) return a < b ? -1 : (b < a ? 1 : 0);
  return result == UCOL_LESS ? -1 : (result == UCOL_GREATER ? 1 : 0);
}

std::string VietnameseSortKey(std::string_view s) {
  icu::Collator* collator = ThreadCollator();
  if (collator == nullptr) return std::string(s);
  const icu::UnicodeString text = FromUtf8(s);
  std::vector<uint8_t> key(64 + 4 * static_cast<size_t>(text.length()));
  int32_t needed = collator->getSortKey(text, key.data(), static_cast<int32_t>(key.size()));
  if (needed > static_cast<int32_t>(key.size())) {
    key.resize(needed);
    needed = collator->getSortKey(text, key.data(), static_cast<int32_t>(key.size()));
  }
  // ICU counts the terminating zero byte. Keys contain no other zero byte, so
  // dropping it keeps memcmp order (a prefix still sorts first) and lets the
  // key live in a BLOB column without a stray terminator.
  if (needed > 0 && key[needed - 1] == 0) --needed;
  return std::string(reinterpret_cast<const char*>(key.data()), needed > 0 ? needed : 0);
}

}  // namespace sangkien::text
