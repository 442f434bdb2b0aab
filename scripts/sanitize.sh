#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer (the asan preset, build/asan):
# a bad access, a leak or undefined behaviour fails the test.
#   scripts/sanitize.sh full    every test (a full sanitized build: about an hour on 2 cores, cold)
#   scripts/sanitize.sh quick   the tests of the LibTorch-free core (store, ingest, cohorts, text,
#                               model files, eval, sample, archive, common): minutes; CI runs this
set -euo pipefail
scope=${1:-full}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cmake --preset asan >/dev/null
exclude=()
[ -d "$root/../shared/data" ] || exclude=(-LE realdata)
if [ "$scope" = quick ]; then
  pattern='^test_(archive_|cohort_engine|survival|sample_|kpis|segments|timeutil|timezone|eval_|ingest_|sha256|safetensors|modelconfig|store_|text_|vocabulary|basic_tokenizer|wordpiece_tokenizer|bert_tokenizer|tokenizer_golden)'
  mapfile -t targets < <(cd build/asan && ctest -N -R "$pattern" "${exclude[@]}" | sed -n 's/^ *Test *#[0-9]*: *//p')
  cmake --build --preset asan --target "${targets[@]}"
  ctest --preset asan -j2 -R "$pattern" "${exclude[@]}"
else
  cmake --build --preset asan
  ctest --preset asan -j2 "${exclude[@]}"
fi
