#!/usr/bin/env bash
# The README's test command, and CI's (.ci/run). On a fresh Debian 12 machine it first installs
# what is missing (needs root or sudo), then:
#
#   1. builds the whole tree once with clang + AddressSanitizer + UndefinedBehaviorSanitizer and
#      -Werror (the `asan` preset, build-asan/) and runs EVERY test under it: unit, integration,
#      cli, gui, translations, the .deb package checks and fuzz_*_replay (every fuzz seed and
#      every input that once broke a target). Any ASan/UBSan/LSan report fails its test.
#   2. builds the engine's threaded tests with ThreadSanitizer (`tsan` preset, build-tsan/) and
#      runs them; any data race fails.
#   3. runs every libFuzzer target for a bounded time (about 60 s each, two at a time; under CI a
#      fixed seed and input count, see scripts/sanitize.sh); a crash, leak,
#      timeout or out-of-memory input fails.
#
# Steps 2 and 3 are scripts/sanitize.sh (which also fuzzes longer by hand: see its header).
#
# Why the suite runs on the ASan build and not on the gcc `default` preset: CI must stay well under
# 30 minutes on 2 cores with no compiler cache, and a second full-tree build does not fit. The
# cold gcc -O2 -g build alone is ~1630 CPU-s; the cold ASan build, with the levers below, is
# ~780 CPU-s and checks more. The gcc build stays what developers run (scripts/console.sh,
# `cmake --preset default`), and it is -Werror-clean too; CI only gives up gcc's own warnings,
# clang -Werror covers the same -Wall -Wextra -Wpedantic set.
#
# Levers that make the ASan build cheap (all in CMakePresets.json / cmake/M1Sanitizers.cmake):
#   - one precompiled QtCore + QtTest for every engine test (M1_TEST_PCH): a test's compile went
#     from 3.1 s to 1.6 s of CPU on a 10-test sample (gcc -O2 -g: 3.7 s);
#   - engine libraries as unity batches of 8 files (M1_UNITY_ENGINE);
#   - -O0 with line tables only (-gline-tables-only) for tests, console and fuzz drivers, -O1 for
#     the engine alone (M1_ENGINE_COMPILE_OPTIONS): at -O0 the engine's start-up in each test
#     (classifier training, search kernels) was 3-4x slower, which cost more test time than the
#     -O1 compile costs;
#   - lld for the ~200 links.
#
# Measured cost of a cold run: CPU-s = user+sys with CCACHE_DISABLE=1, on the shared 2-core
# machine (its own wall times were inflated by other jobs); wall = estimate for a dedicated 2-core
# machine (a build keeps both cores busy, so about CPU-s / 2 plus links and configure):
#   apt + npm on a fresh Debian 12 (~460 MB)  not measured                ~5 min (mirror-bound)
#   asan build: whole tree, 903 steps      777 CPU-s (692 user, 85 sys)    ~7 min
#   asan tests: all 172, ctest -j2         308 CPU-s; 330 s wall measured  ~5.5 min (waits, not CPU)
#   tsan build: engine + 23 threaded tests 290 CPU-s; 148 s wall measured  ~2.5 min
#   tsan tests: 23, ctest -j2              ~90 CPU-s; 75 s wall measured   ~1.3 min
#     (tst_pipeline is most of it: 55-100 s under TSan; the others take seconds)
#   fuzzing: 6 targets, fixed inputs, 2 at a time ~300 CPU-s (296 measured) ~3 min
#   total                                                                 ~25 min (budget: 30)
# The same tree as a cold gcc `default` build (-O2 -g) is ~1630 CPU-s, ~14 min on its own.
#
#   scripts/test.sh                     all of the above
#   scripts/test.sh -R tst_pipeline     only the ASan build and the ctest arguments given
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
if (($#)); then
  # Tests start their own redis-server and loopback HTTP servers on free ports, so they can
  # run side by side.
  cmake --preset asan
  cmake --build --preset asan -j"$(nproc)"
  exec ctest --preset asan -j"$(nproc)" "$@"
fi
exec ./scripts/sanitize.sh asan tsan fuzz
