#!/usr/bin/env python3
"""Dashboard page time with 1,000 jobs and a 72-member front (issue 16; docs/benchmarks.md, "Dashboard pages").

Fills a store with the gated Swift suite UIPageBenchmarkTests (debug test build: a finished search on a 28-block
toy model whose front has 72 members, published to the registry, 2,000 log lines, 799 cancelled and 200 held
jobs), starts the built `ecadd` on it, and times each /ui route over the Unix socket: 3 warm-up rounds, then
`--rounds` rounds with the routes interleaved, one keep-alive connection. Reports median, min, max and p90 per
route, in milliseconds from request sent to last body byte read (the daemon's time plus the socket's).

usage: Benchmarks/ui/pages.py [--bin .build/release] [--rounds 20]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


sys.path.insert(0, os.path.join(ROOT, "Benchmarks", "daemon"))
from load import UnixConnection  # noqa: E402  (the daemon benchmark's Unix-socket HTTP connection)


def fill(root):
    env = dict(os.environ, ECAD_UI_BENCH_ROOT=root)
    command = ["flock", "/tmp/swift-build.lock", "swift", "test", "--skip-build", "--filter", "UIPageBenchmarkTests"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not os.path.exists(os.path.join(root, "search.txt")):
        sys.exit("filling the store failed:\n" + result.stdout[-3000:] + result.stderr[-3000:])
    with open(os.path.join(root, "search.txt")) as handle:
        job, digest = handle.read().split()
    return job, digest


def wait_for(path, daemon, deadline=30):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if daemon.poll() is not None:
            sys.exit("ecadd exited early")
        try:
            connection = UnixConnection(path)
            connection.request("GET", "/v1/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.05)
    sys.exit("ecadd did not answer in time")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release"))
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    root = tempfile.mkdtemp(prefix="ecad-ui-bench-")
    daemon = None
    try:
        job, digest = fill(root)
        sock = os.path.join(root, "ecadd.sock")
        env = dict(os.environ, ECAD_MODELS_DIR=os.path.join(root, "models"))
        daemon = subprocess.Popen(
            [os.path.join(args.bin, "ecadd"), "--socket", sock, "--state-dir", os.path.join(root, "state"),
             "--worker", "/bin/false", "--slots", "1"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(sock, daemon)
        routes = ["/ui/", "/ui/?limit=1000", "/ui/jobs/" + job, "/ui/schedules/%s?job=%s" % (digest, job),
                  "/ui/schedules/" + digest, "/ui/registry"]
        connection = UnixConnection(sock)
        times = {route: [] for route in routes}
        sizes = {}
        for round_index in range(3 + args.rounds):
            for route in routes:
                start = time.perf_counter()
                connection.request("GET", route)
                response = connection.getresponse()
                body = response.read()
                elapsed = (time.perf_counter() - start) * 1000
                if response.status != 200:
                    sys.exit("%s answered %d" % (route, response.status))
                sizes[route] = len(body)
                if round_index >= 3:
                    times[route].append(elapsed)
        print("%-52s %9s %8s %8s %8s %9s" % ("route", "median", "min", "max", "p90", "bytes"))
        for route in routes:
            ordered = sorted(times[route])
            p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
            print("%-52s %7.2f ms %8.2f %8.2f %8.2f %9d" % (
                route, ordered[len(ordered) // 2], ordered[0], ordered[-1], p90, sizes[route]))
    finally:
        if daemon is not None:
            daemon.terminate()
            daemon.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
