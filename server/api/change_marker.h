// Change-feed markers: where a client stands in the feed (operations::
// FeedPosition), sealed like a page token and bound to the caller whose view
// of the data they summarise.
#ifndef SANGKIEN_SERVER_API_CHANGE_MARKER_H_
#define SANGKIEN_SERVER_API_CHANGE_MARKER_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "domain/account.h"
#include "domain/page_token.h"
#include "operations/sync_operations.h"

namespace sangkien::api {

// The scope a caller's markers are sealed under: one per account, one for
// the public.
std::string MarkerScope(const domain::Caller& call);

std::string EncodeMarker(const domain::PageTokenCodec& codec, const domain::Caller& call,
                         const operations::FeedPosition& position);

// The position `marker` holds. INVALID_ARGUMENT on field "resume_marker"
// when it is not a marker EncodeMarker gave this caller (tampered, another
// caller's, another server's) or holds a negative position. `marker` must
// not be empty: an empty marker means "from the start" to the caller.
absl::StatusOr<operations::FeedPosition> DecodeMarker(const domain::PageTokenCodec& codec,
                                                      const domain::Caller& call,
                                                      std::string_view marker);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_CHANGE_MARKER_H_
