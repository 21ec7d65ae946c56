#!/usr/bin/env bash
# The Debian packages, from the build ctest already made (no second build):
# their files, dependencies and conffiles, what the maintainer scripts do
# (with stand-ins that record the commands), the units (systemd-analyze
# verify, and the server unit's exposure rating), and the packaged server
# with the packaged config serving an empty database.
#
# usage: package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

build=${1:?build dir}
src=${2:?source dir}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sangkien-package.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  for f in "$tmp"/*.log; do [ -s "$f" ] && { echo "--- $(basename "$f")" >&2; tail -n 30 "$f" >&2; }; done
  exit 1
}
has_line() { grep -qxF -- "$2" "$1" || fail "$(basename "$1"): no line '$2'"; }
no_line() { ! grep -qE -- "$2" "$1" || fail "$(basename "$1"): unexpected line matching '$2'"; }

echo "== cpack on the existing build"
# gzip: the test build carries debug info, and xz on it takes long.
cpack --config "$build/CPackConfig.cmake" -B "$tmp/out" -D CPACK_DEBIAN_COMPRESSION_TYPE=gzip \
  >"$tmp/cpack.log" 2>&1 || fail "cpack"
server_deb=$(ls "$tmp"/out/sangkien-server_*.deb 2>/dev/null) || fail "no sangkien-server .deb"
kiosk_deb=$(ls "$tmp"/out/sangkien-kiosk_*.deb 2>/dev/null || true)
echo "$server_deb"
[ -n "$kiosk_deb" ] && echo "$kiosk_deb"

echo "== sangkien-server: files"
dpkg-deb -c "$server_deb" | awk '{print $6}' | sed 's#^\./#/#; s#/$##' >"$tmp/server-files.log"
for f in /usr/bin/sangkien-server /usr/bin/sangkienctl /lib/systemd/system/sangkien-server.service \
  /lib/systemd/system/sangkien-backup.service /lib/systemd/system/sangkien-backup.timer \
  /etc/sangkien/server.conf /usr/share/doc/sangkien-server/OPERATIONS.md \
  /usr/share/doc/sangkien-server/README.md; do
  has_line "$tmp/server-files.log" "$f"
done
# No state and nothing demo in the package: the database is made on first start.
no_line "$tmp/server-files.log" '^/var|demo|kiosk'
dpkg-deb -c "$server_deb" | grep -E ' \./usr/bin/sangkien(-server|ctl)$' | grep -q '^-rwxr-xr-x root/root' ||
  fail "binaries not 0755 root:root"

echo "== sangkien-server: control"
depends=$(dpkg-deb -f "$server_deb" Depends)
echo "Depends: $depends"
for d in adduser libc6 libsqlite3-0 'libgrpc\+\+1\.51' libprotobuf32 libsystemd0 libicu72 libical3 libssl3; do
  [[ ", $depends," =~ ,\ $d[\ ,] ]] || fail "Depends lacks $d (shlibdeps?)"
done
[ "$(dpkg-deb -f "$server_deb" Package)" = sangkien-server ] || fail "package name"
[ -n "$(dpkg-deb -f "$server_deb" Description)" ] && [ -n "$(dpkg-deb -f "$server_deb" Maintainer)" ] ||
  fail "description or maintainer"
mkdir "$tmp/server-control"
dpkg-deb -e "$server_deb" "$tmp/server-control"
[ "$(cat "$tmp/server-control/conffiles")" = /etc/sangkien/server.conf ] || fail "conffiles"
for s in postinst prerm postrm; do
  [ "$(stat -c %a "$tmp/server-control/$s")" = 755 ] || fail "$s not 0755"
  sh -n "$tmp/server-control/$s" || fail "$s: shell syntax"
  ! grep -q 'seed_demo' "$tmp/server-control/$s" || fail "$s mentions the demo seed"
done

# run_script LOG SCRIPT ARGS...: runs a maintainer script with stand-ins for
# every command that would change the system; each records its arguments.
# $KNOWN lists the users and groups getent finds.
stubs="$tmp/stubs"
mkdir "$stubs"
for c in addgroup adduser install deb-systemd-helper deb-systemd-invoke systemctl rm rmdir deluser delgroup; do
  printf '#!/bin/sh\necho "%s $*" >>"$STUB_LOG"\n' "$c" >"$stubs/$c"
done
cat >"$stubs/getent" <<'STUB'
#!/bin/sh
for known in $KNOWN; do [ "$2" = "$known" ] && { echo "$2:x:1:"; exit 0; }; done
exit 2
STUB
chmod +x "$stubs"/*
run_script() {
  local log=$1
  shift
  : >"$log"
  STUB_LOG=$log PATH="$stubs:/usr/bin:/bin" sh -e "$@" || fail "$* exited $?"
}

echo "== sangkien-server: maintainer scripts"
run_script "$tmp/install.log" "$tmp/server-control/postinst" configure ""
has_line "$tmp/install.log" "addgroup --system --quiet sangkien"
has_line "$tmp/install.log" "adduser --system --quiet --ingroup sangkien --home /var/lib/sangkien --no-create-home --shell /usr/sbin/nologin --gecos Sang Kien server sangkien"
if [ ! -d /var/lib/sangkien ]; then
  has_line "$tmp/install.log" "install -d -o sangkien -g sangkien -m 0750 /var/lib/sangkien"
  has_line "$tmp/install.log" "install -d -o sangkien -g sangkien -m 0750 /var/lib/sangkien/backups"
fi
has_line "$tmp/install.log" "deb-systemd-helper enable sangkien-server.service"
has_line "$tmp/install.log" "deb-systemd-helper enable sangkien-backup.timer"
if [ -d /run/systemd/system ]; then
  has_line "$tmp/install.log" "deb-systemd-invoke start sangkien-server.service sangkien-backup.timer"
else
  no_line "$tmp/install.log" '^(systemctl|deb-systemd-invoke)'
fi
no_line "$tmp/install.log" '^rm '

KNOWN="sangkien" run_script "$tmp/upgrade.log" "$tmp/server-control/postinst" configure 0.0.9
no_line "$tmp/upgrade.log" '^(adduser|addgroup)'
has_line "$tmp/upgrade.log" "deb-systemd-helper update-state sangkien-server.service"
no_line "$tmp/upgrade.log" 'enable'

KNOWN="sangkien" run_script "$tmp/remove.log" "$tmp/server-control/postrm" remove
no_line "$tmp/remove.log" '^(rm|deluser|delgroup) '
KNOWN="sangkien" run_script "$tmp/prerm-upgrade.log" "$tmp/server-control/prerm" upgrade 0.2.0
no_line "$tmp/prerm-upgrade.log" 'stop'
KNOWN="sangkien" run_script "$tmp/purge.log" "$tmp/server-control/postrm" purge
has_line "$tmp/purge.log" "rm -rf /var/lib/sangkien"
has_line "$tmp/purge.log" "deluser --system --quiet sangkien"
has_line "$tmp/purge.log" "delgroup --system --quiet sangkien"
has_line "$tmp/purge.log" "deb-systemd-helper purge sangkien-server.service sangkien-backup.timer"

if [ -n "$kiosk_deb" ]; then
  echo "== sangkien-kiosk: files, control, maintainer scripts"
  dpkg-deb -c "$kiosk_deb" | awk '{print $6}' | sed 's#^\./#/#; s#/$##' >"$tmp/kiosk-files.log"
  for f in /usr/bin/sangkien-kiosk /lib/systemd/system/sangkien-kiosk.service /etc/sangkien/kiosk.conf; do
    has_line "$tmp/kiosk-files.log" "$f"
  done
  no_line "$tmp/kiosk-files.log" 'sangkien-server|sangkienctl|server\.conf'
  kdepends=$(dpkg-deb -f "$kiosk_deb" Depends)
  echo "Depends: $kdepends"
  for d in cage qt6-wayland fonts-noto-core qml6-module-qtquick-controls qml6-module-qtquick-virtualkeyboard \
    libqt6quick6 libqt6gui6 adduser libpam-systemd; do
    [[ ", $kdepends," =~ ,\ $d[\ ,] ]] || fail "kiosk Depends lacks $d"
  done
  mkdir "$tmp/kiosk-control"
  dpkg-deb -e "$kiosk_deb" "$tmp/kiosk-control"
  [ "$(cat "$tmp/kiosk-control/conffiles")" = /etc/sangkien/kiosk.conf ] || fail "kiosk conffiles"
  KNOWN="video input render" run_script "$tmp/kiosk-install.log" "$tmp/kiosk-control/postinst" configure ""
  has_line "$tmp/kiosk-install.log" "adduser --system --quiet --ingroup sangkien-kiosk --home /var/lib/sangkien-kiosk --no-create-home --shell /usr/sbin/nologin --gecos Sang Kien kiosk sangkien-kiosk"
  for g in video input render; do has_line "$tmp/kiosk-install.log" "adduser --quiet sangkien-kiosk $g"; done
  has_line "$tmp/kiosk-install.log" "deb-systemd-helper enable sangkien-kiosk.service"
  no_line "$tmp/kiosk-install.log" 'deb-systemd-invoke start'
  KNOWN="sangkien-kiosk" run_script "$tmp/kiosk-purge.log" "$tmp/kiosk-control/postrm" purge
  has_line "$tmp/kiosk-purge.log" "rm -rf /var/lib/sangkien-kiosk"
  has_line "$tmp/kiosk-purge.log" "deluser --system --quiet sangkien-kiosk"
  KNOWN="sangkien-kiosk" run_script "$tmp/kiosk-remove.log" "$tmp/kiosk-control/postrm" remove
  no_line "$tmp/kiosk-remove.log" '^(rm|deluser) '
fi

echo "== unpacked"
root="$tmp/root"
dpkg-deb -x "$server_deb" "$root"
[ -z "$kiosk_deb" ] || dpkg-deb -x "$kiosk_deb" "$root"

echo "== systemd-analyze"
if ! command -v systemd-analyze >/dev/null; then
  echo "SKIP: systemd-analyze is not installed; the units were not verified"
else
  # verify wants every ExecStart program to exist: the unpacked ones stand
  # in for /usr/bin, and a stand-in for cage when it is not installed.
  units="$tmp/units"
  mkdir "$units"
  cage=$(command -v cage || true)
  if [ -z "$cage" ]; then
    cage="$tmp/cage"
    printf '#!/bin/sh\n' >"$cage"
    chmod +x "$cage"
    echo "(cage is not installed: a stand-in takes its place for verify)"
  fi
  for unit in "$root"/lib/systemd/system/*; do
    sed -e "s#/usr/bin/cage#$cage#g" -e "s#/usr/bin/sangkien#$root/usr/bin/sangkien#g" "$unit" \
      >"$units/$(basename "$unit")"
  done
  for unit in "$units"/*; do
    name=$(basename "$unit")
    (cd "$units" && systemd-analyze verify "./$name") >"$tmp/verify-$name.log" 2>&1 ||
      fail "systemd-analyze verify $name"
    # Warnings (an unknown key, a bad value) exit 0 but are printed.
    [ ! -s "$tmp/verify-$name.log" ] || fail "systemd-analyze verify $name: $(cat "$tmp/verify-$name.log")"
    echo "verify $name: ok"
  done
  (cd "$units" && systemd-analyze security --offline=yes --threshold=20 ./sangkien-server.service) \
    >"$tmp/security.log" 2>&1 || fail "sangkien-server.service exposure above 2.0: $(tail -n1 "$tmp/security.log")"
  tail -n1 "$tmp/security.log"
fi

echo "== the packaged server with the packaged config: an empty database"
state="$tmp/state"
mkdir -p "$state/backups"
sed "s#/var/lib/sangkien#$state#g" "$root/etc/sangkien/server.conf" >"$tmp/server.conf"
grep -q "^db = $state/sangkien.db\$" "$tmp/server.conf" || fail "packaged config has no db line"
"$root/usr/bin/sangkien-server" --config "$tmp/server.conf" --listen=127.0.0.1:0 \
  --metrics_listen=127.0.0.1:0 >"$tmp/server-out.log" 2>"$tmp/server-err.log" &
server_pid=$!
port=
for _ in $(seq 300); do
  port=$(sed -n 's/^LISTENING \([0-9][0-9]*\)$/\1/p' "$tmp/server-out.log" | head -n1)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "the packaged server exited before listening"
  sleep 0.1
done
[ -n "$port" ] || fail "the packaged server did not listen within 30 s"
out=$(timeout 60 /usr/bin/python3 "$src/tests/tools/grpc_call.py" --target "127.0.0.1:$port" health) ||
  fail "health check: $out"
[ -f "$state/sangkien.db" ] || fail "no database at $state/sangkien.db"
ls "$state" | grep -q demo && fail "demo files in $state: $(ls "$state")"
for table in units accounts plans; do
  n=$(sqlite3 -cmd '.timeout 5000' "$state/sangkien.db" "SELECT count(*) FROM $table")
  [ "$n" = 0 ] || fail "$table has $n rows in a new installation"
done
"$root/usr/bin/sangkienctl" backup --into "$state/backups" --db "$state/sangkien.db" >"$tmp/backup.log" 2>&1 ||
  fail "the packaged sangkienctl backup"
grep -q '^ok=true$' "$state/backups/last-backup" || fail "backup record"
# Metrics served, the backup just made among them.
metrics=$(sed -n 's/.*metrics=\([0-9.]*:[0-9][0-9]*\).*/\1/p' "$tmp/server-err.log" | head -n1)
[ -n "$metrics" ] || fail "the start line names no metrics address: $(cat "$tmp/server-err.log")"
/usr/bin/python3 -c "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen('http://$metrics/metrics', timeout=10).read().decode())" \
  >"$tmp/metrics.txt" || fail "GET /metrics"
grep -q '^grpc_server_handled_total{.*grpc_method="Check".*} 1$' "$tmp/metrics.txt" ||
  fail "the health check is not counted in /metrics"
grep -q '^sangkien_backup_last_run_ok 1$' "$tmp/metrics.txt" ||
  fail "the backup is not in /metrics: $(grep backup "$tmp/metrics.txt")"
kill -TERM "$server_pid"
wait "$server_pid" || fail "the packaged server exited $? on SIGTERM"
server_pid=
echo "PASS"
