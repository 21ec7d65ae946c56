# Shared by the kiosk's tour tests: a scratch directory, a feed process to
# start and stop, the kiosk's --tour, and text assertions on its dumps.
# Sourced, not run.

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sangkien-kiosk.XXXXXX")
feed_pid=
port=

stop_feed() {
  if [ -n "$feed_pid" ] && kill -0 "$feed_pid" 2>/dev/null; then
    kill -TERM "$feed_pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$feed_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$feed_pid" 2>/dev/null || true
  fi
  [ -n "$feed_pid" ] && wait "$feed_pid" 2>/dev/null || true
  feed_pid=
}

cleanup() {
  stop_feed
  if [ -n "${KEEP_TOUR:-}" ]; then
    echo "tour output kept in $tmp" >&2
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  for f in "$tmp"/*.out "$tmp"/*.err; do
    if [ -s "$f" ]; then
      echo "--- $(basename "$f")" >&2
      tail -n 30 "$f" >&2
    fi
  done
  exit 1
}

# start_feed NAME COMMAND...: runs it in the background and waits for
# "LISTENING <port>" on its stdout; sets $port.
start_feed() {
  local name=$1
  shift
  "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
  feed_pid=$!
  local found=
  for _ in $(seq 300); do
    found=$(sed -n 's/^LISTENING \([0-9][0-9]*\)$/\1/p' "$tmp/$name.out" | head -n1)
    [ -n "$found" ] && break
    kill -0 "$feed_pid" 2>/dev/null || fail "$name exited before listening"
    sleep 0.1
  done
  [ -n "$found" ] || fail "$name did not listen within 30 s"
  port=$found
}

# tour NAME ARGS...: the kiosk's --tour into $tmp/NAME.
tour() {
  local name=$1
  shift
  "$kiosk" --tour "$tmp/$name" --cache "$tmp/cache.db" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" ||
    fail "the tour $name failed"
}

# holds DIR SCREEN TEXT: the screen's text dump contains TEXT.
holds() {
  local file
  file=$(ls "$tmp/$1"/*-"$2".txt 2>/dev/null | head -n1)
  [ -n "$file" ] || fail "$1: no dump for screen $2"
  grep -qF -- "$3" "$file" || { echo "--- $file" >&2; cat "$file" >&2; fail "$1/$2 does not show: $3"; }
}

# lacks DIR SCREEN TEXT: the opposite.
lacks() {
  local file
  file=$(ls "$tmp/$1"/*-"$2".txt | head -n1)
  if grep -qF -- "$3" "$file"; then
    echo "--- $file" >&2
    cat "$file" >&2
    fail "$1/$2 shows: $3"
  fi
}

# every_screen_has_a_picture DIR
every_screen_has_a_picture() {
  local n=0 txt
  for txt in "$tmp/$1"/*.txt; do
    [ -s "${txt%.txt}.png" ] || fail "$1: no picture for $(basename "$txt")"
    n=$((n + 1))
  done
  [ "$n" -ge 12 ] || fail "$1: only $n screens"
}
