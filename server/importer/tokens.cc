#include "importer/tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>

#include "text/vietnamese.h"

namespace sangkien::importer {
namespace {

struct CodePoint {
  UChar32 c = 0;
  size_t begin = 0;
  size_t end = 0;
};

// Decodes the code point at `pos`; malformed bytes come back as U+FFFD one
// byte long (the importer validates UTF-8 first, so this is only a guard).
CodePoint DecodeAt(std::string_view s, size_t pos) {
  CodePoint cp;
  cp.begin = pos;
  int32_t i = static_cast<int32_t>(pos);
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  U8_NEXT(bytes, i, static_cast<int32_t>(s.size()), cp.c);
  if (cp.c < 0) cp.c = 0xFFFD;
  cp.end = static_cast<size_t>(i);
  return cp;
}

bool IsWordChar(UChar32 c) { return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c) || c == 0xA0; }

// Characters that stay inside a word when a letter or digit follows them.
bool IsInnerJoiner(UChar32 c, bool split_hyphens) {
  return c == '&' || c == '/' || c == '.' || c == '\'' || c == 0x2019 ||
         (c == '-' && !split_hyphens);
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) { return (ch & 0x80) == 0; });
}

}  // namespace

const std::string& FoldCache::Fold(std::string_view word) {
  auto it = cache_.find(std::string(word));
  if (it != cache_.end()) return it->second;
  std::string folded;
  if (IsAscii(word)) {
    folded.assign(word);
    for (char& ch : folded) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
  } else {
    folded = text::FoldForSearch(word);
  }
  return cache_.emplace(std::string(word), std::move(folded)).first->second;
}

std::vector<Token> Tokenize(std::string_view text, FoldCache& folder, bool split_hyphens) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    CodePoint cp = DecodeAt(text, pos);
    if (IsSpace(cp.c)) {
      pos = cp.end;
      continue;
    }
    if (!IsWordChar(cp.c)) {
      Token t;
      t.begin = cp.begin;
      t.end = cp.end;
      t.key.assign(text.substr(cp.begin, cp.end - cp.begin));
      // Dashes of every width separate the same way.
      if (cp.c == 0x2013 || cp.c == 0x2014 || cp.c == 0x2212) t.key = "-";
      tokens.push_back(std::move(t));
      pos = cp.end;
      continue;
    }
    Token t;
    t.begin = cp.begin;
    t.word = true;
    t.upper_start = u_isupper(cp.c) || u_istitle(cp.c);
    size_t end = cp.end;
    while (end < text.size()) {
      CodePoint next = DecodeAt(text, end);
      if (IsWordChar(next.c)) {
        end = next.end;
        continue;
      }
      if (IsInnerJoiner(next.c, split_hyphens) && next.end < text.size()) {
        CodePoint after = DecodeAt(text, next.end);
        if (u_isalnum(after.c)) {
          end = after.end;
          continue;
        }
      }
      break;
    }
    t.end = end;
    t.key = folder.Fold(text.substr(t.begin, t.end - t.begin));
    tokens.push_back(std::move(t));
    pos = end;
  }
  return tokens;
}

std::string_view TokenSpan(std::string_view text, const std::vector<Token>& tokens, size_t first,
                           size_t last) {
  if (first >= tokens.size() || last < first) return {};
  last = std::min(last, tokens.size() - 1);
  return text.substr(tokens[first].begin, tokens[last].end - tokens[first].begin);
}

bool KeysAt(const std::vector<Token>& tokens, size_t i,
            std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (i >= tokens.size() || !tokens[i].word || tokens[i].key != w) return false;
    ++i;
  }
  return true;
}

size_t CodePointCount(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

namespace {

// The first letter of `s`, or 0 when there is none before a digit.
UChar32 FirstLetter(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    CodePoint cp = DecodeAt(s, pos);
    if (u_isalpha(cp.c)) return cp.c;
    if (u_isdigit(cp.c)) return 0;
    pos = cp.end;
  }
  return 0;
}

}  // namespace

bool StartsUpper(std::string_view s) {
  UChar32 c = FirstLetter(s);
  return c != 0 && (u_isupper(c) || u_istitle(c));
}

bool StartsLower(std::string_view s) {
  UChar32 c = FirstLetter(s);
  return c != 0 && u_islower(c);
}

bool IsMostlyUpper(std::string_view s) {
  int letters = 0;
  int upper = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    CodePoint cp = DecodeAt(s, pos);
    if (u_isalpha(cp.c)) {
      ++letters;
      if (u_isupper(cp.c) || u_istitle(cp.c)) ++upper;
    }
    pos = cp.end;
  }
  // One stray lower-case letter ("ỦY BAN NHÂN DÂn" from a bad PDF font) is
  // tolerated on long lines.
  return letters >= 2 && upper * 10 >= letters * 9;
}

std::string CapitaliseFirst(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    CodePoint cp = DecodeAt(s, pos);
    if (u_isalpha(cp.c)) {
      UChar32 upper = u_toupper(cp.c);
      std::string out(s.substr(0, cp.begin));
      char buf[U8_MAX_LENGTH];
      int32_t len = 0;
      UBool error = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, U8_MAX_LENGTH, upper, error);
      if (error) return std::string(s);
      out.append(buf, static_cast<size_t>(len));
      out.append(s.substr(cp.end));
      return out;
    }
    pos = cp.end;
  }
  return std::string(s);
}

std::string_view TrimChars(std::string_view s, std::string_view chars) {
  auto strip = [&](char ch) { return ch == ' ' || chars.find(ch) != std::string_view::npos; };
  while (!s.empty() && strip(s.front())) s.remove_prefix(1);
  while (!s.empty() && strip(s.back())) s.remove_suffix(1);
  return s;
}

std::string ShortenAtWord(std::string_view s, size_t max_code_points) {
  if (CodePointCount(s) <= max_code_points) return std::string(s);
  // Byte offset of the code point that would overflow (leaving room for "…").
  size_t budget = max_code_points - 1;
  size_t pos = 0;
  size_t count = 0;
  while (pos < s.size() && count < budget) {
    pos = DecodeAt(s, pos).end;
    ++count;
  }
  std::string_view head = s.substr(0, pos);
  size_t space = head.rfind(' ');
  if (space != std::string_view::npos && space > 0) head = head.substr(0, space);
  head = TrimChars(head, ",;:-(.");
  return std::string(head) + "…";
}

bool OnlyChars(std::string_view s, std::string_view chars) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char ch) {
    return chars.find(ch) != std::string_view::npos;
  });
}

std::vector<std::string_view> SplitAny(std::string_view s, std::string_view separators,
                                       bool skip_empty) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && separators.find(s[i]) == std::string_view::npos) continue;
    if (!skip_empty || i > start) out.push_back(s.substr(start, i - start));
    start = i + 1;
  }
  return out;
}

bool ParseDecimal(std::string_view s, int* value) {
  if (s.empty() || s.size() > 9) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace sangkien::importer
