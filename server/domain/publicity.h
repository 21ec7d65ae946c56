// Publicity: radio broadcasts, model case studies and announcements (seed
// plan item 1.2), and who may see them when.
#ifndef SANGKIEN_SERVER_DOMAIN_PUBLICITY_H_
#define SANGKIEN_SERVER_DOMAIN_PUBLICITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "calendar/airing_schedule.h"

namespace sangkien::domain {

// Values match sangkien.v1.PublicationState.
enum class PublicationState { kUnspecified = 0, kDraft = 1, kPublished = 2 };

// A published item inside its window is public; everything else is seen
// only by publishers and internal roles.
struct PublishWindow {
  PublicationState state = PublicationState::kDraft;
  std::optional<absl::Time> publish_time;
  std::optional<absl::Time> unpublish_time;

  bool PublicAt(absl::Time now) const {
    return state == PublicationState::kPublished && (!publish_time || *publish_time <= now) &&
           (!unpublish_time || now < *unpublish_time);
  }
};

// One airing of a broadcast cancelled, moved or resized; the kiosk reads the
// same type when it expands broadcasts offline.
using AiringOverride = calendar::AiringOverride;

struct Broadcast {
  int64_t id = 0;
  int64_t station_unit_id = 0;
  std::string station_display_name;  // output only
  std::string title;
  std::string topic;
  std::string description;
  std::vector<std::string> links;  // resource names
  absl::Time start_time;
  absl::Duration duration;
  std::string rrule;  // RFC 5545 RRULE value, empty: once
  std::vector<absl::Time> exdates;
  std::vector<AiringOverride> overrides;
  PublicationState state = PublicationState::kDraft;
  std::string etag;
  absl::Time create_time;
  absl::Time update_time;
};

struct Airing {
  int64_t broadcast_id = 0;
  int64_t station_unit_id = 0;
  std::string station_display_name;
  std::string title;
  std::string topic;
  absl::Time start_time;
  absl::Time end_time;
  absl::Time original_start_time;
  bool moved = false;
  std::string note;
  friend bool operator==(const Airing&, const Airing&) = default;
};

struct CaseStudyImage {
  int64_t id = 0;
  int64_t case_study_id = 0;
  std::string content_type;
  std::string caption;
  int64_t size_bytes = 0;
  std::string data;  // filled only when asked for
  std::string sha256_hex;
};

struct CaseStudy {
  int64_t id = 0;
  std::string title;
  int64_t unit_id = 0;
  std::string unit_display_name;  // output only
  std::string summary;
  std::string body;
  std::string results;
  std::vector<CaseStudyImage> images;  // without data
  int64_t proposal_id = 0;             // 0: none
  PublishWindow window;
  bool featured = false;
  std::string etag;
  absl::Time create_time;
  absl::Time update_time;
};

struct Announcement {
  int64_t id = 0;
  std::string title;
  std::string body;
  int64_t unit_id = 0;
  std::string unit_display_name;  // output only
  PublishWindow window;
  std::string etag;
  absl::Time create_time;
  absl::Time update_time;
};

// Resource names.
inline std::string BroadcastName(int64_t id) { return absl::StrCat("broadcasts/", id); }
inline std::string CaseStudyName(int64_t id) { return absl::StrCat("caseStudies/", id); }
inline std::string CaseStudyImageName(int64_t case_study_id, int64_t image_id) {
  return absl::StrCat("caseStudies/", case_study_id, "/images/", image_id);
}
inline std::string AnnouncementName(int64_t id) { return absl::StrCat("announcements/", id); }

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_PUBLICITY_H_
