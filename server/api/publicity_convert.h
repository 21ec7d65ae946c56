// Publicity resources from domain to proto, shared by PublicityService and
// the change feed.
#ifndef SANGKIEN_SERVER_API_PUBLICITY_CONVERT_H_
#define SANGKIEN_SERVER_API_PUBLICITY_CONVERT_H_

#include "domain/publicity.h"
#include "sangkien/v1/publicity.pb.h"

namespace sangkien::api {

void ToProto(const domain::Broadcast &b, v1::Broadcast *out);
void ToProto(const domain::Airing &a, v1::Airing *out);
// Without the image data, which only GetCaseStudyImage returns.
void ToProto(const domain::CaseStudyImage &image, v1::CaseStudyImage *out);
void ToProto(const domain::CaseStudy &cs, v1::CaseStudy *out);
void ToProto(const domain::Announcement &a, v1::Announcement *out);

} // namespace sangkien::api

#endif // SANGKIEN_SERVER_API_PUBLICITY_CONVERT_H_
