"""One search through the real daemon: a private ecadd (fresh state directory, so the evaluation cache shares
nothing between runs) with the release native worker; submit, watch, then read the run's evaluations in order, its
final checkpoint and its published front from the state database."""
import json
import os
import shutil
import sqlite3
import subprocess
import time

from worker_client import bits_of


class DaemonRun:
    def __init__(self, bin_dir, work_dir):
        self.bin_dir = bin_dir
        self.work_dir = work_dir
        self.socket = os.path.join(work_dir, "ecadd.sock")
        self.state = os.path.join(work_dir, "state")
        self.env = {**os.environ, "ECAD_SOCKET": self.socket}

    def _ecad(self, *args):
        return subprocess.run([os.path.join(self.bin_dir, "ecad"), *args], env=self.env, check=True,
                              capture_output=True, text=True, cwd=self.root).stdout

    def run(self, spec_text, root):
        """Runs the spec; returns (job id, wall seconds from submit to the end of `ecad watch`)."""
        self.root = root
        shutil.rmtree(self.work_dir, ignore_errors=True)
        os.makedirs(self.work_dir)
        spec_path = os.path.join(self.work_dir, "spec.toml")
        with open(spec_path, "w") as handle:
            handle.write(spec_text)
        log = open(os.path.join(self.work_dir, "ecadd.log"), "wb")
        daemon = subprocess.Popen(
            [os.path.join(self.bin_dir, "ecadd"), "--socket", self.socket, "--state-dir", self.state,
             "--worker", os.path.join(self.bin_dir, "ecad-worker")],
            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "ECAD_MODELS_DIR": os.path.join(root, "models")},
            cwd=root)
        try:
            deadline = time.monotonic() + 60
            while subprocess.run([os.path.join(self.bin_dir, "ecad"), "queue"], env=self.env,
                                 capture_output=True).returncode != 0:
                if daemon.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"ecadd did not come up; see {self.work_dir}/ecadd.log")
                time.sleep(0.2)
            started = time.monotonic()
            job = self._ecad("submit", spec_path).strip()
            self._ecad("watch", job)
            wall = time.monotonic() - started
            status = json.loads(self._ecad("show", job, "--json"))
            state = status.get("state") or status.get("job", {}).get("state")
            if state != "COMPLETED":
                raise RuntimeError(f"search job {job} ended {state}; see {self.work_dir}")
        finally:
            daemon.terminate()
            daemon.wait(timeout=60)
            log.close()
        return int(job), wall


def read_run(state_dir, job, prompt_count, seed_count, uncached_macs):
    """(trace, front [(bits, calibration point)], final checkpoint) of search `job`. The trace lists, per stored evaluation in
    order, (images, point): point is (-mean reward, MAC fraction) once a schedule has results for all
    `prompt_count` calibration prompts (one full-set row, or disjoint chunk rows adding up), else None."""
    database = sqlite3.connect(os.path.join(state_dir, "ecad.sqlite"))
    rows = database.execute(
        "SELECT scheduleDigest, perPromptRewards, macs FROM evaluation WHERE jobId = ? ORDER BY id", (job,))
    trace, chunks, points = [], {}, {}
    for digest, rewards_json, macs in rows:
        rewards = [float(r) for r in rewards_json.split(",") if r]
        images = len(rewards) * seed_count
        if len(rewards) == prompt_count:
            collected = rewards
        else:
            chunks.setdefault(digest, []).extend(rewards)
            collected = chunks[digest] if len(chunks[digest]) == prompt_count else None
        point = None if collected is None else (-sum(collected) / prompt_count, macs / uncached_macs)
        trace.append((images, point))
        if point is not None:
            points[digest.split(":")[-1]] = point
    front = [(bits_of(json.loads(text)), points[digest.split(":")[-1]]) for digest, text in database.execute(
        "SELECT digest, schedule FROM registryVersion WHERE jobId = ? ORDER BY digest", (job,))]
    (state,) = database.execute(
        "SELECT state FROM checkpoint WHERE jobId = ? ORDER BY generation DESC LIMIT 1", (job,)).fetchone()
    database.close()
    checkpoint = json.loads(state if isinstance(state, str) else state.decode())
    return trace, front, checkpoint
