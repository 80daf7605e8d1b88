"""The local single-node Slurm cluster (scripts/slurm-local.sh) runs what the Slurm executor will submit: an
`sbatch --array` job, submitted by a non-root user, whose tasks write result files by tmp + rename into a shared
directory; a failing task reads FAILED with its exit code; `scancel` of one task cancels only that task.

The cluster is brought up by the script (as root). ECAD_SLURM=0 skips these tests; by default (CI) they run.
"""
import os
import pathlib
import pwd
import re
import shutil
import subprocess
import tempfile
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "slurm-local.sh"
SUBMITTER = "nobody"

TASK = """#!/bin/bash
# usage: task.sh DIR FAILING_TASK SLEEP (sbatch runs a spooled copy of this script: find files through DIR)
i=$SLURM_ARRAY_TASK_ID
sleep "$3"
if [ "$i" = "$2" ]; then echo "task $i fails on purpose" >&2; exit 3; fi
printf '{"task": %s, "square": %s, "uid": %s}\\n' "$i" "$((i * i))" "$(id -u)" > "$1/result-$i.json.tmp"
mv "$1/result-$i.json.tmp" "$1/result-$i.json"
"""


@pytest.fixture(scope="module")
def cluster():
    if os.environ.get("ECAD_SLURM") == "0":
        pytest.skip("ECAD_SLURM=0: the local Slurm cluster tests are switched off")
    up = subprocess.run(["bash", str(SCRIPT), "up"], capture_output=True, text=True, timeout=600)
    assert up.returncode == 0, f"scripts/slurm-local.sh up failed:\n{up.stderr}"
    env = subprocess.run(["bash", str(SCRIPT), "env"], capture_output=True, text=True, check=True).stdout
    return dict(line.split("=", 1) for line in env.splitlines())


@pytest.fixture
def shared(cluster):
    """A directory in the cluster's shared area that the submitting user can write."""
    path = tempfile.mkdtemp(prefix="test-", dir=cluster["ECAD_SLURM_SHARED"])
    user = pwd.getpwnam(SUBMITTER)
    os.chown(path, user.pw_uid, user.pw_gid)
    script = pathlib.Path(path) / "task.sh"
    script.write_text(TASK)
    script.chmod(0o755)
    yield pathlib.Path(path)
    shutil.rmtree(path)


def submit(cluster, directory, tasks, failing, sleep):
    """sbatch --array as the non-root submitter; returns the array's job id."""
    argv = ["runuser", "-u", SUBMITTER, "--", "sbatch", "--parsable", "--job-name=ecad-test",
            f"--array=0-{tasks - 1}%2", f"--partition={cluster['ECAD_SLURM_PARTITION']}", "--time=2",
            f"--chdir={directory}", f"--output={directory}/%A_%a.log",
            str(directory / "task.sh"), str(directory), str(failing), str(sleep)]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, f"sbatch failed: {result.stderr}"
    assert re.fullmatch(r"\d+", result.stdout.strip()), result.stdout
    return result.stdout.strip()


def task_states(job, all_states=False):
    """{task id: (state, raw wait status)} from one squeue call for the whole array."""
    argv = ["squeue", "-h", "-r", "-j", job, "-O", "JobArrayID:30,State:20,exit_code:10"]
    if all_states:
        argv.insert(1, "--states=all")
    out = subprocess.run(argv, capture_output=True, text=True, check=True, timeout=30).stdout
    states = {}
    for line in out.splitlines():
        task, state, status = line.split()
        states[task] = (state, int(status))
    return states


def wait_until(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"timed out after {seconds} s waiting for {what}"
        time.sleep(0.2)


def test_array_results_by_rename_and_a_failing_task(cluster, shared):
    job = submit(cluster, shared, tasks=4, failing=3, sleep=1)
    wait_until(lambda: not task_states(job), 120, f"array {job} to leave the queue")

    uid = pwd.getpwnam(SUBMITTER).pw_uid
    for i in range(3):
        text = (shared / f"result-{i}.json").read_text()
        assert text.strip() == f'{{"task": {i}, "square": {i * i}, "uid": {uid}}}'
    assert not (shared / "result-3.json").exists()
    assert not list(shared.glob("*.tmp"))

    # Within MinJobAge, squeue --states=all still lists finished tasks: state and raw wait status (exit 3 = 768).
    states = task_states(job, all_states=True)
    assert states == {f"{job}_0": ("COMPLETED", 0), f"{job}_1": ("COMPLETED", 0),
                      f"{job}_2": ("COMPLETED", 0), f"{job}_3": ("FAILED", 3 << 8)}
    detail = subprocess.run(["scontrol", "-o", "show", "job", f"{job}_3"], capture_output=True, text=True,
                            check=True).stdout
    assert "JobState=FAILED" in detail and "ExitCode=3:0" in detail
    # The jobcomp log keeps it after MinJobAge, with the array's id and the task's index.
    log = pathlib.Path(cluster["ECAD_SLURM_JOBCOMP_LOG"]).read_text()
    line = next(l for l in log.splitlines() if f"ArrayJobId={job} ArrayTaskId=3 " in l)
    assert "JobState=FAILED" in line and "ExitCode=3:0" in line


def test_scancel_of_one_task_cancels_only_that_task(cluster, shared):
    job = submit(cluster, shared, tasks=2, failing=-1, sleep=5)
    wait_until(lambda: task_states(job).get(f"{job}_0", ("",))[0] == "RUNNING", 60, f"task {job}_0 to run")
    cancel = subprocess.run(["runuser", "-u", SUBMITTER, "--", "scancel", f"{job}_0"], capture_output=True,
                            text=True, timeout=30)
    assert cancel.returncode == 0, cancel.stderr
    wait_until(lambda: not task_states(job), 120, f"array {job} to leave the queue")

    states = task_states(job, all_states=True)
    assert states[f"{job}_0"][0] == "CANCELLED"
    assert states[f"{job}_1"] == ("COMPLETED", 0)
    assert not (shared / "result-0.json").exists()
    assert (shared / "result-1.json").exists()
