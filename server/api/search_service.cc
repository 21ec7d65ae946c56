#include "api/search_service.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/unary.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "text/search_text.h"
#include "text/vietnamese.h"

namespace sangkien::api {
namespace {

int CodePoints(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void AddSpans(const std::vector<text::TextSpan>& spans,
              google::protobuf::RepeatedPtrField<v1::TextRange>* out) {
  for (const auto& s : spans) {
    auto* r = out->Add();
    r->set_start(s.start);
    r->set_length(s.length);
  }
}

}  // namespace

absl::Status SearchServiceImpl::DoSearch(const domain::Caller& call, const v1::SearchRequest& req,
                                         v1::SearchResponse* resp) {
  domain::Violations v;
  std::string query = v.Text("query", req.query(), 4 * operations::kMaxSearchQueryLength, true);
  std::vector<std::string> terms;
  if (v.ok()) {
    if (CodePoints(query) > operations::kMaxSearchQueryLength) {
      v.Add("query",
            absl::StrCat("is longer than ", operations::kMaxSearchQueryLength, " characters"),
            absl::StrCat("dài quá ", operations::kMaxSearchQueryLength, " ký tự"));
    } else {
      terms = text::SearchTerms(query);
      if (terms.empty()) {
        v.Add("query", "has no letter or digit to search for", "không có chữ hay số nào để tìm");
      }
    }
  }
  if (req.page_size() < 0 || req.page_size() > operations::kMaxSearchPageSize) {
    v.Add("page_size", absl::StrCat("must be 0 to ", operations::kMaxSearchPageSize),
          absl::StrCat("phải từ 0 đến ", operations::kMaxSearchPageSize));
  }
  std::vector<storage::SearchKind> kinds;
  for (int i = 0; i < req.kinds_size(); ++i) {
    int k = req.kinds(i);
    if (k == v1::SEARCH_KIND_UNSPECIFIED || !v1::SearchKind_IsValid(k)) {
      v.Add(absl::StrCat("kinds[", i, "]"), "is not a search kind",
            "không phải là loại kết quả tìm kiếm");
      continue;
    }
    kinds.push_back(static_cast<storage::SearchKind>(k));
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  std::sort(kinds.begin(), kinds.end());
  kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());

  // The token is bound to the words and kinds, not to how they were typed.
  std::vector<std::string> kind_names;
  for (auto k : kinds) kind_names.push_back(absl::StrCat(static_cast<int>(k)));
  std::string scope =
      absl::StrCat("Search|", absl::StrJoin(terms, " "), "|", absl::StrJoin(kind_names, ","));
  int offset = 0;
  if (!req.page_token().empty()) {
    SK_ASSIGN_OR_RETURN(domain::PageCursor cursor, tokens_.Decode(scope, req.page_token()));
    if (cursor.last_id < 0 || cursor.last_id > 100000) {
      return InvalidField("page_token", "is not valid", "page_token không hợp lệ");
    }
    offset = static_cast<int>(cursor.last_id);
  }
  int page_size = req.page_size() == 0 ? operations::kDefaultSearchPageSize : req.page_size();
  SK_ASSIGN_OR_RETURN(auto page, ops_.Search(call, terms, kinds, offset, page_size));
  for (const auto& hit : page.hits) {
    auto* h = resp->add_hits();
    h->set_name(hit.name);
    h->set_kind(static_cast<v1::SearchKind>(hit.kind));
    h->set_title(hit.title);
    AddSpans(hit.title_matches, h->mutable_title_highlights());
    h->set_snippet(hit.snippet.text);
    AddSpans(hit.snippet.matches, h->mutable_highlights());
    h->set_score(hit.score);
    h->set_parent(hit.parent);
  }
  resp->set_total_size(page.total);
  if (page.more) {
    resp->set_next_page_token(
        tokens_.Encode(scope, domain::PageCursor{"", offset + static_cast<int64_t>(page_size)}));
  }
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* SearchServiceImpl::Search(grpc::CallbackServerContext* ctx,
                                                    const v1::SearchRequest* req,
                                                    v1::SearchResponse* resp) {
  return Unary<&SearchServiceImpl::DoSearch>(this, "sangkien.v1.SearchService/Search", ctx, req,
                                             resp);
}

}  // namespace sangkien::api
