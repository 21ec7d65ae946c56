// Publicity resources between domain and proto: to proto for
// PublicityService and the change feed, from proto for the commands
// PublicityService builds.
#ifndef SANGKIEN_SERVER_API_PUBLICITY_CONVERT_H_
#define SANGKIEN_SERVER_API_PUBLICITY_CONVERT_H_

#include <cstdint>
#include <string_view>

#include "absl/time/time.h"
#include "domain/publicity.h"
#include "sangkien/v1/publicity.pb.h"

namespace sangkien::api {

// Fill `out` from the domain value; they cannot fail.
void ToProto(const domain::Broadcast& b, v1::Broadcast* out);
void ToProto(const domain::Airing& a, v1::Airing* out);
// With the data when `image.data` holds it (GetCaseStudyImage only).
void ToProto(const domain::CaseStudyImage& image, v1::CaseStudyImage* out);
void ToProto(const domain::CaseStudy& cs, v1::CaseStudy* out);
void ToProto(const domain::Announcement& a, v1::Announcement* out);

// The fields a client sets (not name, etag, display names, times of the
// record). What cannot be read keeps the shape operations/publicity_commands.h
// describes, so that the operation refuses it with every other problem.
domain::Broadcast FromProto(const v1::Broadcast& b);
domain::CaseStudy FromProto(const v1::CaseStudy& s);
domain::Announcement FromProto(const v1::Announcement& a);
// content_type, caption and data.
domain::CaseStudyImage FromProto(const v1::CaseStudyImage& image);

// The id a reference names in `collection`: 0 for "", kUnreadableId for a
// name of another shape.
int64_t ReferenceId(std::string_view name, std::string_view collection);
// absl::UnixEpoch() when unset, absl::InfinitePast() when not a Timestamp
// (nanos outside 0..999999999).
absl::Time TimeFromProto(const google::protobuf::Timestamp& t);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_PUBLICITY_CONVERT_H_
