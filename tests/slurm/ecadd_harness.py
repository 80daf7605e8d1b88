"""A real debug `ecadd` with the native worker, on a temp state dir, talked to over its Unix socket; and the local
Slurm cluster's queue as the Slurm executor's tests read it."""

from __future__ import annotations

import http.client
import json
import os
import pathlib
import signal
import socket
import sqlite3
import subprocess
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("ECAD_BIN_DIR", ROOT / ".build" / "debug"))


def wait_until(predicate, seconds, what, interval=0.2):
    """Polls predicate until it returns something truthy (returned); fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        value = predicate()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out after {seconds} s waiting for {what}"
        time.sleep(interval)


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=30)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(30)
        self.sock.connect(self.path)


class Daemon:
    """`ecadd` on `root`/ecadd.sock and `root`/state; extra flags (the --slurm-* ones) given at start."""

    def __init__(self, root: pathlib.Path, flags: list[str], env: dict[str, str] | None = None):
        self.root = root
        self.flags = flags
        self.env = {**os.environ, "ECAD_MODELS_DIR": str(ROOT / "models"), "ECAD_THREADS": "1", **(env or {})}
        self.process: subprocess.Popen | None = None
        self.starts = 0

    @property
    def socket_path(self) -> str:
        return str(self.root / "ecadd.sock")

    @property
    def database(self) -> pathlib.Path:
        return self.root / "state" / "ecad.sqlite"

    def start(self) -> "Daemon":
        self.starts += 1
        log = open(self.root / f"ecadd-{self.starts}.log", "w")
        self.process = subprocess.Popen(
            [str(BIN / "ecadd"), "--socket", self.socket_path, "--state-dir", str(self.root / "state"),
             "--worker", str(BIN / "ecad-worker"), "--slots", "1", *self.flags],
            env=self.env, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
        wait_until(self.healthy, 60, "ecadd to answer /v1/health")
        return self

    def healthy(self) -> bool:
        assert self.process.poll() is None, f"ecadd exited {self.process.returncode}: {self.log_tail()}"
        try:
            return self.request("GET", "/v1/health")[0] == 200
        except OSError:
            return False

    def log_tail(self) -> str:
        return (self.root / f"ecadd-{self.starts}.log").read_text(errors="replace")[-3000:]

    def request(self, method: str, path: str, body=None):
        connection = UnixHTTPConnection(self.socket_path)
        data = None if body is None else json.dumps(body)
        connection.request(method, path, body=data, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        text = response.read().decode()
        connection.close()
        return response.status, (json.loads(text) if text else None)

    def submit(self, spec: dict) -> int:
        status, job = self.request("POST", "/v1/jobs", {"kind": spec["kind"], "spec": spec})
        assert status == 201, job
        return job["id"]

    def job(self, job_id: int) -> dict:
        return self.request("GET", f"/v1/jobs/{job_id}")[1]

    def wait_for(self, job_id: int, states: set[str], seconds: float) -> dict:
        return wait_until(lambda: (lambda j: j if j["state"] in states else None)(self.job(job_id)), seconds,
                          f"job {job_id} to reach {states}", interval=0.5)

    def front(self, job_id: int) -> str:
        """The front without measured latencies, as sorted JSON (digests, rewards, MAC ratios, hypervolume)."""
        front = self.request("GET", f"/v1/jobs/{job_id}/front")[1]
        for member in front["members"]:
            member["metrics"].pop("latencySeconds", None)
        return json.dumps(front, sort_keys=True)

    def log_lines(self, job_id: int) -> list[str]:
        return [line["text"] for line in self.request("GET", f"/v1/jobs/{job_id}/logs")[1]["lines"]]

    def arrays(self, job_id: int) -> list[dict]:
        """The job's rows of the slurmArray table (read-only; the daemon may be running)."""
        if not self.database.exists():
            return []
        connection = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=10)
        connection.row_factory = sqlite3.Row
        try:
            return [dict(row) for row in connection.execute(
                "SELECT * FROM slurmArray WHERE jobId = ? ORDER BY id", (job_id,))]
        except sqlite3.OperationalError:
            return []
        finally:
            connection.close()

    def kill9(self) -> None:
        """SIGKILL to ecadd and its local worker (its own process group) and wait for them."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)


def queue(name_prefix: str) -> list[tuple[str, str]]:
    """(task id, state) of every task in Slurm's queue whose job name starts with `name_prefix`."""
    out = subprocess.run(["squeue", "-h", "-r", "-o", "%i %T %j"], capture_output=True, text=True, timeout=30,
                         check=True).stdout
    return [(task, state) for task, state, name in (line.split() for line in out.splitlines())
            if name.startswith(name_prefix)]
