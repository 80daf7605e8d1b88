#!/usr/bin/env python3
"""Multi-worker search benchmark: candidates per minute of one search on 1 and on 2 local workers, and the
fair-share latency (another user's job waiting for a slot the search was lent).

Starts the built `ecadd` (release) with the native `ecad-worker` on the shipped shapes32 model, once per run on a
fresh state directory (so the evaluation cache shares nothing), `--slots W --worker-threads 1`. Runs alternate
1 and 2 workers (the order flips every repeat), so both see the same machine load. Throughput is the search's
fresh evaluations divided by its RUNNING time (JobView startedAt -> endedAt: model loads and the lent slot's
start included). Every run's front (digests, rewards, MAC ratios) must be identical.

Fair share: on 2 slots a long search holds both (workers == 2); `nobody` (uid 65534, via setpriv) submits a
small generate job; the latency is its startedAt - submittedAt. Repeated after the search holds both slots
again.

Records the 1-minute load average (`/proc/loadavg`) before and after each run: the machine may be shared.

usage: Benchmarks/daemon/multiworker.py [--bin .build/release] [--repeats 3] [--population 16]
       [--generations 2] [--prompts 2] [--steps 10] [--fair-share 3]
"""
import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from datetime import datetime

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROMPTS = ["a small red circle at the top left", "a large blue square in the center",
           "a green triangle on a white background", "a yellow ring above a navy square"]


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=60)
        self.unix_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.unix_path)


def call(sock, method, path, body=None):
    conn = UnixConnection(sock)
    try:
        conn.request(method, path, body=json.dumps(body) if body is not None else None,
                     headers={"Content-Type": "application/json"} if body is not None else {})
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"null")
    finally:
        conn.close()


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def seconds(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


class Daemon:
    def __init__(self, args, slots):
        self.root = tempfile.mkdtemp(prefix="ecad-mw-bench-")
        os.chmod(self.root, 0o755)
        self.sock = os.path.join(self.root, "ecadd.sock")
        env = dict(os.environ, ECAD_MODELS_DIR=os.path.join(ROOT, "models"))
        self.process = subprocess.Popen(
            [os.path.join(args.bin, "ecadd"), "--socket", self.sock, "--state-dir", os.path.join(self.root, "state"),
             "--worker", os.path.join(args.bin, "ecad-worker"), "--slots", str(slots), "--worker-threads", "1"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.wait_for(lambda: os.path.exists(self.sock) and self.health(), 30, "ecadd to answer")

    def health(self):
        try:
            return call(self.sock, "GET", "/v1/health")[0] == 200
        except OSError:
            return False

    @staticmethod
    def wait_for(condition, timeout, what):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = condition()
            if value:
                return value
            time.sleep(0.05)
        raise TimeoutError(what)

    def submit(self, kind, spec, uid=None):
        body = {"kind": kind, "spec": spec}
        if uid is None:
            status, job = call(self.sock, "POST", "/v1/jobs", body)
        else:
            answer = subprocess.run(
                ["setpriv", "--reuid", str(uid), "--regid", str(uid), "--clear-groups", "curl", "-s",
                 "--unix-socket", self.sock, "-H", "Content-Type: application/json", "-d", json.dumps(body),
                 "http://localhost/v1/jobs"], capture_output=True, text=True, check=True)
            status, job = 201, json.loads(answer.stdout)
        if status != 201:
            raise RuntimeError(f"submit answered {status}: {job}")
        return job["id"]

    def job(self, job_id):
        return call(self.sock, "GET", f"/v1/jobs/{job_id}")[1]

    def wait_job(self, job_id, condition, timeout, what):
        return self.wait_for(lambda: (lambda job: job if condition(job) else None)(self.job(job_id)), timeout, what)

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)


def search_spec(args, generations):
    return {"model": "shapes32", "prompts": PROMPTS[:args.prompts], "seeds": [0], "sampler": {"steps": args.steps},
            "population": args.population, "seed": 7, "init": {"heuristics": ["fora:n=2"]},
            "budgets": {"generations": generations}, "publish": {"enabled": False}}


def throughput_run(args, workers):
    before = load_average()
    daemon = Daemon(args, workers)
    try:
        job_id = daemon.submit("search", search_spec(args, args.generations))
        done = daemon.wait_job(job_id, lambda j: j["state"] in ("COMPLETED", "FAILED"), 3600, "the search")
        if done["state"] != "COMPLETED":
            logs = call(daemon.sock, "GET", f"/v1/jobs/{job_id}/logs")[1]
            raise RuntimeError(f"search ended {done['state']}: {[l['text'] for l in logs['lines']][-10:]}")
        status, front = call(daemon.sock, "GET", f"/v1/jobs/{job_id}/front")
        digest = json.dumps([[m["scheduleDigest"], m["metrics"].get("reward"), m["metrics"].get("macsRatio")]
                             for m in front["members"]])
        elapsed = seconds(done["endedAt"]) - seconds(done["startedAt"])
        evaluations = done["progress"]["evaluations"]
        return {"workers": workers, "evaluations": evaluations, "seconds": elapsed,
                "per_minute": evaluations / elapsed * 60, "load_before": before, "load_after": load_average(),
                "front": digest}
    finally:
        daemon.close()


def fair_share(args):
    daemon = Daemon(args, 2)
    latencies = []
    try:
        search = daemon.submit("search", search_spec(args, 1000))
        for _ in range(args.fair_share):
            daemon.wait_job(search, lambda j: j["workers"] == 2, 600, "the search to hold both slots")
            load = load_average()
            other = daemon.submit("generate", {"model": "shapes32", "prompts": PROMPTS[:1], "sampler": {"steps": 2}},
                                  uid=65534)
            started = daemon.wait_job(other, lambda j: j["state"] != "PENDING", 120, "the other job to start")
            latencies.append((seconds(started["startedAt"]) - seconds(started["submittedAt"]), load))
            daemon.wait_job(other, lambda j: j["state"] == "COMPLETED", 300, "the other job to finish")
        call(daemon.sock, "POST", f"/v1/jobs/{search}/cancel")
    finally:
        daemon.close()
    return latencies


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release"))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--population", type=int, default=16)
    parser.add_argument("--generations", type=int, default=2)
    parser.add_argument("--prompts", type=int, default=2)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--fair-share", type=int, default=3, help="fair-share latency samples (0: skip)")
    args = parser.parse_args()

    runs = []
    for repeat in range(args.repeats):
        for workers in ([1, 2] if repeat % 2 == 0 else [2, 1]):
            run = throughput_run(args, workers)
            runs.append(run)
            print(f"repeat {repeat} workers {workers}: {run['evaluations']} candidates in {run['seconds']:.1f} s = "
                  f"{run['per_minute']:.1f}/min (load {run['load_before']:.2f} -> {run['load_after']:.2f})", flush=True)
    fronts = {run["front"] for run in runs}
    print(f"fronts identical across all runs: {len(fronts) == 1}")
    by = {w: [r["per_minute"] for r in runs if r["workers"] == w] for w in (1, 2)}
    for w in (1, 2):
        print(f"{w} worker(s): median {statistics.median(by[w]):.1f} candidates/min (min {min(by[w]):.1f}, "
              f"max {max(by[w]):.1f})")
    ratios = [two / one for one, two in zip(by[1], by[2])]
    print(f"speedup 2 vs 1: median {statistics.median(ratios):.2f}x (per repeat: "
          f"{', '.join(f'{r:.2f}' for r in ratios)}); of medians {statistics.median(by[2]) / statistics.median(by[1]):.2f}x")
    if args.fair_share:
        latencies = fair_share(args)
        print("fair share: nobody's generate job RUNNING after "
              + ", ".join(f"{lat:.3f} s (load {load:.2f})" for lat, load in latencies)
              + f"; median {statistics.median(l for l, _ in latencies):.3f} s")


if __name__ == "__main__":
    main()
