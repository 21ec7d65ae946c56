// Accent-insensitive matching shared by the server's search and the kiosk's
// offline search: the same words are found either way, and the matched words
// are marked in the original (accented) text.
#ifndef SANGKIEN_SHARED_TEXT_SEARCH_TEXT_H_
#define SANGKIEN_SHARED_TEXT_SEARCH_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace sangkien::text {

// The folded words of a query ("Dám nghĩ, DÁM làm" → dam nghi dam lam).
// Words are runs of letters and digits; everything else separates them.
std::vector<std::string> SearchTerms(std::string_view query);

// A stretch of text in Unicode code points.
struct TextSpan {
  int start = 0;
  int length = 0;
  friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

// Where the words of `text` that match `terms` are: a word matches a term
// when their folded forms are equal, or, for the last term when
// `last_is_prefix`, when the word's folded form starts with it.
std::vector<TextSpan> FindMatches(std::string_view text, const std::vector<std::string>& terms,
                                  bool last_is_prefix);

// Whether every term matches some word of `text` (the offline search rule,
// the same as the server's).
bool MatchesAll(std::string_view text, const std::vector<std::string>& terms, bool last_is_prefix);

struct Snippet {
  std::string text;                // NFC, with "…" where cut
  std::vector<TextSpan> matches;  // in `text`
};

// About `max_words` words of `text` around its first match (its start when
// nothing matches), on one line.
Snippet MakeSnippet(std::string_view text, const std::vector<std::string>& terms,
                    bool last_is_prefix, int max_words = 30);

}  // namespace sangkien::text

#endif  // SANGKIEN_SHARED_TEXT_SEARCH_TEXT_H_
