#include "api/publicity_convert.h"

#include "absl/strings/str_cat.h"
#include "api/enum_convert.h"
#include "api/proto_convert.h"
#include "domain/validation.h"
#include "operations/publicity_commands.h"

namespace sangkien::api {
namespace {

using api::ToProto;

void ToProto(absl::Duration d, google::protobuf::Duration* out) {
  int64_t nanos = absl::ToInt64Nanoseconds(d);
  out->set_seconds(nanos / 1000000000);
  out->set_nanos(static_cast<int32_t>(nanos % 1000000000));
}

void ToProto(const domain::PublishWindow& w, v1::PublicationState* state,
             google::protobuf::Timestamp* publish, google::protobuf::Timestamp* unpublish) {
  *state = ToProto(w.state);
  if (w.publish_time) ToProto(*w.publish_time, publish);
  if (w.unpublish_time) ToProto(*w.unpublish_time, unpublish);
}

void ToProto(const domain::AiringOverride& o, v1::AiringOverride* out) {
  ToProto(o.original_start_time, out->mutable_original_start_time());
  out->set_cancelled(o.cancelled);
  if (o.start_time) ToProto(*o.start_time, out->mutable_start_time());
  if (o.duration) ToProto(*o.duration, out->mutable_duration());
  out->set_note(o.note);
}

std::optional<absl::Time> OptionalTime(const google::protobuf::Timestamp& t) {
  if (t.seconds() == 0 && t.nanos() == 0) return std::nullopt;
  return TimeFromProto(t);
}

absl::Duration FromProto(const google::protobuf::Duration& d) {
  return absl::Seconds(d.seconds()) + absl::Nanoseconds(d.nanos());
}

std::optional<absl::Duration> OptionalDuration(const google::protobuf::Duration& d) {
  if (d.seconds() == 0 && d.nanos() == 0) return std::nullopt;
  return FromProto(d);
}

domain::PublicationState StateFromProto(v1::PublicationState state) {
  return api::FromProto(state).value_or(operations::kUnreadableState);
}

domain::AiringOverride FromProto(const v1::AiringOverride& o) {
  domain::AiringOverride out;
  out.original_start_time = TimeFromProto(o.original_start_time());
  out.cancelled = o.cancelled();
  out.start_time = OptionalTime(o.start_time());
  out.duration = OptionalDuration(o.duration());
  out.note = o.note();
  return out;
}

domain::PublishWindow WindowFromProto(v1::PublicationState state,
                                      const google::protobuf::Timestamp& publish,
                                      const google::protobuf::Timestamp& unpublish) {
  domain::PublishWindow w;
  w.state = StateFromProto(state);
  w.publish_time = OptionalTime(publish);
  w.unpublish_time = OptionalTime(unpublish);
  return w;
}

}  // namespace

int64_t ReferenceId(std::string_view name, std::string_view collection) {
  if (name.empty()) return 0;
  return domain::ParseCollectionId(name, collection).value_or(operations::kUnreadableId);
}

absl::Time TimeFromProto(const google::protobuf::Timestamp& t) {
  if (t.nanos() < 0 || t.nanos() > 999999999) return absl::InfinitePast();
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

domain::Broadcast FromProto(const v1::Broadcast& b) {
  domain::Broadcast out;
  out.station_unit_id = ReferenceId(b.station(), "units");
  out.title = b.title();
  out.topic = b.topic();
  out.description = b.description();
  out.links.assign(b.links().begin(), b.links().end());
  out.start_time = TimeFromProto(b.start_time());
  out.duration = FromProto(b.duration());
  out.rrule = b.rrule();
  for (const auto& t : b.exdates()) out.exdates.push_back(TimeFromProto(t));
  for (const auto& o : b.overrides()) out.overrides.push_back(FromProto(o));
  out.state = StateFromProto(b.state());
  return out;
}

domain::CaseStudy FromProto(const v1::CaseStudy& s) {
  domain::CaseStudy out;
  out.title = s.title();
  out.unit_id = ReferenceId(s.unit(), "units");
  out.summary = s.summary();
  out.body = s.body();
  out.results = s.results();
  out.proposal_id = ReferenceId(s.proposal(), "proposals");
  out.window = WindowFromProto(s.state(), s.publish_time(), s.unpublish_time());
  out.featured = s.featured();
  return out;
}

domain::Announcement FromProto(const v1::Announcement& a) {
  domain::Announcement out;
  out.title = a.title();
  out.body = a.body();
  out.unit_id = ReferenceId(a.unit(), "units");
  out.window = WindowFromProto(a.state(), a.publish_time(), a.unpublish_time());
  return out;
}

domain::CaseStudyImage FromProto(const v1::CaseStudyImage& image) {
  domain::CaseStudyImage out;
  out.content_type = image.content_type();
  out.caption = image.caption();
  out.data = image.data();
  return out;
}

void ToProto(const domain::Broadcast& b, v1::Broadcast* out) {
  out->set_name(domain::BroadcastName(b.id));
  out->set_station(domain::UnitName(b.station_unit_id));
  out->set_station_display_name(b.station_display_name);
  out->set_title(b.title);
  out->set_topic(b.topic);
  out->set_description(b.description);
  for (const auto& l : b.links) out->add_links(l);
  ToProto(b.start_time, out->mutable_start_time());
  ToProto(b.duration, out->mutable_duration());
  out->set_rrule(b.rrule);
  for (absl::Time t : b.exdates) ToProto(t, out->add_exdates());
  for (const auto& o : b.overrides) ToProto(o, out->add_overrides());
  out->set_state(ToProto(b.state));
  out->set_etag(b.etag);
  ToProto(b.create_time, out->mutable_create_time());
  ToProto(b.update_time, out->mutable_update_time());
}

void ToProto(const domain::Airing& a, v1::Airing* out) {
  out->set_broadcast(domain::BroadcastName(a.broadcast_id));
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

void ToProto(const domain::CaseStudyImage& i, v1::CaseStudyImage* out) {
  out->set_name(domain::CaseStudyImageName(i.case_study_id, i.id));
  out->set_content_type(i.content_type);
  out->set_caption(i.caption);
  out->set_size_bytes(i.size_bytes);
  out->set_sha256(i.sha256_hex);
  if (!i.data.empty()) out->set_data(i.data);
}

void ToProto(const domain::CaseStudy& s, v1::CaseStudy* out) {
  out->set_name(domain::CaseStudyName(s.id));
  out->set_title(s.title);
  out->set_unit(domain::UnitName(s.unit_id));
  out->set_unit_display_name(s.unit_display_name);
  out->set_summary(s.summary);
  out->set_body(s.body);
  out->set_results(s.results);
  for (const auto& i : s.images) {
    domain::CaseStudyImage meta = i;
    meta.data.clear();
    ToProto(meta, out->add_images());
  }
  if (s.proposal_id > 0) out->set_proposal(absl::StrCat("proposals/", s.proposal_id));
  v1::PublicationState state;
  ToProto(s.window, &state, out->mutable_publish_time(), out->mutable_unpublish_time());
  if (!s.window.publish_time) out->clear_publish_time();
  if (!s.window.unpublish_time) out->clear_unpublish_time();
  out->set_state(state);
  out->set_featured(s.featured);
  out->set_etag(s.etag);
  ToProto(s.create_time, out->mutable_create_time());
  ToProto(s.update_time, out->mutable_update_time());
}

void ToProto(const domain::Announcement& a, v1::Announcement* out) {
  out->set_name(domain::AnnouncementName(a.id));
  out->set_title(a.title);
  out->set_body(a.body);
  out->set_unit(domain::UnitName(a.unit_id));
  out->set_unit_display_name(a.unit_display_name);
  v1::PublicationState state;
  ToProto(a.window, &state, out->mutable_publish_time(), out->mutable_unpublish_time());
  if (!a.window.publish_time) out->clear_publish_time();
  if (!a.window.unpublish_time) out->clear_unpublish_time();
  out->set_state(state);
  out->set_etag(a.etag);
  ToProto(a.create_time, out->mutable_create_time());
  ToProto(a.update_time, out->mutable_update_time());
}

}  // namespace sangkien::api
