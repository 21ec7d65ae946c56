#!/usr/bin/env bash
# Proves include_rules.sh can fail: a scratch tree with one forbidden include
# per rule must be refused, each named, and the same tree without them must
# pass.
# usage: include_rules_test.sh SOURCE_DIR
set -euo pipefail
src=${1:?usage: include_rules_test.sh SOURCE_DIR}
check="$src/tests/architecture/include_rules.sh"
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
for dir in server/api server/app server/auth server/domain server/importer server/seed \
  server/tools server/operations server/storage; do
  mkdir -p "$tree/$dir"
done
# Allowed everywhere they appear here.
printf '#include "storage/database.h"\n' >"$tree/server/operations/core.cc"
printf '#include "domain/plan.h"\n' >"$tree/server/storage/plan_repository.cc"
printf '#include "operations/core.h"\n#include "api/unary.h"\n' >"$tree/server/app/server.cc"
bash "$check" "$tree" >/dev/null || {
  echo "FAIL: a tree that keeps every rule was refused"
  exit 1
}

# One break per rule, each in its own file.
printf '#include "storage/plan_repository.h"\n' >"$tree/server/api/plan_service.cc"
printf '  #  include <storage/database.h>\n' >"$tree/server/tools/ctl_x.cc"
printf '#include "storage/account_repository.h"\n' >"$tree/server/auth/authenticator.h"
printf '#include "operations/core.h"\n' >"$tree/server/auth/token_store.cc"
printf '#include "seed/demo_seed.h"\n' >"$tree/server/api/server.cc"
printf '#include <grpcpp/grpcpp.h>\n#include <sqlite3.h>\n' >"$tree/server/domain/bad.h"
printf '#include "storage/database.h"\n' >"$tree/server/app/server_gauges.cc"
set +e
out=$(bash "$check" "$tree" 2>&1)
rc=$?
set -e
if [ "$rc" -ne 1 ]; then
  echo "FAIL: expected exit status 1, got $rc"
  echo "$out"
  exit 1
fi
failed=0
for expect in "server/api/plan_service.cc:1:" "server/tools/ctl_x.cc:1:" \
  "server/auth/authenticator.h:1:" "server/auth/token_store.cc:1:" "server/api/server.cc:1:" \
  "server/domain/bad.h:1:" "server/domain/bad.h:2:" "server/app/server_gauges.cc:1:"; do
  if ! grep -qF "$expect" <<<"$out"; then
    echo "FAIL: $expect was not reported"
    failed=1
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "$out"
  exit 1
fi
echo "include_rules_test: every rule refuses its break"
