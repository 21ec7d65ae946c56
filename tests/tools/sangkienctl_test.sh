#!/usr/bin/env bash
# sangkienctl against a real sangkien-server: bootstrap the first admin and
# use its token, manage tokens and accounts, back up while the server runs,
# detect an edited audit trail, restore.
#
# usage: sangkienctl_test.sh SERVER_BINARY SANGKIENCTL_BINARY SOURCE_DIR
set -euo pipefail

server_bin=${1:?server binary}
ctl_bin=${2:?sangkienctl binary}
src=${3:?source dir}
source "$src/tests/tools/lib.sh"

db="$tmp/var/sangkien.db"
# sangkienctl on the test's database, as a command `timeout` can run.
ctl="$tmp/sangkienctl"
printf '#!/bin/sh\nexec "%s" "$@" --db "%s"\n' "$ctl_bin" "$db" >"$ctl"
chmod +x "$ctl"
call() { timeout 60 "$python" "$src/tests/tools/grpc_call.py" --target "127.0.0.1:$port" "$@"; }

echo "== a fresh database: the server creates it"
start_server server --listen=127.0.0.1:0 --db="$db" --seed_demo=false
echo "server on port $port"
expect_exit 0 verify-fresh "$ctl" audit verify
expect_in verify-fresh '^intact: [0-9]+ events, head [0-9a-f]{64}$'
# What the server itself recorded when it created the database.
base=$(sed -n 's/^intact: \([0-9]*\) events.*/\1/p' "$tmp/verify-fresh.out")

echo "== bootstrap: the first admin and its token"
expect_exit 0 create "$ctl" account create --role admin --name "Quản trị hệ thống"
cat "$tmp/create.out"
account=$(sed -n 's/^account: \(accounts\/[0-9]*\) .*/\1/p' "$tmp/create.out")
secret=$(sed -n 's/^secret: *//p' "$tmp/create.out")
token=$(sed -n 's/^token: *//p' "$tmp/create.out")
[ "$account" = accounts/1 ] || fail "expected accounts/1, got '$account'"
[[ "$secret" =~ ^skt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$ ]] || fail "not a bearer token: '$secret'"
expect_in create "shown only this once"
out=$(call --token "$secret" --expect "$token" whoami) || fail "the new admin's token: $out"
last=${secret: -1}
wrong="${secret%?}$([ "$last" = A ] && echo B || echo A)"
out=$(call --token "$wrong" whoami) && fail "a wrong token was accepted"
[[ "$out" == UNAUTHENTICATED* ]] || fail "a wrong token: $out"

expect_exit 0 list "$ctl" account list
cat "$tmp/list.out"
grep -qE '^accounts/1 +enabled +admin +— +Quản trị hệ thống$' "$tmp/list.out" \
  || fail "account list does not show the admin"

echo "== refusals: bad role, staff without a unit, no database"
expect_exit 2 badrole "$ctl" account create --role chief --name "X"
expect_in badrole "unknown role chief"
expect_exit 1 nounit "$ctl" account create --role staff --name "Cán bộ"
expect_in nounit "account.unit"
expect_exit 1 nodb "$ctl_bin" account list --db "$tmp/nothing.db"
expect_in nodb "no database at"
[ ! -e "$tmp/nothing.db" ] || fail "account list created a database"

echo "== a second token, revoked"
expect_exit 0 token2 "$ctl" token create accounts/1 --name laptop --ttl-days 30
secret2=$(sed -n 's/^secret: *//p' "$tmp/token2.out")
expect_in token2 '^token: +accounts/1/tokens/2$'
out=$(call --token "$secret2" --expect accounts/1/tokens/2 whoami) || fail "token 2: $out"
expect_exit 0 tokens "$ctl" token list accounts/1
expect_in tokens '^accounts/1/tokens/2 .* active until '
expect_exit 0 revoke "$ctl" token revoke accounts/1/tokens/2
expect_in revoke '^revoked accounts/1/tokens/2 '
out=$(call --token "$secret2" whoami) && fail "a revoked token was accepted"
[[ "$out" == UNAUTHENTICATED* ]] || fail "a revoked token: $out"
expect_exit 0 revoke-again "$ctl" token revoke accounts/1/tokens/2
expect_in revoke-again '^already revoked'

echo "== disable and enable"
expect_exit 0 disable "$ctl" account disable accounts/1
out=$(call --token "$secret" whoami) && fail "a disabled account's token was accepted"
expect_exit 0 enable "$ctl" account enable accounts/1
out=$(call --token "$secret" whoami) || fail "the enabled account's token: $out"

echo "== kiosk PINs are for staff of a unit only"
expect_exit 1 pin-admin "$ctl" account pin accounts/1
expect_in pin-admin "not a staff account"
expect_exit 2 pin-usage "$ctl" account pin

echo "== backup while the server runs"
expect_exit 0 backup "$ctl" backup --to "$tmp/backup.db" --pages-per-step 2
cat "$tmp/backup.out"
expect_in backup '^backup: 100% \([0-9]+/[0-9]+ pages\)$'
expect_in backup 'integrity_check ok'
[ "$(sqlite3 "$tmp/backup.db" 'PRAGMA integrity_check')" = ok ] || fail "backup integrity"
expect_exit 1 backup-again "$ctl" backup --to "$tmp/backup.db"
expect_in backup-again "already exists"

echo "== audit verify, before and after an edit"
expect_exit 0 verify "$ctl" audit verify
cat "$tmp/verify.out"
expect_in verify '^intact: [0-9]+ events, head [0-9a-f]{64}$'
events=$(sed -n 's/^intact: \([0-9]*\) events.*/\1/p' "$tmp/verify.out")
# 2 (account, token) + 2 (token, revoke) + 2 (disable, enable)
[ "$events" -eq $((base + 6)) ] || fail "expected $((base + 6)) audit events, got $events"
sqlite3 -cmd '.timeout 5000' "$db" "UPDATE audit_events SET actor='x' WHERE sequence=2"
expect_exit 1 tampered "$ctl" audit verify
cat "$tmp/tampered.out"
expect_in tampered '^BROKEN at event 2: '

echo "== restore: refused while the server runs, done once it stops"
expect_exit 1 restore-busy "$ctl" restore --from "$tmp/backup.db"
expect_in restore-busy "in use"
stop_server
expect_exit 0 restore "$ctl" restore --from "$tmp/backup.db"
cat "$tmp/restore.out"
expect_in restore '^checked .*integrity_check ok'
expect_in restore "^audit trail of the backup: intact, $events events\$"
expect_in restore "markers and page tokens given before are retired"
key_sql="SELECT hex(value) FROM meta WHERE key = 'page_token_key'"
old_key=$(sqlite3 "$tmp/backup.db" "$key_sql")
[ -n "$old_key" ] || fail "the backup holds no page-token key"
[ -z "$(sqlite3 "$db" "$key_sql")" ] || fail "the restored database kept the page-token key"
[ ! -e "$db-wal" ] || fail "a -wal was left beside the restored database"
expect_exit 0 verify-restored "$ctl" audit verify
expect_in verify-restored "^intact: $events events"
ls "$tmp/var" | grep -q restoring && fail "a temporary file was left: $(ls "$tmp/var")"

echo "== the server on the restored database knows the admin"
start_server restarted --listen=127.0.0.1:0 --db="$db" --seed_demo=false
out=$(call --token "$secret" --expect accounts/1/tokens/1 whoami) || fail "after restore: $out"
stop_server
new_key=$(sqlite3 "$db" "$key_sql")
[ -n "$new_key" ] && [ "$new_key" != "$old_key" ] ||
  fail "the server on the restored database did not seal with a new key"

echo "== changes compact: drops the feed's tombstones, recorded in the audit trail"
expect_exit 0 compact "$ctl" changes compact
cat "$tmp/compact.out"
expect_in compact '^dropped [0-9]+ tombstones through change [0-9]+;'
expect_exit 2 compact-bad "$ctl" changes compact --through x
expect_exit 0 verify-compacted "$ctl" audit verify
expect_in verify-compacted "^intact: $((events + 1)) events"
echo "PASS"
