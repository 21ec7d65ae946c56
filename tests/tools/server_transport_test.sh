#!/usr/bin/env bash
# sangkien-server's transport flags: plaintext only on loopback unless
# --insecure; TLS with certificates made by the openssl recipe in
# docs/OPERATIONS.md; unusable certificate files stop the start.
#
# usage: server_transport_test.sh SERVER_BINARY SOURCE_DIR
set -euo pipefail

server_bin=${1:?server binary}
src=${2:?source dir}
source "$src/tests/tools/lib.sh"

command -v openssl >/dev/null || fail "the openssl command is missing (package openssl)"
call() { timeout 60 "$python" "$src/tests/tools/grpc_call.py" "$@"; }

echo "== plaintext on 0.0.0.0 needs --insecure"
expect_exit 1 refused timeout 30 "$server_bin" --listen=0.0.0.0:0 --db="$tmp/a.db" \
  --seed_demo=false
expect_in refused "refusing to serve plaintext on 0.0.0.0:0"
expect_in refused "--insecure"
[ ! -e "$tmp/a.db" ] || fail "the refused start created the database"

start_server insecure --listen=0.0.0.0:0 --insecure --db="$tmp/a.db" --seed_demo=false
expect_in insecure "^level=warning msg=\"serving plaintext \(no TLS\)"
out=$(call --target "127.0.0.1:$port" health) || fail "plaintext with --insecure: $out"
stop_server

echo "== TLS with certificates from the openssl recipe"
mkdir "$tmp/tls"
(
  cd "$tmp/tls"
  # The recipe of docs/OPERATIONS.md, with the server's names for this test.
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=Sang Kien CA" -keyout ca.key -out ca.crt
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj "/CN=localhost" -keyout server.key -out server.csr
  printf 'subjectAltName = DNS:localhost, IP:127.0.0.1\nextendedKeyUsage = serverAuth\n' \
    >server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 \
    -extfile server.ext -out server.crt
  # Devices: their own CA and one certificate per kiosk.
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=Sang Kien kiosk CA" -keyout kiosk-ca.key -out kiosk-ca.crt
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj "/CN=kiosk-hoa-binh" -keyout kiosk-hoa-binh.key -out kiosk-hoa-binh.csr
  printf 'extendedKeyUsage = clientAuth\n' >client.ext
  openssl x509 -req -in kiosk-hoa-binh.csr -CA kiosk-ca.crt -CAkey kiosk-ca.key \
    -CAcreateserial -days 825 -extfile client.ext -out kiosk-hoa-binh.crt
  # A CA nobody trusts.
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
    -subj "/CN=Other CA" -keyout other.key -out other.crt
) >"$tmp/openssl.out" 2>"$tmp/openssl.err" || fail "openssl could not make the certificates"

start_server tls --listen=127.0.0.1:0 --db="$tmp/b.db" --seed_demo=false \
  --tls_cert="$tmp/tls/server.crt" --tls_key="$tmp/tls/server.key"
expect_in tls "^level=info msg=listening port=$port address=127.0.0.1:0 transport=TLS "
out=$(call --target "localhost:$port" --ca "$tmp/tls/ca.crt" health) || fail "TLS: $out"
out=$(call --target "127.0.0.1:$port" --ca "$tmp/tls/ca.crt" health) || fail "TLS by IP: $out"
out=$(call --target "127.0.0.1:$port" health) && fail "plaintext reached the TLS port"
out=$(call --target "localhost:$port" --ca "$tmp/tls/other.crt" health) \
  && fail "a client trusting another CA connected"
stop_server

echo "== client certificates with --tls_client_ca"
start_server mtls --listen=127.0.0.1:0 --db="$tmp/b.db" --seed_demo=false \
  --tls_cert="$tmp/tls/server.crt" --tls_key="$tmp/tls/server.key" \
  --tls_client_ca="$tmp/tls/kiosk-ca.crt"
expect_in mtls "TLS, client certificates required"
out=$(call --target "localhost:$port" --ca "$tmp/tls/ca.crt" health) \
  && fail "a client without a certificate connected"
out=$(call --target "localhost:$port" --ca "$tmp/tls/ca.crt" --cert "$tmp/tls/kiosk-hoa-binh.crt" \
  --key "$tmp/tls/kiosk-hoa-binh.key" health) || fail "the kiosk's certificate: $out"
stop_server

echo "== unusable TLS files stop the start"
expect_exit 1 nocert timeout 30 "$server_bin" --listen=127.0.0.1:0 --db="$tmp/c.db" \
  --tls_cert="$tmp/tls/missing.crt" --tls_key="$tmp/tls/server.key"
expect_in nocert "--tls_cert: cannot read .*missing.crt"
expect_exit 1 wrongkey timeout 30 "$server_bin" --listen=127.0.0.1:0 --db="$tmp/c.db" \
  --tls_cert="$tmp/tls/server.crt" --tls_key="$tmp/tls/other.key"
expect_in wrongkey "is not the key of the certificate"
expect_exit 1 halfpair timeout 30 "$server_bin" --listen=127.0.0.1:0 --db="$tmp/c.db" \
  --tls_cert="$tmp/tls/server.crt"
expect_in halfpair "go together"
echo "PASS"
