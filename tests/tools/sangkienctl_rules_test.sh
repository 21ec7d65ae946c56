#!/usr/bin/env bash
# sangkienctl goes through the same operations as the API, so a rule the CLI
# once checked by hand, or not at all, refuses it with the API's field name and
# words (English and Vietnamese), the ones tests/server/api asserts. One
# function per rule.
#
# usage: sangkienctl_rules_test.sh SERVER_BINARY SANGKIENCTL_BINARY SOURCE_DIR
set -euo pipefail

server_bin=${1:?server binary}
ctl_bin=${2:?sangkienctl binary}
src=${3:?source dir}
source "$src/tests/tools/lib.sh"

db="$tmp/var/sangkien.db"
ctl="$tmp/sangkienctl"
printf '#!/bin/sh\nexec "%s" "$@" --db "%s"\n' "$ctl_bin" "$db" >"$ctl"
chmod +x "$ctl"

# The server creates the database (and its units) once; the CLI works on it.
start_server server --listen=127.0.0.1:0 --db="$db" --seed_demo=true
stop_server

accounts_count() {
  "$ctl" account list | tail -n1 | sed -n 's/^\([0-9]*\) accounts\{0,1\}$/\1/p'
}

# account.display_name: at most 500 bytes. The CLI used to refuse it itself,
# as "--name"; now it is the API's field and message.
rule_account_display_name_length() {
  local before long
  before=$(accounts_count)
  long=$(printf 'a%.0s' $(seq 501))
  expect_exit 1 long-name "$ctl" account create --role publisher --name "$long" --no-token
  expect_in long-name 'account\.display_name: must be at most 500 bytes \(dài tối đa 500 byte\)'
  [ "$(accounts_count)" = "$before" ] || fail "long-name: a refused account was stored"
}

# account.unit: a kiosk acts for a commune, town or ward. An office is
# refused as CreateAccount refuses it over the API.
rule_kiosk_unit_is_a_commune() {
  # units/1 is the district's People's Committee in the demo directory.
  expect_exit 1 kiosk-office "$ctl" account create --role kiosk --name "Kiosk thử" --unit units/1 \
    --no-token
  expect_in kiosk-office 'account\.unit: a kiosk is bound to a commune, town or ward'
}

# account.unit: a name that is not a unit's is the API's malformed-name
# violation, not a usage line of the CLI's own.
rule_unit_name_is_malformed() {
  expect_exit 1 bad-unit "$ctl" account create --role staff --name "Cán bộ" --unit office/3 \
    --no-token
  expect_in bad-unit 'account\.unit: must be a resource name like units/1'
}

# ttl: at most ten years. The CLI used to stop at 3650 days on its own; now
# the operation's limit answers, before the account is written.
rule_token_ttl_limit() {
  local before
  before=$(accounts_count)
  expect_exit 1 ttl-create "$ctl" account create --role admin --name "Quản trị thử" --ttl-days 3661
  expect_in ttl-create 'ttl: must be positive and at most ten years'
  [ "$(accounts_count)" = "$before" ] || fail "ttl-create: the account was stored"
  expect_exit 1 ttl-token "$ctl" token create accounts/1 --ttl-days 3661
  expect_in ttl-token 'ttl: must be positive and at most ten years \(thời hạn phải dương'
}

# display_name of a token: at most 500 bytes, refused before the account.
rule_token_name_length() {
  local long
  long=$(printf 'b%.0s' $(seq 501))
  expect_exit 1 token-name "$ctl" token create accounts/1 --name "$long"
  expect_in token-name 'display_name: must be at most 500 bytes'
}

for rule in rule_account_display_name_length rule_kiosk_unit_is_a_commune \
  rule_unit_name_is_malformed rule_token_ttl_limit rule_token_name_length; do
  echo "== $rule"
  "$rule"
done
echo "sangkienctl_rules: every rule refused as the API refuses it"
