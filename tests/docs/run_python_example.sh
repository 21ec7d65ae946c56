#!/usr/bin/env bash
# Runs docs/examples/list_assignments.py against a fresh sangkien-server on
# loopback, the way docs/examples/README.md tells people to, and checks what
# it prints for the demo commune.
#
# usage: run_python_example.sh SERVER_BINARY SOURCE_DIR [PROTOC [GRPC_PYTHON_PLUGIN]]
set -euo pipefail

server_bin=${1:?server binary}
src=${2:?source dir}
protoc=${3:-protoc}
plugin=${4:-/usr/bin/grpc_python_plugin}
# Debian's grpc module imports only under the system interpreter.
python=/usr/bin/python3
unit="UBND xã Hòa Bình"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sangkien-pyexample.XXXXXX")
server_pid=

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
  echo "FAIL: $*" >&2
  for f in server.err out.txt err.txt; do
    if [ -s "$tmp/$f" ]; then
      echo "--- $f" >&2
      cat "$tmp/$f" >&2
    fi
  done
  exit 1
}

echo "== generating Python stubs"
mkdir "$tmp/stubs"
(cd "$src" && timeout 60 "$protoc" --python_out="$tmp/stubs" --grpc_out="$tmp/stubs" \
  --plugin=protoc-gen-grpc="$plugin" -I proto -I /usr/include \
  proto/sangkien/v1/*.proto proto/google/rpc/*.proto proto/google/type/*.proto) \
  || fail "protoc could not generate the stubs"

echo "== starting $server_bin"
"$server_bin" --listen=127.0.0.1:0 --db="$tmp/t.db" --seed_demo --log_calls=false --metrics_listen= \
  >"$tmp/server.out" 2>"$tmp/server.err" &
server_pid=$!

port=
for _ in $(seq 300); do
  port=$(sed -n 's/^LISTENING \([0-9][0-9]*\)$/\1/p' "$tmp/server.out" | head -n1)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited before listening"
  sleep 0.1
done
[ -n "$port" ] || fail "the server did not print LISTENING within 30 s"
echo "server on port $port"

echo "== running the example for $unit"
rc=0
timeout 60 "$python" "$src/docs/examples/list_assignments.py" --stubs "$tmp/stubs" \
  --server "127.0.0.1:$port" --unit "$unit" >"$tmp/out.txt" 2>"$tmp/err.txt" || rc=$?
cat "$tmp/out.txt"
[ "$rc" -eq 0 ] || fail "the example exited with $rc"

# Assignment lines start with the task number and the role.
lines=$(grep -cE '^[^ ]+ +(chủ trì|phối hợp) ' "$tmp/out.txt" || true)
[ "$lines" -ge 5 ] || fail "expected at least 5 assignment lines, got $lines"
grep -qE '^4\.2 ' "$tmp/out.txt" || fail "no line for task 4.2"
# The demo plan's 4.2 asks for a yearly report by 30/11 that Hòa Bình has not
# filed, so it must show as late.
grep -qE '^4\.2 .*QUÁ HẠN' "$tmp/out.txt" || fail "task 4.2 is not marked QUÁ HẠN"
grep -q '^Tổng cộng: ' "$tmp/out.txt" || fail "no summary line"

echo "== an unknown unit is reported, not a crash"
rc=0
timeout 60 "$python" "$src/docs/examples/list_assignments.py" --stubs "$tmp/stubs" \
  --server "127.0.0.1:$port" --unit "UBND xã Không Có" >"$tmp/out.txt" 2>"$tmp/err.txt" || rc=$?
[ "$rc" -eq 1 ] || fail "an unknown unit should exit 1, got $rc"
grep -q 'Không tìm thấy đơn vị' "$tmp/err.txt" || fail "no message for an unknown unit"

echo "== stopping the server"
kill -TERM "$server_pid"
for _ in $(seq 300); do
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$server_pid" 2>/dev/null && fail "the server did not stop within 30 s of SIGTERM"
rc=0
wait "$server_pid" || rc=$?
server_pid=
[ "$rc" -eq 0 ] || fail "the server exited with $rc after SIGTERM"
echo "PASS"
