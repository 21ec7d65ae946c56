#include "text/search_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>

#include "text/vietnamese.h"

namespace sangkien::text {

namespace {

// A word of the original text: byte range and code point range.
struct Word {
  size_t byte_begin = 0;
  size_t byte_end = 0;
  int cp_begin = 0;
  int cp_end = 0;
};

bool IsWordChar(UChar32 c) {
  // Combining marks belong to the letter before them (NFD input).
  return u_isalnum(c) || u_getCombiningClass(c) != 0 ||
         u_charType(c) == U_NON_SPACING_MARK;
}

std::vector<Word> SplitWords(std::string_view s) {
  std::vector<Word> words;
  const auto *p = reinterpret_cast<const uint8_t *>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  int cp = 0;
  bool in_word = false;
  Word current;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, length, c);
    bool word = c >= 0 && IsWordChar(c);
    if (word && !in_word) {
      current = {static_cast<size_t>(start), 0, cp, 0};
      in_word = true;
    } else if (!word && in_word) {
      current.byte_end = static_cast<size_t>(start);
      current.cp_end = cp;
      words.push_back(current);
      in_word = false;
    }
    ++cp;
  }
  if (in_word) {
    current.byte_end = s.size();
    current.cp_end = cp;
    words.push_back(current);
  }
  return words;
}

// Folding one code point at a time gives what FoldForSearch gives for the
// whole word (case, marks and đ fold character by character; a lone
// combining mark folds to nothing), and a cache makes it cheap: snippets fold
// every word of long plan texts.
std::string FoldWord(std::string_view word) {
  thread_local std::unordered_map<UChar32, std::string> cache;
  std::string out;
  const auto *p = reinterpret_cast<const uint8_t *>(word.data());
  int32_t length = static_cast<int32_t>(word.size());
  int32_t i = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c >= 0 && c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      continue;
    }
    auto it = cache.find(c);
    if (it == cache.end()) {
      if (cache.size() > 4096)
        cache.clear();
      it = cache
               .emplace(c, FoldForSearch(
                               word.substr(static_cast<size_t>(start),
                                           static_cast<size_t>(i - start))))
               .first;
    }
    out += it->second;
  }
  return out;
}

bool WordMatches(const std::string &folded,
                 const std::vector<std::string> &terms, bool last_is_prefix,
                 std::vector<bool> *hit) {
  bool any = false;
  for (size_t t = 0; t < terms.size(); ++t) {
    bool prefix = last_is_prefix && t + 1 == terms.size();
    bool match = prefix ? folded.compare(0, terms[t].size(), terms[t]) == 0
                        : folded == terms[t];
    if (match) {
      any = true;
      if (hit)
        (*hit)[t] = true;
    }
  }
  return any;
}

} // namespace

std::vector<std::string> SearchTerms(std::string_view query) {
  std::string folded = FoldForSearch(query);
  std::vector<std::string> terms;
  for (const Word &w : SplitWords(folded)) {
    terms.emplace_back(folded.substr(w.byte_begin, w.byte_end - w.byte_begin));
  }
  return terms;
}

std::vector<TextSpan> FindMatches(std::string_view text,
                                  const std::vector<std::string> &terms,
                                  bool last_is_prefix) {
  std::vector<TextSpan> spans;
  if (terms.empty())
    return spans;
  for (const Word &w : SplitWords(text)) {
    std::string folded =
        FoldWord(text.substr(w.byte_begin, w.byte_end - w.byte_begin));
    if (WordMatches(folded, terms, last_is_prefix, nullptr)) {
      spans.push_back({w.cp_begin, w.cp_end - w.cp_begin});
    }
  }
  return spans;
}

bool MatchesAll(std::string_view text, const std::vector<std::string> &terms,
                bool last_is_prefix) {
  if (terms.empty())
    return false;
  std::vector<bool> hit(terms.size(), false);
  for (const Word &w : SplitWords(text)) {
    std::string folded =
        FoldWord(text.substr(w.byte_begin, w.byte_end - w.byte_begin));
    WordMatches(folded, terms, last_is_prefix, &hit);
  }
  return std::all_of(hit.begin(), hit.end(), [](bool b) { return b; });
}

Snippet MakeSnippet(std::string_view text,
                    const std::vector<std::string> &terms, bool last_is_prefix,
                    int max_words) {
  std::string flat = CollapseWhitespace(ToNfc(text));
  std::vector<Word> words = SplitWords(flat);
  Snippet out;
  if (words.empty()) {
    out.text = flat.substr(0, 200);
    return out;
  }
  std::vector<bool> matched(words.size(), false);
  size_t first = words.size();
  for (size_t i = 0; i < words.size(); ++i) {
    const Word &w = words[i];
    std::string folded =
        FoldWord(flat.substr(w.byte_begin, w.byte_end - w.byte_begin));
    matched[i] = WordMatches(folded, terms, last_is_prefix, nullptr);
    if (matched[i] && first == words.size())
      first = i;
  }
  if (first == words.size())
    first = 0;
  // A few words of context before the first match.
  size_t begin = first > 5 ? first - 5 : 0;
  size_t end = std::min(words.size(),
                        begin + static_cast<size_t>(std::max(max_words, 1)));
  if (end == words.size() && words.size() > static_cast<size_t>(max_words)) {
    begin = words.size() - static_cast<size_t>(max_words);
  }
  size_t byte_begin = begin == 0 ? 0 : words[begin].byte_begin;
  size_t byte_end = end == words.size() ? flat.size() : words[end - 1].byte_end;
  int cp_base = begin == 0 ? 0 : words[begin].cp_begin;
  int shift = 0;
  if (begin > 0) {
    out.text = "… ";
    shift = 2;
  }
  out.text += flat.substr(byte_begin, byte_end - byte_begin);
  if (end < words.size())
    out.text += " …";
  for (size_t i = begin; i < end; ++i) {
    if (!matched[i])
      continue;
    out.matches.push_back({words[i].cp_begin - cp_base + shift,
                           words[i].cp_end - words[i].cp_begin});
  }
  return out;
}

} // namespace sangkien::text
