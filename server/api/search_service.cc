#include "api/search_service.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/enum_convert.h"
#include "api/unary.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "text/search_text.h"
#include "text/vietnamese.h"

namespace sangkien::api {
namespace {

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
  operations::SearchCommand command{req.query(), {}, req.page_size()};
  for (int k : req.kinds()) {
    command.kinds.push_back(
        FromProto(static_cast<v1::SearchKind>(k)).value_or(domain::SearchKind::kUnspecified));
  }
  SK_ASSIGN_OR_RETURN(operations::SearchQuery query,
                      operations::SearchOperations::CheckSearch(command));

  // The token is bound to the words and kinds, not to how they were typed.
  std::vector<std::string> kind_names;
  for (auto k : query.kinds) kind_names.push_back(absl::StrCat(static_cast<int>(ToProto(k))));
  std::string scope =
      absl::StrCat("Search|", absl::StrJoin(query.terms, " "), "|", absl::StrJoin(kind_names, ","));
  int offset = 0;
  if (!req.page_token().empty()) {
    SK_ASSIGN_OR_RETURN(domain::PageCursor cursor, tokens_.Decode(scope, req.page_token()));
    if (cursor.last_id < 0 || cursor.last_id > 100000) {
      return InvalidField("page_token", "is not valid", "page_token không hợp lệ");
    }
    offset = static_cast<int>(cursor.last_id);
  }
  SK_ASSIGN_OR_RETURN(auto page, ops_.Search(call, query, offset));
  for (const auto& hit : page.hits) {
    auto* h = resp->add_hits();
    h->set_name(hit.name);
    h->set_kind(ToProto(hit.kind));
    h->set_title(hit.title);
    AddSpans(hit.title_matches, h->mutable_title_highlights());
    h->set_snippet(hit.snippet.text);
    AddSpans(hit.snippet.matches, h->mutable_highlights());
    h->set_score(hit.score);
    h->set_parent(hit.parent);
  }
  resp->set_total_size(page.total);
  if (page.more) {
    resp->set_next_page_token(tokens_.Encode(
        scope, domain::PageCursor{"", offset + static_cast<int64_t>(query.page_size)}));
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
