#!/usr/bin/env bash
# Installs what ecad's build and tests need: Debian packages and a Python environment kept outside the clone
# (ECAD_CACHE, default ~/.cache/ecad) so repeated runs do not download it again. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=${ECAD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ecad}
VENV=$CACHE/venv
APT_PACKAGES="libopenblas-dev libsystemd-dev libsqlite3-dev zlib1g-dev curl libcurl4 systemd util-linux chromium fonts-dejavu-core"

missing=""
for p in $APT_PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
    echo "setup: installing Debian packages:$missing" >&2
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

stamp=$VENV/.ecad-requirements
if [ ! -f "$stamp" ] || ! cmp -s "$stamp" training/requirements.txt; then
    echo "setup: creating the Python environment in $VENV" >&2
    mkdir -p "$CACHE"
    python3 -m venv "$VENV"
    # The CPU wheel first: an unpinned torch pulls about 3 GB of CUDA wheels. Fall back to PyPI's wheel.
    "$VENV/bin/pip" install -q 'torch==2.13.0+cpu' || "$VENV/bin/pip" install -q 'torch==2.13.0' || "$VENV/bin/pip" install -q torch
    "$VENV/bin/pip" install -q -r training/requirements.txt
    cp training/requirements.txt "$stamp"
fi
# Test tools (schemathesis for make test-api) go into the same environment, on their own stamp so that adding
# them does not rebuild the environment.
tools_stamp=$VENV/.ecad-test-requirements
if [ ! -f "$tools_stamp" ] || ! cmp -s "$tools_stamp" tests/api/requirements.txt; then
    echo "setup: installing the API test tools in $VENV" >&2
    "$VENV/bin/pip" install -q -r tests/api/requirements.txt
    cp tests/api/requirements.txt "$tools_stamp"
fi
echo "$VENV"
