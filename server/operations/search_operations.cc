#include "operations/search_operations.h"

#include "status/status_macros.h"

namespace sangkien::operations {

absl::StatusOr<SearchPage> SearchOperations::Search(
    const domain::Caller &caller, const std::vector<std::string> &terms,
    const std::vector<storage::SearchKind> &kinds, int offset, int page_size) {
  storage::SearchRequestSpec spec;
  spec.terms = terms;
  spec.kinds = kinds;
  spec.internal = caller.sees_internal_plans();
  spec.now = clock_();
  spec.offset = offset;
  spec.limit = page_size + 1; // one more says whether a next page exists
  storage::SearchResultPage rows;
  SK_RETURN_IF_ERROR(db_.Read([&](storage::Connection &c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(rows, storage::SearchIndex::Query(c, spec));
    return absl::OkStatus();
  }));
  SearchPage page;
  page.total = rows.total;
  page.more = static_cast<int>(rows.rows.size()) > page_size;
  if (page.more)
    rows.rows.resize(page_size);
  for (auto &row : rows.rows) {
    SearchHit hit;
    hit.name = std::move(row.resource);
    hit.kind = row.kind;
    hit.parent = std::move(row.parent);
    hit.title_matches = text::FindMatches(row.title, terms, true);
    hit.title = std::move(row.title);
    hit.snippet = text::MakeSnippet(row.body, terms, true);
    hit.score = row.score;
    page.hits.push_back(std::move(hit));
  }
  return page;
}

} // namespace sangkien::operations
