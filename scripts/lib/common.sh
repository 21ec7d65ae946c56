# Shared by scripts/run, scripts/test, scripts/test-sanitized and bench/fuzz:
# installing what is missing and building. Sourced, not run.

SANGKIEN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SANGKIEN_BUILD="${SANGKIEN_BUILD:-$SANGKIEN_ROOT/build}"

# Debian bookworm packages the build, the server and the tests need.
SANGKIEN_PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libsqlite3-dev libsqlitecpp-dev sqlite3 openssl
  libicu-dev libssl-dev nlohmann-json3-dev libical-dev
  # The metrics endpoint; brings libprometheus-cpp-core1.0 and -pull1.0.
  prometheus-cpp-dev
  libgtest-dev libgmock-dev
  # sd_notify for the systemd unit; systemd-analyze checks the units.
  libsystemd-dev systemd
  python3 python3-grpcio python3-protobuf
  # The kiosk: Qt 6 Quick with Controls, Test, the virtual keyboard (its
  # keyboard layouts need the folder list model), translations, a font with
  # Vietnamese marks.
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qttest
  qt6-virtualkeyboard-dev qml6-module-qtquick-virtualkeyboard
  qml6-module-qt-labs-folderlistmodel
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  fonts-noto-core
)

# Only for the sanitizer build and the fuzz targets (scripts/test-sanitized,
# bench/fuzz): clang with its AddressSanitizer, UndefinedBehaviorSanitizer
# and libFuzzer runtimes (libclang_rt.*), and llvm-symbolizer for readable
# reports.
SANGKIEN_SANITIZER_PACKAGES=(clang-14 libclang-rt-14-dev llvm-14)

say() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    say "need root to run: $*  (install sudo or run as root)"
    return 1
  fi
}

ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "packages: all ${#@} present"
    return 0
  fi
  say "installing ${#missing[@]} missing packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}"
}

# configure_build [cmake -D options...]
configure_build() {
  if [ ! -f "$SANGKIEN_BUILD/build.ninja" ]; then
    say "configuring $SANGKIEN_BUILD"
  fi
  cmake -S "$SANGKIEN_ROOT" -B "$SANGKIEN_BUILD" -G Ninja \
    -DCMAKE_BUILD_TYPE="${SANGKIEN_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
}

# build_targets [target...]: all targets when none are named.
build_targets() {
  local jobs
  jobs="$(nproc 2>/dev/null || echo 2)"
  if [ $# -eq 0 ]; then
    say "building everything (${jobs} jobs)"
    cmake --build "$SANGKIEN_BUILD" --parallel "$jobs"
  else
    say "building $* (${jobs} jobs)"
    cmake --build "$SANGKIEN_BUILD" --parallel "$jobs" --target "$@"
  fi
}

# The sanitizer build: its own folder, clang, ASan + UBSan everywhere and the
# fuzz targets. -O1 with line tables keeps reports readable and the cold
# build within CI's time.
SANGKIEN_SANITIZED_BUILD="${SANGKIEN_SANITIZED_BUILD:-$SANGKIEN_ROOT/build-sanitized}"

configure_sanitized_build() {
  SANGKIEN_BUILD="$SANGKIEN_SANITIZED_BUILD" SANGKIEN_BUILD_TYPE=RelWithDebInfo configure_build \
    -DCMAKE_CXX_COMPILER=clang++-14 \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" \
    -DSANGKIEN_SANITIZE=ON -DSANGKIEN_BUILD_FUZZERS=ON \
    -DSANGKIEN_BUILD_TESTS=ON -DSANGKIEN_BUILD_KIOSK=ON "$@"
}

# How the sanitizers report: stop at the first finding, with a symbolized
# stack; leaks that Qt and fontconfig keep on purpose are suppressed.
export_sanitizer_options() {
  export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_string_checks=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export LSAN_OPTIONS="suppressions=$SANGKIEN_ROOT/tests/sanitizers/lsan.supp:print_suppressions=0"
  export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14
}
