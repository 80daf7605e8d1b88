#!/usr/bin/env bash
# GPU check for the diffusers worker: uncached latency and measured speedups of the published ECAD schedules on
# full-size PixArt-alpha 256 and FLUX.1-dev 256 transformers with random bf16 weights. No downloads.
#
#   bash workers/diffusers/gpu_check.sh OUT_DIR [--tiny] [more flags of ecad_worker_diffusers.gpu_check]
#
# Run from the repository root. If python3 cannot import diffusers, wheels are installed from .gpu/whl (or
# $ECAD_WHEELS) with `pip install --no-index --no-deps --target /tmp/site`. Published schedules are looked for
# under $ECAD_SCHEDULES, .gpu/schedules and Tests/ECADCoreTests/Fixtures (reference JSON or ecad.schedule/v1,
# files named ...ours_fast.json, ...ours_faster.json, ...ours_fastest.json); missing ones are reported, not fatal.
# $PYTHON picks the interpreter (default python3). Stops itself after 230 s (the check skips rows past 200 s).
set -euo pipefail
OUT=${1:?usage: bash workers/diffusers/gpu_check.sh OUT_DIR [--tiny] [flags]}
shift
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PY=${PYTHON:-python3}
mkdir -p "$OUT"
if ! "$PY" -c "import diffusers" 2>/dev/null; then
    WHEELS=${ECAD_WHEELS:-$ROOT/.gpu/whl}
    if ! ls "$WHEELS"/*.whl >/dev/null 2>&1; then
        echo "gpu_check: python cannot import diffusers and $WHEELS has no wheels; put diffusers-0.42.1 and" \
            "importlib_metadata wheels there or set ECAD_WHEELS" >&2
        exit 2
    fi
    "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site "$WHEELS"/*.whl
    export PYTHONPATH=/tmp/site${PYTHONPATH:+:$PYTHONPATH}
fi
export PYTHONPATH=$ROOT/workers/diffusers/src${PYTHONPATH:+:$PYTHONPATH}
SCHEDULE_ARGS=()
for dir in ${ECAD_SCHEDULES:-} "$ROOT/.gpu/schedules" "$ROOT/Tests/ECADCoreTests/Fixtures"; do
    SCHEDULE_ARGS+=(--schedules "$dir")
done
if command -v nvidia-smi >/dev/null; then
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
fi
status=0
timeout 230 "$PY" -m ecad_worker_diffusers.gpu_check --out "$OUT" "${SCHEDULE_ARGS[@]}" "$@" 2>&1 \
    | tee "$OUT/gpu_check.log" || status=$?
exit "$status"
