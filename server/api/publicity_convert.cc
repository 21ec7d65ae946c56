#include "api/publicity_convert.h"

#include "absl/strings/str_cat.h"
#include "api/proto_convert.h"
#include "domain/validation.h"

namespace sangkien::api {
namespace {

void DurationTo(absl::Duration d, google::protobuf::Duration *out) {
  int64_t seconds = absl::ToInt64Seconds(d);
  out->set_seconds(seconds);
  out->set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(d - absl::Seconds(seconds))));
}

} // namespace

void ToProto(const domain::Broadcast &b, v1::Broadcast *out) {
  out->set_name(absl::StrCat("broadcasts/", b.id));
  out->set_station(domain::UnitName(b.station_unit_id));
  out->set_station_display_name(b.station_display_name);
  out->set_title(b.title);
  out->set_topic(b.topic);
  out->set_description(b.description);
  for (const auto &l : b.links)
    out->add_links(l);
  ToProto(b.start_time, out->mutable_start_time());
  DurationTo(b.duration, out->mutable_duration());
  out->set_rrule(b.rrule);
  for (absl::Time t : b.exdates)
    ToProto(t, out->add_exdates());
  for (const auto &o : b.overrides) {
    auto *po = out->add_overrides();
    ToProto(o.original_start_time, po->mutable_original_start_time());
    po->set_cancelled(o.cancelled);
    if (o.start_time)
      ToProto(*o.start_time, po->mutable_start_time());
    if (o.duration)
      DurationTo(*o.duration, po->mutable_duration());
    po->set_note(o.note);
  }
  out->set_state(static_cast<v1::PublicationState>(b.state));
  out->set_etag(b.etag);
  ToProto(b.create_time, out->mutable_create_time());
  ToProto(b.update_time, out->mutable_update_time());
}

void ToProto(const domain::Airing &a, v1::Airing *out) {
  out->set_broadcast(absl::StrCat("broadcasts/", a.broadcast_id));
  out->set_station(domain::UnitName(a.station_unit_id));
  out->set_station_display_name(a.station_display_name);
  out->set_title(a.title);
  out->set_topic(a.topic);
  ToProto(a.start_time, out->mutable_start_time());
  ToProto(a.end_time, out->mutable_end_time());
  ToProto(a.original_start_time, out->mutable_original_start_time());
  out->set_moved(a.moved);
  out->set_note(a.note);
}

void ToProto(const domain::CaseStudyImage &image, v1::CaseStudyImage *out) {
  out->set_name(
      absl::StrCat("caseStudies/", image.case_study_id, "/images/", image.id));
  out->set_content_type(image.content_type);
  out->set_caption(image.caption);
  out->set_size_bytes(image.size_bytes);
  out->set_sha256(image.sha256_hex);
}

void ToProto(const domain::CaseStudy &cs, v1::CaseStudy *out) {
  out->set_name(absl::StrCat("caseStudies/", cs.id));
  out->set_title(cs.title);
  out->set_unit(domain::UnitName(cs.unit_id));
  out->set_unit_display_name(cs.unit_display_name);
  out->set_summary(cs.summary);
  out->set_body(cs.body);
  out->set_results(cs.results);
  for (const auto &image : cs.images)
    ToProto(image, out->add_images());
  if (cs.proposal_id != 0)
    out->set_proposal(absl::StrCat("proposals/", cs.proposal_id));
  out->set_state(static_cast<v1::PublicationState>(cs.window.state));
  if (cs.window.publish_time)
    ToProto(*cs.window.publish_time, out->mutable_publish_time());
  if (cs.window.unpublish_time)
    ToProto(*cs.window.unpublish_time, out->mutable_unpublish_time());
  out->set_featured(cs.featured);
  out->set_etag(cs.etag);
  ToProto(cs.create_time, out->mutable_create_time());
  ToProto(cs.update_time, out->mutable_update_time());
}

void ToProto(const domain::Announcement &a, v1::Announcement *out) {
  out->set_name(absl::StrCat("announcements/", a.id));
  out->set_title(a.title);
  out->set_body(a.body);
  out->set_unit(domain::UnitName(a.unit_id));
  out->set_unit_display_name(a.unit_display_name);
  out->set_state(static_cast<v1::PublicationState>(a.window.state));
  if (a.window.publish_time)
    ToProto(*a.window.publish_time, out->mutable_publish_time());
  if (a.window.unpublish_time)
    ToProto(*a.window.unpublish_time, out->mutable_unpublish_time());
  out->set_etag(a.etag);
  ToProto(a.create_time, out->mutable_create_time());
  ToProto(a.update_time, out->mutable_update_time());
}

} // namespace sangkien::api
