#include "api/change_marker.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "status/errors.h"

namespace sangkien::api {

std::string MarkerScope(const domain::Caller& call) {
  return call.principal.is_public() ? std::string("Changes|public")
                                    : absl::StrCat("Changes|accounts/", call.principal.account_id);
}

std::string EncodeMarker(const domain::PageTokenCodec& codec, const domain::Caller& call,
                         const operations::FeedPosition& position) {
  return codec.Encode(MarkerScope(call),
                      domain::PageCursor{absl::StrCat(position.compacted), position.seq});
}

absl::StatusOr<operations::FeedPosition> DecodeMarker(const domain::PageTokenCodec& codec,
                                                      const domain::Caller& call,
                                                      std::string_view marker) {
  auto cursor = codec.Decode(MarkerScope(call), marker);
  int64_t compacted = 0;
  if (!cursor.ok() || !absl::SimpleAtoi(cursor->sort_value, &compacted) || cursor->last_id < 0 ||
      compacted < 0) {
    return InvalidField("resume_marker",
                        "is not a marker this server gave to this caller; resync from an "
                        "empty marker",
                        "resume_marker không hợp lệ với người gọi này; hãy đồng bộ lại từ "
                        "đầu");
  }
  return operations::FeedPosition{cursor->last_id, compacted};
}

}  // namespace sangkien::api
