#!/usr/bin/env bash
# Builds m1-console and starts it on the bundled demo API.
# On a fresh Debian 12 machine it first installs what is missing (needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset default
cmake --build --preset default -j"$(nproc)" --target m1-console m1bot

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "console.sh: no graphical display (DISPLAY/WAYLAND_DISPLAY unset); starting on a virtual one (Xvfb)." >&2
  echo "console.sh: to look at it without a screen, add --screenshot-dir DIR once the console supports it." >&2
  exec xvfb-run -a ./build/gui/m1-console "$@"
fi
exec ./build/gui/m1-console "$@"
