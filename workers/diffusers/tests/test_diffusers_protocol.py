"""Protocol conformance: the worker as a subprocess, driven over stdin/stdout like ecadd drives it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ecad_diffusers.schedule import Layout, Schedule

SRC = str(Path(__file__).resolve().parents[1] / "src")
SAMPLER = {"name": "euler", "steps": 4, "guidance": 4.5}


LAUNCHER = str(Path(__file__).resolve().parents[1] / "ecad-worker-diffusers")


class WorkerProcess:
    def __init__(self, command=None, **extra_env):
        env = {**os.environ, "PYTHONPATH": SRC, "OMP_NUM_THREADS": "1", "ECAD_PYTHON": sys.executable, **extra_env}
        command = command or [sys.executable, "-m", "ecad_worker_diffusers.worker", "--device", "cpu"]
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env)
        self.heartbeats = 0

    def send(self, message: dict | str) -> None:
        line = message if isinstance(message, str) else json.dumps({"v": 1, **message})
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()

    def read(self) -> dict:
        """The next line that is not a heartbeat or progress (those are counted / checked)."""
        while True:
            line = self.proc.stdout.readline()
            assert line, "worker closed stdout"
            message = json.loads(line)
            assert message["v"] == 1
            if message["type"] == "heartbeat":
                assert message["seq"] == self.heartbeats
                self.heartbeats += 1
                continue
            if message["type"] == "progress":
                assert 0 < message["done"] <= message["total"]
                continue
            return message

    def request(self, message: dict) -> dict:
        self.send(message)
        reply = self.read()
        assert reply.get("id") == message["id"]
        return reply

    def close(self) -> int:
        if self.proc.poll() is None:
            self.proc.kill()
        return self.proc.wait(timeout=30)


@pytest.fixture
def worker():
    process = WorkerProcess()
    yield process
    process.close()


def hello(worker, interval=0.2):
    return worker.request({"type": "hello", "id": "h", "protocol_versions": [1], "heartbeat_interval": interval,
                           "daemon_version": "test"})


def test_hello_load_evaluate_generate_shutdown(worker, tmp_path):
    caps = hello(worker)
    assert caps["type"] == "capabilities" and caps["protocol_version"] == 1 and caps["backend"] == "diffusers"
    assert {"id": "tiny-pixart", "components": ["self_attn", "cross_attn", "ff"]} in caps["models"]
    assert "cpu" in caps["devices"]

    loaded = worker.request({"type": "load", "id": "l", "model": "tiny-pixart", "device": "cpu"})
    assert loaded["type"] == "result" and loaded["of"] == "load"
    assert (loaded["blocks"], loaded["components"]) == (3, ["self_attn", "cross_attn", "ff"])

    layout = Layout.pixart(3)
    full = Schedule.all_compute(4, layout).to_document("tiny-pixart")
    fora = Schedule.fora(4, layout, 2)
    bare = {k: v for k, v in fora.to_document("x").items() if k in ("steps", "blocks", "components", "bits")}
    result = worker.request({"type": "evaluate", "id": "e", "schedules": [full, bare], "prompts": ["a red circle", "b"],
                             "seeds": [0, 1], "sampler": SAMPLER})
    assert result["type"] == "result" and result["of"] == "evaluate"
    first, second = result["evaluations"]
    assert (first["index"], second["index"]) == (0, 1)
    assert first["rewards"] == [0.0, 0.0]  # the all-compute schedule reproduces the uncached images exactly
    assert all(r < 0 for r in second["rewards"])  # FORA-2 images differ from them
    assert second["macs"] < first["macs"] and first["latency_seconds"] > 0

    generated = worker.request({"type": "generate", "id": "g", "schedule": bare, "prompts": ["x", "y"],
                                "seeds": [3, 4], "sampler": SAMPLER, "artifact_dir": str(tmp_path)})
    assert generated["of"] == "generate"
    order = [(i["prompt_index"], i["seed"]) for i in generated["images"]]
    assert order == [(0, 3), (0, 4), (1, 3), (1, 4)]
    assert all(Path(i["path"]).read_bytes().startswith(b"\x89PNG") for i in generated["images"])

    reply = worker.request({"type": "shutdown", "id": "s", "reason": "test"})
    assert (reply["type"], reply["of"]) == ("result", "shutdown")
    assert worker.proc.wait(timeout=30) == 0


def test_heartbeats_arrive_while_idle_with_increasing_seq(worker):
    hello(worker, interval=0.05)
    seqs = []
    while len(seqs) < 3:  # heartbeats keep coming, so each read returns within the interval
        message = json.loads(worker.proc.stdout.readline())
        assert message["type"] == "heartbeat" and "id" not in message
        seqs.append(message["seq"])
    assert seqs == [0, 1, 2]


@pytest.mark.parametrize("line,code,needle", [
    ("not json", "bad_request", "not valid JSON"),
    (json.dumps({"v": 9, "type": "hello", "id": "x"}), "bad_request", "speaks 1"),
    (json.dumps({"v": 1, "type": "dance", "id": "x"}), "bad_request", "not a daemon request"),
])
def test_malformed_lines_get_an_error_and_the_worker_goes_on(worker, line, code, needle):
    worker.send(line)
    error = worker.read()
    assert error["type"] == "error" and error["code"] == code and needle in error["message"]
    assert hello(worker)["type"] == "capabilities"


def test_requests_out_of_order_or_invalid_name_the_problem(worker):
    assert worker.request({"type": "load", "id": "1", "model": "tiny-pixart"})["message"].startswith("load before hello")
    hello(worker)
    assert worker.request({"type": "evaluate", "id": "2", "schedules": [], "prompts": ["a"], "seeds": [0],
                           "sampler": SAMPLER})["code"] == "not_loaded"
    unknown = worker.request({"type": "load", "id": "3", "model": "sdxl"})
    assert unknown["code"] == "unknown_model" and "tiny-pixart" in unknown["message"]
    worker.request({"type": "load", "id": "4", "model": "tiny-pixart"})
    wrong = Schedule.all_compute(4, Layout.pixart(5)).to_document("x")
    reply = worker.request({"type": "evaluate", "id": "5", "schedules": [wrong], "prompts": ["a"], "seeds": [0],
                            "sampler": SAMPLER})
    assert reply["code"] == "bad_request" and "layout" in reply["message"]
    steps = Schedule.all_compute(3, Layout.pixart(3)).to_document("x")
    reply = worker.request({"type": "evaluate", "id": "6", "schedules": [steps], "prompts": ["a"], "seeds": [0],
                            "sampler": SAMPLER})
    assert "3 steps but the sampler runs 4" in reply["message"]
    missing = worker.request({"type": "generate", "id": "7", "prompts": ["a"], "seeds": [0], "sampler": SAMPLER,
                              "artifact_dir": "/nonexistent/dir"})
    assert "artifact_dir" in missing["message"]


def test_unsupported_protocol_version_is_fatal(worker):
    reply = worker.request({"type": "hello", "id": "h", "protocol_versions": [7]})
    assert reply["code"] == "unsupported_version" and reply["fatal"] is True
    assert worker.proc.wait(timeout=30) == 1


def test_stdin_closing_ends_the_worker_cleanly(worker):
    hello(worker)
    worker.proc.stdin.close()
    assert worker.proc.wait(timeout=30) == 0


def test_launcher_script_runs_the_worker_from_the_checkout():
    worker = WorkerProcess([LAUNCHER, "--device", "cpu"])
    try:
        assert hello(worker)["type"] == "capabilities"
        assert worker.request({"type": "shutdown", "id": "s", "reason": "test"})["of"] == "shutdown"
        assert worker.proc.wait(timeout=30) == 0
    finally:
        worker.close()


@pytest.mark.skipif(not (Path(SRC).parents[2] / "models" / "shapes32" / "transformer").is_dir(),
                    reason="models/shapes32 is not there")
def test_shapes32_evaluate_rewards_come_from_the_ecad_binary(tmp_path):
    fake = tmp_path / "ecad"  # `ecad shapes score` stand-in: reward 0.5 for every image
    fake.write_text(f"#!{sys.executable}\nimport json, sys\n"
                    "print('images.u8' if sys.argv[-1] == '--help' else json.dumps({'total': 0.5}))\n")
    fake.chmod(0o755)
    worker = WorkerProcess(None, ECAD_BIN=str(fake))
    try:
        hello(worker)
        loaded = worker.request({"type": "load", "id": "l", "model": "shapes32", "device": "cpu"})
        assert (loaded["steps"], loaded["digest"][:7]) == (20, "sha256:")
        schedule = Schedule.fora(20, Layout.pixart(loaded["blocks"]), 3).to_document("shapes32")
        result = worker.request({"type": "evaluate", "id": "e", "schedules": [schedule],
                                 "prompts": ["a small red circle at the top left"], "seeds": [0],
                                 "sampler": {"name": "dpm-solver++-2m", "steps": 20, "guidance": 4.5}})
        assert result["evaluations"][0]["rewards"] == [0.5]
    finally:
        worker.close()
