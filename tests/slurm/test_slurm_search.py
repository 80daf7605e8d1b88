"""Searches through the Slurm executor against the real local cluster (scripts/slurm-local.sh): a real debug
`ecadd` submits `sbatch --array` jobs whose tasks run the native worker's one-shot mode.

- A search through Slurm ends with the front of the same search run on the local worker.
- kill -9 of ecadd while an array runs, restart: the array is adopted, nothing is submitted or evaluated twice.
- `scancel` of one task: its chunk is submitted again and the search ends with the same front.
- Cancelling the search cancels its arrays.
- A chunk whose task fails every time: its candidates are marked failed and the search still completes.

Skipped with a message when Slurm is absent, except under CI=true, where that fails.
"""

import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest

from ecadd_harness import BIN, ROOT, Daemon, queue, wait_until

SCRIPT = ROOT / "scripts" / "slurm-local.sh"

# 2 prompts x 1 seed, 2 sampler steps, population 6 (chunks of 4 and 2: two array tasks), 2 generations.
SPEC = {
    "kind": "search", "model": "shapes32",
    "prompts": ["a small red circle at the top left", "a large green triangle at the top right on a navy background"],
    "seeds": [0], "sampler": {"steps": 2}, "population": 6, "seed": 5,
    "init": {"heuristics": ["fora:n=2"]}, "budgets": {"generations": 2}, "publish": {"enabled": False},
}


@pytest.fixture(scope="module")
def cluster():
    if os.environ.get("ECAD_SLURM") == "0":
        pytest.skip("ECAD_SLURM=0: the local Slurm cluster tests are switched off")
    if shutil.which("sbatch") is None and os.geteuid() != 0:
        message = "Slurm is not installed and only root can install it (scripts/slurm-local.sh up)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI must run these tests")
        pytest.skip(message)
    up = subprocess.run(["bash", str(SCRIPT), "up"], capture_output=True, text=True, timeout=600)
    assert up.returncode == 0, f"scripts/slurm-local.sh up failed:\n{up.stderr}"
    env = subprocess.run(["bash", str(SCRIPT), "env"], capture_output=True, text=True, check=True).stdout
    for binary in ("ecadd", "ecad-worker"):
        assert (BIN / binary).exists(), f"{BIN / binary} is not built (make build)"
    return dict(line.split("=", 1) for line in env.splitlines())


@pytest.fixture
def workspace(cluster):
    """A temp folder for ecadd's state and socket, and a shared folder for its Slurm files."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="ecad-slurm-it-"))
    shared = pathlib.Path(tempfile.mkdtemp(prefix="search-", dir=cluster["ECAD_SLURM_SHARED"]))
    daemons = []
    yield root, shared, cluster, daemons
    for daemon in daemons:
        daemon.stop()
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(shared, ignore_errors=True)


def slurm_daemon(workspace, worker=None, name="slurm"):
    root, shared, cluster, daemons = workspace
    folder = root / name
    folder.mkdir()
    flags = ["--slurm-shared-dir", str(shared), "--slurm-partition", cluster["ECAD_SLURM_PARTITION"],
             "--slurm-max-tasks", "2", "--slurm-poll-interval", "0.5", "--slurm-max-attempts", "2"]
    daemon = Daemon(folder, flags)
    if worker:
        daemon.flags = [*flags, "--worker", str(worker)]
        daemon.env["ECAD_REAL_WORKER"] = str(BIN / "ecad-worker")
    daemons.append(daemon)
    return daemon.start()


def local_front(workspace):
    root, _, _, daemons = workspace
    folder = root / "local"
    folder.mkdir()
    daemon = Daemon(folder, [])
    daemons.append(daemon)
    daemon.start()
    job = daemon.submit(SPEC)
    assert daemon.wait_for(job, {"COMPLETED", "FAILED"}, 300)["state"] == "COMPLETED", daemon.log_lines(job)
    front = daemon.front(job)
    daemon.stop()
    return front


def result_files(shared: pathlib.Path) -> list[pathlib.Path]:
    return sorted(shared.glob("ecad-job-*/*/attempt-*/result-*.json"))


def test_a_search_through_slurm_ends_with_the_local_front(workspace):
    expected = local_front(workspace)
    daemon = slurm_daemon(workspace)
    job = daemon.submit(SPEC)
    done = daemon.wait_for(job, {"COMPLETED", "FAILED"}, 300)
    assert done["state"] == "COMPLETED", daemon.log_lines(job)
    assert daemon.front(job) == expected
    arrays = daemon.arrays(job)
    assert arrays and all(a["attempt"] == 1 and a["state"] == "finished" for a in arrays)
    assert any("submitted array" in line for line in daemon.log_lines(job))
    assert not queue(f"ecad-{job}-")


def test_kill_9_of_ecadd_while_an_array_runs_adopts_it(workspace):
    _, shared, _, _ = workspace
    daemon = slurm_daemon(workspace)
    job = daemon.submit(SPEC)
    wait_until(lambda: any(state == "RUNNING" for _, state in queue(f"ecad-{job}-")), 120, "a task of the search to run")
    before = daemon.arrays(job)
    assert len(before) == 1 and before[0]["state"] == "running"
    daemon.kill9()

    daemon.start()
    done = daemon.wait_for(job, {"COMPLETED", "FAILED"}, 300)
    assert done["state"] == "COMPLETED", daemon.log_lines(job)
    arrays = daemon.arrays(job)
    assert arrays[0]["arrayId"] == before[0]["arrayId"], "the array in flight was adopted, not submitted again"
    assert all(a["attempt"] == 1 for a in arrays), "no batch was submitted twice"
    # One result file per chunk: 2 chunks (4 + 2 candidates) per generation's batch.
    files = result_files(shared)
    assert len(files) == 2 * len(arrays)
    assert len({f.parent.parent for f in files}) == len(arrays)


def test_scancel_of_one_task_resubmits_its_chunk(workspace):
    _, shared, _, _ = workspace
    daemon = slurm_daemon(workspace)
    job = daemon.submit(SPEC)
    task = wait_until(lambda: next((t for t, s in queue(f"ecad-{job}-") if t.endswith("_0") and s == "RUNNING"), None),
                      120, "task 0 of the first array to run")
    subprocess.run(["scancel", task], check=True, timeout=30)
    done = daemon.wait_for(job, {"COMPLETED", "FAILED"}, 300)
    assert done["state"] == "COMPLETED", daemon.log_lines(job)
    arrays = daemon.arrays(job)
    retries = [a for a in arrays if a["attempt"] == 2]
    assert len(retries) == 1 and retries[0]["chunks"] == arrays[0]["chunks"].split()[0], arrays
    assert daemon.front(job) == local_front(workspace)


def test_cancelling_the_search_cancels_its_arrays(workspace):
    daemon = slurm_daemon(workspace)
    job = daemon.submit(SPEC)
    wait_until(lambda: queue(f"ecad-{job}-"), 120, "the search's array to be queued")
    status, _ = daemon.request("POST", f"/v1/jobs/{job}/cancel")
    assert status == 200
    wait_until(lambda: not queue(f"ecad-{job}-"), 60, "the search's tasks to leave Slurm's queue")
    wait_until(lambda: all(a["state"] == "cancelled" for a in daemon.arrays(job)), 30, "the arrays to be marked cancelled")
    assert daemon.job(job)["state"] == "CANCELLED"


FAILING_WORKER = """#!/bin/sh
# The native worker, except that slot 0 of the first batch it sees fails every time (exit 3, no result file).
# ecadd also starts it as the job's local worker (serve): only the one-shot runs on the cluster are sabotaged.
if [ "$1" = oneshot ]; then
    first=$(dirname "$3")
    [ -e "$0.first" ] || echo "$first" > "$0.first"
    if [ "$(cat "$0.first")" = "$first" ] && [ "$5" = 0 ]; then echo "failing on purpose" >&2; exit 3; fi
fi
exec "$ECAD_REAL_WORKER" "$@"
"""


def test_a_chunk_that_always_fails_is_marked_failed_and_the_search_goes_on(workspace):
    _, shared, _, _ = workspace
    worker = shared / "failing-worker.sh"
    worker.write_text(FAILING_WORKER)
    worker.chmod(0o755)
    daemon = slurm_daemon(workspace, worker=worker)
    job = daemon.submit(SPEC)
    done = daemon.wait_for(job, {"COMPLETED", "FAILED"}, 300)
    assert done["state"] == "COMPLETED", daemon.log_lines(job)
    arrays = daemon.arrays(job)
    first = [a for a in arrays if a["batchKey"] == arrays[0]["batchKey"]]
    chunk0, chunk1 = first[0]["chunks"].split()
    assert [(a["attempt"], a["chunks"]) for a in first] == [(1, f"{chunk0} {chunk1}"), (2, chunk0)]  # max attempts 2
    assert any("marked failed" in line for line in daemon.log_lines(job))
    # The failed candidates rank last: no member of the front has the failure reward.
    front = daemon.request("GET", f"/v1/jobs/{job}/front")[1]
    assert front["members"] and all(m["metrics"]["reward"] > -1000 for m in front["members"])
