#!/usr/bin/env bash
# sangkienctl backup --into, the nightly backup: a checked copy while the
# server runs, the last-backup record, pruning of old copies (and nothing
# else), and failures that keep the old copies and say so.
#
# usage: backup_into_test.sh SERVER_BINARY SANGKIENCTL_BINARY SOURCE_DIR
set -euo pipefail

server_bin=${1:?server binary}
ctl_bin=${2:?sangkienctl binary}
src=${3:?source dir}
source "$src/tests/tools/lib.sh"

db="$tmp/var/sangkien.db"
backups="$tmp/backups"
ctl="$tmp/sangkienctl"
# --config= : not the machine's /etc/sangkien/server.conf.
printf '#!/bin/sh\nexec "%s" --config= "$@" --db "%s"\n' "$ctl_bin" "$db" >"$ctl"
chmod +x "$ctl"
record="$backups/last-backup"
field() { sed -n "s/^$1=//p" "$record"; }

echo "== usage: exactly one of --to and --into, --keep-days in range"
expect_exit 2 both "$ctl" backup --to "$tmp/x.db" --into "$backups"
expect_exit 2 zero-days "$ctl" backup --into "$backups" --keep-days 0
expect_in zero-days 'keep-days \(setting backup_keep_days\) must be a whole number from 1 to 3650'
expect_exit 2 days-with-to "$ctl" backup --to "$tmp/x.db" --keep-days 3
[ ! -e "$backups" ] || fail "a refused command created $backups"

echo "== a backup while the server runs and writes"
start_server server --config= --listen=127.0.0.1:0 --db="$db" --seed_demo=false
expect_exit 0 admin "$ctl" account create --role admin --name "Quản trị"
# Writes during the backup: more accounts, one after another.
( for i in $(seq 20); do "$ctl" account create --role admin --name "A$i" >/dev/null 2>&1; done ) &
writer=$!
expect_exit 0 first "$ctl" backup --into "$backups" --keep-days 7
wait "$writer"
expect_in first '^backup ok: .*/sangkien-[0-9]{8}T[0-9]{6}Z\.db, [0-9]+ pages \(.*\), integrity_check ok, audit trail intact \([0-9]+ events\), removed 0 backup\(s\) older than 7 days$'
[ "$(wc -l <"$tmp/first.out")" -eq 1 ] || fail "more than one result line: $(cat "$tmp/first.out")"
first=$(ls "$backups" | grep -E '^sangkien-[0-9]{8}T[0-9]{6}Z\.db$')
[ "$(echo "$first" | wc -l)" -eq 1 ] || fail "expected one backup, got: $first"
[ "$(sqlite3 "$backups/$first" 'PRAGMA integrity_check')" = ok ] || fail "the copy's integrity"
[ "$(field ok)" = true ] || fail "record ok: $(cat "$record")"
[ "$(field file)" = "$first" ] || fail "record file: $(field file)"
[ "$(field bytes)" -eq "$(stat -c %s "$backups/$first")" ] || fail "record bytes"
[ "$(field audit_checked)" = true ] && [ "$(field audit_intact)" = true ] || fail "record audit"
[ "$(field audit_events)" -gt 0 ] || fail "record audit_events"
[[ "$(field audit_head)" =~ ^[0-9a-f]{64}$ ]] || fail "record audit_head: $(field audit_head)"
[ -z "$(field message)" ] || fail "record message on success: $(field message)"
success=$(field last_success)
[ -n "$success" ] && [ "$success" = "$(field time)" ] || fail "last_success '$success' vs time"
kill -0 "$server_pid" || fail "the server stopped during the backup"

echo "== pruning: only this command's own files older than N days"
touch -d '30 days ago' "$backups/sangkien-20200101T020000Z.db" "$backups/sangkien-20200102T020000Z.db"
touch -d '3 days ago' "$backups/sangkien-20200103T020000Z.db"
# Not ours, however old: a hand-made copy, a name that only looks similar.
touch -d '30 days ago' "$backups/notes.txt" "$backups/sangkien-manual.db" "$backups/sangkien-20200101T020000Z.db.bak"
sleep 1  # a new second, so a new file name
expect_exit 0 second "$ctl" backup --into "$backups" --keep-days 7
expect_in second 'removed 2 backup\(s\) older than 7 days$'
for gone in sangkien-20200101T020000Z.db sangkien-20200102T020000Z.db; do
  [ ! -e "$backups/$gone" ] || fail "$gone was not pruned"
done
for kept in sangkien-20200103T020000Z.db notes.txt sangkien-manual.db sangkien-20200101T020000Z.db.bak "$first"; do
  [ -e "$backups/$kept" ] || fail "$kept was removed"
done
second=$(field file)
[ "$second" != "$first" ] && [ -e "$backups/$second" ] || fail "second backup: $second"

echo "== the newest good copy stays even when every copy is old"
touch -d '30 days ago' "$backups"/sangkien-2*Z.db
sleep 1
expect_exit 0 third "$ctl" backup --into "$backups" --keep-days 1
third=$(field file)
[ "$(ls "$backups" | grep -cE '^sangkien-[0-9]{8}T[0-9]{6}Z\.db$')" -eq 1 ] || fail "after pruning: $(ls "$backups")"
[ -e "$backups/$third" ] || fail "the new copy was pruned"
success=$(field last_success)

echo "== failure: no database; the old copies and the last success stay"
touch -d '30 days ago' "$backups/sangkien-20200104T020000Z.db"
expect_exit 1 missing "$ctl_bin" --config= backup --into "$backups" --keep-days 1 --db "$tmp/nope.db"
expect_in missing "^backup FAILED: no database at $tmp/nope.db\$"
[ "$(field ok)" = false ] || fail "record ok after failure"
[ "$(field last_success)" = "$success" ] || fail "last_success not carried over: $(cat "$record")"
[ "$(field message)" = "no database at $tmp/nope.db" ] || fail "record message: $(field message)"
[ -e "$backups/sangkien-20200104T020000Z.db" ] && [ -e "$backups/$third" ] || fail "a failed run pruned"

echo "== failure: a broken audit trail; the copy stays for inspection, not counted good"
sqlite3 -cmd '.timeout 5000' "$db" "UPDATE audit_events SET actor='x' WHERE sequence=2"
sleep 1
expect_exit 1 broken "$ctl" backup --into "$backups" --keep-days 1
expect_in broken '^backup FAILED: audit trail of .*/sangkien-[0-9]{8}T[0-9]{6}Z\.db is BROKEN at event 2: '
[ "$(field ok)" = false ] && [ "$(field audit_checked)" = true ] && [ "$(field audit_intact)" = false ] ||
  fail "record after a broken trail: $(cat "$record")"
[ -e "$backups/$(field file)" ] || fail "the broken copy was not kept"
[ "$(field last_success)" = "$success" ] || fail "last_success after a broken trail"
[ -e "$backups/sangkien-20200104T020000Z.db" ] || fail "a failed run pruned"

echo "== failure: a backup folder that cannot be created"
touch "$tmp/file"
expect_exit 1 nodir "$ctl" backup --into "$tmp/file/sub"
expect_in nodir "^backup FAILED: cannot use folder $tmp/file/sub: "

echo "== defaults from the settings file: backup_dir, backup_keep_days, db"
conf="$tmp/server.conf"
# The source: the last good copy (the live database's trail is broken now).
printf 'db = %s\nbackup_dir = %s\nbackup_keep_days = 2\n' "$backups/$third" "$tmp/nightly" >"$conf"
mkdir "$tmp/nightly"
touch -d '3 days ago' "$tmp/nightly/sangkien-20200105T020000Z.db"
touch -d '1 day ago' "$tmp/nightly/sangkien-20200106T020000Z.db"
expect_exit 0 from-conf "$ctl_bin" --config "$conf" backup
expect_in from-conf "^backup ok: $tmp/nightly/sangkien-[0-9]{8}T[0-9]{6}Z\\.db, .*removed 1 backup\\(s\\) older than 2 days\$"
[ ! -e "$tmp/nightly/sangkien-20200105T020000Z.db" ] && [ -e "$tmp/nightly/sangkien-20200106T020000Z.db" ] ||
  fail "backup_keep_days from the settings file: $(ls "$tmp/nightly")"
grep -q '^ok=true$' "$tmp/nightly/last-backup" || fail "no record in backup_dir"
# A bad backup_keep_days in the file is refused before anything is written.
printf 'backup_dir = %s\nbackup_keep_days = 0\n' "$tmp/never" >"$tmp/bad.conf"
expect_exit 2 bad-days "$ctl_bin" --config "$tmp/bad.conf" backup --db "$backups/$third"
expect_in bad-days 'setting backup_keep_days\) must be a whole number from 1 to 3650'
[ ! -e "$tmp/never" ] || fail "a refused backup created $tmp/never"
# An option on the command line wins over the file.
expect_exit 0 flag-wins "$ctl_bin" --config "$conf" backup --into "$tmp/elsewhere" --keep-days 30
expect_in flag-wins "^backup ok: $tmp/elsewhere/.*older than 30 days\$"

stop_server
echo "PASS"
