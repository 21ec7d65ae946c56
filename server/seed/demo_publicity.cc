// The demo publicity: the commune radio of Tân Lập and one district
// programme, three model case studies and three announcements.
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "calendar/civil_date.h"
#include "seed/demo_internal.h"
#include "status/status_macros.h"

namespace sangkien::seed::internal {
namespace {

using domain::PublicationState;

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

absl::Time Local(int y, int m, int d, int hh, int mm = 0) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, 0), calendar::DistrictTimeZone());
}

// Four programmes of the commune radio (daily news twice, a weekly and a
// monthly programme; one airing moved, one dropped for a holiday) and the
// district's weekly magazine.
absl::Status SeedBroadcasts(operations::PublicityOperations& publicity,
                            const domain::Caller& system, int64_t tan_lap, int64_t district_radio,
                            const std::string& plan) {
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
  return absl::OkStatus();
}

// Three case studies, the first from the achieved proposal, featured and with
// an image.
absl::Status SeedCaseStudies(operations::PublicityOperations& publicity,
                             const domain::Caller& system, int64_t tan_lap, int64_t hoa_binh,
                             int64_t achieved_proposal_id) {
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
  return absl::OkStatus();
}

// Three announcements: one current, one not yet out, one expired.
absl::Status SeedAnnouncements(operations::PublicityOperations& publicity,
                               const domain::Caller& system,
                               const std::map<std::string, int64_t>& ids, int64_t tan_lap) {
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

absl::Status SeedDemoPublicity(operations::PublicityOperations& publicity,
                               const std::map<std::string, int64_t>& ids, int64_t plan_id,
                               int64_t achieved_proposal_id) {
  const domain::Caller system = domain::Caller::System("seed");
  const int64_t tan_lap = ids.at("UBND xã Tân Lập");
  SK_RETURN_IF_ERROR(SeedBroadcasts(publicity, system, tan_lap,
                                    ids.at("Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch"),
                                    domain::PlanName(plan_id)));
  SK_RETURN_IF_ERROR(SeedCaseStudies(publicity, system, tan_lap, ids.at("UBND xã Hòa Bình"),
                                     achieved_proposal_id));
  return SeedAnnouncements(publicity, system, ids, tan_lap);
}

}  // namespace sangkien::seed::internal
