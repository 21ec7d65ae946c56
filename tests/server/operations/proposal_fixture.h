// The operations fixture with proposals: a cadre of Tân Lập, one of Hòa
// Bình, a coordinator and an approver, and helpers that walk a proposal to
// a state through ProposalOperations.
#ifndef SANGKIEN_TESTS_SERVER_OPERATIONS_PROPOSAL_FIXTURE_H_
#define SANGKIEN_TESTS_SERVER_OPERATIONS_PROPOSAL_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "operations/account_operations.h"
#include "operations/proposal_operations.h"
#include "operations_fixture.h"
#include "status/errors.h"

namespace sangkien::operations {

inline domain::ProposalContents FullContents() {
  domain::ProposalContents c;
  c.bottleneck = "Hồ sơ chứng thực phải chờ 2 ngày vì chỉ có một người ký.";
  c.necessity = "Người dân phản ánh nhiều lần tại các kỳ tiếp xúc cử tri.";
  c.solutions = "Ủy quyền ký chứng thực cho Phó Chủ tịch trực bộ phận một cửa.";
  c.scope = "Bộ phận một cửa xã Tân Lập.";
  c.implementers = "Văn phòng UBND xã, công chức Tư pháp - Hộ tịch.";
  c.pilot_start = absl::CivilDay(2026, 12, 1);
  c.pilot_end = absl::CivilDay(2027, 2, 26);
  c.resources = "Không phát sinh kinh phí.";
  c.feasibility = "Đúng thẩm quyền theo quy định về chứng thực.";
  c.positive_impact = "Trả kết quả trong ngày.";
  c.negative_impact = "Tăng khối lượng ký của Phó Chủ tịch.";
  c.expected_results = "95% hồ sơ chứng thực trả trong ngày.";
  c.evaluation_date = absl::CivilDay(2026, 12, 15);
  return c;
}

// A meeting of `present` whose head is "A", with `ballots`.
inline domain::LeadershipDecision Meeting(std::vector<std::string> present,
                                          std::vector<domain::Ballot> ballots) {
  domain::LeadershipDecision d;
  d.head = "A";
  d.members_present = std::move(present);
  d.ballots = std::move(ballots);
  d.document_symbol = "101/QĐ-UBND";
  d.document_date = absl::CivilDay(2026, 11, 27);
  return d;
}

// Fields of an INVALID_ARGUMENT, in order.
inline std::vector<std::string> FieldsOf(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const auto& v : ErrorFieldViolations(status)) fields.push_back(v.field);
  return fields;
}

class ProposalOperationsTest : public OperationsTest {
 protected:
  void SetUp() override {
    OperationsTest::SetUp();
    calendar::Clock clock = [this] { return now_; };
    accounts_ = std::make_unique<AccountOperations>(*db_, clock);
    proposals_ = std::make_unique<ProposalOperations>(*db_, clock, WeekendsOnlyCalendar());
    staff_ = AddAccount("Đỗ Văn Nam", domain::Role::kStaff, tan_lap_, "Công chức Tư pháp");
    other_staff_ = AddAccount("Trần Thị Bình", domain::Role::kStaff, hoa_binh_, "");
    coordinator_ = AddAccount("Phòng Nội vụ", domain::Role::kCoordinator, noi_vu_, "");
    approver_ = AddAccount("Chủ tịch", domain::Role::kApprover, noi_vu_, "Chủ tịch UBND huyện");
  }

  domain::Caller AddAccount(const std::string& name, domain::Role role, int64_t unit,
                            const std::string& position) {
    domain::Account account;
    account.display_name = name;
    account.roles = {role};
    account.unit_id = unit;
    account.position = position;
    auto created = accounts_->CreateAccount(sys_.actor, {account, {}});
    EXPECT_TRUE(created.ok()) << created.status();
    domain::Caller c;
    c.principal.account_id = created.ok() ? created->id : 0;
    c.principal.roles = {role};
    c.principal.unit_id = unit;
    c.principal.display_name = name;
    c.actor = {absl::StrCat("accounts/", c.principal.account_id), "test", ""};
    return c;
  }

  std::string AccountOf(const domain::Caller& c) {
    return absl::StrCat("accounts/", c.principal.account_id);
  }

  // A draft by the Tân Lập cadre with every part of the contents.
  domain::Proposal Draft(domain::ProposalContents contents = FullContents()) {
    auto p = proposals_->Create(staff_, {"Ủy quyền ký chứng thực", 0, std::move(contents)}, {});
    EXPECT_TRUE(p.ok()) << p.status();
    return p.ok() ? *p : domain::Proposal{};
  }

  ProposalStep Step(const domain::Proposal& p, std::string note = "") {
    return {p.id, "", std::move(note)};
  }

  // Submitted by its proposer and appraised, awaiting the decision.
  domain::Proposal Appraised() {
    domain::Proposal p = Draft();
    Must(proposals_->Submit(staff_, Step(p)));
    Must(proposals_->StartAppraisal(coordinator_, Step(p)));
    domain::Appraisal a;
    a.notes = "Khả thi.";
    a.recommendation = domain::Recommendation::kApprove;
    return Must(proposals_->RecordAppraisal(coordinator_, {Step(p), a}));
  }

  // Approved and piloting; its evaluation date is 15/12/2026.
  domain::Proposal Piloting() {
    domain::Proposal p = Appraised();
    Must(proposals_->RecordDecision(
        approver_, {Step(p), Meeting({"A", "B"}, {{"A", domain::VoteChoice::kFor}})}));
    return Must(proposals_->StartPilot(staff_, {Step(p), std::nullopt}));
  }

  domain::Proposal Evaluated(domain::PilotOutcome outcome, bool motives_pure) {
    domain::Proposal p = Piloting();
    Must(proposals_->CompletePilot(staff_, {Step(p), {"Báo cáo kết quả.", std::nullopt, ""}}));
    domain::Evaluation e;
    e.outcome = outcome;
    e.objective_causes = "Giá vật tư tăng.";
    e.subjective_causes = "Phối hợp chưa chặt chẽ.";
    e.motives_pure = motives_pure;
    return Must(proposals_->Evaluate(approver_, {Step(p), e}));
  }

  domain::Proposal Must(absl::StatusOr<domain::Proposal> p) {
    EXPECT_TRUE(p.ok()) << p.status();
    return p.ok() ? *p : domain::Proposal{};
  }

  // The proposal as the system sees it now.
  domain::Proposal Stored(const domain::Proposal& p) { return Must(proposals_->Get(sys_, p.id)); }

  std::unique_ptr<AccountOperations> accounts_;
  std::unique_ptr<ProposalOperations> proposals_;
  domain::Caller staff_, other_staff_, coordinator_, approver_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_TESTS_SERVER_OPERATIONS_PROPOSAL_FIXTURE_H_
