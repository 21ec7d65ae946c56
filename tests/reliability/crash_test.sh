#!/usr/bin/env bash
# Crash: kill -9 the server during 64-way concurrent durable writes, restart
# it, and check that every write acknowledged before the kill is there and
# that PRAGMA integrity_check is ok. ROUNDS rounds (5 in CI).
#
#   crash_test.sh SERVER ACK_WRITER [ROUNDS]
set -euo pipefail
server_bin="$1"
writer_bin="$2"
rounds="${3:-5}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

db="$tmp/crash.db"
start_server "$server_bin" "$db"
demo_facts "$db"

total=0
for round in $(seq "$rounds"); do
  : >"$tmp/acks"
  "$writer_bin" --target "127.0.0.1:$port" --token "$staff" --task "$task" --unit "$unit" \
    --writers 64 --acks "$tmp/acks" --give_up_after 2s >"$tmp/writer.out" 2>&1 &
  writer=$!
  # Once writes are being acknowledged, let them run a random 0.5–2 s more,
  # then pull the plug.
  for _ in $(seq 100); do
    [ -s "$tmp/acks" ] && break
    sleep 0.1
  done
  sleep "$(awk -v r=$RANDOM 'BEGIN {printf "%.2f", 0.5 + (r % 150) / 100}')"
  kill -9 "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  wait "$writer" || fail "the writer failed: $(cat "$tmp/writer.out")"
  acked=$(wc -l <"$tmp/acks")
  [ "$acked" -gt 0 ] || fail "round $round: nothing was acknowledged before the kill: $(cat "$tmp/writer.out")"
  check=$(sqlite3 "$db" "PRAGMA integrity_check")
  [ "$check" = ok ] || fail "round $round: integrity_check: $check"
  # Every acknowledged report must exist.
  ids=$(sed -n 's/.*\/progressReports\/\([0-9]*\)$/\1/p' "$tmp/acks" | paste -sd, -)
  present=$(sqlite3 "$db" "SELECT count(*) FROM progress_reports WHERE id IN ($ids)")
  [ "$present" -eq "$acked" ] || fail "round $round: $acked acknowledged, only $present present"
  echo "round $round: $acked acknowledged writes survived kill -9; integrity ok"
  total=$((total + acked))
  start_server "$server_bin" "$db"
done
echo "PASS: $rounds rounds, $total acknowledged writes, none lost"
