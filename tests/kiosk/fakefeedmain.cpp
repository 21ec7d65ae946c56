// kiosk_fake_feed: a change feed with a small commune's data, for the
// kiosk's offscreen tour test. Prints "LISTENING <port>" once it serves.
//   kiosk_fake_feed [--port N] [--changed]
// --changed appends one more change (a renamed announcement), as if an
// editor had changed it while the kiosk was away.
#include <QDateTime>

#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#include "fakesyncserver.h"

namespace v1 = sangkien::v1;

namespace
{
int64_t utc(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC).toSecsSinceEpoch();
}

v1::Announcement announcement(const std::string &title)
{
    v1::Announcement a;
    a.set_name("announcements/1");
    a.set_title(title);
    a.set_body("Bộ phận một cửa xã tiếp nhận hồ sơ từ 7 giờ 30 đến 17 giờ các ngày làm việc.");
    a.set_unit_display_name("UBND xã Tân Lập");
    a.mutable_publish_time()->set_seconds(utc(2022, 9, 20, 1, 0));
    return a;
}

// The whole feed, in place before the server answers its first call.
std::vector<v1::Change> feed(bool changed)
{
    std::vector<v1::Change> out;
    v1::Change unit;
    unit.set_name("units/10");
    unit.mutable_unit()->set_name("units/10");
    unit.mutable_unit()->set_display_name("UBND xã Tân Lập");
    out.push_back(unit);

    v1::Change plan = planChange("plans/1", "Kế hoạch thực hiện Kết luận số 14-KL/TW về khuyến khích đổi mới, sáng tạo");
    auto *basis = plan.mutable_plan()->add_basis();
    basis->set_symbol("14-KL/TW");
    basis->set_title("Kết luận về chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo");
    plan.mutable_plan()->add_sections()->set_heading("MỤC ĐÍCH, YÊU CẦU");
    plan.mutable_plan()->mutable_sections(0)->set_number("I");
    plan.mutable_plan()->mutable_sections(0)->set_level(1);
    plan.mutable_plan()->set_task_count(2);
    out.push_back(plan);
    out.push_back(taskChange("plans/1/tasks/1", "Rà soát, sửa đổi quy định về quản lý ngân sách", 1, "Quý III/2022"));
    out.push_back(taskChange("plans/1/tasks/2", "Báo cáo kết quả thực hiện", 2, "Thường xuyên; báo cáo trước 30/11 hằng năm"));

    v1::Change report;
    report.set_name("plans/1/tasks/2/progressReports/1");
    report.mutable_progress_report()->set_name(report.name());
    report.mutable_progress_report()->set_text("Đã rà soát các quy định về quản lý tài sản công.");
    report.mutable_progress_report()->mutable_report_date()->set_year(2025);
    report.mutable_progress_report()->mutable_report_date()->set_month(11);
    report.mutable_progress_report()->mutable_report_date()->set_day(25);
    out.push_back(report);
    auto late = assignmentChange("plans/1/tasks/1/assignments/1", "units/10", "Rà soát, sửa đổi quy định về quản lý ngân sách", true, true);
    out.push_back(late);
    auto coordinating = assignmentChange("plans/1/tasks/2/assignments/2", "units/10", "Báo cáo kết quả thực hiện", false, false);
    coordinating.mutable_assignment()->set_last_report(report.name());
    coordinating.mutable_assignment()->mutable_timeframe()->set_display_text("Thường xuyên; báo cáo trước 30/11 hằng năm");
    out.push_back(coordinating);

    v1::Change proposal;
    proposal.set_name("proposals/1");
    auto *p = proposal.mutable_proposal();
    p->set_name("proposals/1");
    p->set_title("Số hóa hồ sơ một cửa tại xã Tân Lập");
    p->set_unit_display_name("UBND xã Tân Lập");
    p->set_state(v1::PROPOSAL_STATE_PILOTING);
    p->mutable_submit_time()->set_seconds(utc(2022, 7, 5, 2, 0));
    p->mutable_appraisal()->mutable_record_time()->set_seconds(utc(2022, 7, 12, 2, 0));
    p->mutable_appraisal()->set_notes("Đề xuất khả thi, phù hợp quy định.");
    auto *decision = p->mutable_decision();
    decision->mutable_meeting_date()->set_year(2022);
    decision->mutable_meeting_date()->set_month(7);
    decision->mutable_meeting_date()->set_day(20);
    decision->set_votes_for(5);
    decision->set_result(v1::PROPOSAL_STATE_APPROVED);
    p->mutable_pilot()->mutable_start_date()->set_year(2022);
    p->mutable_pilot()->mutable_start_date()->set_month(8);
    p->mutable_pilot()->mutable_start_date()->set_day(1);
    out.push_back(proposal);

    // A bulletin every three hours from 06:30 Vietnam time, so today always has airings.
    v1::Change broadcast;
    broadcast.set_name("broadcasts/1");
    auto *b = broadcast.mutable_broadcast();
    b->set_name("broadcasts/1");
    b->set_title("Bản tin Đổi mới, sáng tạo");
    b->set_station_display_name("Đài truyền thanh xã Tân Lập");
    b->mutable_start_time()->set_seconds(utc(2022, 1, 1, 23, 30));
    b->mutable_duration()->set_seconds(15 * 60);
    b->set_rrule("FREQ=HOURLY;INTERVAL=3");
    out.push_back(broadcast);

    v1::Change study;
    study.set_name("caseStudies/1");
    auto *s = study.mutable_case_study();
    s->set_name("caseStudies/1");
    s->set_title("Một cửa thân thiện ở xã Tân Lập");
    s->set_summary("Trả kết quả tại nhà cho người cao tuổi.");
    s->set_body("Cán bộ một cửa mang kết quả đến tận nhà người cao tuổi và người khuyết tật.");
    s->set_unit_display_name("UBND xã Tân Lập");
    s->set_featured(true);
    out.push_back(study);

    v1::Change notice;
    notice.set_name("announcements/1");
    *notice.mutable_announcement() = announcement("Lịch tiếp công dân tháng 10");
    out.push_back(notice);
    if (changed) {
        *notice.mutable_announcement() = announcement("Lịch tiếp công dân tháng 11 (đã cập nhật)");
        out.push_back(notice);
    }
    return out;
}
} // namespace

int main(int argc, char **argv)
{
    int port = 0;
    bool changed = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--port") == 0 && i + 1 < argc) {
            port = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--changed") == 0) {
            changed = true;
        }
    }
    FakeChangeLog log;
    log.changes = feed(changed);
    FakeSyncServer server(port, std::move(log));
    if (server.port() == 0) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    std::printf("LISTENING %d\n", server.port());
    std::fflush(stdout);
    for (;;) {
        std::this_thread::sleep_for(std::chrono::hours(1));
    }
}
