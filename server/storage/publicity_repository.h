// Broadcasts, case studies (with their images) and announcements in SQLite.
// Stateless: every call runs on the connection of the transaction it is
// given. Lists that the public reads filter on state and publish window in
// the query itself, so that pages stay full.
#ifndef SANGKIEN_SERVER_STORAGE_PUBLICITY_REPOSITORY_H_
#define SANGKIEN_SERVER_STORAGE_PUBLICITY_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "domain/list_query.h"
#include "domain/publicity.h"
#include "storage/database.h"

namespace sangkien::storage {

// Who reads a list: everything, or only what the public may see at `now`.
struct PublicityScope {
  bool drafts = false;  // publishers and internal roles
  absl::Time now;       // for publish windows when !drafts
};

// Contract of every function below, unless its own comment says otherwise:
// Get*/Update*/Delete* return the row (or OK) on success and NOT_FOUND
// naming the resource when no row matches; Insert* return the new id;
// List*, *Of and other queries return an empty page or list when nothing
// matches. SQLite failures are thrown, not returned: the enclosing
// Database::Read/Write answers them as INTERNAL or UNAVAILABLE. Stateless;
// safe from any thread on the Connection of its own transaction.
class PublicityRepository {
 public:
  // ---- broadcasts ----
  // Filter: station (= units/N), state, topic. Order: start_time, title.
  static const std::vector<domain::FilterField>& BroadcastFilterFields();
  static const std::vector<std::string>& BroadcastOrderFields();
  static absl::StatusOr<int64_t> InsertBroadcast(Connection& c, const domain::Broadcast& b,
                                                 absl::Time now);
  // Writes every client field of `b.id` and bumps its revision; NOT_FOUND
  // when there is none.
  static absl::Status UpdateBroadcast(Connection& c, const domain::Broadcast& b, absl::Time now);
  static absl::Status DeleteBroadcast(Connection& c, int64_t id);
  static absl::StatusOr<domain::Broadcast> GetBroadcast(Connection& c, int64_t id);
  static absl::StatusOr<domain::ListPage<domain::Broadcast>> ListBroadcasts(
      Connection& c, const domain::ListQuery& query, const PublicityScope& scope);
  // A station's broadcasts (every station's when `station_unit_id` is 0), by
  // id; only published ones unless `scope.drafts`.
  static absl::StatusOr<std::vector<domain::Broadcast>> StationBroadcasts(
      Connection& c, int64_t station_unit_id, const PublicityScope& scope);

  // ---- case studies ----
  // Filter: unit, state, featured, proposal. Order: publish_time,
  // create_time, title.
  static const std::vector<domain::FilterField>& CaseStudyFilterFields();
  static const std::vector<std::string>& CaseStudyOrderFields();
  static absl::StatusOr<int64_t> InsertCaseStudy(Connection& c, const domain::CaseStudy& cs,
                                                 absl::Time now);
  static absl::Status UpdateCaseStudy(Connection& c, const domain::CaseStudy& cs, absl::Time now);
  // Deletes its images too.
  static absl::Status DeleteCaseStudy(Connection& c, int64_t id);
  // With its images' metadata (no data).
  static absl::StatusOr<domain::CaseStudy> GetCaseStudy(Connection& c, int64_t id);
  static absl::StatusOr<domain::ListPage<domain::CaseStudy>> ListCaseStudies(
      Connection& c, const domain::ListQuery& query, const PublicityScope& scope);
  static absl::StatusOr<int64_t> InsertImage(Connection& c, const domain::CaseStudyImage& image,
                                             absl::Time now);
  // NOT_FOUND unless the image belongs to `case_study_id`.
  static absl::StatusOr<domain::CaseStudyImage> GetImage(Connection& c, int64_t case_study_id,
                                                         int64_t image_id, bool with_data);
  static absl::Status DeleteImage(Connection& c, int64_t case_study_id, int64_t image_id);
  // Bumps the case study's revision (its images changed).
  static absl::Status TouchCaseStudy(Connection& c, int64_t id, absl::Time now);

  // ---- announcements ----
  // Filter: unit, state. Order: publish_time, create_time.
  static const std::vector<domain::FilterField>& AnnouncementFilterFields();
  static const std::vector<std::string>& AnnouncementOrderFields();
  static absl::StatusOr<int64_t> InsertAnnouncement(Connection& c, const domain::Announcement& a,
                                                    absl::Time now);
  static absl::Status UpdateAnnouncement(Connection& c, const domain::Announcement& a,
                                         absl::Time now);
  static absl::Status DeleteAnnouncement(Connection& c, int64_t id);
  static absl::StatusOr<domain::Announcement> GetAnnouncement(Connection& c, int64_t id);
  static absl::StatusOr<domain::ListPage<domain::Announcement>> ListAnnouncements(
      Connection& c, const domain::ListQuery& query, const PublicityScope& scope);
};

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_PUBLICITY_REPOSITORY_H_
