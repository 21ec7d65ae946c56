// What a caller asks PublicityOperations to write, in domain types: the gRPC
// service and sangkienctl both build these, and the operation checks every
// field of them, so neither door can store what the other would refuse.
//
// Values an adapter could not read keep a shape the checks refuse with the
// same field violation the adapter's reading would have given, so that one
// reply lists every problem of a request:
//   - a reference (station, unit, proposal): 0 when none was given,
//     kUnreadableId when the resource name had another shape;
//   - a required time: absl::UnixEpoch() when none was given (the API's
//     unset Timestamp); a time outside years 1 to 9999, or
//     absl::InfinitePast() for a Timestamp that is not one, is refused;
//   - a required duration: zero when none was given;
//   - a publication state: kUnreadableState for a number the API does not
//     define; kUnspecified is taken as a draft.
#ifndef SANGKIEN_SERVER_OPERATIONS_PUBLICITY_COMMANDS_H_
#define SANGKIEN_SERVER_OPERATIONS_PUBLICITY_COMMANDS_H_

#include <cstdint>

#include "absl/time/time.h"
#include "domain/field_mask.h"
#include "domain/publicity.h"
#include "operations/directory_operations.h"

namespace sangkien::operations {

inline constexpr int64_t kUnreadableId = -1;
inline constexpr domain::PublicationState kUnreadableState =
    static_cast<domain::PublicationState>(-1);

// The client's fields of a new broadcast; output-only fields are ignored.
struct CreateBroadcastCommand {
  domain::Broadcast broadcast;
  Idempotency idempotency;
};
// `patch.id` names the broadcast; `paths` spell the API's field names.
using UpdateBroadcastCommand = domain::Update<domain::Broadcast>;

struct CreateCaseStudyCommand {
  domain::CaseStudy case_study;
  Idempotency idempotency;
};
// `patch.id` names the case study.
using UpdateCaseStudyCommand = domain::Update<domain::CaseStudy>;

// `image.case_study_id` names the parent; sha256 and size are computed.
struct AddCaseStudyImageCommand {
  domain::CaseStudyImage image;
  Idempotency idempotency;
};

struct CreateAnnouncementCommand {
  domain::Announcement announcement;
  Idempotency idempotency;
};
// `patch.id` names the announcement.
using UpdateAnnouncementCommand = domain::Update<domain::Announcement>;

// The airings of one station (0: every station) over [from, to).
struct AiringsQuery {
  int64_t station_unit_id = 0;
  absl::Time from;
  absl::Time to;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_PUBLICITY_COMMANDS_H_
