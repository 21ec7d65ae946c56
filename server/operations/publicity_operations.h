// Use cases on publicity: broadcasts and their airings, case studies with
// their images, announcements. Each write takes a command
// (publicity_commands.h), checks all of it (publicity_checks.h), and is one
// transaction with one audit event, one change-log entry and the item's
// search documents. Publishers and internal roles see drafts; everyone else
// sees only PUBLISHED items inside their publish window and gets NOT_FOUND
// for the rest.
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
#include "operations/publicity_checks.h"
#include "operations/publicity_commands.h"
#include "storage/database.h"

namespace sangkien::operations {

inline constexpr absl::Duration kOnAirLookahead = absl::Hours(24 * 7);

// What one station airs at a moment.
struct StationOnAir {
  int64_t station_unit_id = 0;
  std::string station_display_name;
  std::optional<domain::Airing> now;
  std::optional<domain::Airing> next;  // within kOnAirLookahead
};

// Whether the caller sees drafts and items outside their window.
bool SeesUnpublished(const domain::Caller& caller);

// Safe to call from any thread: it keeps no state of its own, and the
// database orders the transactions.
class PublicityOperations {
 public:
  PublicityOperations(storage::Database& db, calendar::Clock clock)
      : db_(db), clock_(std::move(clock)) {}

  // The clock's time; never fails.
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
  // The broadcast as the caller may see it; NOT_FOUND when absent or a
  // draft the caller may not see.
  absl::StatusOr<domain::Broadcast> GetBroadcast(const domain::Caller& caller, int64_t id);
  // One page of the broadcasts the caller sees; INVALID_ARGUMENT only from
  // storage for a query outside ListBroadcastsSpec().
  absl::StatusOr<domain::ListPage<domain::Broadcast>> ListBroadcasts(
      const domain::Caller& caller, const domain::ListQuery& query);
  // The stored broadcast (or, for a request id seen before, the one it
  // created); INVALID_ARGUMENT when CheckBroadcast refuses it or its station
  // does not exist (broadcast.station); ALREADY_EXISTS for a request id
  // reused with another request. Nothing is written on error.
  absl::StatusOr<domain::Broadcast> CreateBroadcast(const domain::Caller& caller,
                                                    CreateBroadcastCommand command);
  // The stored broadcast with the masked fields of `update.patch` applied;
  // INVALID_ARGUMENT for a mask naming no updatable field (before any read)
  // or a result CheckBroadcast refuses; NOT_FOUND when absent or invisible;
  // ABORTED on a stale etag. Nothing is written on error.
  absl::StatusOr<domain::Broadcast> UpdateBroadcast(const domain::Caller& caller,
                                                    const UpdateBroadcastCommand& update);
  // OK once deleted; NOT_FOUND when absent; ABORTED when `expected_etag` is
  // given and stale.
  absl::Status DeleteBroadcast(const domain::Caller& caller, int64_t id,
                               const std::string& expected_etag);
  // The airings of the broadcasts the caller sees over [from, to), by start
  // time; INVALID_ARGUMENT when CheckAiringsQuery refuses the query.
  absl::StatusOr<std::vector<domain::Airing>> ListAirings(const domain::Caller& caller,
                                                          const AiringsQuery& query);
  // Now and next per station (one station, or every station with a
  // broadcast the caller sees), by station name; `as_of` gets the time used.
  // NOT_FOUND when the one station asked for does not exist.
  absl::StatusOr<std::vector<StationOnAir>> OnAir(const domain::Caller& caller,
                                                  int64_t station_unit_id, absl::Time* as_of);
  // The published broadcasts of a station, for calendar export; NOT_FOUND
  // when the station does not exist.
  absl::StatusOr<std::vector<domain::Broadcast>> PublishedBroadcasts(int64_t station_unit_id);

  // ---- case studies ----
  // With its images' metadata; NOT_FOUND when absent or outside the
  // caller's view.
  absl::StatusOr<domain::CaseStudy> GetCaseStudy(const domain::Caller& caller, int64_t id);
  // As ListBroadcasts, for ListCaseStudiesSpec().
  absl::StatusOr<domain::ListPage<domain::CaseStudy>> ListCaseStudies(
      const domain::Caller& caller, const domain::ListQuery& query);
  // The stored case study (or the one a repeated request id created);
  // INVALID_ARGUMENT when CheckCaseStudy refuses it or its unit or linked
  // proposal does not exist; ALREADY_EXISTS for a reused request id.
  absl::StatusOr<domain::CaseStudy> CreateCaseStudy(const domain::Caller& caller,
                                                    CreateCaseStudyCommand command);
  // As UpdateBroadcast, with CheckCaseStudy and the unit and proposal.
  absl::StatusOr<domain::CaseStudy> UpdateCaseStudy(const domain::Caller& caller,
                                                    const UpdateCaseStudyCommand& update);
  // As DeleteBroadcast; the images go with it.
  absl::Status DeleteCaseStudy(const domain::Caller& caller, int64_t id,
                               const std::string& expected_etag);
  // The stored image's metadata, its sha256 computed here; INVALID_ARGUMENT
  // when CheckImage refuses it; NOT_FOUND without the case study. The case
  // study's etag changes.
  absl::StatusOr<domain::CaseStudyImage> AddCaseStudyImage(const domain::Caller& caller,
                                                           AddCaseStudyImageCommand command);
  // With its data; NOT_FOUND when absent or the caller may not see the
  // case study.
  absl::StatusOr<domain::CaseStudyImage> GetCaseStudyImage(const domain::Caller& caller,
                                                           int64_t case_study_id, int64_t image_id);
  // OK once deleted; NOT_FOUND when absent. The case study's etag changes.
  absl::Status DeleteCaseStudyImage(const domain::Caller& caller, int64_t case_study_id,
                                    int64_t image_id);

  // Inserts a case study inside the caller's transaction, with its audit
  // event, change-log entry and search documents (ReplicateAsCaseStudy).
  // The stored case study; INVALID_ARGUMENT when its unit or proposal does
  // not exist.
  absl::StatusOr<domain::CaseStudy> InsertCaseStudy(storage::Connection& c,
                                                    const domain::Caller& caller,
                                                    const domain::CaseStudy& cs, absl::Time now);

  // ---- announcements ----
  // NOT_FOUND when absent or outside the caller's view.
  absl::StatusOr<domain::Announcement> GetAnnouncement(const domain::Caller& caller, int64_t id);
  // As ListBroadcasts, for ListAnnouncementsSpec().
  absl::StatusOr<domain::ListPage<domain::Announcement>> ListAnnouncements(
      const domain::Caller& caller, const domain::ListQuery& query);
  // As CreateCaseStudy, with CheckAnnouncement and the unit.
  absl::StatusOr<domain::Announcement> CreateAnnouncement(const domain::Caller& caller,
                                                          CreateAnnouncementCommand command);
  // As UpdateBroadcast, with CheckAnnouncement and the unit.
  absl::StatusOr<domain::Announcement> UpdateAnnouncement(const domain::Caller& caller,
                                                          const UpdateAnnouncementCommand& update);
  // As DeleteBroadcast.
  absl::Status DeleteAnnouncement(const domain::Caller& caller, int64_t id,
                                  const std::string& expected_etag);

  // What each list accepts: its filter and order fields, its default order.
  static domain::ListSpec ListBroadcastsSpec();
  static domain::ListSpec ListCaseStudiesSpec();
  static domain::ListSpec ListAnnouncementsSpec();

 private:
  storage::Database& db_;
  calendar::Clock clock_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_PUBLICITY_OPERATIONS_H_
