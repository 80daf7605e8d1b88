#!/usr/bin/env bash
# Train several shapes32 candidates side by side on one GPU, for the same wall-clock budget each, and pack each
# run (exported model, loss log, samples of the evaluation prompts) into OUT/<name>.tar.gz for scoring with the
# Swift reward (`ecad shapes score`) and for timing in the native engine.
#
# Usage: training/gpu_sweep.sh ECAD_BIN OUT MINUTES [RENDER_COUNT]
#   ECAD_BIN      an `ecad` binary (built with --static-swift-stdlib so it runs on a machine without Swift)
#   OUT           output folder
#   MINUTES       training budget per candidate
# The candidates are listed below; each line: name patch layers heads head_dim caption_dim batch lr.
set -euo pipefail
ECAD_BIN=$1 OUT=$2 MINUTES=$3 RENDER=${4:-400000}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-/tmp/shapes-sweep}
mkdir -p "$OUT" "$WORK"
PY=${PYTHON:-python3}

"$ECAD_BIN" shapes vocab --out "$WORK/vocab.json"
t0=$(date +%s)
"$PY" -c "
import sys; sys.path.insert(0, '$HERE')
from shapes_data import render_chunks
render_chunks('$ECAD_BIN', '$WORK/data', $RENDER, 1, 16)
"
echo "rendered $RENDER images in $(( $(date +%s) - t0 )) s"
DATA=$(ls -d "$WORK"/data/chunk*)
EVAL=${EVAL_PROMPTS:-$HERE/../jobs/prompts/shapes-benchmark.txt}

CANDIDATES=${CANDIDATES:-"p4-l8-h160 4 8 4 40 128 512 6e-4
p4-l6-h128 4 6 4 32 128 512 6e-4
p4-l12-h128 4 12 4 32 128 512 6e-4
p2-l6-h128 2 6 4 32 128 256 6e-4"}

pids=()
while read -r name patch layers heads hdim cdim batch lr; do
    [ -z "$name" ] && continue
    mkdir -p "$WORK/$name"
    PYTHONUNBUFFERED=1 "$PY" "$HERE/train_shapes32.py" --out "$WORK/$name" --data $DATA --vocab "$WORK/vocab.json" \
        --patch "$patch" --layers "$layers" --heads "$heads" --head-dim "$hdim" --caption-dim "$cdim" \
        --batch "$batch" --lr "$lr" --steps 1000000 --minutes "$MINUTES" --eval-prompts "$EVAL" \
        --log-every 200 --checkpoint-every 2000 >"$WORK/$name/stdout.log" 2>"$WORK/$name/stderr.log" &
    pids+=($!)
done <<<"$CANDIDATES"
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
for d in "$WORK"/*/; do
    name=$(basename "$d")
    [ -f "$d/log.jsonl" ] || continue
    tail -c 2000 "$d/stderr.log" | tr '\r' '\n' | tail -3
    tar -C "$d" -czf "$OUT/$name.tar.gz" model log.jsonl stderr.log $( [ -d "$d/eval" ] && echo eval )
done
ls -la "$OUT"
exit $status
