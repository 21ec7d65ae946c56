#!/usr/bin/env bash
# The kiosk on mutual TLS against sangkien-server with --tls_client_ca: with
# its own certificate (made by the recipe of docs/OPERATIONS.md, "Kiosks on
# mutual TLS") it syncs the demo district into its cache; without one, or
# with one from a CA the server does not trust, it gets nothing. It refuses
# to start, in one line and before touching its cache, on a key file others
# may read, on a certificate without its key, and on an unreadable CA file.
#   mtls_test.sh SERVER KIOSK
set -euo pipefail
server=$1
kiosk=$2
source "$(dirname "${BASH_SOURCE[0]}")/tour_lib.sh"

command -v openssl >/dev/null || fail "the openssl command is missing (package openssl)"
command -v sqlite3 >/dev/null || fail "the sqlite3 command is missing (package sqlite3)"

mkdir "$tmp/tls"
(
  cd "$tmp/tls"
  umask 077
  # The server's CA and certificate, as for plain TLS.
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=Sang Kien CA" -keyout ca.key -out ca.crt
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj "/CN=localhost" -keyout server.key -out server.csr
  printf 'subjectAltName = DNS:localhost, IP:127.0.0.1\nextendedKeyUsage = serverAuth\n' >server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 \
    -extfile server.ext -out server.crt
  # The kiosks' CA and one certificate for the Tân Lập kiosk.
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=Sang Kien kiosk CA" -keyout kiosk-ca.key -out kiosk-ca.crt
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj "/CN=kiosk-tan-lap" -keyout kiosk-tan-lap.key -out kiosk-tan-lap.csr
  printf 'extendedKeyUsage = clientAuth\n' >client.ext
  openssl x509 -req -in kiosk-tan-lap.csr -CA kiosk-ca.crt -CAkey kiosk-ca.key \
    -CAcreateserial -days 825 -extfile client.ext -out kiosk-tan-lap.crt
  # A kiosk certificate from a CA the server does not trust.
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
    -subj "/CN=Other CA" -keyout other-ca.key -out other-ca.crt
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj "/CN=kiosk-elsewhere" -keyout elsewhere.key -out elsewhere.csr
  openssl x509 -req -in elsewhere.csr -CA other-ca.crt -CAkey other-ca.key \
    -CAcreateserial -days 1 -extfile client.ext -out elsewhere.crt
) >"$tmp/openssl.out" 2>"$tmp/openssl.err" || fail "openssl could not make the certificates"
tls=$tmp/tls
[ "$(stat -c %a "$tls/kiosk-tan-lap.key")" = 600 ] || fail "the recipe left the key readable by others"

tokens="$tmp/tokens"
start_feed server "$server" --db="$tmp/server.db" --listen=127.0.0.1:0 --seed_demo=true \
  --demo_tokens_file="$tokens" --log_calls=false --metrics_listen= \
  --tls_cert="$tls/server.crt" --tls_key="$tls/server.key" --tls_client_ca="$tls/kiosk-ca.crt"
grep -q "TLS, client certificates required" "$tmp/server.err" || fail "the server is not on mutual TLS"
kiosk_token=$(awk -F'\t' '$1 == "kiosk Tân Lập" { print $3 }' "$tokens")
[ -n "$kiosk_token" ] || fail "no demo token for the Tân Lập kiosk in $tokens"

# refused NAME MESSAGE ARGS...: the kiosk exits 2 at once with MESSAGE on
# stderr and creates no cache.
refused() {
  local name=$1 message=$2
  shift 2
  local cache="$tmp/$name-cache.db" rc=0
  timeout 30 "$kiosk" --server "127.0.0.1:$port" --token "$kiosk_token" --cache "$cache" "$@" \
    >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
  [ "$rc" -eq 2 ] || fail "$name: the kiosk exited with $rc, not 2"
  grep -qF -- "$message" "$tmp/$name.err" || fail "$name: no \"$message\" on stderr"
  [ "$(grep -vc '^QStandardPaths:' "$tmp/$name.err")" -eq 1 ] || fail "$name: more than one line"
  [ ! -e "$cache" ] || fail "$name: the refused start created its cache"
}

cp "$tls/kiosk-tan-lap.key" "$tmp/shared.key"
chmod 640 "$tmp/shared.key"
refused group-readable "must be readable only by its owner (chmod 600); its mode is 0640" \
  --ca "$tls/ca.crt" --cert "$tls/kiosk-tan-lap.crt" --key "$tmp/shared.key"
chmod 604 "$tmp/shared.key"
refused world-readable "must be readable only by its owner (chmod 600)" \
  --ca "$tls/ca.crt" --cert "$tls/kiosk-tan-lap.crt" --key "$tmp/shared.key"
refused cert-alone "--cert and --key go together" --ca "$tls/ca.crt" --cert "$tls/kiosk-tan-lap.crt"
refused key-alone "--cert and --key go together" --ca "$tls/ca.crt" --key "$tls/kiosk-tan-lap.key"
refused no-ca "--cert and --key need --ca" --cert "$tls/kiosk-tan-lap.crt" --key "$tls/kiosk-tan-lap.key"
refused missing-ca "cannot read the CA file (--ca) $tls/missing.crt" --ca "$tls/missing.crt"
refused missing-key "cannot read the key file (--key) $tls/missing.key" \
  --ca "$tls/ca.crt" --cert "$tls/kiosk-tan-lap.crt" --key "$tls/missing.key"
refused key-as-cert "holds no PEM CERTIFICATE" \
  --ca "$tls/ca.crt" --cert "$tls/kiosk-tan-lap.key" --key "$tls/kiosk-tan-lap.key"
# The same keys from a config file.
printf '[General]\nca=%s\ncert=%s\nkey=%s\n' "$tls/ca.crt" "$tls/kiosk-tan-lap.crt" "$tmp/shared.key" \
  >"$tmp/kiosk.conf"
refused config-group-readable "must be readable only by its owner" --config "$tmp/kiosk.conf"

# run_kiosk NAME SECONDS ARGS...: the kiosk in the background until its cache
# holds the feed's marker, or SECONDS pass; then stopped. Sets $synced to the
# resources cached (0 when none).
run_kiosk() {
  local name=$1 seconds=$2
  shift 2
  local cache="$tmp/$name-cache.db" pid
  "$kiosk" --server "127.0.0.1:$port" --token "$kiosk_token" --cache "$cache" "$@" \
    >"$tmp/$name.out" 2>"$tmp/$name.err" &
  pid=$!
  synced=0
  for _ in $(seq $((seconds * 4))); do
    sleep 0.25
    kill -0 "$pid" 2>/dev/null || fail "$name: the kiosk exited"
    [ -e "$cache" ] || continue
    if [ -n "$(sqlite3 "$cache" "SELECT value FROM meta WHERE key = 'marker'" 2>/dev/null)" ]; then
      synced=$(sqlite3 "$cache" "SELECT count(*) FROM resources")
      break
    fi
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# A first sync takes a few seconds; up to three minutes leaves room for the
# sanitizer build on a machine busy with the soak test.
run_kiosk with-cert 180 --ca "$tls/ca.crt" --cert "$tls/kiosk-tan-lap.crt" --key "$tls/kiosk-tan-lap.key"
[ "$synced" -gt 50 ] || fail "with its certificate the kiosk cached $synced resources"
echo "with its certificate: $synced resources synced"

# The same from kiosk.conf, the key at mode 0400 (read-only for its owner).
chmod 400 "$tmp/shared.key"
run_kiosk config 180 --config "$tmp/kiosk.conf"
[ "$synced" -gt 50 ] || fail "from kiosk.conf the kiosk cached $synced resources"

# handshakes_refused: the server's count of failed TLS handshakes so far.
handshakes_refused() { grep -c "Handshake failed" "$tmp/server.err" || true; }

before=$(handshakes_refused)
run_kiosk without-cert 8 --ca "$tls/ca.crt"
[ "$synced" -eq 0 ] || fail "without a certificate the kiosk synced $synced resources"
[ "$(handshakes_refused)" -gt "$before" ] || fail "without a certificate: the server refused no handshake"
grep -q "peer did not return a certificate" "$tmp/server.err" || fail "the server did not say why"

before=$(handshakes_refused)
run_kiosk other-ca 8 --ca "$tls/ca.crt" --cert "$tls/elsewhere.crt" --key "$tls/elsewhere.key"
[ "$synced" -eq 0 ] || fail "with a certificate from another CA the kiosk synced $synced resources"
[ "$(handshakes_refused)" -gt "$before" ] || fail "another CA: the server refused no handshake"

echo "PASS"
