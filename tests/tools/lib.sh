# Shared by the tools tests: a scratch directory, starting and stopping
# sangkien-server, failing with its logs. Sourced, not run.

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sangkien-tools.XXXXXX")
server_pid=
port=
# Debian's grpc module imports only under the system interpreter.
python=/usr/bin/python3

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 100); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$server_pid" ]; then
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
  port=
}

cleanup() {
  stop_server
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
  echo "FAIL: $*" >&2
  for f in "$tmp"/*.out "$tmp"/*.err; do
    if [ -s "$f" ]; then
      echo "--- $(basename "$f")" >&2
      tail -n 40 "$f" >&2
    fi
  done
  exit 1
}

# start_server NAME ARGS...: runs the server in the background, logs in
# $tmp/NAME.out and $tmp/NAME.err, and sets $port once it listens.
start_server() {
  local name=$1
  shift
  "$server_bin" --log_calls=false --metrics_listen= "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
  server_pid=$!
  port=
  for _ in $(seq 300); do
    # The file may not exist yet: the server's shell opens it after the fork.
    port=$(sed -n 's/^LISTENING \([0-9][0-9]*\)$/\1/p' "$tmp/$name.out" 2>/dev/null | head -n1 ||
      true)
    [ -n "$port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || fail "the server ($name) exited before listening"
    sleep 0.1
  done
  fail "the server ($name) did not print LISTENING within 30 s"
}

# expect_exit CODE NAME COMMAND...: runs COMMAND (60 s at most) with its
# output in $tmp/NAME.out and .err, and fails unless it exits with CODE.
expect_exit() {
  local want=$1 name=$2
  shift 2
  local rc=0
  timeout 60 "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
  [ "$rc" -eq "$want" ] || fail "$name: exit $rc, expected $want"
}

# expect_in NAME PATTERN: fails unless NAME's stdout or stderr matches.
expect_in() {
  grep -qE -- "$2" "$tmp/$1.out" "$tmp/$1.err" || fail "$1: no line matching: $2"
}
