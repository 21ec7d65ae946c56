// The demo proposals: five from the demo communes, one in each telling
// state of the workflow.
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "seed/demo_internal.h"
#include "status/status_macros.h"

namespace sangkien::seed::internal {
namespace {

// Builds complete contents (Decree 73 art. 7) for a demo proposal.
domain::ProposalContents Contents(std::string bottleneck, std::string necessity,
                                  std::string solutions, std::string scope,
                                  std::string implementers, absl::CivilDay start,
                                  absl::CivilDay end, std::string resources,
                                  std::string feasibility, std::string positive,
                                  std::string negative, std::string results,
                                  absl::CivilDay evaluation) {
  domain::ProposalContents c;
  c.bottleneck = std::move(bottleneck);
  c.necessity = std::move(necessity);
  c.solutions = std::move(solutions);
  c.scope = std::move(scope);
  c.implementers = std::move(implementers);
  c.pilot_start = start;
  c.pilot_end = end;
  c.resources = std::move(resources);
  c.feasibility = std::move(feasibility);
  c.positive_impact = std::move(positive);
  c.negative_impact = std::move(negative);
  c.expected_results = std::move(results);
  c.evaluation_date = evaluation;
  return c;
}

// The leadership meeting of UBND xã: the chairman chairs, the district's
// demo approver attends, the proposer is present but does not vote.
domain::LeadershipDecision Meeting(const std::string& head, const std::string& proposer,
                                   absl::CivilDay day, std::string symbol) {
  domain::LeadershipDecision d;
  d.meeting_date = day;
  d.head = head;
  d.members_present = {head, "Phó Chủ tịch UBND xã (demo)", "Công chức Tư pháp - Hộ tịch (demo)",
                       proposer};
  d.ballots = {{head, domain::VoteChoice::kFor},
               {"Phó Chủ tịch UBND xã (demo)", domain::VoteChoice::kFor},
               {"Công chức Tư pháp - Hộ tịch (demo)", domain::VoteChoice::kAbstain}};
  d.document_symbol = std::move(symbol);
  d.document_date = day;
  d.deliberation =
      "Tập thể lãnh đạo thống nhất cho chủ trương thí điểm; giao người đề xuất báo cáo "
      "tiến độ hằng tháng.";
  return d;
}

// Walks each proposal through the workflow as its proposer and the
// district would, with the seeding recorded as "system".
class ProposalSeeder {
 public:
  ProposalSeeder(operations::ProposalOperations& proposals, const domain::Account& tan_lap,
                 const domain::Account& hoa_binh, const domain::Account& approver)
      : proposals_(proposals),
        tan_lap_(tan_lap),
        hoa_binh_(hoa_binh),
        head_(absl::StrCat("accounts/", approver.id)) {}

  absl::StatusOr<int64_t> SeedAll() {
    SK_RETURN_IF_ERROR(Draft());
    SK_RETURN_IF_ERROR(UnderAppraisal());
    SK_RETURN_IF_ERROR(Piloting());
    SK_ASSIGN_OR_RETURN(int64_t achieved, Achieved());
    SK_RETURN_IF_ERROR(PartlyAchieved());
    return achieved;
  }

 private:
  absl::StatusOr<domain::Proposal> Create(const domain::Account& who, std::string title,
                                          domain::ProposalContents contents) {
    return proposals_.Create(AsStaff(who), {std::move(title), 0, std::move(contents)}, {});
  }
  static operations::ProposalStep Step(const domain::Proposal& p, std::string note = "") {
    return operations::ProposalStep{p.id, "", std::move(note)};
  }
  // Submitted, appraised in favour and approved at the commune leadership's
  // meeting of `day`, decision `symbol`.
  absl::Status Approve(const domain::Account& who, const domain::Proposal& p, absl::CivilDay day,
                       std::string symbol) {
    SK_RETURN_IF_ERROR(proposals_.Submit(AsStaff(who), Step(p)).status());
    SK_RETURN_IF_ERROR(proposals_.StartAppraisal(system_, Step(p)).status());
    domain::Appraisal a;
    a.notes =
        "Đề xuất xuất phát từ thực tiễn, phù hợp chức năng, nhiệm vụ của đơn vị; nguồn "
        "lực khả thi.";
    a.recommendation = domain::Recommendation::kApprove;
    SK_RETURN_IF_ERROR(proposals_.RecordAppraisal(system_, {Step(p), a}).status());
    SK_RETURN_IF_ERROR(
        proposals_
            .RecordDecision(system_, {Step(p), Meeting(head_, absl::StrCat("accounts/", who.id),
                                                       day, std::move(symbol))})
            .status());
    return absl::OkStatus();
  }

  // A draft, still being written.
  absl::Status Draft() {
    domain::ProposalContents draft;
    draft.bottleneck =
        "Sổ hộ tịch giai đoạn 1975–2005 chỉ có bản giấy, nhiều trang đã mục, tra cứu mất nhiều "
        "ngày.";
    draft.solutions = "Huy động đoàn viên thanh niên số hóa sổ hộ tịch cũ theo từng thôn.";
    SK_RETURN_IF_ERROR(
        Create(hoa_binh_, "Số hóa sổ hộ tịch cũ với đoàn viên thanh niên tình nguyện", draft)
            .status());
    return absl::OkStatus();
  }

  // Under appraisal at Phòng Nội vụ.
  absl::Status UnderAppraisal() {
    SK_ASSIGN_OR_RETURN(
        domain::Proposal land,
        Create(tan_lap_, "Tiếp nhận hồ sơ đất đai lưu động tại nhà văn hóa thôn",
               Contents("Người dân các thôn xa phải đi 12 km lên xã nộp hồ sơ đất đai, nhiều hồ "
                        "sơ thiếu giấy tờ phải đi lại nhiều lần.",
                        "Hồ sơ đất đai chiếm 40% hồ sơ trễ hạn của xã năm 2025.",
                        "Mỗi thứ Năm, công chức địa chính tiếp nhận và hướng dẫn hồ sơ tại nhà "
                        "văn hóa thôn theo lịch luân phiên; hồ sơ được quét và chuyển về bộ phận "
                        "một cửa trong ngày.",
                        "5 thôn vùng xa của xã Tân Lập.",
                        "Công chức Địa chính - Xây dựng, Văn phòng - Thống kê xã Tân Lập.",
                        absl::CivilDay(2027, 1, 4), absl::CivilDay(2027, 6, 30),
                        "2 công chức, 1 máy quét di động, 15 triệu đồng kinh phí xăng xe.",
                        "Đã có đường truyền internet tại 5 nhà văn hóa thôn.",
                        "Giảm đi lại cho người dân, giảm hồ sơ phải bổ sung.",
                        "Bộ phận một cửa thiếu người trực vào thứ Năm.",
                        "90% hồ sơ đất đai của 5 thôn được tiếp nhận đầy đủ ngay lần đầu.",
                        absl::CivilDay(2027, 7, 15))));
    SK_RETURN_IF_ERROR(proposals_.Submit(AsStaff(tan_lap_), Step(land)).status());
    SK_RETURN_IF_ERROR(
        proposals_.StartAppraisal(system_, Step(land, "Phòng Nội vụ tiếp nhận, thẩm định"))
            .status());
    return absl::OkStatus();
  }

  // Piloting, with one monitoring check.
  absl::Status Piloting() {
    SK_ASSIGN_OR_RETURN(
        domain::Proposal digital,
        Create(
            tan_lap_, "Tổ công nghệ số cộng đồng hỗ trợ nộp hồ sơ trực tuyến",
            Contents("Tỷ lệ hồ sơ trực tuyến toàn trình của xã dưới 20% vì người dân không "
                     "quen thao tác.",
                     "Chỉ tiêu dịch vụ công trực tuyến của tỉnh năm 2026 là 60%.",
                     "Mỗi thôn một tổ công nghệ số cộng đồng gồm đoàn viên, công an viên, "
                     "trưởng thôn, hướng dẫn người dân nộp hồ sơ trên điện thoại.",
                     "Toàn xã Tân Lập.", "Đoàn Thanh niên xã, Văn phòng UBND xã Tân Lập.",
                     absl::CivilDay(2026, 6, 1), absl::CivilDay(2026, 12, 31),
                     "30 tình nguyện viên, 10 triệu đồng in tài liệu hướng dẫn.",
                     "Đoàn viên có điện thoại thông minh và được tập huấn.",
                     "Người dân tự nộp được hồ sơ, giảm tải cho bộ phận một cửa.",
                     "Nguy cơ lộ thông tin cá nhân khi nhờ người khác thao tác.",
                     "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 50%.", absl::CivilDay(2027, 1, 20))));
    SK_RETURN_IF_ERROR(Approve(tan_lap_, digital, absl::CivilDay(2026, 5, 20), "45/QĐ-UBND"));
    SK_RETURN_IF_ERROR(proposals_.PublishDecision(system_, Step(digital)).status());
    SK_RETURN_IF_ERROR(
        proposals_.StartPilot(AsStaff(tan_lap_), {Step(digital), absl::CivilDay(2026, 6, 1)})
            .status());
    domain::PilotCheck check;
    check.check_date = absl::CivilDay(2026, 9, 15);
    check.notes = "Tỷ lệ hồ sơ trực tuyến đạt 38%; nhắc các tổ không giữ mật khẩu của người dân.";
    SK_RETURN_IF_ERROR(proposals_.RecordPilotCheck(system_, {Step(digital), check}).status());
    return absl::OkStatus();
  }

  // Achieved, closed with no liability.
  absl::StatusOr<int64_t> Achieved() {
    SK_ASSIGN_OR_RETURN(
        domain::Proposal zalo,
        Create(hoa_binh_, "Phiếu hẹn điện tử qua Zalo tại bộ phận một cửa",
               Contents("Người dân phải đến xã hỏi kết quả hồ sơ, không biết khi nào có kết quả.",
                        "Nhiều lượt đi lại không cần thiết, bộ phận một cửa quá tải vào đầu tuần.",
                        "Gửi phiếu hẹn và thông báo có kết quả qua Zalo OA của UBND xã.",
                        "Bộ phận một cửa xã Hòa Bình.", "Văn phòng UBND xã Hòa Bình.",
                        absl::CivilDay(2025, 3, 1), absl::CivilDay(2025, 8, 31),
                        "1 công chức, tài khoản Zalo OA miễn phí.", "Hơn 80% hộ dân dùng Zalo.",
                        "Giảm lượt đi lại, người dân chủ động thời gian.",
                        "Người không dùng điện thoại thông minh vẫn cần phiếu giấy.",
                        "70% người dân nhận thông báo kết quả qua Zalo.",
                        absl::CivilDay(2025, 9, 15))));
    SK_RETURN_IF_ERROR(Approve(hoa_binh_, zalo, absl::CivilDay(2025, 2, 20), "12/QĐ-UBND"));
    SK_RETURN_IF_ERROR(proposals_.PublishDecision(system_, Step(zalo)).status());
    SK_RETURN_IF_ERROR(
        proposals_.StartPilot(AsStaff(hoa_binh_), {Step(zalo), absl::CivilDay(2025, 3, 1)})
            .status());
    domain::CompletionReport zalo_report{
        "Sau 6 tháng, 78% người dân nhận thông báo qua Zalo; lượt hỏi kết quả tại quầy giảm một "
        "nửa.",
        absl::CivilDay(2025, 9, 5), ""};
    SK_RETURN_IF_ERROR(
        proposals_.CompletePilot(AsStaff(hoa_binh_), {Step(zalo), zalo_report}).status());
    domain::Evaluation achieved;
    achieved.outcome = domain::PilotOutcome::kAchieved;
    achieved.motives_pure = true;
    achieved.notes = "Đạt và vượt mục tiêu; đề nghị nhân rộng ra các xã.";
    SK_RETURN_IF_ERROR(proposals_.Evaluate(system_, {Step(zalo), achieved}).status());
    return zalo.id;
  }

  // Partly achieved; responsibility exempted and published.
  absl::Status PartlyAchieved() {
    SK_ASSIGN_OR_RETURN(
        domain::Proposal lights,
        Create(
            tan_lap_, "Giao khoán quản lý điện chiếu sáng công cộng cho khu dân cư",
            Contents("Đèn chiếu sáng hỏng kéo dài nhiều tuần vì chờ xã ký hợp đồng sửa chữa.",
                     "Đường tối gây mất an toàn giao thông và an ninh.",
                     "Giao khoán kinh phí bảo dưỡng cho ban công tác mặt trận khu dân cư, "
                     "thanh toán theo số đèn sáng hằng tháng.",
                     "3 khu dân cư của xã Tân Lập.",
                     "Ban công tác Mặt trận các khu dân cư, công chức Tài chính - Kế toán xã.",
                     absl::CivilDay(2025, 1, 1), absl::CivilDay(2025, 12, 31),
                     "36 triệu đồng/năm từ nguồn sự nghiệp kinh tế.", "Có thợ điện tại địa phương.",
                     "Đèn được sửa trong 3 ngày.", "Khó kiểm soát chứng từ chi.",
                     "95% số đèn sáng mỗi tháng.", absl::CivilDay(2026, 1, 15))));
    SK_RETURN_IF_ERROR(Approve(tan_lap_, lights, absl::CivilDay(2024, 12, 20), "98/QĐ-UBND"));
    SK_RETURN_IF_ERROR(
        proposals_.StartPilot(AsStaff(tan_lap_), {Step(lights), absl::CivilDay(2025, 1, 1)})
            .status());
    domain::CompletionReport lights_report{
        "Đèn được sửa trung bình trong 4 ngày; 82% số đèn sáng; một khu dân cư thiếu chứng từ chi "
        "quý III.",
        absl::CivilDay(2026, 1, 6), ""};
    SK_RETURN_IF_ERROR(
        proposals_.CompletePilot(AsStaff(tan_lap_), {Step(lights), lights_report}).status());
    domain::Evaluation partial;
    partial.outcome = domain::PilotOutcome::kPartial;
    partial.objective_causes =
        "Giá vật tư điện tăng 20% trong năm 2025; bão số 3 làm hỏng nhiều cột.";
    partial.subjective_causes = "Hướng dẫn thanh toán chưa rõ, một khu dân cư lập chứng từ chậm.";
    partial.motives_pure = true;
    SK_RETURN_IF_ERROR(proposals_.Evaluate(system_, {Step(lights), partial}).status());
    domain::ResponsibilityDecision exempted;
    exempted.kind = domain::ResponsibilityKind::kExempted;
    exempted.grounds =
        "Thực hiện đúng chủ trương đã được cho phép, nguyên nhân chủ yếu là khách quan, động cơ "
        "trong sáng, không vụ lợi (Nghị định 73/2023/NĐ-CP).";
    exempted.document_symbol = "07/QĐ-UBND";
    exempted.document_date = absl::CivilDay(2026, 2, 2);
    SK_RETURN_IF_ERROR(proposals_.DecideResponsibility(system_, {Step(lights), exempted}).status());
    SK_RETURN_IF_ERROR(proposals_.PublishDecision(system_, Step(lights)).status());
    return absl::OkStatus();
  }

  operations::ProposalOperations& proposals_;
  const domain::Account& tan_lap_;
  const domain::Account& hoa_binh_;
  const std::string head_;
  const domain::Caller system_ = domain::Caller::System("seed");
};

}  // namespace

domain::Caller AsStaff(const domain::Account& account) {
  domain::Caller c;
  c.principal.account_id = account.id;
  c.principal.roles = account.roles;
  c.principal.unit_id = account.unit_id;
  c.principal.display_name = account.display_name;
  c.actor = {"system", "seed", ""};  // seeded, not typed in by the cadre
  return c;
}

absl::StatusOr<int64_t> SeedDemoProposals(operations::ProposalOperations& proposals,
                                          const domain::Account& tan_lap,
                                          const domain::Account& hoa_binh,
                                          const domain::Account& approver) {
  return ProposalSeeder(proposals, tan_lap, hoa_binh, approver).SeedAll();
}

}  // namespace sangkien::seed::internal
