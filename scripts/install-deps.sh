#!/usr/bin/env bash
# Installs every Debian 12 package MobilityOne Bot needs to build, test and run.
# Idempotent and non-interactive: packages already present are left alone.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # the test build (scripts/test.sh, scripts/sanitize.sh): clang with its ASan/UBSan/TSan and
  # libFuzzer runtimes, lld; `llvm` provides the unversioned llvm-symbolizer the sanitizers look
  # for on PATH to print file:line in their reports (llvm-14 has only llvm-symbolizer-14)
  clang-14 libclang-rt-14-dev lld-14 llvm-14 llvm
  # Qt 6.4
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev
  # Qt6Charts' CMake package needs Qt6OpenGL's (Debian ships it apart from qt6-base-dev)
  libqt6opengl6-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-svg-dev qt6-qpa-plugins libgl-dev
  # engine libraries
  libeigen3-dev libhiredis-dev libyaml-cpp-dev libhnswlib-dev libgraphviz-dev libsimdjson-dev
  # the console keeps its secrets in the desktop's keychain (Secret Service / KWallet)
  qtkeychain-qt6-dev
  # runtime services used by tests and the managed store
  redis-server redis-tools
  # PostgreSQL server binaries (initdb, pg_ctl) for the SQL store's PostgreSQL test rows
  postgresql
  # GUI testing and screenshots
  xvfb xauth
  # the Debian package and its checks (tests/package): icon PNGs, lintian, desktop entry,
  # AppStream metainfo and systemd unit validators
  dpkg-dev fakeroot file librsvg2-bin lintian desktop-file-utils appstream systemd
)
# Node.js for the OpenAPI mock server the agent's integration test validates requests with.
# A node that is already there (Debian's or NodeSource's, which brings its own npm) is kept.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
  else
    SUDO=
  fi
  echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all ${#packages[@]} packages present"
fi

# Stoplight Prism (a validating OpenAPI mock server), installed project-locally into
# tools/node from the committed package-lock.json; tests/integration/agent runs it.
node_tools="$(cd "$(dirname "$0")/.." && pwd)/tools/node"
prism="$node_tools/node_modules/.bin/prism"
if [ -x "$prism" ] && "$prism" --version >/dev/null 2>&1; then
  echo "install-deps: prism $("$prism" --version) present"
else
  echo "install-deps: installing Stoplight Prism into tools/node"
  npm ci --prefix "$node_tools" --no-audit --no-fund --loglevel=error
fi
