#!/usr/bin/env bash
# sangkienctl import goes through the same ImportPlan operation as the API:
# it stores a plan read from its text, and it is refused where the API
# refuses (an upload over 2 MB) in the same words.
#
# usage: sangkienctl_import_test.sh SANGKIENCTL_BINARY SOURCE_DIR
set -euo pipefail

ctl_bin=${1:?sangkienctl binary}
src=${2:?source dir}
source "$src/tests/tools/lib.sh"

db="$tmp/sangkien.db"
plan="$src/server/seed/data/ke-hoach-36-ctr-hu.txt"
[ -s "$plan" ] || fail "no sample plan at $plan"

echo "== a plan over 2 MB: refused as the API refuses it, nothing stored"
big="$tmp/big.txt"
cat "$plan" >"$big"
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >>"$big"
expect_exit 1 too-large "$ctl_bin" import "$big" --db "$db"
expect_in too-large 'plan text is larger than 2 MB'
expect_in too-large 'Văn bản kế hoạch lớn hơn 2 MB'

echo "== a dry run reads the plan and stores nothing"
expect_exit 0 dry-run "$ctl_bin" import "$plan" --db "$db" --dry-run
expect_in dry-run '^parsed \(nothing stored\)$'

echo "== stored as the first plan"
expect_exit 0 stored "$ctl_bin" import "$plan" --db "$db"
expect_in stored '^stored as plans/1$'
echo "PASS"
