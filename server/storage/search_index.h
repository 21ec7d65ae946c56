// The full-text index behind SearchService: SQLite FTS5 over folded text
// (lower case, no diacritics, đ → d), ranked by BM25, with visibility in the
// query itself so that hits, counts and pages only ever reflect what the
// caller may read.
#ifndef SANGKIEN_SERVER_STORAGE_SEARCH_INDEX_H_
#define SANGKIEN_SERVER_STORAGE_SEARCH_INDEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "domain/search_kind.h"
#include "storage/database.h"

namespace sangkien::storage {

// Who a document's text is for.
enum class SearchAudience {
  kEveryone = 0,    // the same text for the public and internal roles
  kPublicView = 1,  // the public's (redacted) text; internal roles use kInternal
  kInternal = 2,    // internal roles only (drafts, unredacted text)
};

// Values match sangkien.v1.SearchKind.
using SearchKind = domain::SearchKind;

struct SearchDocument {
  SearchAudience audience = SearchAudience::kEveryone;
  SearchKind kind = SearchKind::kUnspecified;
  // Only for the public: outside [visible_from, visible_until) the document
  // is not public (a publish window).
  std::optional<absl::Time> visible_from;
  std::optional<absl::Time> visible_until;
  std::string parent;
  std::string title;  // NFC display text
  std::string body;   // NFC display text
};

struct SearchRequestSpec {
  std::vector<std::string> terms;  // folded words, all required
  bool last_is_prefix = true;
  std::vector<SearchKind> kinds;  // empty: all
  bool internal = false;          // internal roles' view, else the public's
  absl::Time now;                 // for publish windows
  int offset = 0;
  int limit = 20;
};

struct SearchRow {
  std::string resource;
  SearchKind kind = SearchKind::kUnspecified;
  std::string parent;
  std::string title;
  std::string body;
  double score = 0;  // higher is better
};

// A query ranks at most this many matches: the newest ones the caller may
// read (documents written last). Beyond that a query is too broad to page
// through, and ranking every match of a common word would cost time in
// proportion to the whole index.
inline constexpr int kMaxSearchCandidates = 1000;

struct SearchResultPage {
  std::vector<SearchRow> rows;
  int total = 0;  // the matches the caller may read, at most kMaxSearchCandidates
};

// Contract of every function below, unless its own comment says otherwise:
// Get*/Update*/Delete* return the row (or OK) on success and NOT_FOUND
// naming the resource when no row matches; Insert* return the new id;
// List*, *Of and other queries return an empty page or list when nothing
// matches. SQLite failures are thrown, not returned: the enclosing
// Database::Read/Write answers them as INTERNAL or UNAVAILABLE. Stateless;
// safe from any thread on the Connection of its own transaction.
class SearchIndex {
 public:
  // Replaces every document of `resource` by `documents` (none: removes it
  // from the index).
  static absl::Status Replace(Connection& c, const std::string& resource,
                              const std::vector<SearchDocument>& documents);
  static absl::Status Remove(Connection& c, const std::string& resource) {
    return Replace(c, resource, {});
  }
  static absl::StatusOr<SearchResultPage> Query(Connection& c, const SearchRequestSpec& spec);
};

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_SEARCH_INDEX_H_
