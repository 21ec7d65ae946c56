#!/usr/bin/env bash
# The layers' include rules, checked on the source tree:
#   - storage is sealed: only server/storage and server/operations include
#     storage/ headers (the api, the assembly, the tools, auth, the seed and
#     the importer reach data through operations);
#   - server/auth includes nothing from server/operations (operations uses
#     auth, not the other way round);
#   - server/api is a library of services: the seed and the assembly
#     (server/app) use it, never the other way round;
#   - server/domain is pure rules: no storage/ or api/ header, no gRPC
#     (grpc/, grpcpp/, *.grpc.pb.h) and no SQLite (sqlite3.h).
# Prints each offending line as FILE:LINE: INCLUDE (RULE) and exits 1 when
# there is one; exits 2 when SOURCE_DIR is not the repository's root.
# usage: include_rules.sh SOURCE_DIR
set -euo pipefail
src=${1:?usage: include_rules.sh SOURCE_DIR}
for dir in server/api server/app server/auth server/domain server/importer server/seed server/tools; do
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

for dir in server/api server/app server/auth server/domain server/importer server/seed server/tools; do
  check "$dir" "only storage and operations may include storage" 'storage/'
done
check server/auth "auth must not include operations" 'operations/'
check server/api "the api must not include the seed or the assembly" 'seed/|app/'
check server/domain "domain must not include the api" 'api/'
check server/domain "domain must not include gRPC" 'grpc/|grpcpp/|[^">]*\.grpc\.pb\.h'
check server/domain "domain must not include SQLite" 'sqlite3\.h'

if [ "$broken" -ne 0 ]; then
  echo "include_rules: the includes above break the layering (see tests/architecture/include_rules.sh)" >&2
  exit 1
fi
echo "include_rules: storage is sealed; server/auth and server/domain keep to their layers"
