#!/usr/bin/env bash
# Configures and builds ShelfSense with the default preset (ccache when present, 2 jobs).
# Usage: scripts/build.sh [extra cmake -D options...]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset default "$@" >/dev/null
cmake --build --preset default
