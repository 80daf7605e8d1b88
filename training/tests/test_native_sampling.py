"""The native-engine paths of evaluate_model.py and signal_check.py, against stand-in binaries (fake_ecad_tools)."""

import json
import os
import sys

import numpy as np
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(__file__))

import evaluate_model  # noqa: E402
import fake_ecad_tools  # noqa: E402
from native_worker import Worker, pack_bits  # noqa: E402

PROMPTS = ["a small red circle at the top left", "a yellow square left of a green ring", "a large blue ring in the center"]


@pytest.fixture()
def tools(tmp_path):
    return fake_ecad_tools.install(str(tmp_path))


@pytest.mark.parametrize("paired", ["0", "1"])
def test_generate_is_prompt_major_then_seed_for_crossing_and_pairing_workers(tools, tmp_path, monkeypatch, paired):
    monkeypatch.setenv("FAKE_WORKER_PAIRED", paired)
    worker = Worker(tools[0])
    assert worker.open(str(tmp_path), "test")["blocks"] == 2
    images = worker.generate(PROMPTS, [5, 7], str(tmp_path / "out"))
    worker.close()
    assert images.shape == (6, 32, 32, 3)
    assert [(int(im[0, 0, 1]) // 10, int(im[0, 0, 2])) for im in images] == [(0, 5), (0, 7), (1, 5), (1, 7), (2, 5),
                                                                            (2, 7)]


def test_generate_sends_the_schedule_bits(tools, tmp_path):
    worker = Worker(tools[0])
    worker.open(str(tmp_path), "test")
    half = worker.generate(PROMPTS[:1], [1], str(tmp_path / "a"), bits=pack_bits(20, 2, set(range(0, 20, 2))))
    worker.close()
    assert half[0, 0, 0, 0] == 100


def test_evaluate_model_with_worker_scores_each_section_natively(tools, tmp_path, capsys):
    prompts = tmp_path / "bench.txt"
    prompts.write_text("# header\n# single-object\n" + PROMPTS[0] + "\n" + PROMPTS[2] + "\n# two-object\n" + PROMPTS[1]
                       + "\n")
    out = tmp_path / "eval"
    assert evaluate_model.main(["--model", str(tmp_path), "--prompts", str(prompts), "--ecad", tools[1], "--worker",
                                tools[0], "--out", str(out), "--seed", "3"]) == 0
    lines = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert [(l["section"], l["count"], l["sampler"], l["score"]["total"]) for l in lines] == [
        ("single-object", 2, "native", 1.0), ("two-object", 1, "native", 1.0)]
    images = np.fromfile(out / "single-object" / "images.u8", dtype=np.uint8).reshape(-1, 32, 32, 3)
    assert images[:, 0, 0, 2].tolist() == [3, 3]
    assert json.loads((out / "two-object" / "manifest.json").read_text())["sampler"] == "native"


def test_evaluate_model_refuses_steps_the_worker_does_not_sample(tools, tmp_path):
    prompts = tmp_path / "p.txt"
    prompts.write_text(PROMPTS[0] + "\n")
    with pytest.raises(SystemExit, match="--steps 10"):
        evaluate_model.main(["--model", str(tmp_path), "--prompts", str(prompts), "--ecad", tools[1], "--worker",
                             tools[0], "--out", str(tmp_path / "o"), "--steps", "10"])
