#!/usr/bin/env bash
# Quick start (a): install what is missing, build, and open the workbench — on the built-in sample
# shop with the default model the first time, later on the most recent project.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/install-deps.sh"
"$here/install-model.sh"
"$here/build.sh"
exec "$here/../build/default/app/gui/shelfsense" "$@"
