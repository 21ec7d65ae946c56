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
tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

db="$tmp/crash.db"
start_server() {
  "$server_bin" --listen 127.0.0.1:0 --db "$db" --demo_tokens_file "$tmp/tokens" \
    --log_calls=false >"$tmp/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 150); do
    port=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$tmp/server.log")
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  cat "$tmp/server.log"
  fail "the server did not start"
}

start_server
staff=$(awk -F'\t' '$1 == "staff Tân Lập" {print $3}' "$tmp/tokens")
unit=$(sqlite3 "$db" "SELECT 'units/' || id FROM units WHERE display_name = 'UBND xã Tân Lập'")
task=$(sqlite3 "$db" "SELECT 'plans/' || plan_id || '/tasks/' || task_id FROM assignments
  WHERE unit_id = ${unit#units/} ORDER BY id LIMIT 1")
[ -n "$staff" ] && [ -n "$task" ] || fail "no demo staff or task"

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
  start_server
done
echo "PASS: $rounds rounds, $total acknowledged writes, none lost"
