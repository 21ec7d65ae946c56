#include "seed/demo_seed.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/list_query.h"
#include "domain/validation.h"
#include "status/status_macros.h"

namespace sangkien::seed {
namespace {

using domain::UnitKind;

struct DemoUnit {
  const char* name;
  const char* short_name;
  UnitKind kind;
  std::vector<std::string> aliases;
  bool demo;  // invented for the demo (the plan names no commune)
};

// The district bodies the plan names, then demo communes.
std::vector<DemoUnit> DemoUnits() {
  return {
      {"UBND huyện",
       "UBND huyện",
       UnitKind::kPeoplesCommittee,
       {"Ủy ban nhân dân huyện", "Uỷ ban nhân dân huyện"},
       false},
      {"Phòng Nội vụ", "Nội vụ", UnitKind::kOffice, {"phòng Nội vụ"}, false},
      {"Phòng Tư pháp", "Tư pháp", UnitKind::kOffice, {}, false},
      {"Phòng Văn hóa, Thông tin",
       "VH-TT",
       UnitKind::kOffice,
       {"Phòng Văn hóa và Thông tin", "Phòng Văn hoá, Thông tin"},
       false},
      {"Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch",
       "TT VH-TT-TT&DL",
       UnitKind::kCentre,
       {"Trung tâm Văn hóa TTTT&DL", "Trung tâm VH-TT-TT&DL"},
       false},
      {"Thanh tra huyện", "Thanh tra", UnitKind::kInspectorate, {}, false},
      {"Ban Thường vụ Huyện uỷ",
       "BTV Huyện uỷ",
       UnitKind::kPartyBody,
       {"Ban Thường vụ Huyện ủy"},
       false},
      {"Ban Tổ chức Huyện ủy",
       "BTC Huyện ủy",
       UnitKind::kPartyBody,
       {"Ban Tổ chức Huyện uỷ"},
       false},
      {"HĐND huyện", "HĐND huyện", UnitKind::kPeoplesCouncil, {"Hội đồng nhân dân huyện"}, false},
      {"UBND xã Tân Lập", "Tân Lập", UnitKind::kCommune, {"Ủy ban nhân dân xã Tân Lập"}, true},
      {"UBND xã Hòa Bình", "Hòa Bình", UnitKind::kCommune, {"Ủy ban nhân dân xã Hòa Bình"}, true},
      {"UBND xã Đông Sơn", "Đông Sơn", UnitKind::kCommune, {"Ủy ban nhân dân xã Đông Sơn"}, true},
      {"UBND xã Yên Phú", "Yên Phú", UnitKind::kCommune, {"Ủy ban nhân dân xã Yên Phú"}, true},
      {"UBND thị trấn Phú Thịnh",
       "TT Phú Thịnh",
       UnitKind::kTown,
       {"Ủy ban nhân dân thị trấn Phú Thịnh"},
       true},
  };
}

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

// A demo cadre as the proposer; the trail records the seeding as "system".
domain::Caller AsStaff(const domain::Account& account) {
  domain::Caller c;
  c.principal.account_id = account.id;
  c.principal.roles = account.roles;
  c.principal.unit_id = account.unit_id;
  c.principal.display_name = account.display_name;
  c.actor = {"system", "seed", ""};  // seeded, not typed in by the cadre
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

// Five proposals from the demo communes, one in each telling state: a draft,
// one under appraisal, one piloting, one achieved, and one partly achieved
// with a published responsibility decision.
// Returns the achieved proposal's id.
absl::StatusOr<int64_t> SeedDemoProposals(operations::ProposalOperations& proposals,
                                          const domain::Account& tan_lap,
                                          const domain::Account& hoa_binh,
                                          const domain::Account& approver) {
  const domain::Caller system = domain::Caller::System("seed");
  const std::string head = absl::StrCat("accounts/", approver.id);
  auto create = [&](const domain::Account& who, std::string title,
                    domain::ProposalContents contents) -> absl::StatusOr<domain::Proposal> {
    return proposals.Create(AsStaff(who), {std::move(title), 0, std::move(contents)}, {});
  };
  auto call = [](const domain::Proposal& p, std::string note = "") {
    return operations::ProposalStep{p.id, "", std::move(note)};
  };
  auto approve = [&](const domain::Account& who, const domain::Proposal& p, absl::CivilDay day,
                     std::string symbol) -> absl::Status {
    SK_RETURN_IF_ERROR(proposals.Submit(AsStaff(who), call(p)).status());
    SK_RETURN_IF_ERROR(proposals.StartAppraisal(system, call(p)).status());
    domain::Appraisal a;
    a.notes =
        "Đề xuất xuất phát từ thực tiễn, phù hợp chức năng, nhiệm vụ của đơn vị; nguồn "
        "lực khả thi.";
    a.recommendation = domain::Recommendation::kApprove;
    SK_RETURN_IF_ERROR(proposals.RecordAppraisal(system, {call(p), a}).status());
    SK_RETURN_IF_ERROR(
        proposals
            .RecordDecision(system, {call(p), Meeting(head, absl::StrCat("accounts/", who.id), day,
                                                      std::move(symbol))})
            .status());
    return absl::OkStatus();
  };

  // 1. A draft, still being written.
  domain::ProposalContents draft;
  draft.bottleneck =
      "Sổ hộ tịch giai đoạn 1975–2005 chỉ có bản giấy, nhiều trang đã mục, tra cứu mất nhiều ngày.";
  draft.solutions = "Huy động đoàn viên thanh niên số hóa sổ hộ tịch cũ theo từng thôn.";
  SK_RETURN_IF_ERROR(
      create(hoa_binh, "Số hóa sổ hộ tịch cũ với đoàn viên thanh niên tình nguyện", draft)
          .status());

  // 2. Under appraisal at Phòng Nội vụ.
  SK_ASSIGN_OR_RETURN(
      domain::Proposal land,
      create(tan_lap, "Tiếp nhận hồ sơ đất đai lưu động tại nhà văn hóa thôn",
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
  SK_RETURN_IF_ERROR(proposals.Submit(AsStaff(tan_lap), call(land)).status());
  SK_RETURN_IF_ERROR(
      proposals.StartAppraisal(system, call(land, "Phòng Nội vụ tiếp nhận, thẩm định")).status());

  // 3. Piloting, with one monitoring check.
  SK_ASSIGN_OR_RETURN(
      domain::Proposal digital,
      create(tan_lap, "Tổ công nghệ số cộng đồng hỗ trợ nộp hồ sơ trực tuyến",
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
  SK_RETURN_IF_ERROR(approve(tan_lap, digital, absl::CivilDay(2026, 5, 20), "45/QĐ-UBND"));
  SK_RETURN_IF_ERROR(proposals.PublishDecision(system, call(digital)).status());
  SK_RETURN_IF_ERROR(
      proposals.StartPilot(AsStaff(tan_lap), {call(digital), absl::CivilDay(2026, 6, 1)}).status());
  domain::PilotCheck check;
  check.check_date = absl::CivilDay(2026, 9, 15);
  check.notes = "Tỷ lệ hồ sơ trực tuyến đạt 38%; nhắc các tổ không giữ mật khẩu của người dân.";
  SK_RETURN_IF_ERROR(proposals.RecordPilotCheck(system, {call(digital), check}).status());

  // 4. Achieved, closed with no liability.
  SK_ASSIGN_OR_RETURN(
      domain::Proposal zalo,
      create(
          hoa_binh, "Phiếu hẹn điện tử qua Zalo tại bộ phận một cửa",
          Contents("Người dân phải đến xã hỏi kết quả hồ sơ, không biết khi nào có kết quả.",
                   "Nhiều lượt đi lại không cần thiết, bộ phận một cửa quá tải vào đầu tuần.",
                   "Gửi phiếu hẹn và thông báo có kết quả qua Zalo OA của UBND xã.",
                   "Bộ phận một cửa xã Hòa Bình.", "Văn phòng UBND xã Hòa Bình.",
                   absl::CivilDay(2025, 3, 1), absl::CivilDay(2025, 8, 31),
                   "1 công chức, tài khoản Zalo OA miễn phí.", "Hơn 80% hộ dân dùng Zalo.",
                   "Giảm lượt đi lại, người dân chủ động thời gian.",
                   "Người không dùng điện thoại thông minh vẫn cần phiếu giấy.",
                   "70% người dân nhận thông báo kết quả qua Zalo.", absl::CivilDay(2025, 9, 15))));
  SK_RETURN_IF_ERROR(approve(hoa_binh, zalo, absl::CivilDay(2025, 2, 20), "12/QĐ-UBND"));
  SK_RETURN_IF_ERROR(proposals.PublishDecision(system, call(zalo)).status());
  SK_RETURN_IF_ERROR(
      proposals.StartPilot(AsStaff(hoa_binh), {call(zalo), absl::CivilDay(2025, 3, 1)}).status());
  domain::CompletionReport zalo_report{
      "Sau 6 tháng, 78% người dân nhận thông báo qua Zalo; lượt hỏi kết quả tại quầy giảm một nửa.",
      absl::CivilDay(2025, 9, 5), ""};
  SK_RETURN_IF_ERROR(
      proposals.CompletePilot(AsStaff(hoa_binh), {call(zalo), zalo_report}).status());
  domain::Evaluation achieved;
  achieved.outcome = domain::PilotOutcome::kAchieved;
  achieved.motives_pure = true;
  achieved.notes = "Đạt và vượt mục tiêu; đề nghị nhân rộng ra các xã.";
  SK_RETURN_IF_ERROR(proposals.Evaluate(system, {call(zalo), achieved}).status());

  // 5. Partly achieved; responsibility exempted and published.
  SK_ASSIGN_OR_RETURN(
      domain::Proposal lights,
      create(
          tan_lap, "Giao khoán quản lý điện chiếu sáng công cộng cho khu dân cư",
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
  SK_RETURN_IF_ERROR(approve(tan_lap, lights, absl::CivilDay(2024, 12, 20), "98/QĐ-UBND"));
  SK_RETURN_IF_ERROR(
      proposals.StartPilot(AsStaff(tan_lap), {call(lights), absl::CivilDay(2025, 1, 1)}).status());
  domain::CompletionReport lights_report{
      "Đèn được sửa trung bình trong 4 ngày; 82% số đèn sáng; một khu dân cư thiếu chứng từ chi "
      "quý III.",
      absl::CivilDay(2026, 1, 6), ""};
  SK_RETURN_IF_ERROR(
      proposals.CompletePilot(AsStaff(tan_lap), {call(lights), lights_report}).status());
  domain::Evaluation partial;
  partial.outcome = domain::PilotOutcome::kPartial;
  partial.objective_causes =
      "Giá vật tư điện tăng 20% trong năm 2025; bão số 3 làm hỏng nhiều cột.";
  partial.subjective_causes = "Hướng dẫn thanh toán chưa rõ, một khu dân cư lập chứng từ chậm.";
  partial.motives_pure = true;
  SK_RETURN_IF_ERROR(proposals.Evaluate(system, {call(lights), partial}).status());
  domain::ResponsibilityDecision exempted;
  exempted.kind = domain::ResponsibilityKind::kExempted;
  exempted.grounds =
      "Thực hiện đúng chủ trương đã được cho phép, nguyên nhân chủ yếu là khách quan, động cơ "
      "trong sáng, không vụ lợi (Nghị định 73/2023/NĐ-CP).";
  exempted.document_symbol = "07/QĐ-UBND";
  exempted.document_date = absl::CivilDay(2026, 2, 2);
  SK_RETURN_IF_ERROR(proposals.DecideResponsibility(system, {call(lights), exempted}).status());
  SK_RETURN_IF_ERROR(proposals.PublishDecision(system, call(lights)).status());
  return zalo.id;
}

absl::Time Local(int y, int m, int d, int hh, int mm = 0) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, 0), calendar::DistrictTimeZone());
}

// A 24×16 PNG, red with a yellow diamond: the commune radio's badge.
std::string BadgePng() {
  static const char kBytes[] =
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x18\x00\x00\x00"
      "\x10\x08\x02\x00\x00\x00\x83\x46\x28\xc2\x00\x00\x00\x3d\x49\x44\x41\x54\x78\xda\x63\xb8\xa5"
      "\x2a\x4b\x15\xc4\x30\xc2\x0d\xfa\x7f\x97\x81\x0a\x06\x01\x4d\x81\x20\x8a\x0c\x82\x9b\x42\xd0"
      "\x2c\x06\xe2\x4d\xc1\x6f\x16\x03\x49\xa6\xe0\x31\x8b\xf6\x2e\xa2\x66\x18\x51\x33\xd6\xa8\x99"
      "\x8e\x86\x6c\x5e\x03\x00\xcc\xf4\xc8\xd0\x75\xab\x4a\xba\x00\x00\x00\x00\x49\x45\x4e\x44\xae"
      "\x42\x60\x82";
  return std::string(kBytes, sizeof(kBytes) - 1);
}

// The commune radio of Tân Lập and one district programme, three model case
// studies (one from the achieved proposal, one featured, with an image) and
// three announcements (one current, one not yet out, one expired).
absl::Status SeedDemoPublicity(operations::PublicityOperations& publicity,
                               const std::map<std::string, int64_t>& ids, int64_t plan_id,
                               int64_t achieved_proposal_id) {
  const domain::Caller system = domain::Caller::System("seed");
  const int64_t tan_lap = ids.at("UBND xã Tân Lập");
  const int64_t hoa_binh = ids.at("UBND xã Hòa Bình");
  const int64_t district_radio = ids.at("Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch");
  const std::string plan = domain::PlanName(plan_id);
  using domain::PublicationState;

  auto broadcast = [&](int64_t station, std::string title, std::string topic,
                       std::string description, absl::Time start, absl::Duration duration,
                       std::string rrule) {
    domain::Broadcast b;
    b.station_unit_id = station;
    b.title = std::move(title);
    b.topic = std::move(topic);
    b.description = std::move(description);
    b.start_time = start;
    b.duration = duration;
    b.rrule = std::move(rrule);
    b.state = PublicationState::kPublished;
    return b;
  };
  domain::Broadcast morning =
      broadcast(tan_lap, "Bản tin thời sự xã", "Thời sự buổi sáng",
                "Tin hoạt động của Đảng ủy, HĐND, UBND xã; lịch tiếp công dân; thông báo của "
                "bộ phận một cửa.",
                Local(2026, 11, 2, 6), absl::Minutes(30), "FREQ=DAILY");
  domain::Broadcast evening =
      broadcast(tan_lap, "Bản tin thời sự xã", "Thời sự buổi chiều",
                "Điểm tin trong ngày, thời tiết và lịch sản xuất nông nghiệp.",
                Local(2026, 11, 2, 18), absl::Minutes(30), "FREQ=DAILY");
  // The evening news of 02/12 gives way to the district's live broadcast.
  domain::AiringOverride moved;
  moved.original_start_time = Local(2026, 12, 2, 18);
  moved.start_time = Local(2026, 12, 2, 19, 30);
  moved.note = "Dời sang 19:30 do tiếp sóng Đài huyện";
  evening.overrides = {moved};
  evening.exdates = {Local(2027, 1, 1, 18)};  // Tết Dương lịch
  domain::Broadcast weekly = broadcast(
      tan_lap, "Chuyên mục Dám nghĩ, dám làm", "Cán bộ năng động, sáng tạo",
      "Gương cán bộ, công chức xã dám nghĩ, dám làm, dám đột phá vì lợi ích chung; kết quả "
      "thực hiện Kết luận 14-KL/TW trên địa bàn xã.",
      Local(2026, 11, 5, 19), absl::Minutes(20), "FREQ=WEEKLY;BYDAY=TH");
  weekly.links = {plan};
  domain::Broadcast monthly = broadcast(
      tan_lap, "Cải cách hành chính – Người dân hỏi, chính quyền trả lời", "Cải cách hành chính",
      "Giải đáp thủ tục đất đai, hộ tịch, chứng thực; giới thiệu dịch vụ công trực tuyến.",
      Local(2026, 10, 30, 19, 30), absl::Minutes(30), "FREQ=MONTHLY;BYDAY=-1FR");
  domain::Broadcast district = broadcast(
      district_radio, "Tạp chí Đổi mới, sáng tạo vì lợi ích chung", "Gương điển hình",
      "Mô hình, giải pháp hay của các xã, thị trấn trong thực hiện Chương trình hành động "
      "36-CTr/HU.",
      Local(2026, 11, 1, 20), absl::Minutes(30), "FREQ=WEEKLY;BYDAY=SU");
  district.links = {plan};
  for (const domain::Broadcast& b : {morning, evening, weekly, monthly, district}) {
    SK_RETURN_IF_ERROR(publicity.CreateBroadcast(system, {b, {}}).status());
  }

  auto study = [&](int64_t unit, std::string title, std::string summary, std::string body,
                   std::string results, absl::Time publish_time) {
    domain::CaseStudy s;
    s.unit_id = unit;
    s.title = std::move(title);
    s.summary = std::move(summary);
    s.body = std::move(body);
    s.results = std::move(results);
    s.window.state = PublicationState::kPublished;
    s.window.publish_time = publish_time;
    return s;
  };
  domain::CaseStudy zalo = study(
      hoa_binh, "Phiếu hẹn điện tử qua Zalo tại bộ phận một cửa xã Hòa Bình",
      "Người dân nhận phiếu hẹn và thông báo có kết quả hồ sơ qua Zalo, không phải đến xã hỏi.",
      "Từ tháng 3/2025, bộ phận một cửa xã Hòa Bình gửi phiếu hẹn và thông báo kết quả giải "
      "quyết hồ sơ qua Zalo OA của UBND xã. Người không dùng điện thoại thông minh vẫn nhận "
      "phiếu giấy như trước. Giải pháp do công chức Văn phòng - Thống kê đề xuất theo Kế hoạch "
      "thực hiện Chương trình hành động 36-CTr/HU, được UBND huyện cho chủ trương thí điểm.",
      "78% người dân nhận thông báo qua Zalo; lượt hỏi kết quả tại quầy giảm một nửa; không "
      "phát sinh chi phí.",
      Local(2025, 10, 1, 8));
  zalo.proposal_id = achieved_proposal_id;
  zalo.featured = true;
  domain::CaseStudy digital =
      study(tan_lap, "Tổ công nghệ số cộng đồng ở xã Tân Lập",
            "Mỗi thôn một tổ công nghệ số hướng dẫn người dân nộp hồ sơ trực tuyến ngay tại nhà.",
            "Tổ gồm đoàn viên thanh niên, công an viên và trưởng thôn, được tập huấn thao tác trên "
            "Cổng dịch vụ công. Tổ trực tại nhà văn hóa thôn tối thứ Ba và thứ Sáu, không giữ mật "
            "khẩu của người dân.",
            "Tỷ lệ hồ sơ trực tuyến toàn trình của xã tăng từ 18% lên 38% sau 3 tháng.",
            Local(2026, 10, 1, 8));
  domain::CaseStudy dialogue = study(
      tan_lap, "Ngày thứ Bảy cùng dân: lãnh đạo xã đối thoại tại thôn",
      "Thứ Bảy cuối tháng, Chủ tịch UBND xã đến một thôn nghe và giải quyết kiến nghị tại chỗ.",
      "Kiến nghị được ghi vào sổ theo dõi, giao công chức phụ trách và hẹn thời hạn trả lời; "
      "kết quả được đọc trên Đài truyền thanh xã trong Chuyên mục Dám nghĩ, dám làm.",
      "Năm 2026 giải quyết 112/120 kiến nghị đúng hạn; không còn đơn thư vượt cấp từ các thôn "
      "đã đối thoại.",
      Local(2026, 11, 20, 8));
  SK_ASSIGN_OR_RETURN(domain::CaseStudy featured, publicity.CreateCaseStudy(system, {zalo, {}}));
  SK_RETURN_IF_ERROR(publicity.CreateCaseStudy(system, {digital, {}}).status());
  SK_RETURN_IF_ERROR(publicity.CreateCaseStudy(system, {dialogue, {}}).status());
  domain::CaseStudyImage badge;
  badge.case_study_id = featured.id;
  badge.content_type = "image/png";
  badge.caption = "Biểu trưng chuyên mục Dám nghĩ, dám làm";
  badge.data = BadgePng();
  SK_RETURN_IF_ERROR(publicity.AddCaseStudyImage(system, {badge, {}}).status());

  auto announcement = [&](int64_t unit, std::string title, std::string body,
                          std::optional<absl::Time> from, std::optional<absl::Time> until) {
    domain::Announcement a;
    a.unit_id = unit;
    a.title = std::move(title);
    a.body = std::move(body);
    a.window.state = PublicationState::kPublished;
    a.window.publish_time = from;
    a.window.unpublish_time = until;
    return a;
  };
  for (const domain::Announcement& a : {
           announcement(tan_lap, "Lịch tiếp công dân tháng 12/2026",
                        "Chủ tịch UBND xã tiếp công dân sáng thứ Năm hằng tuần tại trụ sở UBND "
                        "xã; ngày 24/12/2026 tiếp công dân tại nhà văn hóa thôn Đồng Tâm.",
                        Local(2026, 11, 25, 8), Local(2027, 1, 1, 0)),
           announcement(ids.at("Phòng Nội vụ"),
                        "Hội nghị biểu dương cán bộ dám nghĩ, dám làm năm 2026",
                        "UBND huyện tổ chức hội nghị biểu dương cán bộ năng động, sáng tạo, dám "
                        "nghĩ, dám làm vì lợi ích chung vào 8 giờ ngày 15/12/2026 tại Hội trường "
                        "UBND huyện.",
                        Local(2026, 12, 1, 7), std::nullopt),
           announcement(tan_lap, "Nghỉ lễ Quốc khánh 2/9/2026",
                        "Bộ phận một cửa xã nghỉ từ ngày 01/9 đến hết ngày 02/9/2026; hồ sơ trực "
                        "tuyến vẫn được tiếp nhận.",
                        Local(2026, 8, 25, 8), Local(2026, 9, 3, 0)),
       }) {
    SK_RETURN_IF_ERROR(publicity.CreateAnnouncement(system, {a, {}}).status());
  }
  return absl::OkStatus();
}
}  // namespace

absl::StatusOr<std::optional<std::vector<DemoToken>>> SeedDemoIfEmpty(
    operations::DirectoryOperations& directory, operations::PlanOperations& plans,
    operations::AccountOperations& accounts, operations::ProposalOperations& proposals,
    operations::PublicityOperations& publicity) {
  domain::ListQuery any;
  any.page_size = 1;
  any.order = {"display_name", false};
  SK_ASSIGN_OR_RETURN(auto existing, directory.ListUnits(any));
  if (!existing.items.empty()) return std::nullopt;
  const domain::Caller system = domain::Caller::System("seed");

  int64_t district_id = 0;
  std::map<std::string, int64_t> ids;
  for (const DemoUnit& d : DemoUnits()) {
    domain::Unit unit;
    unit.display_name = d.name;
    unit.short_name = d.short_name;
    unit.kind = d.kind;
    unit.aliases = d.aliases;
    unit.demo = d.demo;
    // Offices, centres, the inspectorate and communes sit under the district
    // People's Committee; party and council bodies stand beside it.
    bool under_district = d.kind == UnitKind::kOffice || d.kind == UnitKind::kCentre ||
                          d.kind == UnitKind::kInspectorate || d.kind == UnitKind::kCommune ||
                          d.kind == UnitKind::kTown;
    unit.parent_id = under_district ? district_id : 0;
    SK_ASSIGN_OR_RETURN(domain::Unit created, directory.CreateUnit(system, unit, {}));
    if (d.kind == UnitKind::kPeoplesCommittee) district_id = created.id;
    ids[d.name] = created.id;
  }

  domain::UnitGroup offices;
  offices.display_name = "Các phòng, ngành, đơn vị cấp huyện";
  offices.aliases = {"phòng, ngành, đơn vị cấp huyện", "Các phòng, ban, ngành cấp huyện"};
  offices.member_kinds = {UnitKind::kOffice, UnitKind::kInspectorate, UnitKind::kCentre};
  SK_RETURN_IF_ERROR(directory.CreateGroup(system, offices).status());
  domain::UnitGroup communes;
  communes.display_name = "UBND các xã, thị trấn";
  communes.aliases = {"Ủy ban nhân dân các xã, thị trấn", "Uỷ ban nhân dân các xã, thị trấn",
                      "các xã, thị trấn"};
  communes.member_kinds = {UnitKind::kCommune, UnitKind::kTown};
  SK_RETURN_IF_ERROR(directory.CreateGroup(system, communes).status());

  operations::ImportPlanCommand seed_plan;
  seed_plan.text = SeedPlanText();
  seed_plan.publish = true;
  SK_ASSIGN_OR_RETURN(auto imported, plans.ImportPlan(system, seed_plan, {}));

  // Tân Lập has filed every yearly report on item 4.2 so far; the other
  // communes have not, so the demo shows both.
  for (const auto& task : imported.tasks) {
    if (task.number != "4.2") continue;
    for (int year = 2022; year <= 2025; ++year) {
      operations::CreateReportCommand report;
      report.plan_id = imported.plan.id;
      report.task_id = task.id;
      report.unit_id = ids["UBND xã Tân Lập"];
      report.report_date = absl::CivilDay(year, 11, 25);
      report.progress_percent = 100;
      report.text = absl::StrCat(
          "Đã rà soát các quy định về quản lý ngân sách, tài sản công, đất đai năm ", year,
          "; đề nghị sửa đổi 2 quy định không còn phù hợp và công khai thủ tục hành chính tại "
          "bộ phận một cửa.");
      SK_RETURN_IF_ERROR(plans.CreateReport(system, report, {}).status());
    }
  }

  // One account per role, and a kiosk for each demo commune and the town.
  struct DemoAccount {
    std::string label;
    std::string display_name;
    domain::Role role;
    std::string unit;
    std::string position;
  };
  std::vector<DemoAccount> people = {
      {"admin", "Quản trị hệ thống (demo)", domain::Role::kAdmin, "", "Quản trị viên"},
      {"coordinator", "Nguyễn Thị Lan (demo)", domain::Role::kCoordinator, "Phòng Nội vụ",
       "Chuyên viên Phòng Nội vụ"},
      {"approver", "Trần Văn Minh (demo)", domain::Role::kApprover, "UBND huyện",
       "Phó Chủ tịch UBND huyện"},
      {"inspector", "Lê Văn Hùng (demo)", domain::Role::kInspector, "Thanh tra huyện",
       "Thanh tra viên"},
      {"publisher", "Phạm Thu Hà (demo)", domain::Role::kPublisher, "Phòng Văn hóa, Thông tin",
       "Chuyên viên Phòng Văn hóa, Thông tin"},
      {"staff Tân Lập", "Đỗ Văn Nam (demo)", domain::Role::kStaff, "UBND xã Tân Lập",
       "Công chức Văn phòng - Thống kê"},
      {"staff Hòa Bình", "Hoàng Thị Mai (demo)", domain::Role::kStaff, "UBND xã Hòa Bình",
       "Công chức Văn phòng - Thống kê"},
  };
  for (const DemoUnit& d : DemoUnits()) {
    if (d.kind == UnitKind::kCommune || d.kind == UnitKind::kTown) {
      people.push_back({absl::StrCat("kiosk ", d.short_name), absl::StrCat("Kiosk ", d.name),
                        domain::Role::kKiosk, d.name, "Kiosk tại bộ phận một cửa"});
    }
  }
  std::vector<DemoToken> tokens;
  std::map<std::string, domain::Account> created_accounts;
  for (const auto& p : people) {
    domain::Account account;
    account.display_name = p.display_name;
    account.roles = {p.role};
    account.unit_id = p.unit.empty() ? 0 : ids[p.unit];
    account.position = p.position;
    SK_ASSIGN_OR_RETURN(domain::Account created, accounts.CreateAccount(system.actor, account, {}));
    SK_ASSIGN_OR_RETURN(auto token,
                        accounts.IssueToken(system.actor, created.id, "demo", std::nullopt));
    tokens.push_back({p.label, absl::StrCat("accounts/", created.id), token.secret});
    created_accounts[p.label] = created;
  }
  // The demo communes' staff sign in at their kiosk with a PIN.
  for (const char* label : {"staff Tân Lập", "staff Hòa Bình"}) {
    int64_t id = created_accounts[label].id;
    SK_ASSIGN_OR_RETURN(operations::IssuedPin pin,
                        accounts.IssueKioskPinAsSystem(system.actor, id));
    tokens.push_back({absl::StrCat("kiosk PIN ", label), absl::StrCat("accounts/", id), pin.pin});
  }
  SK_ASSIGN_OR_RETURN(
      int64_t achieved,
      SeedDemoProposals(proposals, created_accounts["staff Tân Lập"],
                        created_accounts["staff Hòa Bình"], created_accounts["approver"]));
  SK_RETURN_IF_ERROR(SeedDemoPublicity(publicity, ids, imported.plan.id, achieved));
  return tokens;
}

}  // namespace sangkien::seed
