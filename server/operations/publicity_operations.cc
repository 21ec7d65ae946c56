#include "operations/publicity_operations.h"

#include <algorithm>
#include <map>

#include "absl/types/span.h"
#include "domain/airing_schedule.h"
#include "domain/validation.h"
#include "operations/idempotency_internal.h"
#include "operations/publicity_records.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/publicity_repository.h"
#include "storage/unit_repository.h"

namespace sangkien::operations {

using domain::PublicationState;
using publicity_internal::CheckUnit;
using publicity_internal::ItemKind;
using publicity_internal::ScopeOf;
using storage::Connection;
using storage::PublicityRepository;

namespace {

constexpr std::string_view kCreateBroadcast = "CreateBroadcast";

using Field = domain::UpdatableField<domain::Broadcast>;
constexpr Field kBroadcastFields[] = {
    {"station", [](const auto& f, auto& t) { t.station_unit_id = f.station_unit_id; }},
    {"title", [](const auto& f, auto& t) { t.title = f.title; }},
    {"topic", [](const auto& f, auto& t) { t.topic = f.topic; }},
    {"description", [](const auto& f, auto& t) { t.description = f.description; }},
    {"links", [](const auto& f, auto& t) { t.links = f.links; }},
    {"start_time", [](const auto& f, auto& t) { t.start_time = f.start_time; }},
    {"duration", [](const auto& f, auto& t) { t.duration = f.duration; }},
    {"rrule", [](const auto& f, auto& t) { t.rrule = f.rrule; }},
    {"exdates", [](const auto& f, auto& t) { t.exdates = f.exdates; }},
    {"overrides", [](const auto& f, auto& t) { t.overrides = f.overrides; }},
    {"state", [](const auto& f, auto& t) { t.state = f.state; }},
};

const ItemKind<domain::Broadcast> kBroadcast = {
    &domain::BroadcastName,
    "broadcasts",
    kBroadcastFields,
    &CheckBroadcast,
    [](Connection& c, const domain::Broadcast& b) {
      return CheckUnit(c, "broadcast.station", b.station_unit_id);
    },
    &PublicityRepository::InsertBroadcast,
    &PublicityRepository::UpdateBroadcast,
    &PublicityRepository::DeleteBroadcast,
    &PublicityRepository::GetBroadcast,
};

}  // namespace

bool SeesUnpublished(const domain::Caller& caller) {
  return caller.sees_internal_plans() || caller.principal.Has(domain::Role::kPublisher);
}

// ---- loads ----

absl::StatusOr<domain::Broadcast> PublicityOperations::LoadBroadcast(Connection& c,
                                                                     const domain::Caller& caller,
                                                                     int64_t id) {
  SK_ASSIGN_OR_RETURN(domain::Broadcast b, PublicityRepository::GetBroadcast(c, id));
  if (!SeesUnpublished(caller) && b.state != PublicationState::kPublished) {
    return NotFound(domain::BroadcastName(id));
  }
  return b;
}

absl::StatusOr<domain::CaseStudy> PublicityOperations::LoadCaseStudy(Connection& c,
                                                                     const domain::Caller& caller,
                                                                     int64_t id) {
  SK_ASSIGN_OR_RETURN(domain::CaseStudy s, PublicityRepository::GetCaseStudy(c, id));
  if (!SeesUnpublished(caller) && !s.window.PublicAt(clock_())) {
    return NotFound(domain::CaseStudyName(id));
  }
  return s;
}

absl::StatusOr<domain::Announcement> PublicityOperations::LoadAnnouncement(
    Connection& c, const domain::Caller& caller, int64_t id) {
  SK_ASSIGN_OR_RETURN(domain::Announcement a, PublicityRepository::GetAnnouncement(c, id));
  if (!SeesUnpublished(caller) && !a.window.PublicAt(clock_())) {
    return NotFound(domain::AnnouncementName(id));
  }
  return a;
}

// ---- broadcasts ----

absl::StatusOr<domain::Broadcast> PublicityOperations::GetBroadcast(const domain::Caller& caller,
                                                                    int64_t id) {
  domain::Broadcast out;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(out, LoadBroadcast(c, caller, id));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<domain::ListPage<domain::Broadcast>> PublicityOperations::ListBroadcasts(
    const domain::Caller& caller, const domain::ListQuery& query) {
  domain::ListPage<domain::Broadcast> page;
  absl::Time now = clock_();
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(page, PublicityRepository::ListBroadcasts(c, query, ScopeOf(caller, now)));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::Broadcast> PublicityOperations::CreateBroadcast(
    const domain::Caller& caller, CreateBroadcastCommand command) {
  SK_RETURN_IF_ERROR(CheckBroadcast(command.broadcast));
  domain::Broadcast created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(created, CreateItem(c, caller, kCreateBroadcast, command.idempotency,
                                            command.broadcast, kBroadcast, clock_()));
    return absl::OkStatus();
  }));
  return created;
}

absl::StatusOr<domain::Broadcast> PublicityOperations::UpdateBroadcast(
    const domain::Caller& caller, const UpdateBroadcastCommand& update) {
  // A mask naming nothing updatable is refused before the broadcast is looked up.
  SK_RETURN_IF_ERROR(domain::CheckPaths(update.paths, kBroadcast.fields));
  domain::Broadcast updated;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Broadcast current, LoadBroadcast(c, caller, update.patch.id));
    SK_ASSIGN_OR_RETURN(updated, UpdateItem(c, caller, current, update, kBroadcast, clock_()));
    return absl::OkStatus();
  }));
  return updated;
}

absl::Status PublicityOperations::DeleteBroadcast(const domain::Caller& caller, int64_t id,
                                                  const std::string& expected_etag) {
  return db_.Write([&](Connection& c) {
    return DeleteItem(c, caller, id, expected_etag, kBroadcast, clock_());
  });
}

absl::StatusOr<std::vector<domain::Airing>> PublicityOperations::ListAirings(
    const domain::Caller& caller, const AiringsQuery& query) {
  SK_RETURN_IF_ERROR(CheckAiringsQuery(query));
  std::vector<domain::Broadcast> broadcasts;
  absl::Time now = clock_();
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(broadcasts, PublicityRepository::StationBroadcasts(c, query.station_unit_id,
                                                                           ScopeOf(caller, now)));
    return absl::OkStatus();
  }));
  return domain::ExpandAirings(broadcasts, query.from, query.to);
}

absl::StatusOr<std::vector<StationOnAir>> PublicityOperations::OnAir(const domain::Caller& caller,
                                                                     int64_t station_unit_id,
                                                                     absl::Time* as_of) {
  absl::Time now = clock_();
  if (as_of != nullptr) *as_of = now;
  std::vector<domain::Broadcast> broadcasts;
  std::string station_name;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    if (station_unit_id != 0) {
      SK_ASSIGN_OR_RETURN(domain::Unit unit, storage::UnitRepository::Get(c, station_unit_id));
      station_name = unit.display_name;
    }
    SK_ASSIGN_OR_RETURN(broadcasts, PublicityRepository::StationBroadcasts(c, station_unit_id,
                                                                           ScopeOf(caller, now)));
    return absl::OkStatus();
  }));
  std::map<int64_t, StationOnAir> stations;
  if (station_unit_id != 0) stations[station_unit_id] = {station_unit_id, station_name, {}, {}};
  for (const auto& b : broadcasts) {
    stations.try_emplace(b.station_unit_id,
                         StationOnAir{b.station_unit_id, b.station_display_name, {}, {}});
  }
  for (const domain::Airing& a : domain::ExpandAirings(broadcasts, now, now + kOnAirLookahead)) {
    StationOnAir& s = stations[a.station_unit_id];
    if (a.start_time <= now) {
      if (!s.now) s.now = a;  // the earliest-started of overlapping airings
    } else if (!s.next) {
      s.next = a;
    }
  }
  std::vector<StationOnAir> out;
  for (auto& [id, s] : stations) out.push_back(std::move(s));
  std::sort(out.begin(), out.end(), [](const StationOnAir& x, const StationOnAir& y) {
    if (x.station_display_name != y.station_display_name) {
      return x.station_display_name < y.station_display_name;
    }
    return x.station_unit_id < y.station_unit_id;
  });
  return out;
}

absl::StatusOr<std::vector<domain::Broadcast>> PublicityOperations::PublishedBroadcasts(
    int64_t station_unit_id) {
  std::vector<domain::Broadcast> out;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_RETURN_IF_ERROR(storage::UnitRepository::Get(c, station_unit_id).status());
    SK_ASSIGN_OR_RETURN(out, PublicityRepository::StationBroadcasts(
                                 c, station_unit_id, storage::PublicityScope{false, clock_()}));
    return absl::OkStatus();
  }));
  return out;
}

domain::ListSpec PublicityOperations::ListBroadcastsSpec() {
  return {&PublicityRepository::BroadcastFilterFields(),
          &PublicityRepository::BroadcastOrderFields(),
          {"start_time", false}};
}

domain::ListSpec PublicityOperations::ListCaseStudiesSpec() {
  return {&PublicityRepository::CaseStudyFilterFields(),
          &PublicityRepository::CaseStudyOrderFields(),
          {"create_time", true}};
}

domain::ListSpec PublicityOperations::ListAnnouncementsSpec() {
  return {&PublicityRepository::AnnouncementFilterFields(),
          &PublicityRepository::AnnouncementOrderFields(),
          {"publish_time", true}};
}

}  // namespace sangkien::operations
