#include "operations/publicity_checks.h"

#include <set>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/airing_schedule.h"
#include "domain/validation.h"

namespace sangkien::operations {
namespace {

using domain::PublicationState;
using domain::Violations;

constexpr size_t kMaxLinks = 50;
constexpr size_t kMaxExdates = 500;
constexpr size_t kMaxOverrides = 500;

// google.protobuf.Timestamp's range, which every stored time keeps so that
// every reader can send it back: 0001-01-01 to 9999-12-31.
const absl::Time kMinTime = absl::FromUnixSeconds(-62135596800);
const absl::Time kMaxTime = absl::FromUnixSeconds(253402300799) + absl::Nanoseconds(999999999);

// A reference an adapter read from a resource name (see publicity_commands.h),
// refused in the words Violations::Name uses when it reads one.
void CheckReference(Violations& v, std::string_view field, int64_t id, std::string_view collection,
                    bool required) {
  if (id == 0 && required) v.Name(field, "", collection, true);
  if (id < 0) v.Name(field, "?", collection, required);
}

bool InRange(absl::Time t) { return t >= kMinTime && t <= kMaxTime; }

void RefuseTime(Violations& v, const std::string& field) {
  v.Add(field, "is not a valid timestamp (years 1 to 9999)",
        "không phải là thời điểm hợp lệ (năm 1 đến 9999)");
}

// A required time: false (with a violation) when unset or out of range.
bool CheckRequiredTime(Violations& v, const std::string& field, absl::Time t) {
  if (t == absl::UnixEpoch()) {
    v.Add(field, "is required", "không được để trống");
    return false;
  }
  if (!InRange(t)) {
    RefuseTime(v, field);
    return false;
  }
  return true;
}

// An optional time: false (with a violation) when set and out of range.
bool CheckOptionalTime(Violations& v, const std::string& field,
                       const std::optional<absl::Time>& t) {
  if (t && !InRange(*t)) {
    RefuseTime(v, field);
    return false;
  }
  return true;
}

bool InAiringRange(absl::Duration d) {
  return d >= domain::kMinAiringDuration && d <= domain::kMaxAiringDuration;
}

void RefuseAiringDuration(Violations& v, const std::string& field) {
  v.Add(field, "must be between 1 minute and 24 hours", "phải từ 1 phút đến 24 giờ");
}

// DRAFT or PUBLISHED; unspecified becomes DRAFT.
void CheckState(Violations& v, const std::string& field, PublicationState& state) {
  if (state == PublicationState::kUnspecified) state = PublicationState::kDraft;
  if (state != PublicationState::kDraft && state != PublicationState::kPublished) {
    v.Add(field, "must be DRAFT or PUBLISHED", "phải là DRAFT (nháp) hoặc PUBLISHED (đã đăng)");
  }
}

// The state, both times valid, and the window not empty.
void CheckWindow(Violations& v, const std::string& prefix, domain::PublishWindow& w) {
  CheckState(v, prefix + "state", w.state);
  bool publish_ok = CheckOptionalTime(v, prefix + "publish_time", w.publish_time);
  bool unpublish_ok = CheckOptionalTime(v, prefix + "unpublish_time", w.unpublish_time);
  if (publish_ok && unpublish_ok && w.publish_time && w.unpublish_time &&
      *w.unpublish_time <= *w.publish_time) {
    v.Add(prefix + "unpublish_time", "must be after publish_time",
          "phải sau thời điểm bắt đầu đăng (publish_time)");
  }
}

bool IsLinkName(const std::string& link) {
  return domain::ParseCollectionId(link, "plans") || domain::ParseTaskName(link) ||
         domain::ParseCollectionId(link, "proposals") ||
         domain::ParseCollectionId(link, "caseStudies");
}

void CheckLinks(Violations& v, std::vector<std::string>& links) {
  v.ListSize("broadcast.links", links.size(), kMaxLinks);
  std::vector<std::string> kept;
  for (size_t i = 0; i < links.size(); ++i) {
    if (IsLinkName(links[i])) {
      kept.push_back(std::move(links[i]));
      continue;
    }
    v.Add(absl::StrCat("broadcast.links[", i, "]"),
          "must name a plan, task, proposal or case study (plans/1, plans/1/tasks/2, "
          "proposals/3, caseStudies/4)",
          "phải là tên kế hoạch, nhiệm vụ, đề xuất hoặc mô hình (plans/1, plans/1/tasks/2, "
          "proposals/3, caseStudies/4)");
  }
  links = std::move(kept);
}

// The schedule's own fields: when it starts, how long it lasts, how it
// repeats and which airings it skips.
void CheckSchedule(Violations& v, domain::Broadcast& b) {
  CheckRequiredTime(v, "broadcast.start_time", b.start_time);
  if (b.duration == absl::ZeroDuration()) {
    v.Add("broadcast.duration", "is required (1 minute to 24 hours)",
          "không được để trống (từ 1 phút đến 24 giờ)");
  } else if (!InAiringRange(b.duration)) {
    RefuseAiringDuration(v, "broadcast.duration");
  }
  domain::RruleProblem rrule = domain::CheckRrule(b.rrule);
  if (!rrule.ok()) v.Add("broadcast.rrule", rrule.english, rrule.vietnamese);
  CheckState(v, "broadcast.state", b.state);
  v.ListSize("broadcast.exdates", b.exdates.size(), kMaxExdates);
  for (size_t i = 0; i < b.exdates.size(); ++i) {
    CheckRequiredTime(v, absl::StrCat("broadcast.exdates[", i, "]"), b.exdates[i]);
  }
  if (!b.exdates.empty() && b.rrule.empty()) {
    v.Add("broadcast.exdates", "apply only to a recurring broadcast (set rrule)",
          "chỉ dùng cho chương trình phát lặp lại (cần có rrule)");
  }
}

// Each override on its own, and no two on the same airing.
void CheckOverrides(Violations& v, std::vector<domain::AiringOverride>& overrides) {
  v.ListSize("broadcast.overrides", overrides.size(), kMaxOverrides);
  std::set<absl::Time> seen;
  for (size_t i = 0; i < overrides.size(); ++i) {
    domain::AiringOverride& o = overrides[i];
    std::string prefix = absl::StrCat("broadcast.overrides[", i, "].");
    bool original_ok = CheckRequiredTime(v, prefix + "original_start_time", o.original_start_time);
    CheckOptionalTime(v, prefix + "start_time", o.start_time);
    if (o.duration && *o.duration == absl::ZeroDuration()) o.duration.reset();
    if (o.duration && !InAiringRange(*o.duration)) RefuseAiringDuration(v, prefix + "duration");
    o.note = v.Text(prefix + "note", o.note, domain::kMaxShortTextLength, false);
    if (original_ok && !seen.insert(o.original_start_time).second) {
      v.Add(prefix + "original_start_time", "another override already changes this airing",
            "buổi phát này đã có một thay đổi khác");
    }
  }
}

// Each override must change an airing the (valid) schedule actually has.
absl::Status CheckOverridesAreAirings(const domain::Broadcast& b) {
  Violations v;
  absl::TimeZone district = calendar::DistrictTimeZone();
  for (size_t i = 0; i < b.overrides.size(); ++i) {
    absl::Time original = b.overrides[i].original_start_time;
    if (domain::IsOccurrence(b, original)) continue;
    v.Add(absl::StrCat("broadcast.overrides[", i, "].original_start_time"),
          absl::StrCat("is not an airing of this broadcast (",
                       absl::FormatTime("%Y-%m-%d %H:%M", original, district),
                       " in Asia/Ho_Chi_Minh)"),
          absl::StrCat("không trùng buổi phát nào của chương trình (",
                       absl::FormatTime("%H:%M %d/%m/%Y", original, district), ")"));
  }
  return v.ToStatus();
}

}  // namespace

absl::Status CheckBroadcast(domain::Broadcast& b) {
  Violations v;
  CheckReference(v, "broadcast.station", b.station_unit_id, "units", true);
  b.title = v.Text("broadcast.title", b.title, domain::kMaxNameLength, true);
  b.topic = v.Text("broadcast.topic", b.topic, domain::kMaxNameLength, false);
  b.description =
      v.Text("broadcast.description", b.description, domain::kMaxLongTextLength, false, true);
  CheckLinks(v, b.links);
  CheckSchedule(v, b);
  CheckOverrides(v, b.overrides);
  if (absl::Status s = v.ToStatus(); !s.ok()) return s;
  return CheckOverridesAreAirings(b);
}

absl::Status CheckCaseStudy(domain::CaseStudy& s) {
  Violations v;
  s.title = v.Text("case_study.title", s.title, domain::kMaxNameLength, true);
  CheckReference(v, "case_study.unit", s.unit_id, "units", true);
  s.summary = v.Text("case_study.summary", s.summary, domain::kMaxShortTextLength, false, true);
  s.body = v.Text("case_study.body", s.body, domain::kMaxLongTextLength, false, true);
  s.results = v.Text("case_study.results", s.results, domain::kMaxLongTextLength, false, true);
  CheckReference(v, "case_study.proposal", s.proposal_id, "proposals", false);
  CheckWindow(v, "case_study.", s.window);
  return v.ToStatus();
}

absl::Status CheckAnnouncement(domain::Announcement& a) {
  Violations v;
  a.title = v.Text("announcement.title", a.title, domain::kMaxNameLength, true);
  a.body = v.Text("announcement.body", a.body, domain::kMaxLongTextLength, false, true);
  CheckReference(v, "announcement.unit", a.unit_id, "units", true);
  CheckWindow(v, "announcement.", a.window);
  return v.ToStatus();
}

std::string SniffImageType(std::string_view data) {
  if (data.size() >= 3 && static_cast<unsigned char>(data[0]) == 0xFF &&
      static_cast<unsigned char>(data[1]) == 0xD8 && static_cast<unsigned char>(data[2]) == 0xFF) {
    return "image/jpeg";
  }
  if (data.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return "image/png";
  if (data.size() >= 12 && data.substr(0, 4) == "RIFF" && data.substr(8, 4) == "WEBP") {
    return "image/webp";
  }
  return "";
}

absl::Status CheckImage(domain::CaseStudyImage& image) {
  Violations v;
  image.caption = v.Text("image.caption", image.caption, domain::kMaxShortTextLength, false);
  const std::string& type = image.content_type;
  bool known = type == "image/jpeg" || type == "image/png" || type == "image/webp";
  if (!known) {
    v.Add("image.content_type",
          absl::StrCat("must be image/jpeg, image/png or image/webp, got \"", type, "\""),
          "phải là image/jpeg, image/png hoặc image/webp");
  }
  size_t size = image.data.size();
  if (size == 0) {
    v.Add("image.data", "is required", "không được để trống");
  } else if (static_cast<int64_t>(size) > kMaxImageBytes) {
    v.Add("image.data", absl::StrCat("is ", size, " bytes; at most 2 MiB (2097152 bytes)"),
          absl::StrCat("dung lượng ", size, " byte, vượt quá 2 MiB (2097152 byte)"));
  } else if (known) {
    std::string sniffed = SniffImageType(image.data);
    if (sniffed.empty()) {
      v.Add("image.data",
            absl::StrCat("is not a ", type,
                         " image (its first bytes match no JPEG, PNG or WebP signature)"),
            absl::StrCat("không phải ảnh ", type, " (phần đầu tệp không khớp JPEG, PNG hay WebP)"));
    } else if (sniffed != type) {
      v.Add("image.data", absl::StrCat("is a ", sniffed, " image, not ", type),
            absl::StrCat("là ảnh ", sniffed, ", không phải ", type));
    }
  }
  return v.ToStatus();
}

absl::Status CheckAiringsQuery(const AiringsQuery& query) {
  Violations v;
  CheckReference(v, "station", query.station_unit_id, "units", false);
  bool from_ok = CheckRequiredTime(v, "start_time", query.from);
  bool to_ok = CheckRequiredTime(v, "end_time", query.to);
  if (from_ok && to_ok) {
    if (query.to <= query.from) {
      v.Add("end_time", "must be after start_time", "phải sau thời điểm bắt đầu (start_time)");
    } else if (query.to - query.from > kMaxAiringWindow) {
      v.Add("end_time", "must be at most 62 days after start_time",
            "không được cách thời điểm bắt đầu quá 62 ngày");
    }
  }
  return v.ToStatus();
}

}  // namespace sangkien::operations
