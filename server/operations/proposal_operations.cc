#include "operations/proposal_operations.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/validation.h"
#include "operations/calendar_operations.h"
#include "operations/exposure.h"
#include "operations/idempotency_internal.h"
#include "operations/proposal_checks.h"
#include "operations/proposal_internal.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/audit_log.h"
#include "storage/proposal_repository.h"
#include "storage/unit_repository.h"

namespace sangkien::operations {

using domain::ProposalState;
using domain::ProposalVerb;
using domain::Role;
using storage::Connection;
using storage::ProposalRepository;

namespace internal {

std::string ProposalName(int64_t id) { return absl::StrCat("proposals/", id); }

bool IsProposer(const domain::Caller& caller, const domain::Proposal& p) {
  return !caller.principal.is_public() && caller.principal.account_id == p.proposer_id;
}

absl::Status NotProposer() {
  return MakeError(absl::StatusCode::kPermissionDenied, "NOT_PROPOSER",
                   "only the proposal's proposer may do this",
                   "Chỉ người đề xuất mới được thực hiện thao tác này");
}

absl::Status ProposerOrOffice(const domain::Caller& caller, const domain::Proposal& p) {
  const auto& who = caller.principal;
  if (IsProposer(caller, p) || who.Has(Role::kCoordinator) || who.Has(Role::kApprover) ||
      who.Has(Role::kAdmin) || caller.actor.name == "system") {
    return absl::OkStatus();
  }
  return NotProposer();
}

}  // namespace internal

namespace {

using internal::IsProposer;
using internal::NotProposer;
using internal::ProposalName;

constexpr std::string_view kCreateProposal = "CreateProposal";

bool Internal(const domain::Caller& caller) { return caller.sees_internal_plans(); }

// Whole view of `p`: internal roles and its proposer.
bool SeesWhole(const domain::Caller& caller, const domain::Proposal& p) {
  return Internal(caller) || IsProposer(caller, p);
}

storage::ProposalScope ScopeOf(const domain::Caller& caller) {
  if (Internal(caller)) return {true, 0};
  if (caller.principal.Has(Role::kStaff)) return {false, caller.principal.account_id};
  return {false, 0};
}

std::string Digest(const domain::Proposal& p) {
  return storage::StateDigest(ProposalRepository::Canonical(p));
}

// Staff propose only for their own unit; coordinators and admins for any.
absl::Status CheckProposingUnit(const domain::Principal& who, int64_t unit_id) {
  if (who.Has(Role::kCoordinator) || who.Has(Role::kAdmin) || unit_id == who.unit_id) {
    return absl::OkStatus();
  }
  return MakeError(absl::StatusCode::kPermissionDenied, "OTHER_UNIT",
                   "staff propose only for their own unit",
                   "Cán bộ chỉ đề xuất cho đơn vị của mình");
}

}  // namespace

namespace {

// domain::WorkingDays over a snapshot of the holiday calendar.
class HolidayCalendarDays final : public domain::WorkingDays {
 public:
  explicit HolidayCalendarDays(std::shared_ptr<const calendar::HolidayCalendar> calendar)
      : calendar_(std::move(calendar)) {}
  absl::CivilDay AddWorkingDays(absl::CivilDay day, int n) const override {
    return calendar_->AddWorkingDays(day, n);
  }

 private:
  std::shared_ptr<const calendar::HolidayCalendar> calendar_;
};

}  // namespace

WorkingDaysSource HolidayWorkingDays(const CalendarOperations& calendar) {
  return [&calendar]() -> std::shared_ptr<const domain::WorkingDays> {
    return std::make_shared<const HolidayCalendarDays>(calendar.Current());
  };
}

WorkingDaysSource WeekendsOnlyCalendar() {
  auto calendar = std::make_shared<const domain::WeekendsOnly>();
  return [calendar] { return calendar; };
}

absl::CivilDay ProposalOperations::Today() const { return calendar::DayInDistrict(clock_()); }

domain::Proposal ProposalOperations::Present(const domain::Caller& caller,
                                             domain::Proposal p) const {
  domain::ComputeLateness(p, Today());
  if (!SeesWhole(caller, p)) domain::RedactForPublic(p);
  return p;
}

absl::StatusOr<domain::Proposal> ProposalOperations::Load(Connection& c,
                                                          const domain::Caller& caller,
                                                          int64_t id) const {
  SK_ASSIGN_OR_RETURN(domain::Proposal p, ProposalRepository::Get(c, id, ScopeOf(caller)));
  return Present(caller, std::move(p));
}

absl::StatusOr<domain::Proposal> ProposalOperations::Get(const domain::Caller& caller, int64_t id,
                                                         int contents_version) {
  SK_RETURN_IF_ERROR(internal::CheckContentsVersion(contents_version));
  domain::Proposal p;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(p, ProposalRepository::Get(c, id, ScopeOf(caller)));
    if (contents_version != 0 && contents_version != p.contents_version) {
      if (!SeesWhole(caller, p)) {
        return NotFound(absl::StrCat(ProposalName(id), " version ", contents_version));
      }
      SK_ASSIGN_OR_RETURN(auto version, ProposalRepository::GetVersion(c, id, contents_version));
      p.contents = version.contents;
      p.contents_version = version.version;
    }
    return absl::OkStatus();
  }));
  return Present(caller, std::move(p));
}

const domain::ListSpec& ProposalOperations::ListProposalsSpec() {
  static const domain::ListSpec kSpec{&ProposalRepository::FilterFields(),
                                      &ProposalRepository::OrderFields(),
                                      {"create_time", true}};
  return kSpec;
}

const domain::ListSpec& ProposalOperations::ListProposalEventsSpec() {
  static const domain::ListSpec kSpec{nullptr, nullptr, {"id", false}};
  return kSpec;
}

absl::StatusOr<domain::ListPage<domain::Proposal>> ProposalOperations::List(
    const domain::Caller& caller, const domain::ListQuery& query) {
  domain::ListPage<domain::Proposal> page;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(page, ProposalRepository::List(c, query, ScopeOf(caller), Today()));
    return absl::OkStatus();
  }));
  for (auto& p : page.items) p = Present(caller, std::move(p));
  return page;
}

absl::StatusOr<domain::ListPage<domain::ProposalEvent>> ProposalOperations::ListEvents(
    const domain::Caller& caller, int64_t id, const domain::ListQuery& query) {
  domain::ListPage<domain::ProposalEvent> page;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Proposal p, ProposalRepository::Get(c, id));
    // History is for the proposer and the administration; to anyone else
    // the proposal's events do not exist.
    if (!SeesWhole(caller, p)) return NotFound(ProposalName(id));
    SK_ASSIGN_OR_RETURN(page, ProposalRepository::ListEvents(c, id, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::Proposal> ProposalOperations::Create(const domain::Caller& caller,
                                                            CreateProposalCommand cmd,
                                                            const Idempotency& idempotency) {
  SK_RETURN_IF_ERROR(internal::CheckCreate(cmd));
  const auto& who = caller.principal;
  if (who.is_public() || who.account_id == 0) {
    return MakeError(absl::StatusCode::kPermissionDenied, "PERMISSION_DENIED",
                     "a proposal needs a proposer: call with a person's account",
                     "Đề xuất phải có người đề xuất: hãy dùng tài khoản cá nhân");
  }
  domain::Proposal proposal;
  proposal.title = std::move(cmd.title);
  proposal.unit_id = cmd.unit_id != 0 ? cmd.unit_id : who.unit_id;
  proposal.contents = std::move(cmd.contents);
  if (proposal.unit_id == 0) {
    return InvalidField("proposal.unit", "name the unit the proposal belongs to",
                        "Phải nêu đơn vị của đề xuất");
  }
  SK_RETURN_IF_ERROR(CheckProposingUnit(who, proposal.unit_id));
  domain::Proposal created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kCreateProposal, idempotency));
    if (replay) {
      auto id = domain::ParseCollectionId(replay->resource_name, "proposals");
      SK_ASSIGN_OR_RETURN(created, ProposalRepository::Get(c, id.value_or(0)));
      return absl::OkStatus();
    }
    if (!storage::UnitRepository::Get(c, proposal.unit_id).ok()) {
      return InvalidField("proposal.unit",
                          absl::StrCat("units/", proposal.unit_id, " does not exist"),
                          absl::StrCat("Không có đơn vị units/", proposal.unit_id));
    }
    absl::Time now = clock_();
    proposal.proposer_id = who.account_id;
    proposal.state = ProposalState::kDraft;
    proposal.contents_version = 1;
    SK_ASSIGN_OR_RETURN(proposal.id, ProposalRepository::Insert(c, proposal, now));
    SK_RETURN_IF_ERROR(ProposalRepository::InsertVersion(
        c, proposal.id, {1, proposal.contents, {}, "", caller.actor.name, now}));
    domain::ProposalEvent event{
        0,   proposal.id, std::string(kCreateProposal), caller.actor.name,
        now, "",          ProposalState::kUnspecified,  ProposalState::kDraft,
        1};
    SK_ASSIGN_OR_RETURN(event.id, ProposalRepository::InsertEvent(c, event));
    SK_ASSIGN_OR_RETURN(created, ProposalRepository::Get(c, proposal.id));
    SK_RETURN_IF_ERROR(
        internal::RecordCreate(c, kCreateProposal, idempotency, ProposalName(created.id), "", now));
    SK_RETURN_IF_ERROR(internal::ExposeProposal(c, created, now));
    return storage::AuditLog::Append(c, caller.actor, ProposalName(created.id), "",
                                     storage::StateDigest(ProposalRepository::Canonical(created) +
                                                          ProposalRepository::Canonical(event)),
                                     now);
  }));
  return Present(caller, std::move(created));
}

absl::StatusOr<domain::Proposal> ProposalOperations::Update(const domain::Caller& caller,
                                                            const UpdateProposalCommand& cmd) {
  const auto fields = internal::ProposalUpdatableFields();
  // A bad mask is the request's own fault: refused before anything is read.
  SK_RETURN_IF_ERROR(domain::CheckPaths(cmd.update.paths, fields));
  domain::Proposal edited;
  auto merge = [&](const domain::Proposal& stored) -> absl::Status {
    SK_ASSIGN_OR_RETURN(edited, domain::MergeUpdate(stored, stored.etag, ProposalName(stored.id),
                                                    cmd.update, fields));
    return internal::CheckEdited(edited);
  };
  auto apply = [&](Connection& c, domain::Proposal& p) -> absl::Status {
    if (!IsProposer(caller, p)) return NotProposer();
    if (edited.unit_id != p.unit_id) {
      SK_RETURN_IF_ERROR(CheckProposingUnit(caller.principal, edited.unit_id));
      if (!storage::UnitRepository::Get(c, edited.unit_id).ok()) {
        return InvalidField("proposal.unit", "no such unit", "Không có đơn vị này");
      }
    }
    p.title = edited.title;
    p.unit_id = edited.unit_id;
    if (!(edited.contents == p.contents)) {
      p.contents = edited.contents;
      ++p.contents_version;
      SK_RETURN_IF_ERROR(ProposalRepository::InsertVersion(
          c, p.id, {p.contents_version, p.contents, {}, "", caller.actor.name, clock_()}));
    }
    return absl::OkStatus();
  };
  // The etag is the update's, checked by MergeUpdate.
  return Transition(caller, ProposalStep{cmd.id, "", ""}, ProposalVerb::kUpdate, apply, merge);
}

absl::StatusOr<domain::Proposal> ProposalOperations::Transition(const domain::Caller& caller,
                                                                const ProposalStep& step,
                                                                ProposalVerb verb,
                                                                const Apply& apply,
                                                                const Inspect& inspect) {
  domain::Proposal after;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Proposal before,
                        ProposalRepository::Get(c, step.id, ScopeOf(caller)));
    if (!step.etag.empty() && step.etag != before.etag) return EtagMismatch(ProposalName(step.id));
    if (inspect) SK_RETURN_IF_ERROR(inspect(before));
    SK_RETURN_IF_ERROR(domain::CheckMove(before.state, verb));
    domain::Proposal p = before;
    SK_RETURN_IF_ERROR(apply(c, p));
    std::vector<ProposalState> allowed = domain::NextStates(before.state, verb);
    if (std::find(allowed.begin(), allowed.end(), p.state) == allowed.end()) {
      return absl::InternalError(absl::StrCat(std::string(domain::VerbName(verb)), " led to ",
                                              std::string(domain::StateName(p.state))));
    }
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(ProposalRepository::Update(c, p, now));
    domain::ProposalEvent event{0,
                                p.id,
                                std::string(domain::VerbName(verb)),
                                caller.actor.name,
                                now,
                                step.note,
                                before.state,
                                p.state,
                                p.contents_version};
    SK_ASSIGN_OR_RETURN(event.id, ProposalRepository::InsertEvent(c, event));
    SK_ASSIGN_OR_RETURN(after, ProposalRepository::Get(c, p.id));
    SK_RETURN_IF_ERROR(internal::ExposeProposal(c, after, now));
    return storage::AuditLog::Append(c, caller.actor, ProposalName(p.id), Digest(before),
                                     storage::StateDigest(ProposalRepository::Canonical(after) +
                                                          ProposalRepository::Canonical(event)),
                                     now);
  }));
  return Present(caller, std::move(after));
}

absl::StatusOr<domain::SubmissionPolicy> ProposalOperations::GetSubmissionPolicy() {
  domain::SubmissionPolicy policy = domain::SubmissionPolicy::kAnyStaff;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(policy, ProposalRepository::GetSubmissionPolicy(c));
    return absl::OkStatus();
  }));
  return policy;
}

absl::StatusOr<domain::SubmissionPolicy> ProposalOperations::SetSubmissionPolicy(
    const domain::Caller& caller, domain::SubmissionPolicy policy) {
  SK_RETURN_IF_ERROR(internal::CheckSubmissionPolicy(policy));
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto before, ProposalRepository::GetSubmissionPolicy(c));
    if (before == policy) return absl::OkStatus();
    SK_RETURN_IF_ERROR(ProposalRepository::SetSubmissionPolicy(c, policy));
    return storage::AuditLog::Append(
        c, caller.actor, "proposalSettings",
        storage::StateDigest(absl::StrCat("submission_policy=", static_cast<int>(before))),
        storage::StateDigest(absl::StrCat("submission_policy=", static_cast<int>(policy))),
        clock_());
  }));
  return policy;
}

}  // namespace sangkien::operations
