#!/usr/bin/env bash
# The server's safe defaults and its settings file, as an IT officer meets
# them: an empty database gets no accounts and says how to make the first
# admin; /etc/sangkien/server.conf-style files set what flags set, flags win,
# and every kind of bad file stops the start naming the file and the line.
# usage: settings_test.sh SERVER_BINARY SANGKIENCTL_BINARY SOURCE_DIR
set -euo pipefail
server_bin=${1:?server binary}
ctl=${2:?sangkienctl binary}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# --- An empty database started without flags: nothing demo, a hint for the admin.
db="$tmp/empty.db"
start_server plain --listen=127.0.0.1:0 --db="$db" --config=
stop_server
[ "$(sqlite3 "$db" 'SELECT count(*) FROM accounts')" = 0 ] || fail "an unseeded database has accounts"
[ "$(sqlite3 "$db" 'SELECT count(*) FROM tokens')" = 0 ] || fail "an unseeded database has tokens"
[ "$(sqlite3 "$db" 'SELECT count(*) FROM plans')" = 0 ] || fail "an unseeded database has plans"
[ ! -e "$db.demo-tokens" ] || fail "a tokens file was written without --seed_demo"
grep -q 'no accounts yet' "$tmp/plain.err" || fail "the log does not say the database has no accounts"
grep -q 'sangkienctl account create .*--role admin' "$tmp/plain.err" ||
  fail "the log does not say how to make the first admin"
# The holiday calendar is product data, not demo data: it is there.
[ "$(sqlite3 "$db" 'SELECT count(*) FROM holidays')" -gt 0 ] || fail "the holiday calendar is missing"

"$ctl" --config= account create --name "Quản trị hệ thống" --role admin --db "$db" >"$tmp/admin.out" ||
  fail "the first admin could not be made"
grep -q '^secret:' "$tmp/admin.out" || fail "account create printed no token"
start_server again --listen=127.0.0.1:0 --db="$db" --config=
stop_server
if grep -q 'no accounts yet' "$tmp/again.err"; then fail "the hint stays after an admin exists"; fi

# --- A settings file sets what the flags set; flags on the command line win.
conf="$tmp/server.conf"
cat >"$conf" <<CONF
# A comment, then settings with and without spaces around '='.
db = $tmp/from-file.db
listen=127.0.0.1:0

synchronous = normal
backup_keep_days = 30
CONF
start_server file --config="$conf"
stop_server
[ -f "$tmp/from-file.db" ] || fail "the server did not use the settings file's db"
grep -q "settings=$conf" "$tmp/file.err" || fail "the log does not name the settings file"
start_server flagwins --config "$conf" --db="$tmp/from-flag.db"
stop_server
[ -f "$tmp/from-flag.db" ] || fail "--db on the command line did not win over the file"

# sangkienctl takes its database from the same file.
"$ctl" --config= account create --name "Cán bộ A" --role publisher --no-token \
  --db "$tmp/from-file.db" >/dev/null || fail "account create on the file's database"
"$ctl" --config="$conf" account list >"$tmp/list.out" || fail "account list with --config"
grep -q 'Cán bộ A' "$tmp/list.out" || fail "sangkienctl did not read the db setting of the file"

# --- Each kind of bad file: exit code 2, the file, the line and what is wrong.
expect_refusal() {  # NAME EXPECTED-TEXT CONTENTS
  local name=$1 expected=$2 contents=$3 rc=0
  printf '%s\n' "$contents" >"$tmp/$name.conf"
  "$server_bin" --config="$tmp/$name.conf" --db="$tmp/never.db" --listen=127.0.0.1:0 \
    >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
  [ "$rc" = 2 ] || fail "$name: the server exited $rc, not 2"
  grep -qF "$expected" "$tmp/$name.err" || fail "$name: no '$expected' in: $(cat "$tmp/$name.err")"
  rc=0
  "$ctl" --config="$tmp/$name.conf" account list >/dev/null 2>"$tmp/$name.ctl.err" || rc=$?
  [ "$rc" = 2 ] || fail "$name: sangkienctl exited $rc, not 2"
  grep -qF "$expected" "$tmp/$name.ctl.err" || fail "$name: sangkienctl did not say '$expected'"
}
expect_refusal unknown "unknown.conf:2: unknown setting 'lisen'" $'# typo\nlisen = 0.0.0.0:1'
expect_refusal badbool "badbool.conf:1: bad value 'maybe' for group_commit" 'group_commit = maybe'
expect_refusal badmode "badmode.conf:3: bad value 'fast' for synchronous" $'\n\nsynchronous = fast'
expect_refusal badint "badint.conf:1: bad value 'ten' for shutdown_grace_seconds" \
  'shutdown_grace_seconds = ten'
expect_refusal badidle "badidle.conf:1: bad value 'soon' for idle_connection_timeout" \
  'idle_connection_timeout = soon'
expect_refusal noequals "noequals.conf:1: expected 'key = value'" 'listen 127.0.0.1:1'
expect_refusal twice "twice.conf:2: 'db' is set twice" $'db = a.db\ndb = b.db'
expect_refusal itself "itself.conf:1: unknown setting 'config'" 'config = other.conf'
# A bad value on the command line is refused the same way.
rc=0
"$server_bin" --config= --synchronous=fast --listen=127.0.0.1:0 --db="$tmp/never.db" \
  >/dev/null 2>"$tmp/cmdline.err" || rc=$?
[ "$rc" = 2 ] || fail "a bad --synchronous: exit $rc, not 2"
grep -qF -e "--synchronous: bad value 'fast': must be full" "$tmp/cmdline.err" ||
  fail "a bad --synchronous is not explained: $(cat "$tmp/cmdline.err")"
[ ! -e "$tmp/never.db" ] || fail "a refused start created the database"
rc=0
"$server_bin" --config="$tmp/missing.conf" --listen=127.0.0.1:0 --db="$tmp/never.db" \
  2>"$tmp/missing.err" >/dev/null || rc=$?
[ "$rc" = 2 ] || fail "a missing settings file: exit $rc, not 2"
grep -qF "$tmp/missing.conf: cannot read the settings file" "$tmp/missing.err" ||
  fail "a missing settings file is not named: $(cat "$tmp/missing.err")"
rc=0
"$server_bin" --config="$tmp" --listen=127.0.0.1:0 --db="$tmp/never.db" 2>"$tmp/dir.err" >/dev/null || rc=$?
[ "$rc" = 2 ] || fail "a folder as the settings file: exit $rc, not 2"
grep -qF "it is a folder" "$tmp/dir.err" || fail "a folder as the settings file is not explained"

# --- A database from a newer release is refused, naming both versions.
sqlite3 "$tmp/future.db" 'PRAGMA user_version = 99'
rc=0
"$server_bin" --config= --listen=127.0.0.1:0 --db="$tmp/future.db" 2>"$tmp/future.err" >/dev/null || rc=$?
[ "$rc" = 1 ] || fail "a newer database: exit $rc, not 1"
grep -q 'schema version 99, newer than this program knows (it migrates up to version [0-9]' \
  "$tmp/future.err" || fail "the refusal does not name both versions: $(cat "$tmp/future.err")"
echo "PASS"
