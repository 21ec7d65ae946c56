#!/usr/bin/env bash
# The kiosk end to end on a small change feed: every screen shows the
# feed's data; with the feed gone it shows the same from its cache under the
# offline banner; after the feed changed, the next sync shows the change.
#   tour_fake_feed_test.sh KIOSK FEED
set -euo pipefail
kiosk=$1
feed=$2
source "$(dirname "${BASH_SOURCE[0]}")/tour_lib.sh"

start_feed feed1 "$feed"
tour online --server "127.0.0.1:$port" --commune units/10
every_screen_has_a_picture online
holds online home "Kế hoạch"
holds online home "Nhiệm vụ của xã"
holds online home "Dữ liệu cập nhật lúc"
holds online home "Một cửa thân thiện ở xã Tân Lập"
lacks online home "Mất kết nối"
holds online plan "14-KL/TW"
holds online plan "Quý III/2022"
holds online plan "Thường xuyên; báo cáo trước 30/11 hằng năm"
holds online assignments "Rà soát, sửa đổi quy định về quản lý ngân sách"
holds online assignments "Trễ hạn"
holds online assignments "Phối hợp"
holds online assignments "Đã rà soát các quy định về quản lý tài sản công."
holds online proposal "20/07/2022 — Tập thể lãnh đạo quyết định: Được chấp thuận"
holds online proposal "01/08/2022 — Bắt đầu thí điểm"
holds online broadcasts "Bản tin Đổi mới, sáng tạo"
holds online announcement "Lịch tiếp công dân tháng 10"
holds online search "Kế hoạch thực hiện Kết luận số 14-KL/TW"

# The feed goes away: the same data from the cache, under the banner.
stop_feed
tour offline --server "127.0.0.1:$port" --commune units/10
holds offline home "Mất kết nối máy chủ"
holds offline assignments "Rà soát, sửa đổi quy định về quản lý ngân sách"
holds offline assignments "Mất kết nối máy chủ"
holds offline broadcasts "Bản tin Đổi mới, sáng tạo"
holds offline proposal "20/07/2022 — Tập thể lãnh đạo quyết định: Được chấp thuận"

# It comes back with an edited announcement: the kiosk resumes and shows it.
start_feed feed2 "$feed" --port "$port" --changed
tour resumed --server "127.0.0.1:$port" --commune units/10
lacks resumed home "Mất kết nối"
holds resumed announcements "Lịch tiếp công dân tháng 11 (đã cập nhật)"
lacks resumed announcements "Lịch tiếp công dân tháng 10"
# The same screens in English, as the button on Home switches them.
tour english --server "127.0.0.1:$port" --language en
holds english home "Data updated at"
holds english home "Commune tasks"
holds english assignments "Late"
echo "PASS: online, offline from the cache, resumed after a change, and in English"
