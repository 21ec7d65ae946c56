#!/usr/bin/env bash
# Soak: a mixed read/write load (reads of plans, tasks, assignments, search,
# the change feed, and durable progress reports) on a demo-district server
# for SECONDS; no call may fail, and the server's RSS at the end may exceed
# its RSS after WARMUP seconds by less than 10 %. 75 s in CI; bench/reliability/run
# runs 10 minutes.
#
#   soak_test.sh SERVER LOADGEN [SECONDS] [WARMUP] [IN_FLIGHT] [MAX_GROWTH_PCT|none]
# ("none" under AddressSanitizer, whose quarantine grows the heap by design:
# the run still must see no failed call and an intact database.)
set -euo pipefail
server_bin="$1"
loadgen_bin="$2"
seconds="${3:-75}"
warmup="${4:-20}"
in_flight="${5:-16}"
max_growth_pct="${6:-10}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ "$warmup" -lt "$seconds" ] || fail "the warm-up ($warmup s) must be shorter than the run ($seconds s)"

db="$tmp/soak.db"
start_server "$server_bin" "$db"
demo_facts "$db"
reports_before=$(sqlite3 "$db" "SELECT count(*) FROM progress_reports")

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; }

# One loadgen run for the whole soak: reads and writes interleaved on the
# same channels, every call counted, an error never a success.
"$loadgen_bin" --target "127.0.0.1:$port" --token "$staff" --plan "$plan" --unit "$unit" \
  --report_task "$task" --report_unit "$unit" --channels 2 --in_flight "$in_flight" \
  --mix "GetPlan:3,ListTasks:2,ListAssignments:2,Search:2,ListChanges:1,CreateProgressReport:2,Health:1" \
  --warmup 0s --duration "${seconds}s" >"$tmp/load.out" 2>&1 &
load_pid=$!
helper_pids+=("$load_pid")

# Sample the server's RSS about every `step` seconds while the load runs.
step=$(( seconds >= 300 ? 10 : 5 ))
start=$SECONDS
base_kb=""
base_t=""
last_kb=""
last_t=""
peak_kb=0
while kill -0 "$load_pid" 2>/dev/null; do
  sleep "$step"
  kill -0 "$load_pid" 2>/dev/null || break
  kill -0 "$server_pid" 2>/dev/null || fail "the server died: $(tail -n 20 "$db.log")"
  t=$((SECONDS - start))
  kb=$(rss_kb)
  echo "t=${t}s server RSS $(awk -v k="$kb" 'BEGIN {printf "%.1f", k / 1024}') MB"
  if [ -z "$base_kb" ] && [ "$t" -ge "$warmup" ]; then
    base_kb=$kb
    base_t=$t
  fi
  last_kb=$kb
  last_t=$t
  [ "$kb" -gt "$peak_kb" ] && peak_kb=$kb
done
status=0
wait "$load_pid" || status=$?
cat "$tmp/load.out"
[ "$status" -eq 0 ] || fail "calls failed during the soak (loadgen exit $status)"
kill -0 "$server_pid" 2>/dev/null || fail "the server died: $(tail -n 20 "$db.log")"
[ -n "$base_kb" ] && [ "$last_t" -gt "$base_t" ] ||
  fail "too few RSS samples after the warm-up (run longer than $warmup s + $((2 * step)) s)"

reports=$(( $(sqlite3 "$db" "SELECT count(*) FROM progress_reports") - reports_before ))
[ "$reports" -gt 0 ] || fail "no progress report was written"
check=$(sqlite3 "$db" "PRAGMA integrity_check")
[ "$check" = ok ] || fail "integrity_check: $check"

growth=$(awk -v b="$base_kb" -v e="$last_kb" 'BEGIN {printf "%.1f", 100 * (e - b) / b}')
summary=$(printf 'RSS %.1f MB after %d s of warm-up, %.1f MB at %d s (%+.1f %%, limit %s %%), peak %.1f MB; %d progress reports written' \
  "$(awk -v k="$base_kb" 'BEGIN {print k / 1024}')" "$base_t" \
  "$(awk -v k="$last_kb" 'BEGIN {print k / 1024}')" "$last_t" "$growth" "$max_growth_pct" \
  "$(awk -v k="$peak_kb" 'BEGIN {print k / 1024}')" "$reports")
if [ "$max_growth_pct" != none ]; then
  awk -v g="$growth" -v m="$max_growth_pct" 'BEGIN {exit !(g < m)}' || fail "$summary"
fi
echo "PASS: ${seconds} s of mixed load, no failed call; $summary"
