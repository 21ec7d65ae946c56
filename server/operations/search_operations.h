// SearchService's use case: one ranked, accent-insensitive search over
// what the caller may read, with snippets marked in the original text.
#ifndef SANGKIEN_SERVER_OPERATIONS_SEARCH_OPERATIONS_H_
#define SANGKIEN_SERVER_OPERATIONS_SEARCH_OPERATIONS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "calendar/clock.h"
#include "domain/account.h"
#include "domain/search_kind.h"
#include "storage/database.h"
#include "text/search_text.h"

namespace sangkien::operations {

inline constexpr int kMaxSearchQueryLength = 200;  // code points
inline constexpr int kMaxSearchPageSize = 100;
inline constexpr int kDefaultSearchPageSize = 20;

// A search as a client asked for it.
struct SearchCommand {
  std::string query;                      // the words, as typed
  std::vector<domain::SearchKind> kinds;  // empty: every kind; kUnspecified is refused
  int page_size = 0;                      // 0: kDefaultSearchPageSize
};

// A search checked and reduced to what decides its results: two commands
// with the same words and kinds, however typed, give equal queries.
struct SearchQuery {
  std::vector<std::string> terms;         // from text::SearchTerms
  std::vector<domain::SearchKind> kinds;  // sorted, without repeats
  int page_size = kDefaultSearchPageSize;
};

struct SearchHit {
  std::string name;
  domain::SearchKind kind = domain::SearchKind::kUnspecified;
  std::string parent;
  std::string title;
  std::vector<text::TextSpan> title_matches;
  text::Snippet snippet;
  double score = 0;
};

struct SearchPage {
  std::vector<SearchHit> hits;
  int total = 0;
  bool more = false;
};

class SearchOperations {
 public:
  SearchOperations(storage::Database& db, calendar::Clock clock)
      : db_(db), clock_(std::move(clock)) {}

  // The query the command stands for. INVALID_ARGUMENT with every fault: a
  // blank query, one over kMaxSearchQueryLength characters or with no letter
  // or digit ("query"), a page size outside 0 to kMaxSearchPageSize
  // ("page_size"), an unspecified kind ("kinds[i]").
  static absl::StatusOr<SearchQuery> CheckSearch(const SearchCommand& command);

  // Up to query.page_size hits from `offset` on, over what the caller may
  // read (the caller's role decides whether the public or the internal view
  // is searched); an error only when the database fails.
  absl::StatusOr<SearchPage> Search(const domain::Caller& caller, const SearchQuery& query,
                                    int offset);

 private:
  storage::Database& db_;
  calendar::Clock clock_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_SEARCH_OPERATIONS_H_
