#!/usr/bin/env bash
# sangkienctl obeys the rules the API does: it builds the same commands and
# the operations refuse them the same way. Each rule_* function drives one
# sangkienctl command into a rule it once skipped and checks that it exits
# non-zero, prints the refusal the API gives for the same change (message,
# field, English and Vietnamese description), and changes nothing.
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

# api NAME SERVICE/METHOD REQUEST: the same change through the API as the admin, its
# reply in $tmp/NAME.out (see proto_call.py).
api() {
  local name=$1
  shift
  timeout 60 "$python" "$src/tests/tools/proto_call.py" --target "127.0.0.1:$port" \
    --token "$secret" "/sangkien.v1.$1" "$2" >"$tmp/$name.out" 2>"$tmp/$name.err" || true
}

# What a refusal may not change: the publicity listing and the audit trail.
snapshot() {
  "$ctl" publicity list
  "$ctl" audit verify | sed 's/, head .*//'
}

# same_refusal NAME: sangkienctl's refusal (NAME-ctl) against the API's
# (NAME-api): the API said INVALID_ARGUMENT; the CLI exited 1 and printed the
# API's message and each field violation the API sent, in both languages.
same_refusal() {
  local name=$1 message line field description
  message=$(sed -n 's/^INVALID_ARGUMENT //p' "$tmp/$name-api.out")
  [ -n "$message" ] || fail "$name: the API did not refuse: $(cat "$tmp/$name-api.out")"
  grep -qF -- ": $message" "$tmp/$name-ctl.err" || fail "$name: sangkienctl did not say: $message"
  local violations=0
  while IFS= read -r line; do
    field=${line%%: *}
    field=${field#  }
    description=${line#*: }
    grep -qxF -- "detail: $field" "$tmp/$name-api.out" || continue
    grep -qxF -- "detail: $description" "$tmp/$name-api.out" ||
      fail "$name: the API describes $field otherwise than: $description"
    violations=$((violations + 1))
  done < <(grep '^  [a-z_.]*\(\[[0-9]*\]\)*[a-z_.]*: ' "$tmp/$name-ctl.err")
  [ "$violations" -gt 0 ] || fail "$name: sangkienctl printed none of the API's field violations"
}

# refused NAME COMMAND...: COMMAND (sangkienctl arguments) exits 1 and
# changes nothing.
refused() {
  local name=$1
  shift
  local before
  before=$(snapshot)
  expect_exit 1 "$name-ctl" "$ctl" "$@"
  [ "$(snapshot)" = "$before" ] || fail "$name: sangkienctl changed something it refused"
}

# A timestamp message {1: seconds} for an RFC 3339 time.
ts() { echo "{1: $(date -d "$1" +%s)}"; }

# ---- the rules ----

# A publish window must close after it opens (announcement.unpublish_time,
# case_study.unpublish_time): before, `publish --from X --until Y` stored
# any Y.
rule_publish_window_must_not_be_empty() {
  local from=2026-12-02T07:00:00+07:00 until=2026-12-01T07:00:00+07:00
  refused window-announcement publicity publish "$announcement" --from "$from" --until "$until"
  api window-announcement-api PublicityService/UpdateAnnouncement "{1: {1: '$announcement', 6: 2,
    7: $(ts "$from"), 8: $(ts "$until")}, 2: {1: ['state', 'publish_time', 'unpublish_time']}}"
  same_refusal window-announcement

  refused window-case-study publicity publish "$case_study" --from "$from" --until "$from"
  api window-case-study-api PublicityService/UpdateCaseStudy "{1: {1: '$case_study', 10: 2,
    11: $(ts "$from"), 12: $(ts "$from")}, 2: {1: ['state', 'publish_time', 'unpublish_time']}}"
  same_refusal window-case-study
}

# A publish time is a google.protobuf.Timestamp: years 1 to 9999.
rule_publish_times_are_in_years_1_to_9999() {
  refused far-future publicity publish "$announcement" --until 10000-01-01T12:00:00+07:00
  # 10000-01-01T05:00:00Z, which `date` cannot spell: 10000-01-01 is second 253402300800.
  api far-future-api PublicityService/UpdateAnnouncement "{1: {1: '$announcement', 6: 2,
    8: {1: $((253402300800 + 5 * 3600))}}, 2: {1: ['state', 'publish_time', 'unpublish_time']}}"
  same_refusal far-future
}

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

# ---- the run ----

start_server server --listen=127.0.0.1:0 --db="$db" --seed_demo=true
expect_exit 0 admin "$ctl" account create --role admin --name "Quản trị hệ thống"
secret=$(sed -n 's/^secret: *//p' "$tmp/admin.out")
[ -n "$secret" ] || fail "no token for the admin"
expect_exit 0 list "$ctl" publicity list
announcement=$(grep -o '^announcements/[0-9]*' "$tmp/list.out" | head -n1)
case_study=$(grep -o '^caseStudies/[0-9]*' "$tmp/list.out" | head -n1)
[ -n "$announcement" ] && [ -n "$case_study" ] || fail "the demo district has no publicity"

for rule in $(declare -F | sed -n 's/^declare -f \(rule_.*\)/\1/p'); do
  echo "== $rule"
  "$rule"
done
echo "PASS"
