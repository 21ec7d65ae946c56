// Word tokens over NFC plan text, each with its folded form, plus the small
// UTF-8 helpers the importer's parsers share. Matching happens on folded
// tokens so that case, diacritics, NFD input and typos such as "nganh" for
// "ngành" do not matter, while every token keeps its byte range so that what
// is reported is the plan's own wording.
#ifndef SANGKIEN_SERVER_IMPORTER_TOKENS_H_
#define SANGKIEN_SERVER_IMPORTER_TOKENS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sangkien::importer {

// Folds words with text::FoldForSearch, remembering the result: a plan has a
// few thousand distinct syllables but hundreds of thousands of tokens.
class FoldCache {
 public:
  const std::string& Fold(std::string_view word);

 private:
  std::unordered_map<std::string, std::string> cache_;
};

struct Token {
  size_t begin = 0;  // byte range in the tokenized text
  size_t end = 0;
  std::string key;  // folded word, or the punctuation character itself
  bool word = false;
  bool upper_start = false;  // the word starts with an upper-case letter
};

// Splits `text` into words and single punctuation characters. Inside a word,
// '&', '/', '.', '\'' and (unless `split_hyphens`) '-' are kept when a letter
// or digit follows, so "36-CTr/HU", "30/6/2022" and "TTTT&DL" stay whole.
std::vector<Token> Tokenize(std::string_view text, FoldCache& folder, bool split_hyphens = false);

// The bytes of tokens [first, last] of `text`.
std::string_view TokenSpan(std::string_view text, const std::vector<Token>& tokens, size_t first,
                           size_t last);

// True when tokens[i..] are words whose keys are `words` (folded, in order).
bool KeysAt(const std::vector<Token>& tokens, size_t i,
            std::initializer_list<std::string_view> words);

// UTF-8 helpers. Code points, not bytes.
size_t CodePointCount(std::string_view s);
// The first letter of `s` (skipping punctuation) is upper-case.
bool StartsUpper(std::string_view s);
// The first letter of `s` (skipping punctuation) is lower-case.
bool StartsLower(std::string_view s);
// At least two letters and (almost) all of them upper-case.
bool IsMostlyUpper(std::string_view s);
// `s` with its first letter upper-cased.
std::string CapitaliseFirst(std::string_view s);
// `s` without leading/trailing spaces and the given ASCII characters.
std::string_view TrimChars(std::string_view s, std::string_view chars);
// Cuts `s` to at most `max_code_points`, at a word boundary, ending with "…".
std::string ShortenAtWord(std::string_view s, size_t max_code_points);
// Every byte of `s` is one of `chars` (and `s` is not empty).
bool OnlyChars(std::string_view s, std::string_view chars);
// Pieces of `s` between any of the (ASCII) `separators`, empty ones dropped
// when `skip_empty`.
std::vector<std::string_view> SplitAny(std::string_view s, std::string_view separators,
                                       bool skip_empty);
// A non-negative decimal number made of ASCII digits only.
bool ParseDecimal(std::string_view s, int* value);

}  // namespace sangkien::importer

#endif  // SANGKIEN_SERVER_IMPORTER_TOKENS_H_
