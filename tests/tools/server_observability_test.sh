#!/usr/bin/env bash
# sangkien-server's metrics endpoint and log as an operator meets them: every
# stderr line is one logfmt line, a refused start says why in one line, the
# start line names the metrics address, /metrics counts the calls made.
#
# usage: server_observability_test.sh SERVER_BINARY SOURCE_DIR
set -euo pipefail

server_bin=${1:?server binary}
src=${2:?source dir}
source "$src/tests/tools/lib.sh"

call() { timeout 60 "$python" "$src/tests/tools/grpc_call.py" "$@"; }
scrape() {
  timeout 30 "$python" -c '
import sys, urllib.request
print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode(), end="")' \
    "http://127.0.0.1:$1/metrics"
}
# every_line_logfmt NAME: each line NAME wrote to stderr is one logfmt line.
every_line_logfmt() {
  local bad
  bad=$(grep -Ev '^level=(debug|info|warning|error) msg=' "$tmp/$1.err" || true)
  [ -z "$bad" ] || fail "$1: lines that are not logfmt: $bad"
}

echo "== refused starts: one line each, nothing created"
expect_exit 1 badaddr "$server_bin" --listen=127.0.0.1:0 --db="$tmp/x/a.db" \
  --metrics_listen=somewhere:9464
expect_in badaddr '^level=error msg="not started" error=".*--metrics_listen \\"somewhere:9464\\"'
[ "$(wc -l <"$tmp/badaddr.err")" -eq 1 ] || fail "badaddr: more than one line"
[ ! -e "$tmp/x" ] || fail "the refused start created the database folder"
expect_exit 2 badlevel "$server_bin" --listen=127.0.0.1:0 --db="$tmp/x/a.db" --log_level=loud
expect_in badlevel '^level=error msg="not started" error="--log_level: bad value .loud.: must be debug, info, warning or error"$'
[ "$(wc -l <"$tmp/badlevel.err")" -eq 1 ] || fail "badlevel: more than one line"

echo "== the start line names the metrics address; calls are counted and logged"
start_server server --listen=127.0.0.1:0 --db="$tmp/s.db" --seed_demo=false \
  --metrics_listen=127.0.0.1:0 --log_calls=true --log_level=debug
expect_in server "^level=info msg=listening port=$port address=127.0.0.1:0 transport=plaintext .*metrics=127\\.0\\.0\\.1:[0-9]+ log_level=debug$"
metrics_port=$(sed -n 's/.* metrics=127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$tmp/server.err")
[ -n "$metrics_port" ] && [ "$metrics_port" -gt 0 ] || fail "no metrics port in the start line"
for _ in 1 2 3; do
  out=$(call --target "127.0.0.1:$port" health) || fail "health: $out"
done
out=$(call --target "127.0.0.1:$port" --token skt_0000000000000000_not_a_real_secret whoami) &&
  fail "a made-up token was accepted: $out"
scrape "$metrics_port" >"$tmp/metrics.txt" || fail "cannot scrape port $metrics_port"
grep -qE '^grpc_server_handled_total\{.*grpc_method="Check".*\} 3$' "$tmp/metrics.txt" ||
  fail "the 3 health checks are not counted: $(grep Check "$tmp/metrics.txt")"
grep -qE '^grpc_server_handled_total\{grpc_code="Unauthenticated",.*grpc_method="WhoAmI".*\} 1$' \
  "$tmp/metrics.txt" || fail "the refused WhoAmI is not counted by code"
grep -qE '^sangkien_change_feed_head [0-9]+$' "$tmp/metrics.txt" || fail "no feed head"
expect_in server '^level=debug msg=call method=grpc.health.v1.Health/Check code=OK ms=[0-9.]+$'
expect_in server '^level=info msg=call method=sangkien.v1.AccountService/WhoAmI code=UNAUTHENTICATED ms=[0-9.]+$'
grep -q "not_a_real_secret" "$tmp/server.err" && fail "a token reached the log"

echo "== a busy metrics port refuses a second server"
expect_exit 1 busy "$server_bin" --listen=127.0.0.1:0 --db="$tmp/b.db" \
  --metrics_listen="127.0.0.1:$metrics_port"
expect_in busy "^level=error msg=\"not started\" error=\"UNAVAILABLE: --metrics_listen: cannot listen on 127.0.0.1:$metrics_port"
[ "$(wc -l <"$tmp/busy.err")" -eq 1 ] || fail "busy: more than one line"
[ ! -e "$tmp/b.db" ] || fail "the refused start created the database"

echo "== stop: two lines"
stop_server
expect_in server '^level=info msg="stopping: finishing in-flight calls" signal=15 grace_seconds=10$'
expect_in server '^level=info msg=stopped$'
every_line_logfmt server

echo "PASS"
