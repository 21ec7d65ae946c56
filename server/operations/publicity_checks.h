// The rules a broadcast, case study, announcement or image must meet before
// PublicityOperations stores it, and the bounds of an airings query. Every
// check reports one violation per bad field (English and Vietnamese) under
// the field's API name ("broadcast.overrides[0].original_start_time"), and
// puts accepted text in NFC. Pure: no storage, no clock.
#ifndef SANGKIEN_SERVER_OPERATIONS_PUBLICITY_CHECKS_H_
#define SANGKIEN_SERVER_OPERATIONS_PUBLICITY_CHECKS_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "domain/publicity.h"
#include "operations/publicity_commands.h"

namespace sangkien::operations {

inline constexpr absl::Duration kMaxAiringWindow = absl::Hours(24 * 62);
inline constexpr int64_t kMaxImageBytes = 2 * 1024 * 1024;

// OK with `b` normalised (NFC text, an unspecified state as a draft), or
// INVALID_ARGUMENT. Overrides that change no airing of the schedule are
// reported once every other field is valid, since only then is the
// schedule known.
absl::Status CheckBroadcast(domain::Broadcast& b);
// OK with `s` normalised, or INVALID_ARGUMENT; fields under "case_study.".
absl::Status CheckCaseStudy(domain::CaseStudy& s);
// OK with `a` normalised, or INVALID_ARGUMENT; fields under "announcement.".
absl::Status CheckAnnouncement(domain::Announcement& a);
// OK when the declared type is JPEG, PNG or WebP and the bytes are of that
// type and at most kMaxImageBytes; INVALID_ARGUMENT under "image." otherwise.
absl::Status CheckImage(domain::CaseStudyImage& image);
// OK, or INVALID_ARGUMENT on station, start_time or end_time (the end after
// the start, at most kMaxAiringWindow later).
absl::Status CheckAiringsQuery(const AiringsQuery& query);

// What the bytes are by their first bytes: "image/jpeg", "image/png",
// "image/webp", or "" when none of these.
std::string SniffImageType(std::string_view data);

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_PUBLICITY_CHECKS_H_
