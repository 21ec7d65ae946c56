<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Airing</name>
    <message>
        <source>Monday</source>
        <translation>Thứ Hai</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Thứ Ba</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Thứ Tư</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thứ Năm</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Thứ Sáu</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Thứ Bảy</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Chủ Nhật</translation>
    </message>
</context>
<context>
    <name>AnnouncementDetailPage</name>
    <message>
        <source>Announcement</source>
        <translation>Thông báo</translation>
    </message>
</context>
<context>
    <name>AnnouncementListPage</name>
    <message>
        <source>Announcements</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>No announcements yet.</source>
        <translation>Chưa có thông báo.</translation>
    </message>
</context>
<context>
    <name>AssignmentCard</name>
    <message>
        <source>Late</source>
        <translation>Trễ hạn</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>Leading</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Coordinating</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <source>next due %1</source>
        <translation>hạn tới %1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Thời hạn: %1</translation>
    </message>
    <message>
        <source>Progress: %1%</source>
        <translation>Tiến độ: %1%</translation>
    </message>
    <message>
        <source>Last report (%1): %2</source>
        <translation>Báo cáo gần nhất (%1): %2</translation>
    </message>
    <message>
        <source>No report yet</source>
        <translation>Chưa có báo cáo</translation>
    </message>
</context>
<context>
    <name>AssignmentListPage</name>
    <message>
        <source>Commune tasks</source>
        <translation>Nhiệm vụ của xã</translation>
    </message>
    <message>
        <source>No tasks for this commune yet.</source>
        <translation>Xã chưa có nhiệm vụ.</translation>
    </message>
    <message>
        <source>Tasks of %1</source>
        <translation>Nhiệm vụ của %1</translation>
    </message>
</context>
<context>
    <name>AttractLoop</name>
    <message>
        <source>Innovation in public service</source>
        <translation>Đổi mới, sáng tạo vì lợi ích chung</translation>
    </message>
    <message>
        <source>Today on air</source>
        <translation>Phát sóng hôm nay</translation>
    </message>
    <message>
        <source>Model to follow</source>
        <translation>Mô hình điển hình</translation>
    </message>
    <message>
        <source>Touch the screen to begin</source>
        <translation>Chạm vào màn hình để bắt đầu</translation>
    </message>
</context>
<context>
    <name>BroadcastPage</name>
    <message>
        <source>Broadcast schedule</source>
        <translation>Lịch phát thanh</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Tuần này</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>Đang phát</translation>
    </message>
    <message>
        <source>No broadcasts scheduled.</source>
        <translation>Chưa có lịch phát thanh.</translation>
    </message>
</context>
<context>
    <name>CaseStudyDetailPage</name>
    <message>
        <source>Model practice</source>
        <translation>Mô hình điển hình</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
</context>
<context>
    <name>CaseStudyListPage</name>
    <message>
        <source>Model practices</source>
        <translation>Mô hình điển hình</translation>
    </message>
    <message>
        <source>Featured</source>
        <translation>Tiêu biểu</translation>
    </message>
    <message>
        <source>No model practices yet.</source>
        <translation>Chưa có mô hình điển hình.</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>Drafted</source>
        <translation>Soạn thảo</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Đã nộp</translation>
    </message>
    <message>
        <source>Appraised</source>
        <translation>Thẩm định</translation>
    </message>
    <message>
        <source>For %1, against %2, abstaining %3</source>
        <translation>Tán thành %1, không tán thành %2, không biểu quyết %3</translation>
    </message>
    <message>
        <source>Leadership decision: %1</source>
        <translation>Tập thể lãnh đạo quyết định: %1</translation>
    </message>
    <message>
        <source>Pilot started</source>
        <translation>Bắt đầu thí điểm</translation>
    </message>
    <message>
        <source>Pilot checked</source>
        <translation>Kiểm tra thí điểm</translation>
    </message>
    <message>
        <source>Pilot completion report</source>
        <translation>Báo cáo kết thúc thí điểm</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Partly achieved</source>
        <translation>Đạt một phần</translation>
    </message>
    <message>
        <source>Not achieved</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <source>Evaluated: %1</source>
        <translation>Đánh giá: %1</translation>
    </message>
    <message>
        <source>Halted</source>
        <translation>Dừng thực hiện</translation>
    </message>
    <message>
        <source>Responsibility decided</source>
        <translation>Xem xét trách nhiệm</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Innovation in public service</source>
        <translation>Đổi mới, sáng tạo vì lợi ích chung</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Commune tasks</source>
        <translation>Nhiệm vụ của xã</translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation>Sáng kiến</translation>
    </message>
    <message>
        <source>Broadcast schedule</source>
        <translation>Lịch phát thanh</translation>
    </message>
    <message>
        <source>Model practices</source>
        <translation>Mô hình điển hình</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>On air now</source>
        <translation>Đang phát sóng</translation>
    </message>
    <message>
        <source>Nothing on air right now</source>
        <translation>Hiện không có chương trình phát sóng</translation>
    </message>
    <message>
        <source>Next: %1 %2 (%3)</source>
        <translation>Tiếp theo: %1 %2 (%3)</translation>
    </message>
    <message>
        <source>Featured model</source>
        <translation>Mô hình tiêu biểu</translation>
    </message>
    <message>
        <source>Data updated at %1</source>
        <translation>Dữ liệu cập nhật lúc %1</translation>
    </message>
    <message>
        <source>Waiting for the first update</source>
        <translation>Đang chờ cập nhật dữ liệu lần đầu</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>Cán bộ đăng nhập</translation>
    </message>
</context>
<context>
    <name>IdleCountdown</name>
    <message numerus="yes">
        <source>Returning to the home screen in %n second(s)</source>
        <translation>
            <numerusform>Trở về trang chủ sau %n giây</numerusform></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Offline: showing saved data from %1.</source>
        <translation>Mất kết nối máy chủ: đang hiển thị dữ liệu đã lưu lúc %1.</translation>
    </message>
    <message>
        <source>Offline: no data has been received yet.</source>
        <translation>Mất kết nối máy chủ: chưa nhận được dữ liệu.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>%1 of 6 digits entered</source>
        <translation>Đã nhập %1 trên 6 chữ số</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Xoá chữ số cuối</translation>
    </message>
</context>
<context>
    <name>PlanDetailPage</name>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>issued %1</source>
        <translation>ban hành ngày %1</translation>
    </message>
    <message>
        <source>Based on</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Lead: %1</source>
        <translation>Chủ trì: %1</translation>
    </message>
    <message>
        <source>Coordinating: %1</source>
        <translation>Phối hợp: %1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Thời hạn: %1</translation>
    </message>
</context>
<context>
    <name>PlanListPage</name>
    <message>
        <source>Plans</source>
        <translation>Kế hoạch</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n nhiệm vụ</numerusform></translation>
    </message>
    <message>
        <source>No plans yet.</source>
        <translation>Chưa có kế hoạch.</translation>
    </message>
</context>
<context>
    <name>Proposal</name>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Đã nộp</translation>
    </message>
    <message>
        <source>Under appraisal</source>
        <translation>Đang thẩm định</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Được chấp thuận</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Không được chấp thuận</translation>
    </message>
    <message>
        <source>Returned for changes</source>
        <translation>Trả lại để hoàn thiện</translation>
    </message>
    <message>
        <source>Piloting</source>
        <translation>Đang thí điểm</translation>
    </message>
    <message>
        <source>Pilot completed</source>
        <translation>Hoàn thành thí điểm</translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>Đã đánh giá</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Halted</source>
        <translation>Dừng thực hiện</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Đã rút</translation>
    </message>
    <message>
        <source>Replicated</source>
        <translation>Đã nhân rộng</translation>
    </message>
</context>
<context>
    <name>ProposalDetailPage</name>
    <message>
        <source>Initiative</source>
        <translation>Sáng kiến</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Trạng thái: %1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Các bước thực hiện</translation>
    </message>
    <message>
        <source>The problem</source>
        <translation>Vướng mắc cần giải quyết</translation>
    </message>
    <message>
        <source>The solution</source>
        <translation>Giải pháp</translation>
    </message>
    <message>
        <source>Expected results</source>
        <translation>Kết quả dự kiến</translation>
    </message>
</context>
<context>
    <name>ProposalListPage</name>
    <message>
        <source>Initiatives</source>
        <translation>Sáng kiến</translation>
    </message>
    <message>
        <source>submitted %1</source>
        <translation>nộp ngày %1</translation>
    </message>
    <message>
        <source>No initiatives yet.</source>
        <translation>Chưa có sáng kiến.</translation>
    </message>
</context>
<context>
    <name>ReportFormPage</name>
    <message>
        <source>Progress report</source>
        <translation>Báo cáo tiến độ</translation>
    </message>
    <message>
        <source>Progress: %1%</source>
        <translation>Tiến độ: %1%</translation>
    </message>
    <message>
        <source>What was done, and what is left</source>
        <translation>Đã làm được gì, còn lại việc gì</translation>
    </message>
    <message>
        <source>Report sent. Thank you.</source>
        <translation>Đã gửi báo cáo. Xin cảm ơn.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Đang gửi…</translation>
    </message>
    <message>
        <source>Send report</source>
        <translation>Gửi báo cáo</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>Sáng kiến</translation>
    </message>
    <message>
        <source>Model practice</source>
        <translation>Mô hình điển hình</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Type a word, e.g. thu tuc</source>
        <translation>Nhập từ cần tìm, ví dụ: thu tuc</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Không tìm thấy kết quả.</translation>
    </message>
</context>
<context>
    <name>StaffAssignmentRow</name>
    <message>
        <source>Report progress</source>
        <translation>Báo cáo tiến độ</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff: %1</source>
        <translation>Cán bộ: %1</translation>
    </message>
    <message>
        <source>Signed in as %1. The session ends after %2 seconds without a touch.</source>
        <translation>Đang đăng nhập: %1. Phiên tự kết thúc sau %2 giây không chạm màn hình.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>No tasks for this commune yet.</source>
        <translation>Xã chưa có nhiệm vụ.</translation>
    </message>
</context>
<context>
    <name>StaffSession</name>
    <message>
        <source>Cannot reach the server. Try again when the connection is back.</source>
        <translation>Không kết nối được máy chủ. Hãy thử lại khi có kết nối.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Hãy đăng nhập trước.</translation>
    </message>
</context>
<context>
    <name>StaffSignInPage</name>
    <message>
        <source>Staff sign-in</source>
        <translation>Cán bộ đăng nhập</translation>
    </message>
    <message>
        <source>Signing in needs a connection to the server. The information on this kiosk can still be read.</source>
        <translation>Cần kết nối máy chủ để đăng nhập. Thông tin trên kiosk vẫn xem được bình thường.</translation>
    </message>
    <message>
        <source>PIN of %1</source>
        <translation>Mã PIN của %1</translation>
    </message>
    <message>
        <source>Touch your name</source>
        <translation>Chạm vào tên của anh/chị</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Tạm khoá đến %1</translation>
    </message>
    <message>
        <source>No staff of this commune has a kiosk PIN yet. Ask the district's Home Affairs office for one.</source>
        <translation>Chưa cán bộ nào của xã có mã PIN kiosk. Hãy đề nghị Phòng Nội vụ huyện cấp.</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>Đang kiểm tra mã PIN…</translation>
    </message>
    <message>
        <source>Forgot your PIN? A new one can be issued from your account or by the district.</source>
        <translation>Quên mã PIN? Có thể cấp mã mới từ tài khoản của anh/chị hoặc do huyện cấp.</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Người khác</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Not started</source>
        <translation>Chưa thực hiện</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>Thường xuyên</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Trang chủ</translation>
    </message>
</context>
</TS>
