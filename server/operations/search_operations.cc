#include "operations/search_operations.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "domain/validation.h"
#include "status/status_macros.h"
#include "storage/search_index.h"

namespace sangkien::operations {
namespace {

int CodePoints(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

absl::StatusOr<SearchQuery> SearchOperations::CheckSearch(const SearchCommand& command) {
  domain::Violations v;
  SearchQuery query;
  // Bytes first, so that counting characters never walks a huge string.
  std::string text = v.Text("query", command.query, 4 * kMaxSearchQueryLength, true);
  if (v.ok()) {
    if (CodePoints(text) > kMaxSearchQueryLength) {
      v.Add("query", absl::StrCat("is longer than ", kMaxSearchQueryLength, " characters"),
            absl::StrCat("dài quá ", kMaxSearchQueryLength, " ký tự"));
    } else {
      query.terms = text::SearchTerms(text);
      if (query.terms.empty()) {
        v.Add("query", "has no letter or digit to search for", "không có chữ hay số nào để tìm");
      }
    }
  }
  if (command.page_size < 0 || command.page_size > kMaxSearchPageSize) {
    v.Add("page_size", absl::StrCat("must be 0 to ", kMaxSearchPageSize),
          absl::StrCat("phải từ 0 đến ", kMaxSearchPageSize));
  }
  for (size_t i = 0; i < command.kinds.size(); ++i) {
    if (command.kinds[i] == domain::SearchKind::kUnspecified) {
      v.Add(absl::StrCat("kinds[", i, "]"), "is not a search kind",
            "không phải là loại kết quả tìm kiếm");
      continue;
    }
    query.kinds.push_back(command.kinds[i]);
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  std::sort(query.kinds.begin(), query.kinds.end());
  query.kinds.erase(std::unique(query.kinds.begin(), query.kinds.end()), query.kinds.end());
  query.page_size = command.page_size == 0 ? kDefaultSearchPageSize : command.page_size;
  return query;
}

absl::StatusOr<SearchPage> SearchOperations::Search(const domain::Caller& caller,
                                                    const SearchQuery& query, int offset) {
  const std::vector<std::string>& terms = query.terms;
  const int page_size = query.page_size;
  storage::SearchRequestSpec spec;
  spec.terms = terms;
  spec.kinds = query.kinds;
  spec.internal = caller.sees_internal_plans();
  spec.now = clock_();
  spec.offset = offset;
  spec.limit = page_size + 1;  // one more says whether a next page exists
  storage::SearchResultPage rows;
  SK_RETURN_IF_ERROR(db_.Read([&](storage::Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(rows, storage::SearchIndex::Query(c, spec));
    return absl::OkStatus();
  }));
  SearchPage page;
  page.total = rows.total;
  page.more = static_cast<int>(rows.rows.size()) > page_size;
  if (page.more) rows.rows.resize(page_size);
  for (auto& row : rows.rows) {
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

}  // namespace sangkien::operations
