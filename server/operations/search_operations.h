// SearchService's use case: one ranked, accent-insensitive search over
// what the caller may read, with snippets marked in the original text.
#ifndef SANGKIEN_SERVER_OPERATIONS_SEARCH_OPERATIONS_H_
#define SANGKIEN_SERVER_OPERATIONS_SEARCH_OPERATIONS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "calendar/clock.h"
#include "domain/account.h"
#include "storage/database.h"
#include "storage/search_index.h"
#include "text/search_text.h"

namespace sangkien::operations {

inline constexpr int kMaxSearchQueryLength = 200;  // code points
inline constexpr int kMaxSearchPageSize = 100;
inline constexpr int kDefaultSearchPageSize = 20;

struct SearchHit {
  std::string name;
  storage::SearchKind kind = storage::SearchKind::kUnspecified;
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

  // `terms` come from text::SearchTerms; the caller's role decides whether
  // the public or the internal view is searched.
  absl::StatusOr<SearchPage> Search(const domain::Caller& caller,
                                    const std::vector<std::string>& terms,
                                    const std::vector<storage::SearchKind>& kinds, int offset,
                                    int page_size);

 private:
  storage::Database& db_;
  calendar::Clock clock_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_SEARCH_OPERATIONS_H_
