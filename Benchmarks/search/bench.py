#!/usr/bin/env python3
"""Search-efficiency benchmark (issue 14): each strategy searches shapes32 through the real daemon and native
worker (the pymoo peer drives the same worker through the worker protocol) with fixed seeds; the benchmark records
hypervolume on the calibration objective against images evaluated, evaluates every final front on held-out
benchmark prompts, and prints the images each strategy needed to reach the plain run's final hypervolume.

    VENV=$(bash scripts/setup.sh); $VENV/bin/pip install -r Benchmarks/search/requirements.txt
    flock /tmp/swift-build.lock swift build -c release
    nice -n 10 $VENV/bin/python Benchmarks/search/bench.py [--quick] [--strategies plain,pymoo,...]
"""
import argparse
import json
import os
import pickle
import subprocess
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from analysis import analyse, write_outputs  # noqa: E402
from daemon_run import DaemonRun, read_run  # noqa: E402
from heldout import evaluate_all  # noqa: E402
from pymoo_peer import run_peer  # noqa: E402
from strategies import PLAIN_HEURISTICS, SAMPLER, SIZES, STRATEGIES, spec_toml  # noqa: E402
from worker_client import Worker, bits_of, wire_schedule  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HELDOUT_HEURISTICS = ["fora:n=2", "fora:n=3", "fora:n=4", "fora:n=5"] + [
    f"tgate:k={k},sa={sa}" for k in (10, 15) for sa in (1, 3, 5)]


def read_prompts(name, limit):
    with open(os.path.join(ROOT, "jobs", "prompts", name)) as handle:
        lines = [line.strip() for line in handle]
    return [line for line in lines if line and not line.startswith("#")][:limit]


def heuristic_bits(bin_dir, name, work):
    path = os.path.join(work, name.replace(":", "_").replace(",", "_").replace("=", "") + ".json")
    subprocess.run([os.path.join(bin_dir, "ecad"), "schedule", "heuristic", name, "--model", "shapes32",
                    "--steps", str(SAMPLER["steps"]), "-o", path], check=True, capture_output=True)
    with open(path) as handle:
        return bits_of(json.load(handle))


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a smoke run: one search seed, a tiny budget")
    parser.add_argument("--size", choices=sorted(SIZES), default=None, help="overrides --quick")
    parser.add_argument("--reanalyse", action="store_true", help="only redo the figures from OUT/runs.pickle")
    parser.add_argument("--strategies", default=",".join(STRATEGIES), help="comma-separated, plain first")
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release"))
    parser.add_argument("--out", default=None, help="default: Benchmarks/search/results[-quick]")
    args = parser.parse_args()
    size_name = args.size or ("quick" if args.quick else "full")
    size = SIZES[size_name]
    names = args.strategies.split(",")
    if names[0] != "plain" or any(n not in STRATEGIES for n in names):
        parser.error(f"--strategies: plain first, then any of {', '.join(STRATEGIES)}")
    out = args.out or os.path.join(ROOT, "Benchmarks", "search", "results" if size_name == "full" else f"results-{size_name}")
    work = os.path.join("/tmp", f"ecad-search-bench-{os.getpid()}")
    os.makedirs(out, exist_ok=True)
    os.makedirs(work, exist_ok=True)
    if args.reanalyse:
        with open(os.path.join(out, "runs.pickle"), "rb") as handle:
            runs, heldout_results, base, log = pickle.load(handle)
        write_outputs(out, runs, names, analyse(runs, names, heldout_results, base, HELDOUT_HEURISTICS, size), log)
        return

    calibration = read_prompts("shapes-calibration.txt", size["prompts"])
    heldout = read_prompts("shapes-benchmark.txt", size["heldout_prompts"])
    worker = Worker(os.path.join(args.bin, "ecad-worker"), os.path.join(work, "worker.log"))
    layout = worker.load("shapes32", os.path.join(ROOT, "models", "shapes32"))
    steps, blocks, components = layout
    ones = np.ones(steps * blocks * len(components), np.uint8)
    (base,) = worker.evaluate([wire_schedule(ones, *layout)], calibration, size["seeds"], SAMPLER)
    setup = {**size, "prompts": calibration, "sampler": SAMPLER, "uncached_macs": base["macs"]}
    step_zero = blocks * len(components)
    plain_seeds = [heuristic_bits(args.bin, h, work)[step_zero:] for h in PLAIN_HEURISTICS]

    runs, log = {}, {"start_uptime": uptime(), "size": size, "layout": layout}
    started = time.monotonic()
    for seed in size["search_seeds"]:
        for name in names:
            settings = STRATEGIES[name]
            before, clock = uptime(), time.monotonic()
            if settings["kind"] == "pymoo":
                trace, front, repeats = run_peer(worker, layout, plain_seeds, setup, seed)
                extra = {"repeats": repeats}
            else:
                runner = DaemonRun(args.bin, os.path.join(work, f"{name}-s{seed}"))
                job, _ = runner.run(spec_toml(name, settings, size, seed), ROOT)
                trace, front, checkpoint = read_run(runner.state, job, len(calibration), len(size["seeds"]),
                                                    base["macs"])
                extra = {"counters": checkpoint.get("counters"), "stopReason": checkpoint.get("stopReason")}
            wall = time.monotonic() - clock
            runs[(name, seed)] = {"trace": trace, "front": front, "wall": wall, "uptime_before": before,
                                  "uptime_after": uptime(), **extra}
            print(f"{name} seed {seed}: {sum(i for i, _ in trace)} images, {len(front)} front members, "
                  f"{wall:.0f} s ({runs[(name, seed)]['uptime_after']})", flush=True)

    named = {("uncached",): ones}
    named.update({("h", h): heuristic_bits(args.bin, h, work) for h in HELDOUT_HEURISTICS})
    for (name, seed), run in runs.items():
        named.update({(name, seed, i): bits for i, (bits, _) in enumerate(run["front"])})
    clock = time.monotonic()
    heldout_results = evaluate_all(worker, layout, named, heldout, size["seeds"], SAMPLER)
    log["heldout_seconds"] = time.monotonic() - clock
    worker.close()
    log["total_seconds"] = time.monotonic() - started
    log["end_uptime"] = uptime()
    with open(os.path.join(out, "runs.pickle"), "wb") as handle:
        pickle.dump((runs, heldout_results, base, log), handle)
    summary = analyse(runs, names, heldout_results, base, HELDOUT_HEURISTICS, size)
    write_outputs(out, runs, names, summary, log)


if __name__ == "__main__":
    main()
