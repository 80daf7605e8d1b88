"""Slurm's overhead floor on the local cluster (scripts/slurm-local.sh up): how long `sbatch --array` takes from
submission to the result files of tasks that each sleep a fixed time, against that sleep.

    python Benchmarks/slurm/sbatch_latency.py [--runs 10] [--tasks 1] [--sleep 1] [--user nobody]

Each run submits one array of --tasks tasks (each sleeps --sleep seconds, then writes result-<i>.json by tmp +
rename into a shared directory) and records, from just before `sbatch`: when sbatch returned, when the first task
started, when the last result file appeared (polled every 10 ms, as the daemon would take result files as the
truth), and when `squeue` stopped listing the array. Prints one line per run and the median and spread.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time

TASK = """#!/bin/bash
# usage: task.sh DIR SECONDS (sbatch runs a spooled copy of this script: files are found through DIR)
i=$SLURM_ARRAY_TASK_ID
date +%s.%N > "$1/start-$i"
sleep "$2"
echo '{"task":'"$i"'}' > "$1/result-$i.json.tmp" && mv "$1/result-$i.json.tmp" "$1/result-$i.json"
"""


def as_user(user, argv):
    return argv if user is None else ["runuser", "-u", user, "--"] + argv


def wait_for(predicate, deadline_s, interval_s):
    """Polls predicate until it is true; returns the time it became true, or raises after deadline_s."""
    end = time.monotonic() + deadline_s
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError("deadline passed")
        time.sleep(interval_s)
    return time.time()


def one_run(shared, args):
    work = tempfile.mkdtemp(prefix="lat-", dir=shared)
    os.chmod(work, 0o1777)
    script = os.path.join(work, "task.sh")
    with open(script, "w") as f:
        f.write(TASK)
    os.chmod(script, 0o755)
    results = [os.path.join(work, f"result-{i}.json") for i in range(args.tasks)]
    argv = ["sbatch", "--parsable", "--job-name=ecad-latency", f"--array=0-{args.tasks - 1}",
            f"--partition={args.partition}", f"--chdir={work}", f"--output={work}/%A_%a.log",
            script, work, str(args.sleep)]
    t0 = time.time()
    job = subprocess.run(as_user(args.user, argv), check=True, capture_output=True, text=True).stdout.strip()
    t_sbatch = time.time()
    t_results = wait_for(lambda: all(os.path.exists(r) for r in results), 120, 0.01)

    def gone():
        out = subprocess.run(["squeue", "-h", "-r", "-j", job, "-o", "%i"], capture_output=True, text=True)
        return out.stdout.strip() == ""

    t_gone = wait_for(gone, 60, 0.1)
    starts = []
    for i in range(args.tasks):
        with open(os.path.join(work, f"start-{i}")) as f:
            starts.append(float(f.read()))
    shutil.rmtree(work)
    return {"job": job, "sbatch": t_sbatch - t0, "first_start": min(starts) - t0,
            "results": t_results - t0, "squeue_gone": t_gone - t0}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--tasks", type=int, default=1)
    parser.add_argument("--sleep", type=float, default=1.0)
    parser.add_argument("--partition", default=os.environ.get("ECAD_SLURM_PARTITION", "debug"))
    parser.add_argument("--shared", default=os.environ.get("ECAD_SLURM_SHARED", "/var/tmp/ecad-slurm"))
    parser.add_argument("--user", default=None, help="submit as this user (runuser; needs root)")
    parser.add_argument("--jitter", type=float, default=0.0,
                        help="wait a random 0..JITTER s (seeded) before each run, so that submissions do not stay "
                             "in step with slurmctld's 1-second scheduling pass")
    parser.add_argument("--json", action="store_true", help="print the runs as JSON as well")
    args = parser.parse_args()
    runs = []
    rng = random.Random(15)
    for _ in range(args.runs):
        time.sleep(rng.uniform(0, args.jitter))
        r = one_run(args.shared, args)
        runs.append(r)
        print(f"job {r['job']}: sbatch {r['sbatch']:.3f} s, first task started {r['first_start']:.3f} s, "
              f"results {r['results']:.3f} s, gone from squeue {r['squeue_gone']:.3f} s", flush=True)
    for key in ("sbatch", "first_start", "results", "squeue_gone"):
        values = sorted(r[key] for r in runs)
        print(f"{key}: median {statistics.median(values):.3f} s, min {values[0]:.3f}, max {values[-1]:.3f}")
    if args.json:
        print(json.dumps(runs))


if __name__ == "__main__":
    main()
