#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: clang, ASan + UBSan) and runs each for SECONDS
# (default 60; CI runs this). Needs the default build's shelfsense-cli for the project seed.
# usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_all
cli=build/default/app/shelfsense-cli
tests/fuzz/run.sh build/fuzz "${1:-60}" "$([ -x "$cli" ] && echo "$cli")"
