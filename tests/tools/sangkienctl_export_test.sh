#!/usr/bin/env bash
# sangkienctl export-ics on a demo database: a commune's deadlines and its
# radio station's broadcasts as iCalendar files, and the refusals.
#
# usage: sangkienctl_export_test.sh SERVER_BINARY SANGKIENCTL_BINARY SOURCE_DIR
set -euo pipefail

server_bin=${1:?server binary}
ctl_bin=${2:?sangkienctl binary}
src=${3:?source dir}
source "$src/tests/tools/lib.sh"

db="$tmp/var/sangkien.db"

echo "== a demo database, made by the server"
start_server server --listen=127.0.0.1:0 --db="$db" --seed_demo
stop_server
unit_id() { sqlite3 -readonly "$db" "SELECT id FROM units WHERE display_name = '$1'"; }
tan_lap=$(unit_id "UBND xã Tân Lập")
[[ "$tan_lap" =~ ^[0-9]+$ ]] || fail "no unit UBND xã Tân Lập in the demo database"

echo "== a commune's deadlines, to a file"
expect_exit 0 unit "$ctl_bin" export-ics --unit "units/$tan_lap" --db "$db" -o "$tmp/deadlines.ics"
expect_in unit "han-nhiem-vu-tan-lap.ics"
head -c 17 "$tmp/deadlines.ics" | cmp -s - <(printf 'BEGIN:VCALENDAR\r\n') \
  || fail "the file does not start with BEGIN:VCALENDAR and CRLF"
grep -q $'^VERSION:2.0\r$' "$tmp/deadlines.ics" || fail "no VERSION:2.0"
grep -q '^PRODID:' "$tmp/deadlines.ics" || fail "no PRODID"
events=$(grep -c $'^BEGIN:VEVENT\r$' "$tmp/deadlines.ics" || true)
[ "$events" -gt 0 ] || fail "no events for Tân Lập"
all_day=$(grep -c '^DTSTART;VALUE=DATE:' "$tmp/deadlines.ics" || true)
[ "$all_day" -eq "$events" ] || fail "$events events but $all_day all-day starts"
grep -q $'^RRULE:FREQ=YEARLY\r$' "$tmp/deadlines.ics" || fail "no yearly report date"
grep -q '^DTSTART;VALUE=DATE:[0-9]\{4\}1130' "$tmp/deadlines.ics" \
  || fail "no report due on 30/11"
[ "$(grep -c $'\r$' "$tmp/deadlines.ics")" -eq "$(wc -l <"$tmp/deadlines.ics")" ] \
  || fail "a line does not end in CRLF"

echo "== its radio station, to stdout"
expect_exit 0 station "$ctl_bin" export-ics --station "units/$tan_lap" --db "$db"
head -n 1 "$tmp/station.out" | grep -q $'^BEGIN:VCALENDAR\r$' || fail "station: not iCalendar"
grep -q $'^BEGIN:VTIMEZONE\r$' "$tmp/station.out" || fail "station: no VTIMEZONE"
grep -q $'^END:VCALENDAR\r$' "$tmp/station.out" || fail "station: not ended"
# The demo commune radio: daily news, a weekly programme on Thursdays, a
# monthly one on the last Friday, and one airing moved.
grep -q $'^RRULE:FREQ=DAILY\r$' "$tmp/station.out" || fail "station: no daily news"
grep -q $'^RRULE:FREQ=WEEKLY;BYDAY=TH\r$' "$tmp/station.out" || fail "station: no weekly programme"
grep -q $'^RRULE:FREQ=MONTHLY;BYDAY=-1FR\r$' "$tmp/station.out" \
  || fail "station: no last-Friday programme"
grep -q '^RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20261202T180000' "$tmp/station.out" \
  || fail "station: no moved airing"
grep -q '^SUMMARY:Chuyên mục Dám nghĩ, dám làm\|^SUMMARY:Chuyên mục Dám nghĩ\\, dám làm' \
  "$tmp/station.out" || fail "station: no Dám nghĩ, dám làm"

echo "== refusals"
expect_exit 2 both "$ctl_bin" export-ics --station "units/$tan_lap" --unit "units/$tan_lap" --db "$db"
expect_exit 2 neither "$ctl_bin" export-ics --db "$db"
expect_exit 2 badname "$ctl_bin" export-ics --unit "Tân Lập" --db "$db"
expect_in badname "units/5"
expect_exit 1 nounit "$ctl_bin" export-ics --unit units/999999 --db "$db"
expect_in nounit "units/999999"
expect_exit 1 nodb "$ctl_bin" export-ics --unit units/1 --db "$tmp/nothing.db"
[ ! -e "$tmp/nothing.db" ] || fail "export-ics created a database"

echo "== a new kiosk PIN for a demo staff member replaces the seeded one"
staff=$(sqlite3 "$db" "SELECT 'accounts/' || id FROM accounts WHERE display_name = 'Đỗ Văn Nam (demo)'")
before=$(sqlite3 "$db" "SELECT hex(hash) FROM kiosk_pins WHERE account_id = ${staff#accounts/}")
[ -n "$before" ] || fail "the demo staff member has no kiosk PIN"
expect_exit 0 pin "$ctl_bin" account pin "$staff" --db "$db"
expect_in pin "^kiosk PIN of $staff: [0-9]{6}\$"
after=$(sqlite3 "$db" "SELECT hex(hash) FROM kiosk_pins WHERE account_id = ${staff#accounts/}")
[ -n "$after" ] && [ "$after" != "$before" ] || fail "the PIN's hash did not change"
pin=$(sed -n 's/^kiosk PIN of .*: \([0-9]*\)$/\1/p' "$tmp/pin.out")
sqlite3 "$db" "SELECT hex(hash) FROM kiosk_pins" | grep -qi "$(printf %s "$pin" | od -An -tx1 | tr -d " \n")" &&
  fail "the PIN is stored in the clear"

echo "== publicity from the command line: list, publish in a window, unpublish, delete"
expect_exit 0 list "$ctl_bin" publicity list --db "$db"
expect_in list $'^broadcasts/[0-9]+\tpublished\tUBND xã Tân Lập\tBản tin thời sự xã\tFREQ=DAILY$'
expect_in list $'^caseStudies/[0-9]+\tpublished'
expect_in list $'^announcements/[0-9]+\tpublished from '
study=$(grep -o '^caseStudies/[0-9]*' "$tmp/list.out" | head -n1)
note=$(grep -o '^announcements/[0-9]*' "$tmp/list.out" | head -n1)
show=$(grep -o '^broadcasts/[0-9]*' "$tmp/list.out" | tail -n1)
expect_exit 0 unpublish "$ctl_bin" publicity unpublish "$study" --db "$db"
expect_in unpublish "^$study: draft\$"
[ "$(sqlite3 -readonly "$db" "SELECT state FROM case_studies WHERE id = ${study#caseStudies/}")" = 1 ] \
  || fail "$study is not a draft in the database"
expect_exit 0 window "$ctl_bin" publicity publish "$note" --from 2027-01-01T07:00:00+07:00 \
  --until 2027-01-31T17:00:00+07:00 --db "$db"
expect_exit 0 list2 "$ctl_bin" publicity list --db "$db"
expect_in list2 "^$note"$'\t'"published from 2027-01-01"
expect_exit 0 delete "$ctl_bin" publicity delete "$show" --db "$db"
expect_exit 0 list3 "$ctl_bin" publicity list --db "$db"
grep -q "^$show"$'\t' "$tmp/list3.out" && fail "$show is still listed after delete"
expect_exit 2 notpub "$ctl_bin" publicity publish plans/1 --db "$db"
expect_exit 2 badtime "$ctl_bin" publicity publish "$note" --from tomorrow --db "$db"
expect_exit 1 missing "$ctl_bin" publicity unpublish caseStudies/99999 --db "$db"
# Every change is in the audit trail, which still verifies.
expect_exit 0 audit "$ctl_bin" audit verify --db "$db"
[ "$(sqlite3 -readonly "$db" "SELECT count(*) FROM audit_events WHERE actor = 'system' AND method LIKE 'sangkienctl publicity%'")" -eq 3 ] \
  || fail "the three publicity changes are not each one audit event"

echo "PASS"
