"""Slurm's overhead and throughput for a search's batch, on the local cluster (scripts/slurm-local.sh up), with the
same request files, batch script and worker one-shot mode the Slurm executor uses (Sources/ECADDaemon/Slurm).

    python Benchmarks/slurm/slurm_overhead.py [--candidates 12] [--prompts 8] [--tasks 1,2] [--runs 3]
        [--worker .build/release/ecad-worker] [--poll 2]

A batch of --candidates seeded random shapes32 schedules (chunks of 4, --prompts calibration prompts, 1 seed, 20
steps) is evaluated, interleaved per run:
- warm local: one `ecad-worker serve` (ECAD_THREADS=1) that has loaded the model, timed from the first evaluate
  request to the last answer (the daemon's local path);
- Slurm with T tasks for each T in --tasks: request files written, `sbatch --array=0-(T-1)` of ecadd's task script,
  timed from just before sbatch to the last result file (polled every 10 ms; the daemon reads result files once per
  --slurm-poll-interval, which adds up to one interval, half of one on average: printed as `+poll/2`).
Prints per run and the medians: overhead = (Slurm time - warm local time) / warm local time, and candidates per
minute. Each task runs one engine thread (ECAD_THREADS=1), so T tasks use T of the machine's CPUs.
"""

import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "workers" / "diffusers" / "src"))
from ecad_diffusers.schedule import Layout, Schedule  # noqa: E402

SCRIPT = """#!/bin/sh
# Written by ecadd: one Slurm array task of a search batch (docs/operations.md).
# usage: ecad-slurm-task.sh FOLDER TASKS WORKER [ARGS...]
folder=$1
tasks=$2
shift 2
exec "$@" oneshot --folder "$folder" --slot "$SLURM_ARRAY_TASK_ID" --slots "$tasks"
"""
MODEL = ROOT / "models" / "shapes32"
CHUNK = 4


def schedules(count, steps, blocks, seed):
    random = np.random.default_rng(seed)
    layout = Layout.pixart(blocks)
    result = []
    for _ in range(count):
        bits = random.random((steps, blocks, 3)) < random.uniform(0.3, 0.9)
        bits[0] = True
        doc = Schedule(bits, layout).to_document("shapes32")
        result.append({k: doc[k] for k in ("steps", "blocks", "components", "bits")})
    return result


def evaluate_lines(batch, prompts):
    chunks = [batch[i:i + CHUNK] for i in range(0, len(batch), CHUNK)]
    return [{"v": 1, "type": "evaluate", "id": f"evaluate-{i}", "schedules": chunk, "prompts": prompts, "seeds": [0],
             "sampler": {"name": "dpm-solver++-2m", "steps": 20, "guidance": 4.5}} for i, chunk in enumerate(chunks)]


def load_line():
    return {"v": 1, "type": "load", "id": "load", "model": "shapes32", "path": str(MODEL)}


def warm_local(worker, evaluates):
    env = {**os.environ, "ECAD_THREADS": "1"}
    process = subprocess.Popen([worker, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)

    def ask(message):
        process.stdin.write((json.dumps(message) + "\n").encode())
        process.stdin.flush()
        while True:
            reply = json.loads(process.stdout.readline())
            if reply["type"] in ("result", "capabilities", "error"):
                assert reply["type"] != "error", reply
                return reply

    ask({"v": 1, "type": "hello", "id": "h", "protocol_versions": [1], "heartbeat_interval": 60,
         "daemon_version": "bench"})
    ask(load_line())
    start = time.monotonic()
    for message in evaluates:
        ask(message)
    seconds = time.monotonic() - start
    process.stdin.close()
    process.wait(timeout=30)
    return seconds


def through_slurm(worker, evaluates, tasks, shared, partition):
    folder = pathlib.Path(tempfile.mkdtemp(prefix="overhead-", dir=shared))
    script = folder / "ecad-slurm-task.sh"
    script.write_text(SCRIPT)
    script.chmod(0o755)
    start = time.monotonic()
    for i, message in enumerate(evaluates):
        (folder / f"request-{i}.json").write_text(json.dumps(load_line()) + "\n" + json.dumps(message) + "\n")
    argv = ["sbatch", "--parsable", "--job-name=ecad-overhead", f"--array=0-{tasks - 1}", f"--partition={partition}",
            f"--chdir={folder}", f"--output={folder}/slurm-%A_%a.log", str(script), str(folder), str(tasks), worker]
    subprocess.run(argv, check=True, capture_output=True, env={**os.environ, "ECAD_THREADS": "1"})
    results = [folder / f"result-{i}.json" for i in range(len(evaluates))]
    deadline = start + 1800
    while not all(r.exists() for r in results):
        assert time.monotonic() < deadline, "results did not come within 30 minutes"
        time.sleep(0.01)
    seconds = time.monotonic() - start
    for r in results:
        assert '"of":"evaluate"' in r.read_text().replace(" ", ""), r.read_text()[:300]
    shutil.rmtree(folder)
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", type=int, default=12)
    parser.add_argument("--prompts", type=int, default=8)
    parser.add_argument("--tasks", default="1,2")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--worker", default=str(ROOT / ".build" / "release" / "ecad-worker"))
    parser.add_argument("--poll", type=float, default=2.0, help="the daemon's --slurm-poll-interval")
    parser.add_argument("--partition", default=os.environ.get("ECAD_SLURM_PARTITION", "debug"))
    parser.add_argument("--shared", default=os.environ.get("ECAD_SLURM_SHARED", "/var/tmp/ecad-slurm"))
    args = parser.parse_args()
    tasks = [int(t) for t in args.tasks.split(",")]
    lines = (ROOT / "jobs" / "prompts" / "shapes-calibration.txt").read_text().splitlines()
    prompts = [line for line in lines if line and not line.startswith("#")][:args.prompts]
    blocks = json.loads((MODEL / "transformer" / "config.json").read_text())["num_layers"]
    evaluates = evaluate_lines(schedules(args.candidates, 20, blocks, seed=1), prompts)
    print(f"load: {os.getloadavg()}  candidates {args.candidates} x prompts {len(prompts)}, chunks {len(evaluates)}")
    times = {"local": []} | {t: [] for t in tasks}
    for run in range(args.runs):
        times["local"].append(warm_local(args.worker, evaluates))
        for t in tasks:
            times[t].append(through_slurm(args.worker, evaluates, t, args.shared, args.partition))
        print(f"run {run}: " + "  ".join(f"{k}: {v[-1]:.2f} s" for k, v in times.items()), flush=True)
    local = statistics.median(times["local"])
    print(f"warm local: {local:.2f} s ({min(times['local']):.2f}-{max(times['local']):.2f}), "
          f"{args.candidates / local * 60:.1f} candidates/min")
    for t in tasks:
        median = statistics.median(times[t])
        print(f"slurm {t} task(s): {median:.2f} s ({min(times[t]):.2f}-{max(times[t]):.2f}), "
              f"overhead vs 1 local worker {(median - local) / local * 100:+.1f}% "
              f"(+poll/2: {(median + args.poll / 2 - local) / local * 100:+.1f}%), "
              f"{args.candidates / median * 60:.1f} candidates/min")
    if 1 in tasks and len(tasks) > 1:
        for t in tasks[1:]:
            print(f"throughput {t} tasks / 1 task: {statistics.median(times[1]) / statistics.median(times[t]):.2f}x")
    print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
