#!/usr/bin/env python3
"""Daemon load benchmark: N concurrent clients submit and query for D seconds while a job runs.

Starts the built `ecadd` on a temp socket and state dir with the fake worker, starts one long-running job
(it occupies the only slot), then runs N client threads, each on its own keep-alive connection, looping
submit (POST /v1/jobs) + show (GET /v1/jobs/{id}). Reports p50/p99 latency of show and submit, submits/s,
errors, and checks that every acknowledged job exists exactly once afterwards.

usage: Benchmarks/daemon/load.py [--clients 32] [--seconds 20] [--bin .build/release]
"""
import argparse
import multiprocessing
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAKE_WORKER = os.path.join(ROOT, "Tests", "ECADIntegrationTests", "Fixtures", "fake_worker.py")


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=30)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


def call(conn, method, path, body=None):
    start = time.perf_counter()
    headers = {"Content-Type": "application/json"} if body is not None else {}
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, data, time.perf_counter() - start


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release"))
    parser.add_argument("--threads", action="store_true",
                        help="run the clients as threads of one Python process (they then share its GIL)")
    parser.add_argument("--daemon-cpus", help="pin ecadd (and its worker) to these CPUs, e.g. 0")
    parser.add_argument("--client-cpus", help="pin the load generator to these CPUs, e.g. 1")
    args = parser.parse_args()
    if args.client_cpus:
        os.sched_setaffinity(0, {int(c) for c in args.client_cpus.split(",")})
    pin = ["taskset", "-c", args.daemon_cpus] if args.daemon_cpus else []

    tmp = tempfile.mkdtemp(prefix="ecad-load-")
    sock = os.path.join(tmp, "ecadd.sock")
    daemon = subprocess.Popen(pin + [os.path.join(args.bin, "ecadd"), "--socket", sock, "--state-dir",
                               os.path.join(tmp, "state"), "--worker", FAKE_WORKER],
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 20
        while not os.path.exists(sock) and time.time() < deadline:
            time.sleep(0.05)
        gate = os.path.join(tmp, "go")
        runner = json.dumps({"kind": "generate", "spec": {"model": "fake", "prompts": ["wait-for:" + gate]}})
        status, data, _ = call(UnixConnection(sock), "POST", "/v1/jobs", runner)
        assert status == 201, data
        running_id = json.loads(data)["id"]

        body = json.dumps({"kind": "generate", "spec": {"model": "fake", "prompts": ["load test"], "seeds": [1]}})
        results = [dict(submit=[], show=[], ids=[], errors=0) for _ in range(args.clients)]
        stop_at = time.perf_counter() + args.seconds

        def client(slot):
            conn, mine = UnixConnection(sock), results[slot]
            while time.perf_counter() < stop_at:
                try:
                    status, data, elapsed = call(conn, "POST", "/v1/jobs", body)
                    if status != 201:
                        mine["errors"] += 1
                        continue
                    mine["submit"].append(elapsed)
                    job_id = json.loads(data)["id"]
                    mine["ids"].append(job_id)
                    status, _, elapsed = call(conn, "GET", "/v1/jobs/%d" % job_id)
                    if status == 200:
                        mine["show"].append(elapsed)
                    else:
                        mine["errors"] += 1
                except (OSError, http.client.HTTPException):
                    mine["errors"] += 1
                    conn = UnixConnection(sock)

        started = time.perf_counter()
        if args.threads:
            threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        else:
            # One process per client, like 32 users' CLIs: no client waits for another's GIL, so the latencies
            # are the daemon's plus the socket's, not the load generator's own queueing.
            context = multiprocessing.get_context("fork")
            queue = context.Queue()

            def process_client(slot):
                client(slot)
                queue.put((slot, results[slot]))

            processes = [context.Process(target=process_client, args=(i,)) for i in range(args.clients)]
            for p in processes:
                p.start()
            for _ in processes:
                slot, mine = queue.get()
                results[slot] = mine
            for p in processes:
                p.join()
        wall = time.perf_counter() - started

        status, data, _ = call(UnixConnection(sock), "GET", "/v1/jobs?all=1&limit=1000000")
        listed = [job["id"] for job in json.loads(data)["jobs"]]
        running = call(UnixConnection(sock), "GET", "/v1/jobs/%d" % running_id)
        open(gate, "w").close()

        acked = [i for r in results for i in r["ids"]]
        submits = [x for r in results for x in r["submit"]]
        shows = [x for r in results for x in r["show"]]
        errors = sum(r["errors"] for r in results)
        lost = set(acked) - set(listed)
        duplicated = len(listed) - len(set(listed))
        print("clients=%d seconds=%.1f" % (args.clients, wall))
        print("submits=%d (%.0f/s)  shows=%d" % (len(submits), len(submits) / wall, len(shows)))
        print("show   p50=%.2f ms  p99=%.2f ms" % (percentile(shows, 0.5) * 1e3, percentile(shows, 0.99) * 1e3))
        print("submit p50=%.2f ms  p99=%.2f ms" % (percentile(submits, 0.5) * 1e3, percentile(submits, 0.99) * 1e3))
        print("errors=%d  lost=%d  duplicated=%d  duplicate-acks=%d  running-job-state=%s" % (
            errors, len(lost), duplicated, len(acked) - len(set(acked)), json.loads(running[1])["state"]))
        ok = errors == 0 and not lost and duplicated == 0 and len(acked) == len(set(acked))
        return 0 if ok else 1
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
