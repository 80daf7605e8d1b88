"""A real ecadd with a finished search and jobs to act on, and `ecad ui` for root and for nobody: the fixture of
the dashboard's browser tests (conftest.py) and of the screenshot script (screenshots.py).

Everything lives in one 0755 temp folder (binaries copied in, so that nobody can run `ecad` whatever the
checkout's permissions): the daemon's socket and state, the native worker on the shipped shapes32 model.
ECAD_BIN_DIR picks the binaries (default .build/debug).
"""
import http.client
import json
import os
import pathlib
import re
import select
import shutil
import socket
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("ECAD_BIN_DIR") or ROOT / ".build" / "debug")
NOBODY = 65534
SETPRIV = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
SEARCH = {
    "model": "shapes32", "name": "ui-quick", "prompts": ["a small red circle at the top left", "a large blue square at the bottom right on a gray background"],
    "seeds": [0], "sampler": {"steps": 2}, "population": 4, "seed": 11,
    "init": {"heuristics": ["fora:n=2", "uncached"]}, "budgets": {"generations": 2},
    "publish": {"name": "shapes32/ui-demo"},
}
GENERATE = {"model": "shapes32", "prompts": ["a small green triangle at the top"], "seeds": [1]}


def poll(what: str, check, seconds: float = 60):
    """Calls `check` until it returns something other than None and returns that; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if (value := check()) is not None:
            return value
        time.sleep(0.1)
    raise TimeoutError(f"timed out after {seconds} s waiting for {what}")


class UnixConnection(http.client.HTTPConnection):
    """http.client over the daemon's Unix socket."""

    def __init__(self, path: str):
        super().__init__("localhost", timeout=30)
        self._path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self._path)


class Dashboard:
    """The daemon, its jobs, and the two `ecad ui` servers (`root_url`, `nobody_url`)."""

    def __init__(self, search: dict | None = None):
        self.search = dict(SEARCH, **(search or {}))
        self.root = pathlib.Path(tempfile.mkdtemp(prefix="ecad-ui-"))
        self.root.chmod(0o755)
        self.socket = str(self.root / "ecadd.sock")
        self.processes: list[subprocess.Popen] = []
        self.jobs: dict[str, int] = {}

    def api(self, method: str, path: str, body: dict | None = None):
        """(status, decoded JSON) of one request to the daemon as root."""
        connection = UnixConnection(self.socket)
        try:
            data = json.dumps(body).encode() if body is not None else None
            connection.request(method, path, body=data, headers={"Content-Type": "application/json"})
            answer = connection.getresponse()
            raw = answer.read()
            return answer.status, json.loads(raw) if raw else None
        finally:
            connection.close()

    def job(self, job_id: int) -> dict:
        return self.api("GET", f"/v1/jobs/{job_id}")[1]

    def _submit(self, kind: str, spec: dict) -> int:
        status, job = self.api("POST", "/v1/jobs", {"kind": kind, "spec": spec})
        assert status == 201, f"submit {kind}: {status} {job}"
        return job["id"]

    def _hold(self, job_id: int) -> None:
        status, answer = self.api("POST", f"/v1/jobs/{job_id}/hold", {})
        assert status == 200, f"hold {job_id}: {status} {answer}"

    def _spawn(self, command: list[str], log: str, **options) -> subprocess.Popen:
        with open(self.root / log, "w") as stream:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stderr=stream, **options)
        self.processes.append(process)
        return process

    def _ecad_ui(self, as_nobody: bool) -> str:
        """Starts `ecad ui --port 0` and returns the URL it prints."""
        command = [str(self.root / "bin" / "ecad"), "--socket", self.socket, "ui", "--port", "0"]
        process = self._spawn((SETPRIV if as_nobody else []) + command,
                              "ui-nobody.log" if as_nobody else "ui-root.log", stdout=subprocess.PIPE)
        ready, _, _ = select.select([process.stdout], [], [], 30)
        line = process.stdout.readline().decode() if ready else ""
        match = re.fullmatch(r"(http://127\.0\.0\.1:\d+/ui/\?token=[0-9a-f]{64})\n", line)
        assert match, f"ecad ui printed {line!r}; see {self.root}/ui-*.log"
        return match.group(1)

    def start(self) -> "Dashboard":
        (self.root / "bin").mkdir(mode=0o755)
        for tool in ("ecadd", "ecad", "ecad-worker"):
            shutil.copy2(BIN / tool, self.root / "bin" / tool)
        self._spawn([str(self.root / "bin" / "ecadd"), "--socket", self.socket, "--state-dir",
                     str(self.root / "state"), "--worker", str(self.root / "bin" / "ecad-worker"), "--slots", "1"],
                    "ecadd.log", stdout=subprocess.DEVNULL, env=dict(os.environ, ECAD_MODELS_DIR=str(ROOT / "models")))
        poll("ecadd to answer", lambda: True if os.path.exists(self.socket) and self._healthy() else None, 30)
        self.jobs["search"] = self._submit("search", self.search)
        # Behind the running search (one slot), these stay pending until held.
        for name in ("cancel_me", "root_held"):
            self.jobs[name] = self._submit("generate", dict(GENERATE, name=name))
            self._hold(self.jobs[name])
        spec = self.root / "nobody.toml"
        spec.write_text('kind = "generate"\nname = "nobodys"\nmodel = "shapes32"\n'
                        f'prompts = {json.dumps(GENERATE["prompts"])}\nseeds = {GENERATE["seeds"]}\n')
        spec.chmod(0o644)
        self.jobs["nobody_held"] = self._submit_as_nobody(spec)
        self._hold(self.jobs["nobody_held"])
        poll(f"search job {self.jobs['search']} to complete",
             lambda: True if self.job(self.jobs["search"])["state"] == "COMPLETED" else
             self._fail_if_ended(self.job(self.jobs["search"])), 240)
        self.root_url = self._ecad_ui(as_nobody=False)
        self.nobody_url = self._ecad_ui(as_nobody=True)
        return self

    def _submit_as_nobody(self, spec: pathlib.Path) -> int:
        """Submits `spec` (a job file) with `ecad submit` run as nobody; returns the job id."""
        result = subprocess.run(SETPRIV + [str(self.root / "bin" / "ecad"), "--socket", self.socket, "submit", str(spec)],
                                capture_output=True, text=True, timeout=30, cwd=self.root)
        assert result.returncode == 0 and result.stdout.strip().isdigit(), f"nobody's submit: {result}"
        job_id = int(result.stdout.strip())
        assert self.job(job_id)["ownerUID"] == NOBODY
        return job_id

    @staticmethod
    def _fail_if_ended(job: dict):
        assert job["state"] not in ("FAILED", "CANCELLED"), f"search job ended {job['state']}: {job}"
        return None

    def _healthy(self) -> bool:
        try:
            return self.api("GET", "/v1/health")[0] == 200
        except OSError:
            return False

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if os.environ.get("ECAD_UI_KEEP"):
            print(f"kept {self.root}")
        else:
            shutil.rmtree(self.root, ignore_errors=True)
