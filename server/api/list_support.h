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

absl::StatusOr<domain::ListQuery> BuildListQuery(const domain::PageTokenCodec& codec,
                                                 const ListParams& params, const ListSpec& spec);

// "" on the last page.
std::string NextPageToken(const domain::PageTokenCodec& codec, const ListParams& params,
                          const std::optional<domain::PageCursor>& next);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_LIST_SUPPORT_H_
