#!/usr/bin/env bash
# The kiosk end to end against sangkien-server with the demo district,
# signed in as the Tân Lập kiosk: its screens show what the server holds;
# with the server stopped they show the same from the cache under the
# offline banner; after the server restarts and a plan is renamed, the
# kiosk resyncs and shows the new title.
#   tour_server_test.sh SERVER KIOSK PROBE
set -euo pipefail
server=$1
kiosk=$2
probe=$3
source "$(dirname "${BASH_SOURCE[0]}")/tour_lib.sh"

db="$tmp/server.db"
tokens="$tmp/tokens"
start_feed server1 "$server" --db="$db" --seed_demo --listen=127.0.0.1:0 --demo_tokens_file="$tokens" --log_calls=false --metrics_listen=
token_of() { awk -F'\t' -v label="$1" '$1 == label { print $3 }' "$tokens"; }
kiosk_token=$(token_of "kiosk Tân Lập")
admin_token=$(token_of "admin")
staff_pin=$(token_of "kiosk PIN staff Tân Lập")
staff_account=$(awk -F'\t' '$1 == "kiosk PIN staff Tân Lập" { print $2 }' "$tokens")
[ -n "$kiosk_token" ] && [ -n "$admin_token" ] && [ -n "$staff_pin" ] || fail "no demo tokens in $tokens"

"$probe" "127.0.0.1:$port" "$kiosk_token" facts >"$tmp/facts" 2>"$tmp/probe.err" || fail "probe facts"
grep -q '^assignment' "$tmp/facts" || fail "the server holds no assignment for the kiosk's commune"

# holds_some_assignment DIR: the assignments screen shows one the server holds.
holds_some_assignment() {
  local file title
  file=$(ls "$tmp/$1"/*-assignments.txt)
  while IFS=$'\t' read -r kind title; do
    [ "$kind" = assignment ] && grep -qF -- "$title" "$file" && return 0
  done <"$tmp/facts"
  cat "$file" >&2
  fail "$1: the assignments screen shows none of the commune's assignments"
}

proposal_title=$(awk -F'\t' '$1 == "proposal" { print $2 }' "$tmp/facts")
proposal_date=$(awk -F'\t' '$1 == "proposal" { print $3 }' "$tmp/facts")

tour online --server "127.0.0.1:$port" --token "$kiosk_token" --tour-pin "$staff_pin"
every_screen_has_a_picture online
holds online home "Dữ liệu cập nhật lúc"
holds online home "UBND xã Tân Lập"
lacks online home "Mất kết nối"
holds_some_assignment online
# Today's airings of the commune radio (the news airs every day), and the
# district's published case studies and announcements.
holds online broadcasts "Bản tin thời sự xã"
holds online caseStudies "Tổ công nghệ số cộng đồng ở xã Tân Lập"
# Case study images come down beside the feed and show from the cache.
if grep -q "Failed to get image" "$tmp/online.err" "$tmp/offline.err" 2>/dev/null; then
  fail "a case study image did not load: $(grep "Failed to get image" "$tmp"/*.err | head -n1)"
fi
if [ -n "$proposal_title" ]; then
  holds online proposal "$proposal_title"
  [ -z "$proposal_date" ] || holds online proposal "$proposal_date — Đã nộp"
fi

# Staff mode: the commune's staff list, the PIN pad, signed in with the demo
# PIN (the commune's assignments with a report button), the report form.
holds online home "Cán bộ đăng nhập"
holds online staffSignIn "Đỗ Văn Nam (demo)"
lacks online staffSignIn "Hoàng Thị Mai"
holds online staffPin "Mã PIN của Đỗ Văn Nam (demo)"
holds online staff "Cán bộ: Đỗ Văn Nam (demo)"
holds online staff "Đăng xuất"
holds online staff "Báo cáo tiến độ"
holds online report "Gửi báo cáo"
holds online report "Đã tổ chức 2 buổi tuyên truyền"
# Going idle ended the session: its token is revoked on the server.
"$probe" "127.0.0.1:$port" "$admin_token" sessions "$staff_account" >"$tmp/sessions" 2>>"$tmp/probe.err" ||
  fail "probe sessions"
grep -q $'\trevoked$' "$tmp/sessions" || fail "the tour signed in no staff session"
if grep -q $'\topen$' "$tmp/sessions"; then
  fail "a kiosk session is still open after the kiosk went idle: $(cat "$tmp/sessions")"
fi

stop_feed
tour offline --server "127.0.0.1:$port" --token "$kiosk_token"
holds offline home "Mất kết nối máy chủ"
holds offline assignments "Mất kết nối máy chủ"
holds_some_assignment offline
holds offline broadcasts "Bản tin thời sự xã"
holds offline staffSignIn "Cần kết nối máy chủ để đăng nhập"
grep -q "Failed to get image" "$tmp/offline.err" && fail "an image did not load offline"
[ -z "$proposal_title" ] || holds offline proposal "$proposal_title"

start_feed server2 "$server" --db="$db" --listen="127.0.0.1:$port" --demo_tokens_file="$tmp/tokens2" --log_calls=false --metrics_listen=
renamed="Kế hoạch đã đổi tên $$"
"$probe" "127.0.0.1:$port" "$admin_token" rename-plan "$renamed" >>"$tmp/probe.out" 2>>"$tmp/probe.err" || fail "rename the plan"
tour resumed --server "127.0.0.1:$port" --token "$kiosk_token"
lacks resumed home "Mất kết nối"
holds resumed plans "$renamed"
echo "PASS: the kiosk shows the server's data, keeps it offline and follows an edit"
