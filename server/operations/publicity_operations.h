// Use cases on publicity: broadcasts and their airings, case studies with
// their images, announcements. Each write is one transaction with one audit
// event, one change-log entry and the item's search documents. Publishers
// and internal roles see drafts; everyone else sees only PUBLISHED items
// inside their publish window and gets NOT_FOUND for the rest.
#ifndef SANGKIEN_SERVER_OPERATIONS_PUBLICITY_OPERATIONS_H_
#define SANGKIEN_SERVER_OPERATIONS_PUBLICITY_OPERATIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "calendar/clock.h"
#include "domain/account.h"
#include "domain/list_query.h"
#include "domain/publicity.h"
#include "operations/directory_operations.h"
#include "storage/database.h"

namespace sangkien::operations {

inline constexpr absl::Duration kMaxAiringWindow = absl::Hours(24 * 62);
inline constexpr absl::Duration kOnAirLookahead = absl::Hours(24 * 7);
inline constexpr int64_t kMaxImageBytes = 2 * 1024 * 1024;

// What one station airs at a moment.
struct StationOnAir {
  int64_t station_unit_id = 0;
  std::string station_display_name;
  std::optional<domain::Airing> now;
  std::optional<domain::Airing> next;  // within kOnAirLookahead
};

// Whether the caller sees drafts and items outside their window.
bool SeesUnpublished(const domain::Caller& caller);

class PublicityOperations {
 public:
  PublicityOperations(storage::Database& db, calendar::Clock clock)
      : db_(db), clock_(std::move(clock)) {}

  absl::Time Now() const { return clock_(); }

  // ---- loads for other use cases (the change feed): one item on the given
  // connection as `caller` may see it at the clock's now; NOT_FOUND when the
  // caller may not see it. ----
  absl::StatusOr<domain::Broadcast> LoadBroadcast(storage::Connection& c,
                                                  const domain::Caller& caller, int64_t id);
  // With its images' metadata.
  absl::StatusOr<domain::CaseStudy> LoadCaseStudy(storage::Connection& c,
                                                  const domain::Caller& caller, int64_t id);
  absl::StatusOr<domain::Announcement> LoadAnnouncement(storage::Connection& c,
                                                        const domain::Caller& caller, int64_t id);

  // ---- broadcasts ----
  absl::StatusOr<domain::Broadcast> GetBroadcast(const domain::Caller& caller, int64_t id);
  absl::StatusOr<domain::ListPage<domain::Broadcast>> ListBroadcasts(
      const domain::Caller& caller, const domain::ListQuery& query);
  // `b` has been checked (domain::CheckRrule, durations, overrides); the
  // station must exist (INVALID_ARGUMENT on broadcast.station otherwise).
  absl::StatusOr<domain::Broadcast> CreateBroadcast(const domain::Caller& caller,
                                                    const domain::Broadcast& b,
                                                    const Idempotency& idempotency);
  // Replaces every client field of `b.id` when `expected_etag` is current.
  absl::StatusOr<domain::Broadcast> UpdateBroadcast(const domain::Caller& caller,
                                                    const domain::Broadcast& b,
                                                    const std::string& expected_etag);
  absl::Status DeleteBroadcast(const domain::Caller& caller, int64_t id,
                               const std::string& expected_etag);
  // The airings over [from, to) of the broadcasts the caller sees, of one
  // station (0: all), by start time.
  absl::StatusOr<std::vector<domain::Airing>> ListAirings(const domain::Caller& caller,
                                                          int64_t station_unit_id, absl::Time from,
                                                          absl::Time to);
  // Now and next per station (one station, or every station with a
  // broadcast the caller sees), by station name; `as_of` gets the time used.
  absl::StatusOr<std::vector<StationOnAir>> OnAir(const domain::Caller& caller,
                                                  int64_t station_unit_id, absl::Time* as_of);
  // The published broadcasts of a station, for calendar export.
  absl::StatusOr<std::vector<domain::Broadcast>> PublishedBroadcasts(int64_t station_unit_id);

  // ---- case studies ----
  absl::StatusOr<domain::CaseStudy> GetCaseStudy(const domain::Caller& caller, int64_t id);
  absl::StatusOr<domain::ListPage<domain::CaseStudy>> ListCaseStudies(
      const domain::Caller& caller, const domain::ListQuery& query);
  // The unit and the linked proposal (when set) must exist.
  absl::StatusOr<domain::CaseStudy> CreateCaseStudy(const domain::Caller& caller,
                                                    const domain::CaseStudy& cs,
                                                    const Idempotency& idempotency);
  absl::StatusOr<domain::CaseStudy> UpdateCaseStudy(const domain::Caller& caller,
                                                    const domain::CaseStudy& cs,
                                                    const std::string& expected_etag);
  absl::Status DeleteCaseStudy(const domain::Caller& caller, int64_t id,
                               const std::string& expected_etag);
  // `image` has been checked (type against its bytes, size); its sha256 is
  // computed here. The case study's etag changes.
  absl::StatusOr<domain::CaseStudyImage> AddCaseStudyImage(const domain::Caller& caller,
                                                           domain::CaseStudyImage image,
                                                           const Idempotency& idempotency);
  // With its data, when the caller may see the case study.
  absl::StatusOr<domain::CaseStudyImage> GetCaseStudyImage(const domain::Caller& caller,
                                                           int64_t case_study_id, int64_t image_id);
  absl::Status DeleteCaseStudyImage(const domain::Caller& caller, int64_t case_study_id,
                                    int64_t image_id);

  // Inserts a case study inside the caller's transaction, with its audit
  // event, change-log entry and search documents (ReplicateAsCaseStudy).
  absl::StatusOr<domain::CaseStudy> InsertCaseStudy(storage::Connection& c,
                                                    const domain::Caller& caller,
                                                    const domain::CaseStudy& cs, absl::Time now);

  // ---- announcements ----
  absl::StatusOr<domain::Announcement> GetAnnouncement(const domain::Caller& caller, int64_t id);
  absl::StatusOr<domain::ListPage<domain::Announcement>> ListAnnouncements(
      const domain::Caller& caller, const domain::ListQuery& query);
  absl::StatusOr<domain::Announcement> CreateAnnouncement(const domain::Caller& caller,
                                                          const domain::Announcement& a,
                                                          const Idempotency& idempotency);
  absl::StatusOr<domain::Announcement> UpdateAnnouncement(const domain::Caller& caller,
                                                          const domain::Announcement& a,
                                                          const std::string& expected_etag);
  absl::Status DeleteAnnouncement(const domain::Caller& caller, int64_t id,
                                  const std::string& expected_etag);

 private:
  storage::Database& db_;
  calendar::Clock clock_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_PUBLICITY_OPERATIONS_H_
