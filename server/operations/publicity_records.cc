#include "operations/publicity_records.h"

#include <openssl/sha.h>

#include <nlohmann/json.hpp>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "domain/validation.h"
#include "operations/publicity_operations.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/audit_log.h"
#include "storage/change_log.h"
#include "storage/proposal_repository.h"
#include "storage/search_index.h"
#include "storage/unit_repository.h"

namespace sangkien::operations::publicity_internal {

using domain::PublicationState;
using storage::Connection;

namespace {

int64_t Us(absl::Time t) { return absl::ToUnixMicros(t); }
nlohmann::json OptUs(const std::optional<absl::Time>& t) {
  return t ? nlohmann::json(Us(*t)) : nlohmann::json();
}

}  // namespace

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

namespace {

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

}  // namespace

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

}  // namespace sangkien::operations::publicity_internal
