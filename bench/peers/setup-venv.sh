#!/usr/bin/env bash
# Creates the Python environment with the peer implementations that benchmarks and golden-file
# scripts compare against (Hugging Face tokenizers/transformers, sentence-transformers, implicit, lifelines, DuckDB).
# Benchmark-only: ShelfSense itself never needs Python at run time.
set -euo pipefail
venv=${SHELFSENSE_PEERS_VENV:-$HOME/.cache/shelfsense/peers-venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  "transformers>=4.40" "tokenizers>=0.19" "sentence-transformers>=3.0" "scipy" "numpy" \
  "lifelines>=0.27" "duckdb>=1.0" "pandas" "onnx" "onnxscript" "onnxruntime>=1.17" "scikit-learn" \
  "implicit" "threadpoolctl"
echo "$venv"
