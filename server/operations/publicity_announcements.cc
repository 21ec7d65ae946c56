// PublicityOperations: announcements.
#include <string>

#include "absl/types/span.h"
#include "domain/validation.h"
#include "operations/idempotency_internal.h"
#include "operations/publicity_operations.h"
#include "operations/publicity_records.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/publicity_repository.h"

namespace sangkien::operations {

using publicity_internal::CheckUnit;
using publicity_internal::ItemKind;
using publicity_internal::ScopeOf;
using storage::Connection;
using storage::PublicityRepository;

namespace {

constexpr std::string_view kCreateAnnouncement = "CreateAnnouncement";

using Field = domain::UpdatableField<domain::Announcement>;
constexpr Field kAnnouncementFields[] = {
    {"title", [](const auto& f, auto& t) { t.title = f.title; }},
    {"body", [](const auto& f, auto& t) { t.body = f.body; }},
    {"unit", [](const auto& f, auto& t) { t.unit_id = f.unit_id; }},
    {"state", [](const auto& f, auto& t) { t.window.state = f.window.state; }},
    {"publish_time", [](const auto& f, auto& t) { t.window.publish_time = f.window.publish_time; }},
    {"unpublish_time",
     [](const auto& f, auto& t) { t.window.unpublish_time = f.window.unpublish_time; }},
};

const ItemKind<domain::Announcement> kAnnouncement = {
    &domain::AnnouncementName,
    "announcements",
    kAnnouncementFields,
    &CheckAnnouncement,
    [](Connection& c, const domain::Announcement& a) {
      return CheckUnit(c, "announcement.unit", a.unit_id);
    },
    &PublicityRepository::InsertAnnouncement,
    &PublicityRepository::UpdateAnnouncement,
    &PublicityRepository::DeleteAnnouncement,
    &PublicityRepository::GetAnnouncement,
};

}  // namespace

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
    const domain::Caller& caller, CreateAnnouncementCommand command) {
  SK_RETURN_IF_ERROR(CheckAnnouncement(command.announcement));
  domain::Announcement created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(created, CreateItem(c, caller, kCreateAnnouncement, command.idempotency,
                                            command.announcement, kAnnouncement, clock_()));
    return absl::OkStatus();
  }));
  return created;
}

absl::StatusOr<domain::Announcement> PublicityOperations::UpdateAnnouncement(
    const domain::Caller& caller, const UpdateAnnouncementCommand& update) {
  // A mask naming nothing updatable is refused before the announcement is looked up.
  SK_RETURN_IF_ERROR(domain::CheckPaths(update.paths, kAnnouncement.fields));
  domain::Announcement updated;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Announcement current, LoadAnnouncement(c, caller, update.patch.id));
    SK_ASSIGN_OR_RETURN(updated, UpdateItem(c, caller, current, update, kAnnouncement, clock_()));
    return absl::OkStatus();
  }));
  return updated;
}

absl::Status PublicityOperations::DeleteAnnouncement(const domain::Caller& caller, int64_t id,
                                                     const std::string& expected_etag) {
  return db_.Write([&](Connection& c) {
    return DeleteItem(c, caller, id, expected_etag, kAnnouncement, clock_());
  });
}

}  // namespace sangkien::operations
