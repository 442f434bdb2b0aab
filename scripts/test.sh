#!/usr/bin/env bash
# Quick start (b): install what is missing, build, and run the whole test suite.
# Tests on the real public datasets (label "realdata") run when ../shared/data exists beside the
# checkout; the cluster jobs' tests (label "cluster": Spark in local mode) when scripts/install-cluster.sh
# could install Java and PySpark; everything else uses small fixtures the tests write themselves.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
"$here/install-deps.sh"
"$here/install-model.sh"
# The cluster test group (Spark in local mode) runs when its tools could be installed.
"$here/install-cluster.sh" >/dev/null || echo "test: Java or PySpark could not be installed: skipping the cluster test group" >&2
"$here/build.sh"
cd "$root/build/default"
exclude=()
if [ ! -d "$root/../shared/data" ]; then
  echo "test: ../shared/data not found: skipping the realdata test group" >&2
  exclude=(-LE realdata)
fi
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 "${exclude[@]}"
