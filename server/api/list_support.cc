#include "api/list_support.h"

#include "absl/strings/str_cat.h"
#include "status/errors.h"
#include "status/status_macros.h"

namespace sangkien::api {
namespace {

// A token is valid only for the request it came from: same method, parent,
// filter and order (page_size may change between pages).
std::string Scope(const ListParams& p) {
  return absl::StrCat(std::string(p.method), "\n", std::string(p.parent), "\n", std::string(p.filter),
                      "\n", std::string(p.order_by));
}

}  // namespace

absl::StatusOr<domain::ListQuery> BuildListQuery(const domain::PageTokenCodec& codec,
                                                 const ListParams& params, const ListSpec& spec) {
  domain::ListQuery query;
  SK_ASSIGN_OR_RETURN(query.page_size, domain::CheckPageSize(params.page_size));
  if (spec.filter_fields != nullptr) {
    SK_ASSIGN_OR_RETURN(query.filter, domain::ParseFilter(params.filter, *spec.filter_fields));
  } else if (!params.filter.empty()) {
    return InvalidField("filter", "this list takes no filter", "Danh sách này không có bộ lọc");
  }
  if (spec.order_fields != nullptr) {
    SK_ASSIGN_OR_RETURN(query.order,
                        domain::ParseOrderBy(params.order_by, *spec.order_fields, spec.default_order));
  } else if (!params.order_by.empty()) {
    return InvalidField("order_by", "this list has a fixed order", "Danh sách này có thứ tự cố định");
  } else {
    query.order = spec.default_order;
  }
  if (!params.page_token.empty()) {
    SK_ASSIGN_OR_RETURN(auto cursor, codec.Decode(Scope(params), params.page_token));
    query.after = std::move(cursor);
  }
  return query;
}

std::string NextPageToken(const domain::PageTokenCodec& codec, const ListParams& params,
                          const std::optional<domain::PageCursor>& next) {
  if (!next) return "";
  return codec.Encode(Scope(params), *next);
}

}  // namespace sangkien::api
