#!/usr/bin/env bash
# Staff mode's core against sangkien-server with the demo district.
#   staff_session_test.sh SERVER STAFFSESSIONTEST
set -euo pipefail
server=$1
test_bin=$2
source "$(dirname "${BASH_SOURCE[0]}")/tour_lib.sh"

tokens="$tmp/tokens"
start_feed server "$server" --db="$tmp/server.db" --seed_demo --listen=127.0.0.1:0 --demo_tokens_file="$tokens" --log_calls=false --metrics_listen=
token_of() { awk -F'\t' -v label="$1" '$1 == label { print $3 }' "$tokens"; }
export SANGKIEN_TARGET="127.0.0.1:$port"
SANGKIEN_KIOSK_TOKEN=$(token_of "kiosk Tân Lập")
SANGKIEN_ADMIN_TOKEN=$(token_of "admin")
SANGKIEN_PIN=$(token_of "kiosk PIN staff Tân Lập")
export SANGKIEN_KIOSK_TOKEN SANGKIEN_ADMIN_TOKEN SANGKIEN_PIN
[ -n "$SANGKIEN_PIN" ] || fail "no demo PIN in $tokens"
"$test_bin"
