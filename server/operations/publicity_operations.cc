#include "operations/publicity_operations.h"

#include <openssl/sha.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "domain/airing_schedule.h"
#include "domain/validation.h"
#include "operations/idempotency_internal.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/audit_log.h"
#include "storage/change_log.h"
#include "storage/proposal_repository.h"
#include "storage/publicity_repository.h"
#include "storage/search_index.h"
#include "storage/unit_repository.h"

namespace sangkien::operations {

using domain::PublicationState;
using storage::Connection;
using storage::PublicityRepository;

namespace {

constexpr std::string_view kCreateBroadcast = "CreateBroadcast";
constexpr std::string_view kCreateCaseStudy = "CreateCaseStudy";
constexpr std::string_view kAddCaseStudyImage = "AddCaseStudyImage";
constexpr std::string_view kCreateAnnouncement = "CreateAnnouncement";

int64_t Us(absl::Time t) { return absl::ToUnixMicros(t); }
nlohmann::json OptUs(const std::optional<absl::Time>& t) {
  return t ? nlohmann::json(Us(*t)) : nlohmann::json();
}

// Canonical digests of what is stored (nlohmann sorts keys).
std::string Digest(const domain::Broadcast& b) {
  nlohmann::json exdates = nlohmann::json::array();
  for (absl::Time t : b.exdates) exdates.push_back(Us(t));
  nlohmann::json overrides = nlohmann::json::array();
  for (const auto& o : b.overrides) {
    overrides.push_back(
        {{"original", Us(o.original_start_time)},
         {"cancelled", o.cancelled},
         {"start", OptUs(o.start_time)},
         {"duration_us",
          o.duration ? nlohmann::json(absl::ToInt64Microseconds(*o.duration)) : nlohmann::json()},
         {"note", o.note}});
  }
  return storage::StateDigest(nlohmann::json{
      {"station", b.station_unit_id},
      {"title", b.title},
      {"topic", b.topic},
      {"description", b.description},
      {"links", b.links},
      {"start", Us(b.start_time)},
      {"duration_us", absl::ToInt64Microseconds(b.duration)},
      {"rrule", b.rrule},
      {"exdates", exdates},
      {"overrides", overrides},
      {"state",
       static_cast<int>(b.state)}}.dump());
}

std::string Digest(const domain::CaseStudy& s) {
  nlohmann::json images = nlohmann::json::array();
  for (const auto& i : s.images) {
    images.push_back({{"id", i.id},
                      {"content_type", i.content_type},
                      {"caption", i.caption},
                      {"sha256", i.sha256_hex}});
  }
  return storage::StateDigest(nlohmann::json{
      {"title", s.title},
      {"unit", s.unit_id},
      {"summary", s.summary},
      {"body", s.body},
      {"results", s.results},
      {"proposal", s.proposal_id},
      {"state", static_cast<int>(s.window.state)},
      {"publish", OptUs(s.window.publish_time)},
      {"unpublish", OptUs(s.window.unpublish_time)},
      {"featured", s.featured},
      {"images", images}}.dump());
}

std::string Digest(const domain::CaseStudyImage& i) {
  return storage::StateDigest(nlohmann::json{
      {"case_study", i.case_study_id},
      {"content_type", i.content_type},
      {"caption", i.caption},
      {"sha256", i.sha256_hex}}.dump());
}

std::string Digest(const domain::Announcement& a) {
  return storage::StateDigest(nlohmann::json{{"title", a.title},
                                             {"body", a.body},
                                             {"unit", a.unit_id},
                                             {"state", static_cast<int>(a.window.state)},
                                             {"publish", OptUs(a.window.publish_time)},
                                             {"unpublish", OptUs(a.window.unpublish_time)}}
                                  .dump());
}

std::string DeletedDigest(const std::string& name) {
  return storage::StateDigest(nlohmann::json{{"name", name}, {"deleted", true}}.dump());
}

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return absl::BytesToHexString(std::string(reinterpret_cast<char*>(digest), sizeof(digest)));
}

std::string JoinText(const std::vector<std::string>& parts) {
  std::vector<std::string> kept;
  for (const auto& p : parts) {
    if (!p.empty()) kept.push_back(p);
  }
  return absl::StrJoin(kept, "\n");
}

// The change log, the publish-window schedule and the search index after a
// write of `name` (or its deletion).
absl::Status Publicise(Connection& c, const std::string& name, storage::SearchKind kind,
                       const domain::PublishWindow& window, const std::string& title,
                       const std::string& body, bool deleted, absl::Time now) {
  SK_RETURN_IF_ERROR(
      storage::ChangeLog::Record(c, name, deleted, !deleted && window.PublicAt(now), now));
  std::vector<storage::ScheduledVisibility> moments;
  if (!deleted && window.state == PublicationState::kPublished) {
    if (window.publish_time && *window.publish_time > now) {
      moments.push_back({name, *window.publish_time, true});
    }
    if (window.unpublish_time && *window.unpublish_time > now) {
      moments.push_back({name, *window.unpublish_time, false});
    }
  }
  SK_RETURN_IF_ERROR(storage::ChangeLog::Schedule(c, name, moments));
  if (deleted) return storage::SearchIndex::Remove(c, name);
  storage::SearchDocument doc;
  doc.kind = kind;
  doc.title = title;
  doc.body = body;
  if (window.state == PublicationState::kPublished) {
    doc.audience = storage::SearchAudience::kEveryone;
    doc.visible_from = window.publish_time;
    doc.visible_until = window.unpublish_time;
  } else {
    doc.audience = storage::SearchAudience::kInternal;
  }
  return storage::SearchIndex::Replace(c, name, {doc});
}

absl::Status Publicise(Connection& c, const domain::Broadcast& b, bool deleted, absl::Time now) {
  domain::PublishWindow window;
  window.state = b.state;
  return Publicise(c, domain::BroadcastName(b.id), storage::SearchKind::kBroadcast, window, b.title,
                   JoinText({b.topic, b.description}), deleted, now);
}
absl::Status Publicise(Connection& c, const domain::CaseStudy& s, bool deleted, absl::Time now) {
  return Publicise(c, domain::CaseStudyName(s.id), storage::SearchKind::kCaseStudy, s.window,
                   s.title, JoinText({s.summary, s.body, s.results}), deleted, now);
}
absl::Status Publicise(Connection& c, const domain::Announcement& a, bool deleted, absl::Time now) {
  return Publicise(c, domain::AnnouncementName(a.id), storage::SearchKind::kAnnouncement, a.window,
                   a.title, a.body, deleted, now);
}

absl::Status CheckUnit(Connection& c, const std::string& field, int64_t unit_id) {
  if (!storage::UnitRepository::Get(c, unit_id).ok()) {
    return InvalidField(field, absl::StrCat("no such unit: ", domain::UnitName(unit_id)),
                        absl::StrCat("Không có đơn vị ", domain::UnitName(unit_id)));
  }
  return absl::OkStatus();
}

absl::Status CheckProposal(Connection& c, int64_t proposal_id) {
  if (proposal_id == 0) return absl::OkStatus();
  if (!storage::ProposalRepository::Get(c, proposal_id).ok()) {
    std::string name = absl::StrCat("proposals/", proposal_id);
    return InvalidField("case_study.proposal", absl::StrCat("no such proposal: ", name),
                        absl::StrCat("Không có đề xuất ", name));
  }
  return absl::OkStatus();
}

storage::PublicityScope ScopeOf(const domain::Caller& caller, absl::Time now) {
  return {SeesUnpublished(caller), now};
}

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
    const domain::Caller& caller, const domain::Broadcast& b, const Idempotency& idempotency) {
  domain::Broadcast created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kCreateBroadcast, idempotency));
    if (replay) {
      auto id = domain::ParseCollectionId(replay->resource_name, "broadcasts");
      SK_ASSIGN_OR_RETURN(created, PublicityRepository::GetBroadcast(c, id.value_or(0)));
      return absl::OkStatus();
    }
    SK_RETURN_IF_ERROR(CheckUnit(c, "broadcast.station", b.station_unit_id));
    absl::Time now = clock_();
    SK_ASSIGN_OR_RETURN(int64_t id, PublicityRepository::InsertBroadcast(c, b, now));
    std::string name = domain::BroadcastName(id);
    SK_RETURN_IF_ERROR(internal::RecordCreate(c, kCreateBroadcast, idempotency, name, "", now));
    SK_ASSIGN_OR_RETURN(created, PublicityRepository::GetBroadcast(c, id));
    SK_RETURN_IF_ERROR(Publicise(c, created, false, now));
    return storage::AuditLog::Append(c, caller.actor, name, "", Digest(created), now);
  }));
  return created;
}

absl::StatusOr<domain::Broadcast> PublicityOperations::UpdateBroadcast(
    const domain::Caller& caller, const domain::Broadcast& b, const std::string& expected_etag) {
  domain::Broadcast updated;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    std::string name = domain::BroadcastName(b.id);
    SK_ASSIGN_OR_RETURN(domain::Broadcast current, PublicityRepository::GetBroadcast(c, b.id));
    if (current.etag != expected_etag) return EtagMismatch(name);
    SK_RETURN_IF_ERROR(CheckUnit(c, "broadcast.station", b.station_unit_id));
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(PublicityRepository::UpdateBroadcast(c, b, now));
    SK_ASSIGN_OR_RETURN(updated, PublicityRepository::GetBroadcast(c, b.id));
    SK_RETURN_IF_ERROR(Publicise(c, updated, false, now));
    return storage::AuditLog::Append(c, caller.actor, name, Digest(current), Digest(updated), now);
  }));
  return updated;
}

absl::Status PublicityOperations::DeleteBroadcast(const domain::Caller& caller, int64_t id,
                                                  const std::string& expected_etag) {
  return db_.Write([&](Connection& c) -> absl::Status {
    std::string name = domain::BroadcastName(id);
    SK_ASSIGN_OR_RETURN(domain::Broadcast current, PublicityRepository::GetBroadcast(c, id));
    if (!expected_etag.empty() && current.etag != expected_etag) return EtagMismatch(name);
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(PublicityRepository::DeleteBroadcast(c, id));
    SK_RETURN_IF_ERROR(Publicise(c, current, true, now));
    return storage::AuditLog::Append(c, caller.actor, name, Digest(current), DeletedDigest(name),
                                     now);
  });
}

absl::StatusOr<std::vector<domain::Airing>> PublicityOperations::ListAirings(
    const domain::Caller& caller, int64_t station_unit_id, absl::Time from, absl::Time to) {
  std::vector<domain::Broadcast> broadcasts;
  absl::Time now = clock_();
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(broadcasts, PublicityRepository::StationBroadcasts(c, station_unit_id,
                                                                           ScopeOf(caller, now)));
    return absl::OkStatus();
  }));
  return domain::ExpandAirings(broadcasts, from, to);
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

// ---- case studies ----

absl::StatusOr<domain::CaseStudy> PublicityOperations::GetCaseStudy(const domain::Caller& caller,
                                                                    int64_t id) {
  domain::CaseStudy out;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(out, LoadCaseStudy(c, caller, id));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<domain::ListPage<domain::CaseStudy>> PublicityOperations::ListCaseStudies(
    const domain::Caller& caller, const domain::ListQuery& query) {
  domain::ListPage<domain::CaseStudy> page;
  absl::Time now = clock_();
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(page, PublicityRepository::ListCaseStudies(c, query, ScopeOf(caller, now)));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::CaseStudy> PublicityOperations::InsertCaseStudy(Connection& c,
                                                                       const domain::Caller& caller,
                                                                       const domain::CaseStudy& cs,
                                                                       absl::Time now) {
  SK_RETURN_IF_ERROR(CheckUnit(c, "case_study.unit", cs.unit_id));
  SK_RETURN_IF_ERROR(CheckProposal(c, cs.proposal_id));
  SK_ASSIGN_OR_RETURN(int64_t id, PublicityRepository::InsertCaseStudy(c, cs, now));
  SK_ASSIGN_OR_RETURN(domain::CaseStudy created, PublicityRepository::GetCaseStudy(c, id));
  SK_RETURN_IF_ERROR(Publicise(c, created, false, now));
  SK_RETURN_IF_ERROR(storage::AuditLog::Append(c, caller.actor, domain::CaseStudyName(id), "",
                                               Digest(created), now));
  return created;
}

absl::StatusOr<domain::CaseStudy> PublicityOperations::CreateCaseStudy(
    const domain::Caller& caller, const domain::CaseStudy& cs, const Idempotency& idempotency) {
  domain::CaseStudy created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kCreateCaseStudy, idempotency));
    if (replay) {
      auto id = domain::ParseCollectionId(replay->resource_name, "caseStudies");
      SK_ASSIGN_OR_RETURN(created, PublicityRepository::GetCaseStudy(c, id.value_or(0)));
      return absl::OkStatus();
    }
    absl::Time now = clock_();
    SK_ASSIGN_OR_RETURN(created, InsertCaseStudy(c, caller, cs, now));
    return internal::RecordCreate(c, kCreateCaseStudy, idempotency,
                                  domain::CaseStudyName(created.id), "", now);
  }));
  return created;
}

absl::StatusOr<domain::CaseStudy> PublicityOperations::UpdateCaseStudy(
    const domain::Caller& caller, const domain::CaseStudy& cs, const std::string& expected_etag) {
  domain::CaseStudy updated;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    std::string name = domain::CaseStudyName(cs.id);
    SK_ASSIGN_OR_RETURN(domain::CaseStudy current, PublicityRepository::GetCaseStudy(c, cs.id));
    if (current.etag != expected_etag) return EtagMismatch(name);
    SK_RETURN_IF_ERROR(CheckUnit(c, "case_study.unit", cs.unit_id));
    SK_RETURN_IF_ERROR(CheckProposal(c, cs.proposal_id));
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(PublicityRepository::UpdateCaseStudy(c, cs, now));
    SK_ASSIGN_OR_RETURN(updated, PublicityRepository::GetCaseStudy(c, cs.id));
    SK_RETURN_IF_ERROR(Publicise(c, updated, false, now));
    return storage::AuditLog::Append(c, caller.actor, name, Digest(current), Digest(updated), now);
  }));
  return updated;
}

absl::Status PublicityOperations::DeleteCaseStudy(const domain::Caller& caller, int64_t id,
                                                  const std::string& expected_etag) {
  return db_.Write([&](Connection& c) -> absl::Status {
    std::string name = domain::CaseStudyName(id);
    SK_ASSIGN_OR_RETURN(domain::CaseStudy current, PublicityRepository::GetCaseStudy(c, id));
    if (!expected_etag.empty() && current.etag != expected_etag) return EtagMismatch(name);
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(PublicityRepository::DeleteCaseStudy(c, id));
    SK_RETURN_IF_ERROR(Publicise(c, current, true, now));
    return storage::AuditLog::Append(c, caller.actor, name, Digest(current), DeletedDigest(name),
                                     now);
  });
}

absl::StatusOr<domain::CaseStudyImage> PublicityOperations::AddCaseStudyImage(
    const domain::Caller& caller, domain::CaseStudyImage image, const Idempotency& idempotency) {
  domain::CaseStudyImage created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kAddCaseStudyImage, idempotency));
    if (replay) {
      std::string_view rest = replay->resource_name;
      std::string prefix = absl::StrCat(domain::CaseStudyName(image.case_study_id), "/images/");
      int64_t image_id = 0;
      if (rest.substr(0, prefix.size()) == prefix) {
        image_id = domain::ParseCollectionId(
                       absl::StrCat("images/", std::string(rest.substr(prefix.size()))), "images")
                       .value_or(0);
      }
      SK_ASSIGN_OR_RETURN(created,
                          PublicityRepository::GetImage(c, image.case_study_id, image_id, false));
      return absl::OkStatus();
    }
    std::string parent = domain::CaseStudyName(image.case_study_id);
    SK_ASSIGN_OR_RETURN(domain::CaseStudy before,
                        PublicityRepository::GetCaseStudy(c, image.case_study_id));
    absl::Time now = clock_();
    image.sha256_hex = Sha256Hex(image.data);
    image.size_bytes = static_cast<int64_t>(image.data.size());
    SK_ASSIGN_OR_RETURN(int64_t id, PublicityRepository::InsertImage(c, image, now));
    std::string name = domain::CaseStudyImageName(image.case_study_id, id);
    SK_RETURN_IF_ERROR(internal::RecordCreate(c, kAddCaseStudyImage, idempotency, name, "", now));
    SK_RETURN_IF_ERROR(PublicityRepository::TouchCaseStudy(c, image.case_study_id, now));
    SK_ASSIGN_OR_RETURN(domain::CaseStudy after,
                        PublicityRepository::GetCaseStudy(c, image.case_study_id));
    // The case study shows its images: the feed carries it again.
    SK_RETURN_IF_ERROR(Publicise(c, after, false, now));
    SK_ASSIGN_OR_RETURN(created, PublicityRepository::GetImage(c, image.case_study_id, id, false));
    return storage::AuditLog::Append(c, caller.actor, name, "", Digest(created), now);
  }));
  return created;
}

absl::StatusOr<domain::CaseStudyImage> PublicityOperations::GetCaseStudyImage(
    const domain::Caller& caller, int64_t case_study_id, int64_t image_id) {
  domain::CaseStudyImage out;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    auto visible = LoadCaseStudy(c, caller, case_study_id);
    if (!visible.ok()) return NotFound(domain::CaseStudyImageName(case_study_id, image_id));
    SK_ASSIGN_OR_RETURN(out, PublicityRepository::GetImage(c, case_study_id, image_id, true));
    return absl::OkStatus();
  }));
  return out;
}

absl::Status PublicityOperations::DeleteCaseStudyImage(const domain::Caller& caller,
                                                       int64_t case_study_id, int64_t image_id) {
  return db_.Write([&](Connection& c) -> absl::Status {
    std::string name = domain::CaseStudyImageName(case_study_id, image_id);
    SK_ASSIGN_OR_RETURN(domain::CaseStudyImage current,
                        PublicityRepository::GetImage(c, case_study_id, image_id, false));
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(PublicityRepository::DeleteImage(c, case_study_id, image_id));
    SK_RETURN_IF_ERROR(PublicityRepository::TouchCaseStudy(c, case_study_id, now));
    SK_ASSIGN_OR_RETURN(domain::CaseStudy after,
                        PublicityRepository::GetCaseStudy(c, case_study_id));
    SK_RETURN_IF_ERROR(Publicise(c, after, false, now));
    return storage::AuditLog::Append(c, caller.actor, name, Digest(current), DeletedDigest(name),
                                     now);
  });
}

// ---- announcements ----

absl::StatusOr<domain::Announcement> PublicityOperations::GetAnnouncement(
    const domain::Caller& caller, int64_t id) {
  domain::Announcement out;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(out, LoadAnnouncement(c, caller, id));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<domain::ListPage<domain::Announcement>> PublicityOperations::ListAnnouncements(
    const domain::Caller& caller, const domain::ListQuery& query) {
  domain::ListPage<domain::Announcement> page;
  absl::Time now = clock_();
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(page,
                        PublicityRepository::ListAnnouncements(c, query, ScopeOf(caller, now)));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::Announcement> PublicityOperations::CreateAnnouncement(
    const domain::Caller& caller, const domain::Announcement& a, const Idempotency& idempotency) {
  domain::Announcement created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kCreateAnnouncement, idempotency));
    if (replay) {
      auto id = domain::ParseCollectionId(replay->resource_name, "announcements");
      SK_ASSIGN_OR_RETURN(created, PublicityRepository::GetAnnouncement(c, id.value_or(0)));
      return absl::OkStatus();
    }
    SK_RETURN_IF_ERROR(CheckUnit(c, "announcement.unit", a.unit_id));
    absl::Time now = clock_();
    SK_ASSIGN_OR_RETURN(int64_t id, PublicityRepository::InsertAnnouncement(c, a, now));
    std::string name = domain::AnnouncementName(id);
    SK_RETURN_IF_ERROR(internal::RecordCreate(c, kCreateAnnouncement, idempotency, name, "", now));
    SK_ASSIGN_OR_RETURN(created, PublicityRepository::GetAnnouncement(c, id));
    SK_RETURN_IF_ERROR(Publicise(c, created, false, now));
    return storage::AuditLog::Append(c, caller.actor, name, "", Digest(created), now);
  }));
  return created;
}

absl::StatusOr<domain::Announcement> PublicityOperations::UpdateAnnouncement(
    const domain::Caller& caller, const domain::Announcement& a, const std::string& expected_etag) {
  domain::Announcement updated;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    std::string name = domain::AnnouncementName(a.id);
    SK_ASSIGN_OR_RETURN(domain::Announcement current,
                        PublicityRepository::GetAnnouncement(c, a.id));
    if (current.etag != expected_etag) return EtagMismatch(name);
    SK_RETURN_IF_ERROR(CheckUnit(c, "announcement.unit", a.unit_id));
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(PublicityRepository::UpdateAnnouncement(c, a, now));
    SK_ASSIGN_OR_RETURN(updated, PublicityRepository::GetAnnouncement(c, a.id));
    SK_RETURN_IF_ERROR(Publicise(c, updated, false, now));
    return storage::AuditLog::Append(c, caller.actor, name, Digest(current), Digest(updated), now);
  }));
  return updated;
}

absl::Status PublicityOperations::DeleteAnnouncement(const domain::Caller& caller, int64_t id,
                                                     const std::string& expected_etag) {
  return db_.Write([&](Connection& c) -> absl::Status {
    std::string name = domain::AnnouncementName(id);
    SK_ASSIGN_OR_RETURN(domain::Announcement current, PublicityRepository::GetAnnouncement(c, id));
    if (!expected_etag.empty() && current.etag != expected_etag) return EtagMismatch(name);
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(PublicityRepository::DeleteAnnouncement(c, id));
    SK_RETURN_IF_ERROR(Publicise(c, current, true, now));
    return storage::AuditLog::Append(c, caller.actor, name, Digest(current), DeletedDigest(name),
                                     now);
  });
}

}  // namespace sangkien::operations
