#include "api/publicity_service.h"

#include <algorithm>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "api/field_mask_support.h"
#include "api/list_support.h"
#include "api/proto_convert.h"
#include "api/publicity_convert.h"
#include "api/request_fingerprint.h"
#include "api/unary.h"
#include "calendar/civil_date.h"
#include "domain/airing_schedule.h"
#include "domain/validation.h"
#include "operations/calendar_export.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/publicity_repository.h"

namespace sangkien::api {
namespace {

using api::ToProto;
using domain::PublicationState;
using storage::PublicityRepository;

constexpr size_t kMaxLinks = 50;
constexpr size_t kMaxExdates = 500;
constexpr size_t kMaxOverrides = 500;
// google.protobuf.Timestamp's range: 0001-01-01 to 9999-12-31.
constexpr int64_t kMinTimestampSeconds = -62135596800;
constexpr int64_t kMaxTimestampSeconds = 253402300799;

const std::vector<std::string>& BroadcastUpdatableFields() {
  static const std::vector<std::string> kFields = {
      "station",  "title", "topic",   "description", "links", "start_time",
      "duration", "rrule", "exdates", "overrides",   "state"};
  return kFields;
}
const std::vector<std::string>& CaseStudyUpdatableFields() {
  static const std::vector<std::string> kFields = {
      "title",    "unit",  "summary",      "body",           "results",
      "proposal", "state", "publish_time", "unpublish_time", "featured"};
  return kFields;
}
const std::vector<std::string>& AnnouncementUpdatableFields() {
  static const std::vector<std::string> kFields = {"title", "body",         "unit",
                                                   "state", "publish_time", "unpublish_time"};
  return kFields;
}

bool IsSet(const google::protobuf::Timestamp& t) { return t.seconds() != 0 || t.nanos() != 0; }

absl::Time FromProto(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}
absl::Duration FromProto(const google::protobuf::Duration& d) {
  return absl::Seconds(d.seconds()) + absl::Nanoseconds(d.nanos());
}

// A timestamp inside the range protobuf allows; nullopt with a violation
// otherwise (or when required and unset).
std::optional<absl::Time> CheckTime(domain::Violations& v, const std::string& field,
                                    const google::protobuf::Timestamp& t, bool required) {
  if (!IsSet(t)) {
    if (required) v.Add(field, "is required", "không được để trống");
    return std::nullopt;
  }
  if (t.seconds() < kMinTimestampSeconds || t.seconds() > kMaxTimestampSeconds || t.nanos() < 0 ||
      t.nanos() > 999999999) {
    v.Add(field, "is not a valid timestamp (years 1 to 9999)",
          "không phải là thời điểm hợp lệ (năm 1 đến 9999)");
    return std::nullopt;
  }
  return FromProto(t);
}

std::optional<absl::Duration> CheckAiringDuration(domain::Violations& v, const std::string& field,
                                                  const google::protobuf::Duration& d,
                                                  bool required) {
  if (d.seconds() == 0 && d.nanos() == 0) {
    if (required)
      v.Add(field, "is required (1 minute to 24 hours)",
            "không được để trống (từ 1 phút đến 24 giờ)");
    return std::nullopt;
  }
  absl::Duration length = FromProto(d);
  if (length < domain::kMinAiringDuration || length > domain::kMaxAiringDuration) {
    v.Add(field, "must be between 1 minute and 24 hours", "phải từ 1 phút đến 24 giờ");
    return std::nullopt;
  }
  return length;
}

PublicationState CheckState(domain::Violations& v, const std::string& field,
                            v1::PublicationState state) {
  if (!v1::PublicationState_IsValid(state)) {
    v.Add(field, "must be DRAFT or PUBLISHED", "phải là DRAFT (nháp) hoặc PUBLISHED (đã đăng)");
    return PublicationState::kDraft;
  }
  if (state == v1::PUBLICATION_STATE_UNSPECIFIED) return PublicationState::kDraft;
  return static_cast<PublicationState>(state);
}

// publish_time and unpublish_time: valid, and the window not empty.
domain::PublishWindow CheckWindow(domain::Violations& v, const std::string& prefix,
                                  v1::PublicationState state,
                                  const google::protobuf::Timestamp& publish,
                                  const google::protobuf::Timestamp& unpublish) {
  domain::PublishWindow w;
  w.state = CheckState(v, prefix + "state", state);
  w.publish_time = CheckTime(v, prefix + "publish_time", publish, false);
  w.unpublish_time = CheckTime(v, prefix + "unpublish_time", unpublish, false);
  if (w.publish_time && w.unpublish_time && *w.unpublish_time <= *w.publish_time) {
    v.Add(prefix + "unpublish_time", "must be after publish_time",
          "phải sau thời điểm bắt đầu đăng (publish_time)");
  }
  return w;
}

bool IsLinkName(const std::string& link) {
  if (domain::ParseCollectionId(link, "plans") || domain::ParseTaskName(link) ||
      domain::ParseCollectionId(link, "proposals") ||
      domain::ParseCollectionId(link, "caseStudies")) {
    return true;
  }
  return false;
}

absl::StatusOr<domain::Broadcast> CheckBroadcast(const v1::Broadcast& in) {
  domain::Violations v;
  domain::Broadcast b;
  b.station_unit_id = v.Name("broadcast.station", in.station(), "units", true);
  b.title = v.Text("broadcast.title", in.title(), domain::kMaxNameLength, true);
  b.topic = v.Text("broadcast.topic", in.topic(), domain::kMaxNameLength, false);
  b.description =
      v.Text("broadcast.description", in.description(), domain::kMaxLongTextLength, false, true);
  v.ListSize("broadcast.links", in.links_size(), kMaxLinks);
  for (int i = 0; i < in.links_size(); ++i) {
    if (!IsLinkName(in.links(i))) {
      v.Add(absl::StrCat("broadcast.links[", i, "]"),
            "must name a plan, task, proposal or case study (plans/1, plans/1/tasks/2, "
            "proposals/3, caseStudies/4)",
            "phải là tên kế hoạch, nhiệm vụ, đề xuất hoặc mô hình (plans/1, plans/1/tasks/2, "
            "proposals/3, caseStudies/4)");
    } else {
      b.links.push_back(in.links(i));
    }
  }
  std::optional<absl::Time> start = CheckTime(v, "broadcast.start_time", in.start_time(), true);
  std::optional<absl::Duration> duration =
      CheckAiringDuration(v, "broadcast.duration", in.duration(), true);
  domain::RruleProblem rrule = domain::CheckRrule(in.rrule());
  if (!rrule.ok()) {
    v.Add("broadcast.rrule", rrule.english, rrule.vietnamese);
  } else {
    b.rrule = in.rrule();
  }
  b.state = CheckState(v, "broadcast.state", in.state());
  v.ListSize("broadcast.exdates", in.exdates_size(), kMaxExdates);
  for (int i = 0; i < in.exdates_size(); ++i) {
    auto t = CheckTime(v, absl::StrCat("broadcast.exdates[", i, "]"), in.exdates(i), true);
    if (t) b.exdates.push_back(*t);
  }
  if (in.exdates_size() > 0 && in.rrule().empty()) {
    v.Add("broadcast.exdates", "apply only to a recurring broadcast (set rrule)",
          "chỉ dùng cho chương trình phát lặp lại (cần có rrule)");
  }
  v.ListSize("broadcast.overrides", in.overrides_size(), kMaxOverrides);
  std::set<absl::Time> seen;
  std::vector<std::pair<int, absl::Time>> originals;
  for (int i = 0; i < in.overrides_size(); ++i) {
    const v1::AiringOverride& o = in.overrides(i);
    std::string prefix = absl::StrCat("broadcast.overrides[", i, "].");
    domain::AiringOverride out;
    auto original = CheckTime(v, prefix + "original_start_time", o.original_start_time(), true);
    out.cancelled = o.cancelled();
    out.start_time = CheckTime(v, prefix + "start_time", o.start_time(), false);
    out.duration = CheckAiringDuration(v, prefix + "duration", o.duration(), false);
    out.note = v.Text(prefix + "note", o.note(), domain::kMaxShortTextLength, false);
    if (original) {
      out.original_start_time = *original;
      if (!seen.insert(*original).second) {
        v.Add(prefix + "original_start_time", "another override already changes this airing",
              "buổi phát này đã có một thay đổi khác");
      }
      originals.emplace_back(i, *original);
    }
    b.overrides.push_back(std::move(out));
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  b.start_time = *start;
  b.duration = *duration;
  // Each override must change an airing the schedule actually has.
  domain::Violations airings;
  for (const auto& [i, original] : originals) {
    if (!domain::IsOccurrence(b, original)) {
      airings.Add(
          absl::StrCat("broadcast.overrides[", i, "].original_start_time"),
          absl::StrCat("is not an airing of this broadcast (",
                       absl::FormatTime("%Y-%m-%d %H:%M", original, calendar::DistrictTimeZone()),
                       " in Asia/Ho_Chi_Minh)"),
          absl::StrCat("không trùng buổi phát nào của chương trình (",
                       absl::FormatTime("%H:%M %d/%m/%Y", original, calendar::DistrictTimeZone()),
                       ")"));
    }
  }
  SK_RETURN_IF_ERROR(airings.ToStatus());
  return b;
}

absl::StatusOr<domain::CaseStudy> CheckCaseStudy(const v1::CaseStudy& in) {
  domain::Violations v;
  domain::CaseStudy s;
  s.title = v.Text("case_study.title", in.title(), domain::kMaxNameLength, true);
  s.unit_id = v.Name("case_study.unit", in.unit(), "units", true);
  s.summary = v.Text("case_study.summary", in.summary(), domain::kMaxShortTextLength, false, true);
  s.body = v.Text("case_study.body", in.body(), domain::kMaxLongTextLength, false, true);
  s.results = v.Text("case_study.results", in.results(), domain::kMaxLongTextLength, false, true);
  s.proposal_id = v.Name("case_study.proposal", in.proposal(), "proposals", false);
  s.window = CheckWindow(v, "case_study.", in.state(), in.publish_time(), in.unpublish_time());
  s.featured = in.featured();
  SK_RETURN_IF_ERROR(v.ToStatus());
  return s;
}

absl::StatusOr<domain::Announcement> CheckAnnouncement(const v1::Announcement& in) {
  domain::Violations v;
  domain::Announcement a;
  a.title = v.Text("announcement.title", in.title(), domain::kMaxNameLength, true);
  a.body = v.Text("announcement.body", in.body(), domain::kMaxLongTextLength, false, true);
  a.unit_id = v.Name("announcement.unit", in.unit(), "units", true);
  a.window = CheckWindow(v, "announcement.", in.state(), in.publish_time(), in.unpublish_time());
  SK_RETURN_IF_ERROR(v.ToStatus());
  return a;
}

// What the bytes are, judged by their first bytes; "" when none of ours.
std::string SniffImageType(const std::string& data) {
  if (data.size() >= 3 && static_cast<unsigned char>(data[0]) == 0xFF &&
      static_cast<unsigned char>(data[1]) == 0xD8 && static_cast<unsigned char>(data[2]) == 0xFF) {
    return "image/jpeg";
  }
  if (data.size() >= 8 && data.compare(0, 8, "\x89PNG\r\n\x1a\n", 8) == 0) return "image/png";
  if (data.size() >= 12 && data.compare(0, 4, "RIFF") == 0 && data.compare(8, 4, "WEBP") == 0) {
    return "image/webp";
  }
  return "";
}

absl::StatusOr<domain::CaseStudyImage> CheckImage(int64_t case_study_id,
                                                  const v1::CaseStudyImage& in) {
  domain::Violations v;
  domain::CaseStudyImage image;
  image.case_study_id = case_study_id;
  image.caption = v.Text("image.caption", in.caption(), domain::kMaxShortTextLength, false);
  const std::string& type = in.content_type();
  bool known = type == "image/jpeg" || type == "image/png" || type == "image/webp";
  if (!known) {
    v.Add("image.content_type",
          absl::StrCat("must be image/jpeg, image/png or image/webp, got \"", type, "\""),
          "phải là image/jpeg, image/png hoặc image/webp");
  }
  if (in.data().empty()) {
    v.Add("image.data", "is required", "không được để trống");
  } else if (static_cast<int64_t>(in.data().size()) > operations::kMaxImageBytes) {
    v.Add("image.data",
          absl::StrCat("is ", in.data().size(), " bytes; at most 2 MiB (2097152 bytes)"),
          absl::StrCat("dung lượng ", in.data().size(), " byte, vượt quá 2 MiB (2097152 byte)"));
  } else if (known) {
    std::string sniffed = SniffImageType(in.data());
    if (sniffed != type) {
      v.Add("image.data",
            sniffed.empty() ? absl::StrCat("is not a ", type,
                                           " image (its first bytes match no JPEG, PNG or "
                                           "WebP signature)")
                            : absl::StrCat("is a ", sniffed, " image, not ", type),
            sniffed.empty() ? absl::StrCat("không phải ảnh ", type,
                                           " (phần đầu tệp không khớp JPEG, PNG hay WebP)")
                            : absl::StrCat("là ảnh ", sniffed, ", không phải ", type));
    }
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  image.content_type = type;
  image.data = in.data();
  return image;
}

struct ImageKey {
  int64_t case_study_id = 0;
  int64_t image_id = 0;
};

// `caseStudies/{c}/images/{i}`.
std::optional<ImageKey> ParseImageName(const std::string& name) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t slash = name.find('/', start);
    parts.push_back(name.substr(start, slash == std::string::npos ? slash : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  if (parts.size() != 4 || parts[2] != "images") return std::nullopt;
  auto cs = domain::ParseCollectionId(absl::StrCat(parts[0], "/", parts[1]), "caseStudies");
  auto image = domain::ParseCollectionId(absl::StrCat("images/", parts[3]), "images");
  if (!cs || !image) return std::nullopt;
  return ImageKey{*cs, *image};
}

absl::StatusOr<ImageKey> RequireImageName(const std::string& field, const std::string& name) {
  auto key = ParseImageName(name);
  if (!key) {
    return InvalidField(field, "must be a resource name like caseStudies/1/images/2",
                        "phải là tên tài nguyên dạng caseStudies/1/images/2");
  }
  return *key;
}

absl::StatusOr<int64_t> RequireName(const std::string& field, const std::string& name,
                                    std::string_view collection) {
  domain::Violations v;
  int64_t id = v.Name(field, name, collection, true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  return id;
}

}  // namespace

// ---- broadcasts ----

absl::Status PublicityServiceImpl::DoCreateBroadcast(const domain::Caller& call,
                                                     const v1::CreateBroadcastRequest& req,
                                                     v1::Broadcast* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Broadcast b, CheckBroadcast(req.broadcast()));
  SK_ASSIGN_OR_RETURN(domain::Broadcast created,
                      ops_.CreateBroadcast(WithRequestId(call, req.request_id()), b,
                                           IdempotencyOf(call, req, req.request_id())));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoGetBroadcast(const domain::Caller& call,
                                                  const v1::GetBroadcastRequest& req,
                                                  v1::Broadcast* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName("name", req.name(), "broadcasts"));
  SK_ASSIGN_OR_RETURN(domain::Broadcast b, ops_.GetBroadcast(call, id));
  ToProto(b, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoListBroadcasts(const domain::Caller& call,
                                                    const v1::ListBroadcastsRequest& req,
                                                    v1::ListBroadcastsResponse* resp) {
  ListParams params{"ListBroadcasts", "",           req.page_size(),
                    req.page_token(), req.filter(), req.order_by()};
  ListSpec spec{&PublicityRepository::BroadcastFilterFields(),
                &PublicityRepository::BroadcastOrderFields(),
                {"start_time", false}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListBroadcasts(call, query));
  for (const auto& b : page.items) ToProto(b, resp->add_broadcasts());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoUpdateBroadcast(const domain::Caller& call,
                                                     const v1::UpdateBroadcastRequest& req,
                                                     v1::Broadcast* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id,
                      RequireName("broadcast.name", req.broadcast().name(), "broadcasts"));
  SK_RETURN_IF_ERROR(CheckUpdateMask(req.update_mask(), BroadcastUpdatableFields()));
  SK_ASSIGN_OR_RETURN(domain::Broadcast current, ops_.GetBroadcast(call, id));
  std::string expected = req.broadcast().etag().empty() ? current.etag : req.broadcast().etag();
  if (expected != current.etag) return EtagMismatch(req.broadcast().name());
  v1::Broadcast merged;
  ToProto(current, &merged);
  ApplyUpdateMask(req.update_mask(), req.broadcast(), &merged);
  SK_ASSIGN_OR_RETURN(domain::Broadcast b, CheckBroadcast(merged));
  b.id = id;
  SK_ASSIGN_OR_RETURN(domain::Broadcast updated, ops_.UpdateBroadcast(call, b, expected));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoDeleteBroadcast(const domain::Caller& call,
                                                     const v1::DeleteBroadcastRequest& req,
                                                     google::protobuf::Empty* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName("name", req.name(), "broadcasts"));
  return ops_.DeleteBroadcast(call, id, req.etag());
}

absl::Status PublicityServiceImpl::DoListAirings(const domain::Caller& call,
                                                 const v1::ListAiringsRequest& req,
                                                 v1::ListAiringsResponse* resp) {
  domain::Violations v;
  int64_t station = v.Name("station", req.station(), "units", false);
  auto from = CheckTime(v, "start_time", req.start_time(), true);
  auto to = CheckTime(v, "end_time", req.end_time(), true);
  if (from && to) {
    if (*to <= *from) {
      v.Add("end_time", "must be after start_time", "phải sau thời điểm bắt đầu (start_time)");
    } else if (*to - *from > operations::kMaxAiringWindow) {
      v.Add("end_time", "must be at most 62 days after start_time",
            "không được cách thời điểm bắt đầu quá 62 ngày");
    }
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(auto airings, ops_.ListAirings(call, station, *from, *to));
  for (const auto& a : airings) ToProto(a, resp->add_airings());
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoGetOnAir(const domain::Caller& call,
                                              const v1::GetOnAirRequest& req,
                                              v1::GetOnAirResponse* resp) {
  domain::Violations v;
  int64_t station = v.Name("station", req.station(), "units", false);
  SK_RETURN_IF_ERROR(v.ToStatus());
  absl::Time as_of;
  SK_ASSIGN_OR_RETURN(auto stations, ops_.OnAir(call, station, &as_of));
  for (const auto& s : stations) {
    v1::StationOnAir* out = resp->add_stations();
    out->set_station(domain::UnitName(s.station_unit_id));
    out->set_station_display_name(s.station_display_name);
    if (s.now) ToProto(*s.now, out->mutable_now());
    if (s.next) ToProto(*s.next, out->mutable_next());
  }
  ToProto(as_of, resp->mutable_as_of());
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoExportCalendar(const domain::Caller& call,
                                                    const v1::ExportCalendarRequest& req,
                                                    v1::ExportCalendarResponse* resp) {
  domain::Violations v;
  int64_t unit_id = 0;
  bool station = req.source_case() == v1::ExportCalendarRequest::kStation;
  if (station) {
    unit_id = v.Name("station", req.station(), "units", true);
  } else if (req.source_case() == v1::ExportCalendarRequest::kUnit) {
    unit_id = v.Name("unit", req.unit(), "units", true);
  } else {
    v.Add("source", "set station or unit", "cần chọn đài (station) hoặc đơn vị (unit)");
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  operations::CalendarFile file;
  if (station) {
    SK_ASSIGN_OR_RETURN(file, operations::ExportStationCalendar(ops_, directory_, unit_id));
  } else {
    SK_ASSIGN_OR_RETURN(file,
                        operations::ExportUnitCalendar(plans_, directory_, unit_id, ops_.Now()));
  }
  resp->set_content_type("text/calendar; charset=utf-8");
  resp->set_file_name(file.file_name);
  resp->set_data(file.data);
  return absl::OkStatus();
}

// ---- case studies ----

absl::Status PublicityServiceImpl::DoCreateCaseStudy(const domain::Caller& call,
                                                     const v1::CreateCaseStudyRequest& req,
                                                     v1::CaseStudy* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::CaseStudy s, CheckCaseStudy(req.case_study()));
  SK_ASSIGN_OR_RETURN(domain::CaseStudy created,
                      ops_.CreateCaseStudy(WithRequestId(call, req.request_id()), s,
                                           IdempotencyOf(call, req, req.request_id())));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoGetCaseStudy(const domain::Caller& call,
                                                  const v1::GetCaseStudyRequest& req,
                                                  v1::CaseStudy* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName("name", req.name(), "caseStudies"));
  SK_ASSIGN_OR_RETURN(domain::CaseStudy s, ops_.GetCaseStudy(call, id));
  ToProto(s, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoListCaseStudies(const domain::Caller& call,
                                                     const v1::ListCaseStudiesRequest& req,
                                                     v1::ListCaseStudiesResponse* resp) {
  ListParams params{"ListCaseStudies", "",           req.page_size(),
                    req.page_token(),  req.filter(), req.order_by()};
  ListSpec spec{&PublicityRepository::CaseStudyFilterFields(),
                &PublicityRepository::CaseStudyOrderFields(),
                {"create_time", true}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListCaseStudies(call, query));
  for (const auto& s : page.items) ToProto(s, resp->add_case_studies());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoUpdateCaseStudy(const domain::Caller& call,
                                                     const v1::UpdateCaseStudyRequest& req,
                                                     v1::CaseStudy* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id,
                      RequireName("case_study.name", req.case_study().name(), "caseStudies"));
  SK_RETURN_IF_ERROR(CheckUpdateMask(req.update_mask(), CaseStudyUpdatableFields()));
  SK_ASSIGN_OR_RETURN(domain::CaseStudy current, ops_.GetCaseStudy(call, id));
  std::string expected = req.case_study().etag().empty() ? current.etag : req.case_study().etag();
  if (expected != current.etag) return EtagMismatch(req.case_study().name());
  v1::CaseStudy merged;
  ToProto(current, &merged);
  ApplyUpdateMask(req.update_mask(), req.case_study(), &merged);
  SK_ASSIGN_OR_RETURN(domain::CaseStudy s, CheckCaseStudy(merged));
  s.id = id;
  SK_ASSIGN_OR_RETURN(domain::CaseStudy updated, ops_.UpdateCaseStudy(call, s, expected));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoDeleteCaseStudy(const domain::Caller& call,
                                                     const v1::DeleteCaseStudyRequest& req,
                                                     google::protobuf::Empty* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName("name", req.name(), "caseStudies"));
  return ops_.DeleteCaseStudy(call, id, req.etag());
}

absl::Status PublicityServiceImpl::DoAddCaseStudyImage(const domain::Caller& call,
                                                       const v1::AddCaseStudyImageRequest& req,
                                                       v1::CaseStudyImage* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  int64_t parent = v.Name("parent", req.parent(), "caseStudies", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::CaseStudyImage image, CheckImage(parent, req.image()));
  SK_ASSIGN_OR_RETURN(
      domain::CaseStudyImage created,
      ops_.AddCaseStudyImage(WithRequestId(call, req.request_id()), std::move(image),
                             IdempotencyOf(call, req, req.request_id())));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoGetCaseStudyImage(const domain::Caller& call,
                                                       const v1::GetCaseStudyImageRequest& req,
                                                       v1::CaseStudyImage* resp) {
  SK_ASSIGN_OR_RETURN(ImageKey key, RequireImageName("name", req.name()));
  SK_ASSIGN_OR_RETURN(domain::CaseStudyImage image,
                      ops_.GetCaseStudyImage(call, key.case_study_id, key.image_id));
  ToProto(image, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoDeleteCaseStudyImage(
    const domain::Caller& call, const v1::DeleteCaseStudyImageRequest& req,
    google::protobuf::Empty* resp) {
  SK_ASSIGN_OR_RETURN(ImageKey key, RequireImageName("name", req.name()));
  return ops_.DeleteCaseStudyImage(call, key.case_study_id, key.image_id);
}

// ---- announcements ----

absl::Status PublicityServiceImpl::DoCreateAnnouncement(const domain::Caller& call,
                                                        const v1::CreateAnnouncementRequest& req,
                                                        v1::Announcement* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Announcement a, CheckAnnouncement(req.announcement()));
  SK_ASSIGN_OR_RETURN(domain::Announcement created,
                      ops_.CreateAnnouncement(WithRequestId(call, req.request_id()), a,
                                              IdempotencyOf(call, req, req.request_id())));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoGetAnnouncement(const domain::Caller& call,
                                                     const v1::GetAnnouncementRequest& req,
                                                     v1::Announcement* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName("name", req.name(), "announcements"));
  SK_ASSIGN_OR_RETURN(domain::Announcement a, ops_.GetAnnouncement(call, id));
  ToProto(a, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoListAnnouncements(const domain::Caller& call,
                                                       const v1::ListAnnouncementsRequest& req,
                                                       v1::ListAnnouncementsResponse* resp) {
  ListParams params{"ListAnnouncements", "",           req.page_size(),
                    req.page_token(),    req.filter(), req.order_by()};
  ListSpec spec{&PublicityRepository::AnnouncementFilterFields(),
                &PublicityRepository::AnnouncementOrderFields(),
                {"publish_time", true}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListAnnouncements(call, query));
  for (const auto& a : page.items) ToProto(a, resp->add_announcements());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoUpdateAnnouncement(const domain::Caller& call,
                                                        const v1::UpdateAnnouncementRequest& req,
                                                        v1::Announcement* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id,
                      RequireName("announcement.name", req.announcement().name(), "announcements"));
  SK_RETURN_IF_ERROR(CheckUpdateMask(req.update_mask(), AnnouncementUpdatableFields()));
  SK_ASSIGN_OR_RETURN(domain::Announcement current, ops_.GetAnnouncement(call, id));
  std::string expected =
      req.announcement().etag().empty() ? current.etag : req.announcement().etag();
  if (expected != current.etag) return EtagMismatch(req.announcement().name());
  v1::Announcement merged;
  ToProto(current, &merged);
  ApplyUpdateMask(req.update_mask(), req.announcement(), &merged);
  SK_ASSIGN_OR_RETURN(domain::Announcement a, CheckAnnouncement(merged));
  a.id = id;
  SK_ASSIGN_OR_RETURN(domain::Announcement updated, ops_.UpdateAnnouncement(call, a, expected));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoDeleteAnnouncement(const domain::Caller& call,
                                                        const v1::DeleteAnnouncementRequest& req,
                                                        google::protobuf::Empty* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName("name", req.name(), "announcements"));
  return ops_.DeleteAnnouncement(call, id, req.etag());
}

grpc::ServerUnaryReactor* PublicityServiceImpl::CreateBroadcast(
    grpc::CallbackServerContext* ctx, const v1::CreateBroadcastRequest* req, v1::Broadcast* resp) {
  return Unary<&PublicityServiceImpl::DoCreateBroadcast>(
      this, "sangkien.v1.PublicityService/CreateBroadcast", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::GetBroadcast(grpc::CallbackServerContext* ctx,
                                                             const v1::GetBroadcastRequest* req,
                                                             v1::Broadcast* resp) {
  return Unary<&PublicityServiceImpl::DoGetBroadcast>(
      this, "sangkien.v1.PublicityService/GetBroadcast", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::ListBroadcasts(grpc::CallbackServerContext* ctx,
                                                               const v1::ListBroadcastsRequest* req,
                                                               v1::ListBroadcastsResponse* resp) {
  return Unary<&PublicityServiceImpl::DoListBroadcasts>(
      this, "sangkien.v1.PublicityService/ListBroadcasts", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::UpdateBroadcast(
    grpc::CallbackServerContext* ctx, const v1::UpdateBroadcastRequest* req, v1::Broadcast* resp) {
  return Unary<&PublicityServiceImpl::DoUpdateBroadcast>(
      this, "sangkien.v1.PublicityService/UpdateBroadcast", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::DeleteBroadcast(
    grpc::CallbackServerContext* ctx, const v1::DeleteBroadcastRequest* req,
    google::protobuf::Empty* resp) {
  return Unary<&PublicityServiceImpl::DoDeleteBroadcast>(
      this, "sangkien.v1.PublicityService/DeleteBroadcast", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::ListAirings(grpc::CallbackServerContext* ctx,
                                                            const v1::ListAiringsRequest* req,
                                                            v1::ListAiringsResponse* resp) {
  return Unary<&PublicityServiceImpl::DoListAirings>(
      this, "sangkien.v1.PublicityService/ListAirings", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::GetOnAir(grpc::CallbackServerContext* ctx,
                                                         const v1::GetOnAirRequest* req,
                                                         v1::GetOnAirResponse* resp) {
  return Unary<&PublicityServiceImpl::DoGetOnAir>(this, "sangkien.v1.PublicityService/GetOnAir",
                                                  ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::ExportCalendar(grpc::CallbackServerContext* ctx,
                                                               const v1::ExportCalendarRequest* req,
                                                               v1::ExportCalendarResponse* resp) {
  return Unary<&PublicityServiceImpl::DoExportCalendar>(
      this, "sangkien.v1.PublicityService/ExportCalendar", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::CreateCaseStudy(
    grpc::CallbackServerContext* ctx, const v1::CreateCaseStudyRequest* req, v1::CaseStudy* resp) {
  return Unary<&PublicityServiceImpl::DoCreateCaseStudy>(
      this, "sangkien.v1.PublicityService/CreateCaseStudy", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::GetCaseStudy(grpc::CallbackServerContext* ctx,
                                                             const v1::GetCaseStudyRequest* req,
                                                             v1::CaseStudy* resp) {
  return Unary<&PublicityServiceImpl::DoGetCaseStudy>(
      this, "sangkien.v1.PublicityService/GetCaseStudy", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::ListCaseStudies(
    grpc::CallbackServerContext* ctx, const v1::ListCaseStudiesRequest* req,
    v1::ListCaseStudiesResponse* resp) {
  return Unary<&PublicityServiceImpl::DoListCaseStudies>(
      this, "sangkien.v1.PublicityService/ListCaseStudies", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::UpdateCaseStudy(
    grpc::CallbackServerContext* ctx, const v1::UpdateCaseStudyRequest* req, v1::CaseStudy* resp) {
  return Unary<&PublicityServiceImpl::DoUpdateCaseStudy>(
      this, "sangkien.v1.PublicityService/UpdateCaseStudy", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::DeleteCaseStudy(
    grpc::CallbackServerContext* ctx, const v1::DeleteCaseStudyRequest* req,
    google::protobuf::Empty* resp) {
  return Unary<&PublicityServiceImpl::DoDeleteCaseStudy>(
      this, "sangkien.v1.PublicityService/DeleteCaseStudy", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::AddCaseStudyImage(
    grpc::CallbackServerContext* ctx, const v1::AddCaseStudyImageRequest* req,
    v1::CaseStudyImage* resp) {
  return Unary<&PublicityServiceImpl::DoAddCaseStudyImage>(
      this, "sangkien.v1.PublicityService/AddCaseStudyImage", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::GetCaseStudyImage(
    grpc::CallbackServerContext* ctx, const v1::GetCaseStudyImageRequest* req,
    v1::CaseStudyImage* resp) {
  return Unary<&PublicityServiceImpl::DoGetCaseStudyImage>(
      this, "sangkien.v1.PublicityService/GetCaseStudyImage", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::DeleteCaseStudyImage(
    grpc::CallbackServerContext* ctx, const v1::DeleteCaseStudyImageRequest* req,
    google::protobuf::Empty* resp) {
  return Unary<&PublicityServiceImpl::DoDeleteCaseStudyImage>(
      this, "sangkien.v1.PublicityService/DeleteCaseStudyImage", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::CreateAnnouncement(
    grpc::CallbackServerContext* ctx, const v1::CreateAnnouncementRequest* req,
    v1::Announcement* resp) {
  return Unary<&PublicityServiceImpl::DoCreateAnnouncement>(
      this, "sangkien.v1.PublicityService/CreateAnnouncement", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::GetAnnouncement(
    grpc::CallbackServerContext* ctx, const v1::GetAnnouncementRequest* req,
    v1::Announcement* resp) {
  return Unary<&PublicityServiceImpl::DoGetAnnouncement>(
      this, "sangkien.v1.PublicityService/GetAnnouncement", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::ListAnnouncements(
    grpc::CallbackServerContext* ctx, const v1::ListAnnouncementsRequest* req,
    v1::ListAnnouncementsResponse* resp) {
  return Unary<&PublicityServiceImpl::DoListAnnouncements>(
      this, "sangkien.v1.PublicityService/ListAnnouncements", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::UpdateAnnouncement(
    grpc::CallbackServerContext* ctx, const v1::UpdateAnnouncementRequest* req,
    v1::Announcement* resp) {
  return Unary<&PublicityServiceImpl::DoUpdateAnnouncement>(
      this, "sangkien.v1.PublicityService/UpdateAnnouncement", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::DeleteAnnouncement(
    grpc::CallbackServerContext* ctx, const v1::DeleteAnnouncementRequest* req,
    google::protobuf::Empty* resp) {
  return Unary<&PublicityServiceImpl::DoDeleteAnnouncement>(
      this, "sangkien.v1.PublicityService/DeleteAnnouncement", ctx, req, resp);
}

}  // namespace sangkien::api
