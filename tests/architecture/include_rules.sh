#!/usr/bin/env bash
# The layers' include rules that hold today, checked on the source tree:
#   - server/auth includes nothing from server/operations (operations uses
#     auth, not the other way round);
#   - server/domain is pure rules: no storage/ or api/ header, no gRPC
#     (grpc/, grpcpp/, *.grpc.pb.h) and no SQLite (sqlite3.h).
# Prints each offending line as FILE:LINE: INCLUDE (RULE) and exits 1 when
# there is one; exits 2 when SOURCE_DIR is not the repository's root.
# usage: include_rules.sh SOURCE_DIR
set -euo pipefail
src=${1:?usage: include_rules.sh SOURCE_DIR}
for dir in server/auth server/domain; do
  if [ ! -d "$src/$dir" ]; then
    echo "include_rules: $src/$dir is not a directory; pass the repository's root" >&2
    exit 2
  fi
done

broken=0
# check DIR RULE EXTENDED-REGEX: every #include under DIR whose target matches
# the regex breaks RULE.
check() {
  local dir=$1 rule=$2 pattern=$3 hits
  hits=$(cd "$src" && grep -rnE --include='*.h' --include='*.cc' \
    "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($pattern)" "$dir" || true)
  if [ -n "$hits" ]; then
    while IFS= read -r hit; do echo "$hit ($rule)"; done <<<"$hits"
    broken=1
  fi
}

check server/auth "auth must not include operations" 'operations/'
check server/domain "domain must not include storage" 'storage/'
check server/domain "domain must not include the api" 'api/'
check server/domain "domain must not include gRPC" 'grpc/|grpcpp/|[^">]*\.grpc\.pb\.h'
check server/domain "domain must not include SQLite" 'sqlite3\.h'

if [ "$broken" -ne 0 ]; then
  echo "include_rules: the includes above break the layering (see tests/architecture/include_rules.sh)" >&2
  exit 1
fi
echo "include_rules: server/auth and server/domain keep to their layers"
