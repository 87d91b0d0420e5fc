#!/usr/bin/env bash
# Builds everything and runs the whole test suite with ctest.
# On a fresh Debian 12 machine it first installs what is missing (needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset default
cmake --build --preset default -j"$(nproc)"
# Tests start their own redis-server and loopback HTTP servers on free ports, so they can
# run side by side.
ctest --preset default -j"$(nproc)" "$@"
