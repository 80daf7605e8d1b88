"""Runs schemathesis against docs/openapi.yaml and a real ecadd (`make test-api`; docs/api.md).

Starts the built `ecadd` on a temp state dir and socket with the fake worker (the integration tests' test
double: no model, deterministic PNGs and rewards), bridges the socket to 127.0.0.1 (tests/api/unix_bridge.py),
seeds finished jobs (a generate job with artifacts, a search with a front, a cancelled job), then runs
`schemathesis run` with a fixed seed and a bounded number of cases per operation. Exits with schemathesis's
status: any failed check fails the build.

Settings (seed, cases per operation, time budget, the checks) are in tests/api/schemathesis.toml; extra arguments
go to `schemathesis run` and override them (`--max-examples 10`). ECAD_BIN_DIR picks the binaries (default
.build/debug); ECAD_API_KEEP=1 keeps the temp folder (state dir, ecadd.log).
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from unix_bridge import UnixBridge

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = pathlib.Path(os.environ.get("ECAD_BIN_DIR") or ROOT / ".build" / "debug")
FAKE_WORKER = ROOT / "Tests" / "ECADIntegrationTests" / "Fixtures" / "fake_worker.py"
FAKE_MODEL = {"attention_head_dim": 32, "caption_channels": 128, "cross_attention_dim": 128, "in_channels": 3,
              "num_attention_heads": 4, "num_layers": 4, "patch_size": 2, "sample_size": 32}


def request(base: str, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")
    except (urllib.error.URLError, ConnectionError):
        return 0, {}


def poll(what: str, check, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if (value := check()) is not None:
            return value
        time.sleep(0.05)
    sys.exit(f"test-api: timed out waiting for {what}")


def submit(base: str, kind: str, spec: dict) -> int:
    status, job = request(base, "POST", "/v1/jobs", {"kind": kind, "spec": spec})
    if status != 201:
        sys.exit(f"test-api: seeding a {kind} job answered {status}: {job}")
    return job["id"]


def wait_state(base: str, job: int, states: set[str]) -> None:
    poll(f"job {job} to reach {states}",
         lambda: True if request(base, "GET", f"/v1/jobs/{job}")[1].get("state") in states else None)


def seed(base: str) -> None:
    """Jobs for the routes to find: a COMPLETED generate job with artifacts, a COMPLETED search with a front and a
    CANCELLED job. Only finished ones: `events?follow=true` on an unfinished job streams until it ends, which a
    job that no worker runs (held, or queued behind a blocked one) never does."""
    held = submit(base, "generate", {"model": "fake", "prompts": ["a green triangle"]})
    if request(base, "POST", f"/v1/jobs/{held}/hold")[0] != 200:
        sys.exit(f"test-api: could not hold job {held}")
    if request(base, "POST", f"/v1/jobs/{held}/cancel")[0] != 200:
        sys.exit(f"test-api: could not cancel job {held}")
    generate = submit(base, "generate", {"model": "fake", "prompts": ["a red circle", "a blue square"], "seeds": [1, 2]})
    search = submit(base, "search", {
        "model": "fake", "prompts": ["a red circle", "a blue square"], "population": 4, "seed": 3,
        "budgets": {"generations": 2}, "publish": {"enabled": False}})
    for job in (generate, search):
        wait_state(base, job, {"COMPLETED"})


def start_daemon(root: pathlib.Path) -> subprocess.Popen:
    """`ecadd` on `root`/ecadd.sock and `root`/state with the fake worker and its 4-block model; log in ecadd.log."""
    models = root / "models" / "fake" / "transformer"
    models.mkdir(parents=True)
    (models / "config.json").write_text(json.dumps(FAKE_MODEL))
    with open(root / "ecadd.log", "w") as log:
        return subprocess.Popen(
            [str(BIN / "ecadd"), "--socket", str(root / "ecadd.sock"), "--state-dir", str(root / "state"),
             "--worker", str(FAKE_WORKER), "--slots", "1"],
            env=dict(os.environ, ECAD_MODELS_DIR=str(root / "models")), stdout=subprocess.DEVNULL, stderr=log)


def run_schemathesis(base: str) -> int:
    schemathesis = shutil.which("schemathesis", path=str(pathlib.Path(sys.executable).parent)) or "schemathesis"
    command = [
        schemathesis, "--config-file", str(HERE / "schemathesis.toml"), "run", str(ROOT / "docs" / "openapi.yaml"),
        "--url", base, *sys.argv[1:],
    ]
    print("test-api:", " ".join(command), flush=True)
    started = time.monotonic()
    status = subprocess.run(command, cwd=ROOT, env=dict(os.environ, SCHEMATHESIS_TELEMETRY="false")).returncode
    print(f"test-api: schemathesis exited {status} after {time.monotonic() - started:.1f} s", flush=True)
    return status


def main() -> int:
    if not (BIN / "ecadd").exists():
        sys.exit(f"test-api: {BIN / 'ecadd'} is not built (make build, or set ECAD_BIN_DIR)")
    root = pathlib.Path(tempfile.mkdtemp(prefix="ecad-api-"))
    daemon = start_daemon(root)
    bridge = UnixBridge(str(root / "ecadd.sock")).start()
    base = f"http://127.0.0.1:{bridge.port}"
    try:
        poll("ecadd to answer", lambda: True if request(base, "GET", "/v1/health")[0] == 200 else None)
        seed(base)
        status = run_schemathesis(base)
        if daemon.poll() is not None:
            log = (root / "ecadd.log").read_text(errors="replace").splitlines()[-20:]
            print(f"test-api: ecadd died (status {daemon.returncode}); its last log lines:", *log, sep="\n")
            return 1
        return status
    finally:
        bridge.close()
        daemon.terminate()
        try:
            daemon.wait(timeout=10)
        except subprocess.TimeoutExpired:
            daemon.kill()
        if os.environ.get("ECAD_API_KEEP") is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
