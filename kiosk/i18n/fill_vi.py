#!/usr/bin/env python3
"""Fills kiosk_vi.ts from the table below after `ninja kiosk_core_lupdate`.

Usage: kiosk/i18n/fill_vi.py kiosk/i18n/kiosk_vi.ts
Strings missing from the table are reported and left unfinished.
"""
import sys
import xml.etree.ElementTree as ET

VI = {
    "%1 of 6 digits entered": "Đã nhập %1 trên 6 chữ số",
    "Cannot reach the server. Try again when the connection is back.": "Không kết nối được máy chủ. Hãy thử lại khi có kết nối.",
    "Checking the PIN…": "Đang kiểm tra mã PIN…",
    "Clear": "Xoá",
    "Delete the last digit": "Xoá chữ số cuối",
    "Forgot your PIN? A new one can be issued from your account or by the district.": "Quên mã PIN? Có thể cấp mã mới từ tài khoản của anh/chị hoặc do huyện cấp.",
    "Last report: %1": "Báo cáo gần nhất: %1",
    "Locked until %1": "Tạm khoá đến %1",
    "No staff of this commune has a kiosk PIN yet. Ask the district's Home Affairs office for one.": "Chưa cán bộ nào của xã có mã PIN kiosk. Hãy đề nghị Phòng Nội vụ huyện cấp.",
    "PIN of %1": "Mã PIN của %1",
    "Progress report": "Báo cáo tiến độ",
    "Report progress": "Báo cáo tiến độ",
    "Report sent. Thank you.": "Đã gửi báo cáo. Xin cảm ơn.",
    "Send report": "Gửi báo cáo",
    "Sending…": "Đang gửi…",
    "Sign in first.": "Hãy đăng nhập trước.",
    "Sign out": "Đăng xuất",
    "Signed in as %1. The session ends after %2 seconds without a touch.": "Đang đăng nhập: %1. Phiên tự kết thúc sau %2 giây không chạm màn hình.",
    "Signing in needs a connection to the server. The information on this kiosk can still be read.": "Cần kết nối máy chủ để đăng nhập. Thông tin trên kiosk vẫn xem được bình thường.",
    "Someone else": "Người khác",
    "Staff sign-in": "Cán bộ đăng nhập",
    "Staff: %1": "Cán bộ: %1",
    "Touch your name": "Chạm vào tên của anh/chị",
    "What was done, and what is left": "Đã làm được gì, còn lại việc gì",
    "%n task(s)": "%n nhiệm vụ",
    "Achieved": "Đạt",
    "Announcement": "Thông báo",
    "Announcements": "Thông báo",
    "Appraised": "Thẩm định",
    "Approved": "Được chấp thuận",
    "Back": "Quay lại",
    "Based on": "Căn cứ",
    "Broadcast schedule": "Lịch phát thanh",
    "Cancelled": "Đã hủy",
    "Closed": "Đã kết thúc",
    "Commune tasks": "Nhiệm vụ của xã",
    "Completed": "Hoàn thành",
    "Continue": "Tiếp tục",
    "Coordinating": "Phối hợp",
    "Coordinating: %1": "Phối hợp: %1",
    "Data updated at %1": "Dữ liệu cập nhật lúc %1",
    "Draft": "Dự thảo",
    "Drafted": "Soạn thảo",
    "Due soon": "Sắp đến hạn",
    "Due: %1": "Thời hạn: %1",
    "Evaluated": "Đã đánh giá",
    "Evaluated: %1": "Đánh giá: %1",
    "Expected results": "Kết quả dự kiến",
    "Featured": "Tiêu biểu",
    "Featured model": "Mô hình tiêu biểu",
    "For %1, against %2, abstaining %3": "Tán thành %1, không tán thành %2, không biểu quyết %3",
    "Friday": "Thứ Sáu",
    "Halted": "Dừng thực hiện",
    "Home": "Trang chủ",
    "In progress": "Đang thực hiện",
    "Initiative": "Sáng kiến",
    "Initiatives": "Sáng kiến",
    "Innovation in public service": "Đổi mới, sáng tạo vì lợi ích chung",
    "Last report (%1): %2": "Báo cáo gần nhất (%1): %2",
    "Late": "Trễ hạn",
    "Lead: %1": "Chủ trì: %1",
    "Leadership decision: %1": "Tập thể lãnh đạo quyết định: %1",
    "Leading": "Chủ trì",
    "Model practice": "Mô hình điển hình",
    "Model practices": "Mô hình điển hình",
    "Model to follow": "Mô hình điển hình",
    "Monday": "Thứ Hai",
    "Next: %1 %2 (%3)": "Tiếp theo: %1 %2 (%3)",
    "No announcements yet.": "Chưa có thông báo.",
    "No broadcasts scheduled.": "Chưa có lịch phát thanh.",
    "No initiatives yet.": "Chưa có sáng kiến.",
    "No model practices yet.": "Chưa có mô hình điển hình.",
    "No plans yet.": "Chưa có kế hoạch.",
    "No report yet": "Chưa có báo cáo",
    "No tasks for this commune yet.": "Xã chưa có nhiệm vụ.",
    "Not achieved": "Không đạt",
    "Not started": "Chưa thực hiện",
    "Nothing found.": "Không tìm thấy kết quả.",
    "Nothing on air right now": "Hiện không có chương trình phát sóng",
    "Offline: no data has been received yet.": "Mất kết nối máy chủ: chưa nhận được dữ liệu.",
    "Offline: showing saved data from %1.": "Mất kết nối máy chủ: đang hiển thị dữ liệu đã lưu lúc %1.",
    "On air": "Đang phát",
    "On air now": "Đang phát sóng",
    "Ongoing": "Thường xuyên",
    "Partly achieved": "Đạt một phần",
    "Pilot checked": "Kiểm tra thí điểm",
    "Pilot completed": "Hoàn thành thí điểm",
    "Pilot completion report": "Báo cáo kết thúc thí điểm",
    "Pilot started": "Bắt đầu thí điểm",
    "Piloting": "Đang thí điểm",
    "Plan": "Kế hoạch",
    "Plans": "Kế hoạch",
    "Progress: %1%": "Tiến độ: %1%",
    "Rejected": "Không được chấp thuận",
    "Replicated": "Đã nhân rộng",
    "Responsibility decided": "Xem xét trách nhiệm",
    "Results": "Kết quả",
    "Returned for changes": "Trả lại để hoàn thiện",
    "Returning to the home screen in %n second(s)": "Trở về trang chủ sau %n giây",
    "Saturday": "Thứ Bảy",
    "Search": "Tìm kiếm",
    "Sections": "Nội dung",
    "Status: %1": "Trạng thái: %1",
    "Submitted": "Đã nộp",
    "Sunday": "Chủ Nhật",
    "Task": "Nhiệm vụ",
    "Tasks": "Nhiệm vụ",
    "Tasks of %1": "Nhiệm vụ của %1",
    "The problem": "Vướng mắc cần giải quyết",
    "The solution": "Giải pháp",
    "This week": "Tuần này",
    "Thursday": "Thứ Năm",
    "Timeline": "Các bước thực hiện",
    "Today": "Hôm nay",
    "Today on air": "Phát sóng hôm nay",
    "Touch the screen to begin": "Chạm vào màn hình để bắt đầu",
    "Tuesday": "Thứ Ba",
    "Type a word, e.g. thu tuc": "Nhập từ cần tìm, ví dụ: thu tuc",
    "Under appraisal": "Đang thẩm định",
    "Waiting": "Đang chờ",
    "Waiting for the first update": "Đang chờ cập nhật dữ liệu lần đầu",
    "Wednesday": "Thứ Tư",
    "Withdrawn": "Đã rút",
    "issued %1": "ban hành ngày %1",
    "next due %1": "hạn tới %1",
    "submitted %1": "nộp ngày %1",
}


def main(path):
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source not in VI:
            missing.append(source)
            continue
        text = VI[source]
        translation.attrib.pop("type", None)
        forms = translation.findall("numerusform")
        if message.get("numerus") == "yes":
            for f in forms:
                translation.remove(f)
            form = ET.SubElement(translation, "numerusform")
            form.text = text
        else:
            translation.text = text
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, "r+", encoding="utf-8") as f:
        body = f.read().replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
        f.seek(0)
        f.write(body if body.endswith("\n") else body + "\n")
        f.truncate()
    for s in missing:
        print("untranslated:", s, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
