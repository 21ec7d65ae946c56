// Turns a List request's paging fields into a domain ListQuery and back.
#ifndef SANGKIEN_SERVER_API_LIST_SUPPORT_H_
#define SANGKIEN_SERVER_API_LIST_SUPPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/list_query.h"
#include "domain/page_token.h"

namespace sangkien::api {

struct ListParams {
  std::string_view method;  // "ListTasks"
  std::string_view parent;  // "plans/1", or "" for top-level collections
  int page_size = 0;
  std::string_view page_token;
  std::string_view filter;
  std::string_view order_by;
};

using domain::ListSpec;

// The query one List call asks for: page size (default 50, at most 500),
// the cursor out of `page_token`, the filter and the order, each checked
// against `spec`. INVALID_ARGUMENT naming the field (page_size,
// page_token, filter, order_by) when one is malformed, not allowed by
// `spec`, or the token was issued for another method, parent, filter or
// order.
absl::StatusOr<domain::ListQuery> BuildListQuery(const domain::PageTokenCodec& codec,
                                                 const ListParams& params, const ListSpec& spec);

// The token for the page after the one just read, sealed with `codec` and
// bound to `params`; "" on the last page (`next` empty).
std::string NextPageToken(const domain::PageTokenCodec& codec, const ListParams& params,
                          const std::optional<domain::PageCursor>& next);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_LIST_SUPPORT_H_
