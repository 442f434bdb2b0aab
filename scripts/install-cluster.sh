#!/usr/bin/env bash
# Installs what the cluster jobs (cluster/*.py) and their test group need on this machine: a Java
# runtime (Debian's openjdk-17) and a Python environment with PySpark, pandas and pyarrow, from
# PyPI, in ~/.cache/shelfsense/cluster-venv (or SHELFSENSE_CLUSTER_VENV). Spark then runs in local
# mode (local[2]); on a real cluster the same jobs are submitted with spark-submit.
# Idempotent: what is present is kept; prints the environment's python on success.
set -euo pipefail

venv=${SHELFSENSE_CLUSTER_VENV:-$HOME/.cache/shelfsense/cluster-venv}
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing=()
for p in openjdk-17-jre-headless python3-venv; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-cluster: installing ${missing[*]}" >&2
  apt_opts=(-o DPkg::Lock::Timeout=600)
  "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" install -y -q --no-install-recommends "${missing[@]}"
fi

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
# PySpark does not support pandas 3 yet. pip leaves what already satisfies these alone.
echo "install-cluster: pyspark, pandas, pyarrow and numpy in $venv" >&2
"$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark>=3.5" "pandas>=2.0,<3" "pyarrow>=14" "numpy"
echo "$venv/bin/python"
