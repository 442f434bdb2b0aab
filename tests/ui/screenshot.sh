#!/usr/bin/env bash
# Starts the real workbench under Xvfb on a sample shop, saves a screenshot per language and checks
# that it shows a drawn window (chart and tables), not a blank screen. The window is polled until it
# has painted (no fixed sleep), up to 60 s on a busy machine.
# Usage: screenshot.sh SHELFSENSE CLI OUT_DIR
set -euo pipefail
app=$1 cli=$2 out=$3
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" sample --db "$work/sample.shelfsense" --users 800 --items 300 --quiet >/dev/null
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
# A real X window (the test runner exports the offscreen platform for the other tests).
export QT_QPA_PLATFORM=xcb
for lang in en zh_CN; do
  mkdir -p "$XDG_CONFIG_HOME/ShelfSense"
  printf '[ui]\nlanguage=%s\n' "$lang" > "$XDG_CONFIG_HOME/ShelfSense/shelfsense.conf"
  png="$out/workbench-$lang.png"
  rm -f "$png"
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
    '$app' '$work/sample.shelfsense' & pid=\$!
    for i in \$(seq 1 60); do
      sleep 1
      import -window root '$png.tmp.png' 2>/dev/null || continue
      # The overview's chart has many distinct colours once it has loaded and painted.
      if [ \"\$(convert '$png.tmp.png' -format '%k' info:)\" -gt 400 ]; then sleep 1; import -window root '$png'; break; fi
    done
    rm -f '$png.tmp.png'
    kill \$pid"
  [ -f "$png" ] || { echo "workbench-$lang: the window never finished painting"; exit 1; }
  echo "workbench-$lang.png: $(convert "$png" -format '%k' info:) colours"
done
