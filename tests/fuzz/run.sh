#!/usr/bin/env bash
# Runs every libFuzzer target (build them with the fuzz preset) for SECONDS each, from the seed
# corpus (make_seeds.py) plus what earlier runs found, after replaying the committed regression
# inputs. A crash stops the run with exit 1 and leaves the input under BUILD/fuzz-artifacts/TARGET.
# usage: tests/fuzz/run.sh BUILD_DIR SECONDS [CLI]   (CLI: shelfsense-cli, for the project seed)
set -euo pipefail
build=$(realpath "$1"); seconds=$2; cli=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
seeds=$build/fuzz-seeds; corpus=$build/fuzz-corpus; artifacts=$build/fuzz-artifacts
python3 "$here/make_seeds.py" "$seeds" ${cli:+--cli "$cli"}
printf '%-16s %8s %10s %8s %s\n' target seconds executions corpus result
status=0
for target in csv_reader metrics_csv import_formats tokenizer safetensors model_config project_open activity_summary; do
  exe=$build/tests/fuzz/fuzz_$target
  mkdir -p "$corpus/$target" "$artifacts/$target"
  # Every crash found before is replayed first: it must stay fixed.
  if compgen -G "$here/regressions/$target/*" >/dev/null; then
    "$exe" -runs=0 "$here"/regressions/$target/* >"$artifacts/$target/regressions.log" 2>&1 ||
      { echo "$target: a committed regression input fails again (see $artifacts/$target/regressions.log)"; status=1; continue; }
  fi
  log=$artifacts/$target/run.log
  if "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$artifacts/$target/" "$corpus/$target" "$seeds/$target" >"$log" 2>&1; then
    result=ok
  else
    result="CRASH (input and log in $artifacts/$target)"; status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  printf '%-16s %8s %10s %8s %s\n' "$target" "$seconds" "$runs" "$(ls "$corpus/$target" | wc -l)" "$result"
done
exit $status
