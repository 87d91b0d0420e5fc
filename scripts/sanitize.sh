#!/usr/bin/env bash
# Sanitizer and fuzzing pass: scripts/test.sh (the README's test command, and CI's) runs all three
# steps; the costs of each are in scripts/test.sh's header.
#
#   asan  build the `asan` preset (clang, ASan + UBSan + LSan, libFuzzer targets) and run the whole
#         ctest suite under it, including fuzz_*_replay (every seed and regression input once)
#   tsan  build the `tsan` preset (only the engine's threaded tests) and run them under TSan
#   fuzz  run every libFuzzer target for a bounded time, two at a time
#
#   scripts/sanitize.sh                  all three steps
#   scripts/sanitize.sh fuzz             only some steps (asan must have been built for fuzz)
#   M1_FUZZ_SECONDS=1800 scripts/sanitize.sh fuzz     longer fuzzing by hand (default 60 per target)
#   M1_FUZZ_TARGETS="webhook extractors" scripts/sanitize.sh fuzz
#   M1_FUZZ_SEED=1 scripts/sanitize.sh fuzz    CI's fixed sequence (by hand the seed is random)
#
# CI fuzzes with a fixed seed, from the seed corpora alone, for a fixed number of inputs per
# target (about a minute each on CI's machine; M1_FUZZ_SECONDS still caps it). One binary then
# takes the same inputs every time. A build in another folder is laid out differently (UBSan
# keeps file paths) and parts from that sequence after some dozens of inputs, so CI still
# explores a little on its own; run the same step here before landing. Finding new bugs is the
# job of long runs by hand with random seeds.
#
# Any sanitizer report fails: ASan/UBSan halt at the first one, LSan and TSan make the process
# exit non-zero (the options are in CMakePresets.json's test presets). A fuzzer that finds a
# crash, leak, timeout or out-of-memory input fails the run and leaves the input in
# build-asan/fuzz/<target>/; fix the code, then keep the input in tests/fuzz/regressions/<target>/
# so fuzz_<target>_replay runs it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

steps=("$@")
((${#steps[@]})) || steps=(asan tsan fuzz)
jobs=$(nproc)
fuzz_seconds=${M1_FUZZ_SECONDS:-60}
fuzz_parallel=${M1_FUZZ_JOBS:-2}
fuzz_seed=${M1_FUZZ_SEED:-}
[ -z "$fuzz_seed" ] && [ -n "${CI:-}" ] && fuzz_seed=1
# With a seed the input count decides; the time is only a cap for a much slower machine.
[ -n "$fuzz_seed" ] && [ -z "${M1_FUZZ_SECONDS:-}" ] && fuzz_seconds=120
fuzz_targets=(${M1_FUZZ_TARGETS:-openapi_json openapi_yaml webhook http_request redis_reply extractors})
corpus_dir=$(sed -n 's/^M1_OPENAPI_CORPUS_DIR:PATH=//p' build-asan/CMakeCache.txt 2>/dev/null || true)
mkdir -p build-asan
: > build-asan/sanitize-times.txt

phase() { printf '\n== sanitize: %s (%s)\n' "$1" "$(date +%T)"; }
# Sets CPU to the CPU seconds (user+sys) of every child this shell has waited for so far.
# `times` must run in this shell (a $(...) subshell would report its own children only).
cpu_now() {
  times >build-asan/.times
  CPU=$(sed -n 2p build-asan/.times | tr 'ms' '  ' | awk '{printf "%d", $1 * 60 + $2 + $3 * 60 + $4}')
}
timed() { # label command...: runs it and records its wall time and CPU seconds
  local start=$SECONDS cpu
  cpu_now
  cpu=$CPU
  "${@:2}"
  cpu_now
  printf 'sanitize: %s took %d s wall, %d CPU-s\n' "$1" $((SECONDS - start)) $((CPU - cpu)) |
    tee -a "$root/build-asan/sanitize-times.txt"
}

asan_step() {
  phase "asan build"
  cmake --preset asan >/dev/null
  timed "asan build" cmake --build --preset asan -j"$jobs"
  phase "asan tests"
  timed "asan tests" ctest --preset asan -j"$jobs"
}

tsan_step() {
  phase "tsan build"
  cmake --preset tsan >/dev/null
  timed "tsan build" cmake --build --preset tsan -j"$jobs"
  phase "tsan tests"
  timed "tsan tests" ctest --preset tsan -j"$jobs"
}

# One target: its own working corpus (new inputs go there, seeds and the shared OpenAPI corpus
# are read only), its dictionary, artifacts (crash-*, leak-*, timeout-*, oom-*) beside it.
fuzz_one() {
  local name=$1 exe=build-asan/tests/fuzz/fuzz_$1 work=build-asan/fuzz/$1
  local max_len=16384 extra=()
  [ -d "tests/fuzz/regressions/$name" ] && extra+=("tests/fuzz/regressions/$name")
  rm -rf "$work/shared"
  local seed_args=() aslr_off=()
  if [ -n "$fuzz_seed" ]; then
    # The same sequence needs the same starting corpus: leave out what earlier runs added.
    rm -rf "$work/corpus"
    # Inputs per target: about 60 % of what a minute ran on a 2-core machine (2026-11-24).
    local runs
    case $name in
      openapi_json) runs=130000 ;;
      openapi_yaml) runs=80000 ;;
      webhook) runs=500000 ;;
      http_request) runs=300000 ;;
      redis_reply) runs=90000 ;;
      extractors) runs=7000 ;;
    esac
    # -reload=0: rereading the corpus folder once a second made the sequence depend on time.
    seed_args=(-seed="$fuzz_seed" -runs="${M1_FUZZ_RUNS:-$runs}" -reload=0)
    # Without address randomisation: containers keyed by pointers would otherwise take other
    # paths from run to run, and the fuzzer would follow other inputs.
    # (Where the sandbox forbids that, the run is the same for the first few thousand inputs.)
    if setarch "$(uname -m)" -R true 2>/dev/null; then
      aslr_off=(setarch "$(uname -m)" -R)
    fi
  fi
  mkdir -p "$work/corpus" "$work/shared"
  case $name in
    openapi_json|openapi_yaml)
      max_len=65536
      local ext=json
      [ "$name" = openapi_yaml ] && ext=yaml
      # Small real specs only: mutating a 4 MB file is slow and finds nothing a small one
      # would not (the big ones go through fuzz_*_replay and the parser tests instead).
      if [ -d "$corpus_dir" ]; then
        find "$corpus_dir" -maxdepth 1 -name "*.$ext" -size -64k -exec cp {} "$work/shared/" \;
      fi
      extra+=("$work/shared") ;;
    extractors) max_len=1024 ;;
  esac
  # -timeout: a single input slower than this is a finding (a webhook body or a message that
  # takes seconds is a denial of service), with room for a loaded 2-core machine.
  # QT_HASH_SEED=0: Qt seeds its hashes per process; fixed, a seeded run takes the same paths.
  QT_HASH_SEED=0 ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS=suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0 \
    "${aslr_off[@]}" "$exe" "${seed_args[@]}" -max_total_time="$fuzz_seconds" -timeout=25 -rss_limit_mb=2048 -max_len="$max_len" \
      -dict="tests/fuzz/$name.dict" -artifact_prefix="$work/" -print_final_stats=1 \
      "$work/corpus" "tests/fuzz/corpus/$name" "${extra[@]}" \
      >"$work/log.txt" 2>&1
}

fuzz_step() {
  phase "fuzz: ${#fuzz_targets[@]} targets, ${fuzz_seconds} s each, $fuzz_parallel at a time"
  local failed=() running=0 pids=() names=()
  for name in "${fuzz_targets[@]}"; do
    [ -x "build-asan/tests/fuzz/fuzz_$name" ] || { echo "sanitize: build-asan/tests/fuzz/fuzz_$name is not built (run the asan step)"; exit 1; }
  done
  local start=$SECONDS cpu
  cpu_now
  cpu=$CPU
  for name in "${fuzz_targets[@]}"; do
    fuzz_one "$name" & pids+=($!); names+=("$name")
    if ((${#pids[@]} - running >= fuzz_parallel)); then
      wait "${pids[$running]}" || failed+=("${names[$running]}")
      running=$((running + 1))
    fi
  done
  for ((i = running; i < ${#pids[@]}; i++)); do
    wait "${pids[$i]}" || failed+=("${names[$i]}")
  done
  cpu_now
  printf 'sanitize: fuzzing took %d s wall, %d CPU-s\n' $((SECONDS - start)) $((CPU - cpu)) |
    tee -a build-asan/sanitize-times.txt
  for name in "${fuzz_targets[@]}"; do
    local log=build-asan/fuzz/$name/log.txt
    local execs secs cov
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
    printf 'sanitize: fuzz_%-13s %9s runs in %4s s (%s execs/min), %s, corpus %s files\n' \
      "$name" "${execs:-?}" "${secs:-?}" \
      "$([ -n "$execs" ] && [ -n "$secs" ] && [ "$secs" -gt 0 ] && echo $((execs * 60 / secs)) || echo ?)" \
      "${cov:-cov: ?}" "$(find "build-asan/fuzz/$name/corpus" -type f | wc -l)"
  done
  if ((${#failed[@]})); then
    for name in "${failed[@]}"; do
      echo "sanitize: fuzz_$name FAILED; its report:"
      grep -E -A40 '^==[0-9]+==ERROR|invariant broken|qFatal|ALARM|out-of-memory|deadly signal' \
        "build-asan/fuzz/$name/log.txt" | head -80 || tail -40 "build-asan/fuzz/$name/log.txt"
      ls build-asan/fuzz/"$name"/{crash,leak,timeout,oom,slow-unit}-* 2>/dev/null || true
    done
    echo "sanitize: fix the code, then copy the input into tests/fuzz/regressions/<target>/"
    exit 1
  fi
}

for step in "${steps[@]}"; do
  case $step in
    asan) asan_step ;;
    tsan) tsan_step ;;
    fuzz) fuzz_step ;;
    *) echo "usage: $0 [asan] [tsan] [fuzz]" >&2; exit 2 ;;
  esac
done
phase "done"
cat build-asan/sanitize-times.txt
