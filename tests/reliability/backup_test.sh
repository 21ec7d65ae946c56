#!/usr/bin/env bash
# Backup during writes, then restore: while 64 writers file durable progress
# reports, `sangkienctl backup` copies the server's live database ROUNDS
# times (3 in CI) at random moments. Each backup is restored into a fresh
# database, which must pass PRAGMA integrity_check and `audit verify`, hold
# every report acknowledged before that backup began, and serve: a server
# started on it answers reads.
#
#   backup_test.sh SERVER ACK_WRITER SANGKIENCTL LOADGEN [ROUNDS]
set -euo pipefail
server_bin="$1"
writer_bin="$2"
ctl_bin="$3"
loadgen_bin="$4"
rounds="${5:-3}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# ids_of ACKS: the report ids of its whole lines (a copy taken while the
# writer appends may end in part of a line).
ids_of() { head -n "$(wc -l <"$1")" "$1" | sed -n 's/.*\/progressReports\/\([0-9]*\)$/\1/p'; }

db="$tmp/live.db"
start_server "$server_bin" "$db"
live_port=$port
demo_facts "$db"

"$writer_bin" --target "127.0.0.1:$live_port" --token "$staff" --task "$task" --unit "$unit" \
  --writers 64 --acks "$tmp/acks" --give_up_after 2s >"$tmp/writer.out" 2>&1 &
writer_pid=$!
helper_pids+=("$writer_pid")
for _ in $(seq 100); do
  [ -s "$tmp/acks" ] && break
  sleep 0.1
done
[ -s "$tmp/acks" ] || fail "no write was acknowledged: $(cat "$tmp/writer.out")"

for round in $(seq "$rounds"); do
  sleep "$(awk -v r=$RANDOM 'BEGIN {printf "%.2f", 0.5 + (r % 150) / 100}')"
  kill -0 "$writer_pid" 2>/dev/null || fail "the writer stopped: $(cat "$tmp/writer.out")"
  # Whatever is in the acks file now was acknowledged before the backup began.
  cp "$tmp/acks" "$tmp/before.$round"
  backup="$tmp/backup.$round.db"
  started=$(date +%s%N)
  "$ctl_bin" backup --db "$db" --to "$backup" >"$tmp/backup.out" 2>"$tmp/backup.err" ||
    fail "round $round: backup failed: $(cat "$tmp/backup.out" "$tmp/backup.err")"
  took_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  cp "$tmp/acks" "$tmp/after.$round"
  before=$(wc -l <"$tmp/before.$round")
  during=$(( $(wc -l <"$tmp/after.$round") - before ))

  restored="$tmp/restored.$round/sangkien.db"
  "$ctl_bin" restore --db "$restored" --from "$backup" >"$tmp/restore.out" 2>&1 ||
    fail "round $round: restore failed: $(cat "$tmp/restore.out")"
  check=$(sqlite3 "$restored" "PRAGMA integrity_check")
  [ "$check" = ok ] || fail "round $round: integrity_check of the restored database: $check"
  "$ctl_bin" audit verify --db "$restored" >"$tmp/audit.out" 2>&1 ||
    fail "round $round: audit trail of the restored database: $(cat "$tmp/audit.out")"
  ids_of "$tmp/before.$round" | sort >"$tmp/want"
  [ "$(wc -l <"$tmp/want")" -eq "$before" ] || fail "round $round: unreadable lines in the acks file"
  sqlite3 "$restored" "SELECT id FROM progress_reports" | sort >"$tmp/have"
  missing=$(comm -23 "$tmp/want" "$tmp/have" | wc -l)
  [ "$missing" -eq 0 ] || fail "round $round: $missing of $before writes acknowledged before the backup are missing, e.g. progressReports/$(comm -23 "$tmp/want" "$tmp/have" | head -n1)"
  # Writes acknowledged while the backup ran may or may not be in it.
  ids_of "$tmp/after.$round" | sort | comm -23 - "$tmp/want" >"$tmp/meanwhile"
  also=$(comm -12 "$tmp/meanwhile" "$tmp/have" | wc -l)

  # The restored database serves: a server starts on it and answers reads,
  # and the newest report acknowledged before the backup is still there.
  newest=$(sort -n "$tmp/want" | tail -n1)
  live_pid=$server_pid
  start_server "$server_bin" "$restored"
  "$loadgen_bin" --target "127.0.0.1:$port" --mix GetPlan --plan "$plan" --count 20 \
    --in_flight 4 --channels 1 >"$tmp/read.out" 2>&1 ||
    fail "round $round: the server on the restored database failed reads: $(cat "$tmp/read.out")"
  stop_server
  server_pid=$live_pid
  [ -n "$(sqlite3 "$restored" "SELECT id FROM progress_reports WHERE id = $newest")" ] ||
    fail "round $round: progressReports/$newest is gone after the restored server ran"
  echo "round $round: backup in ${took_ms} ms while writes went on ($during acknowledged meanwhile);" \
    "restored: integrity ok, audit trail intact, all $before earlier acknowledged writes present" \
    "(and $also of the $during acknowledged meanwhile)"
done

# Writes went on without a failure through every backup.
! grep -q unexpected "$tmp/writer.out" || fail "the writer saw errors: $(sort "$tmp/writer.out" | uniq -c)"
kill "$writer_pid"
wait "$writer_pid" 2>/dev/null || true
total=$(wc -l <"$tmp/acks")
echo "PASS: $rounds backups taken during 64-way writes ($total acknowledged in all), every write acknowledged before a backup began restored"
