// PublicityOperations: case studies and their images.
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "domain/validation.h"
#include "operations/idempotency_internal.h"
#include "operations/publicity_operations.h"
#include "operations/publicity_records.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/audit_log.h"
#include "storage/publicity_repository.h"

namespace sangkien::operations {

using publicity_internal::CheckProposal;
using publicity_internal::CheckUnit;
using publicity_internal::DeletedDigest;
using publicity_internal::Digest;
using publicity_internal::Publicise;
using publicity_internal::ScopeOf;
using publicity_internal::Sha256Hex;
using storage::Connection;
using storage::PublicityRepository;

namespace {

constexpr std::string_view kCreateCaseStudy = "CreateCaseStudy";
constexpr std::string_view kAddCaseStudyImage = "AddCaseStudyImage";

using Field = domain::UpdatableField<domain::CaseStudy>;
constexpr Field kCaseStudyFields[] = {
    {"title", [](const auto& f, auto& t) { t.title = f.title; }},
    {"unit", [](const auto& f, auto& t) { t.unit_id = f.unit_id; }},
    {"summary", [](const auto& f, auto& t) { t.summary = f.summary; }},
    {"body", [](const auto& f, auto& t) { t.body = f.body; }},
    {"results", [](const auto& f, auto& t) { t.results = f.results; }},
    {"proposal", [](const auto& f, auto& t) { t.proposal_id = f.proposal_id; }},
    {"state", [](const auto& f, auto& t) { t.window.state = f.window.state; }},
    {"publish_time", [](const auto& f, auto& t) { t.window.publish_time = f.window.publish_time; }},
    {"unpublish_time",
     [](const auto& f, auto& t) { t.window.unpublish_time = f.window.unpublish_time; }},
    {"featured", [](const auto& f, auto& t) { t.featured = f.featured; }},
};

const publicity_internal::ItemKind<domain::CaseStudy> kCaseStudy = {
    &domain::CaseStudyName,
    "caseStudies",
    kCaseStudyFields,
    &CheckCaseStudy,
    [](Connection& c, const domain::CaseStudy& s) {
      SK_RETURN_IF_ERROR(CheckUnit(c, "case_study.unit", s.unit_id));
      return CheckProposal(c, s.proposal_id);
    },
    &PublicityRepository::InsertCaseStudy,
    &PublicityRepository::UpdateCaseStudy,
    &PublicityRepository::DeleteCaseStudy,
    &PublicityRepository::GetCaseStudy,
};

// The image a replayed AddCaseStudyImage created: its id from the
// recorded name "caseStudies/{c}/images/{i}"; 0 when the name is of another
// case study.
int64_t ReplayedImageId(const std::string& resource_name, int64_t case_study_id) {
  std::string prefix = absl::StrCat(domain::CaseStudyName(case_study_id), "/images/");
  if (resource_name.compare(0, prefix.size(), prefix) != 0) return 0;
  return domain::ParseCollectionId(absl::StrCat("images/", resource_name.substr(prefix.size())),
                                   "images")
      .value_or(0);
}

}  // namespace

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
  return InsertItem(c, caller, cs, kCaseStudy, now);
}

absl::StatusOr<domain::CaseStudy> PublicityOperations::CreateCaseStudy(
    const domain::Caller& caller, CreateCaseStudyCommand command) {
  SK_RETURN_IF_ERROR(CheckCaseStudy(command.case_study));
  domain::CaseStudy created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(created, CreateItem(c, caller, kCreateCaseStudy, command.idempotency,
                                            command.case_study, kCaseStudy, clock_()));
    return absl::OkStatus();
  }));
  return created;
}

absl::StatusOr<domain::CaseStudy> PublicityOperations::UpdateCaseStudy(
    const domain::Caller& caller, const UpdateCaseStudyCommand& update) {
  // A mask naming nothing updatable is refused before the case study is looked up.
  SK_RETURN_IF_ERROR(domain::CheckPaths(update.paths, kCaseStudy.fields));
  domain::CaseStudy updated;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::CaseStudy current, LoadCaseStudy(c, caller, update.patch.id));
    SK_ASSIGN_OR_RETURN(updated, UpdateItem(c, caller, current, update, kCaseStudy, clock_()));
    return absl::OkStatus();
  }));
  return updated;
}

absl::Status PublicityOperations::DeleteCaseStudy(const domain::Caller& caller, int64_t id,
                                                  const std::string& expected_etag) {
  return db_.Write([&](Connection& c) {
    return DeleteItem(c, caller, id, expected_etag, kCaseStudy, clock_());
  });
}

absl::StatusOr<domain::CaseStudyImage> PublicityOperations::AddCaseStudyImage(
    const domain::Caller& caller, AddCaseStudyImageCommand command) {
  domain::CaseStudyImage& image = command.image;
  SK_RETURN_IF_ERROR(CheckImage(image));
  const Idempotency& idempotency = command.idempotency;
  domain::CaseStudyImage created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kAddCaseStudyImage, idempotency));
    if (replay) {
      int64_t image_id = ReplayedImageId(replay->resource_name, image.case_study_id);
      SK_ASSIGN_OR_RETURN(created,
                          PublicityRepository::GetImage(c, image.case_study_id, image_id, false));
      return absl::OkStatus();
    }
    SK_RETURN_IF_ERROR(PublicityRepository::GetCaseStudy(c, image.case_study_id).status());
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

}  // namespace sangkien::operations
