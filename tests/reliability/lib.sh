# Shared by the reliability scripts here and the measurements in bench/: a
# scratch folder removed on exit, a server on a free loopback port, and the
# demo district's facts. Sourced, not run.

tmp="$(mktemp -d)"
server_pid=""
helper_pids=() # other background processes to end on exit
cleanup() {
  local pid
  # Quietly: the shell would report each process killed here.
  {
    for pid in "${helper_pids[@]}" $server_pid; do
      kill -9 "$pid" || true
    done
    wait || true
  } 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# start_server SERVER DB [FLAG...]: a server on a free loopback port over DB
# (seeded with the demo district when new; its tokens in DB.tokens, its log
# in DB.log). Sets server_pid and port.
start_server() {
  local bin="$1" db="$2"
  shift 2
  # Emptied here, before the fork: a restart must not read the port of the
  # server it replaces from the old log.
  : >"$db.log"
  "$bin" --listen 127.0.0.1:0 --db "$db" --seed_demo --demo_tokens_file "$db.tokens" --log_calls=false \
    --metrics_listen= "$@" >"$db.log" 2>&1 &
  server_pid=$!
  port=""
  for _ in $(seq 150); do
    port=$(sed -n 's/^LISTENING \([0-9][0-9]*\)$/\1/p' "$db.log" 2>/dev/null || true)
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  cat "$db.log" >&2
  fail "the server did not start on $db"
}

# stop_server: SIGTERM, and wait for the clean stop.
stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# demo_facts DB: sets staff (the token of the demo staff of Tân Lập), kiosk
# (its demo kiosk's token), unit (Tân Lập), plan (the first plan) and task
# (a task Tân Lập holds).
demo_facts() {
  local db="$1"
  staff=$(awk -F'\t' '$1 == "staff Tân Lập" {print $3}' "$db.tokens")
  kiosk=$(awk -F'\t' '$1 == "kiosk Tân Lập" {print $3}' "$db.tokens")
  unit=$(sqlite3 "$db" "SELECT 'units/' || id FROM units WHERE display_name = 'UBND xã Tân Lập'")
  plan=$(sqlite3 "$db" "SELECT 'plans/' || min(id) FROM plans")
  task=$(sqlite3 "$db" "SELECT 'plans/' || plan_id || '/tasks/' || task_id FROM assignments
    WHERE unit_id = ${unit#units/} ORDER BY id LIMIT 1")
  [ -n "$staff" ] && [ -n "$kiosk" ] && [ -n "$task" ] || fail "no demo staff, kiosk or task in $db"
}
