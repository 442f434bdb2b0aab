#!/usr/bin/env bash
# Starts the real workbench under Xvfb on a sample shop, saves a screenshot and checks that it shows
# more than a blank screen. Usage: screenshot.sh SHELFSENSE CLI OUT_DIR
set -euo pipefail
app=$1 cli=$2 out=$3
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" sample --db "$work/sample.shelfsense" --users 800 --items 300 --quiet >/dev/null
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
for lang in en zh_CN; do
  mkdir -p "$XDG_CONFIG_HOME/ShelfSense"
  printf '[ui]\nlanguage=%s\n' "$lang" > "$XDG_CONFIG_HOME/ShelfSense/shelfsense.conf"
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
    '$app' '$work/sample.shelfsense' & pid=\$!
    sleep 6
    import -window root '$out/workbench-$lang.png'
    kill \$pid"
  colours=$(convert "$out/workbench-$lang.png" -format '%k' info:)
  echo "workbench-$lang.png: $colours colours"
  [ "$colours" -gt 50 ] || { echo "screenshot looks blank"; exit 1; }
done
