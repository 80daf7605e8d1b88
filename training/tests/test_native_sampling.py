"""The native-engine paths of evaluate_model.py and signal_check.py (--seeds, --extra, --compare, --json), against stand-in binaries (fake_ecad_tools)."""

import json
import os
import re
import sys

import numpy as np
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(__file__))

import evaluate_model  # noqa: E402
import fake_ecad_tools  # noqa: E402
import signal_check  # noqa: E402
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


def test_schedule_specs_name_the_steps_that_compute():
    assert signal_check.compute_steps("uncached", 6) == set(range(6))
    assert signal_check.compute_steps("fora-4", 20) == {0, 4, 8, 12, 16}
    assert signal_check.compute_steps("fora-4+last", 20) == {0, 4, 8, 12, 16, 19}
    assert signal_check.compute_steps("fora-4@end", 20) == {0, 3, 7, 11, 15, 19}
    assert signal_check.compute_steps("fora-6@end", 20) == {0, 1, 7, 13, 19}
    assert signal_check.compute_steps("steps:0-3,9", 20) == {0, 1, 2, 3, 9}


@pytest.mark.parametrize("spec, why", [("fora-0", "positive integer"), ("fora-x+last", "positive integer"),
                                       ("steps:1-4", "include 0"), ("steps:0,20", r"0\.\.19"),
                                       ("steps:0,a", "'a' is not a step"), ("lru", "unknown schedule")])
def test_bad_schedule_specs_say_what_is_wrong(spec, why):
    with pytest.raises(ValueError, match=f"schedule '{re.escape(spec)}': .*{why}"):
        signal_check.compute_steps(spec, 20)


def test_signal_check_pairs_prompts_and_seeds_and_adds_extra_schedules(tools, tmp_path, capsys):
    prompts = tmp_path / "cal.txt"
    prompts.write_text("\n".join(PROMPTS) + "\n")
    out = tmp_path / "sig"
    assert signal_check.main(["--worker", tools[0], "--ecad", tools[1], "--model", str(tmp_path), "--prompts",
                              str(prompts), "--seeds", "1", "2", "--extra", "fora-5", "steps:0-9", "--compare",
                              "fora-6", "fora-4", "--out", str(out), "--json", str(tmp_path / "all.jsonl")]) == 0
    text = capsys.readouterr().out
    assert "6 pairs (3 prompts x seeds 1 2)" in text
    rows = {line.split()[0]: line.split() for line in text.splitlines()[2:9]}
    assert list(rows) == ["uncached", "fora-2", "fora-3", "fora-4", "fora-6", "fora-5", "steps:0-9"]
    # The fake's reward is the compute fraction: FORA-4 computes 5 of 20 steps, FORA-5 4, steps 0-9 10.
    assert [rows[name][2] for name in ("uncached", "fora-4", "fora-5", "steps:0-9")] == ["1.000", "0.250", "0.200",
                                                                                          "0.500"]
    assert "fora-6 minus fora-4: -0.0500 reward" in text
    assert "mean log reward difference -0.223 = color -0.042" in text
    records = [json.loads(l) for l in (tmp_path / "all.jsonl").read_text().splitlines()]
    assert len(records) == 7 * 6
    assert [(r["prompt_index"], r["seed"]) for r in records[:4]] == [(0, 1), (0, 2), (1, 1), (1, 2)]
    assert records[0]["psnr"] is None and records[0]["ssim"] == pytest.approx(1.0)


def test_signal_check_refuses_a_comparison_of_unsampled_schedules(tools, tmp_path):
    with pytest.raises(SystemExit):
        signal_check.main(["--worker", tools[0], "--ecad", tools[1], "--out", str(tmp_path), "--compare", "fora-5",
                           "fora-4"])


def test_log_contributions_split_the_log_total_difference_by_part():
    def scored(values, relation=None):
        parts = dict(zip(signal_check.PARTS, values + [relation if relation is not None else 1.0]))
        applicable = signal_check.PARTS if relation is not None else signal_check.PARTS[:-1]
        parts["total"] = float(np.exp(np.mean([np.log(max(0.01, parts[p])) for p in applicable])))
        return parts

    prompts = ["a small red circle at the top left", "a red circle above a blue square"]
    a = [scored([0.9, 0.5, 1.0, 1.0, 0.3]), scored([1.0, 0.8, 1.0, 1.0, 0.6], relation=0.9)]
    b = [scored([0.9, 0.7, 1.0, 1.0, 0.8]), scored([1.0, 0.8, 1.0, 1.0, 0.2], relation=0.9)]
    shares = signal_check.log_contributions(a, b, prompts)
    expected = np.mean([np.log(x["total"]) - np.log(y["total"]) for x, y in zip(a, b)])
    assert sum(shares.values()) == pytest.approx(expected)
    assert shares["color"] == 0 and shares["relation"] == 0
    assert shares["shape"] == pytest.approx(np.log(0.5 / 0.7) / 5 / 2)
    assert shares["background"] == pytest.approx((np.log(0.3 / 0.8) / 5 + np.log(0.6 / 0.2) / 6) / 2)


def test_signal_check_steps_sets_the_sampler_and_schedule_length(tools, tmp_path, capsys):
    prompts = tmp_path / "cal.txt"
    prompts.write_text(PROMPTS[0] + "\n")
    assert signal_check.main(["--worker", tools[0], "--ecad", tools[1], "--prompts", str(prompts), "--steps", "24",
                              "--extra", "fora-5", "--out", str(tmp_path / "sig")]) == 0
    rows = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines()[2:8]}
    # FORA-5 over 24 steps computes steps 0, 5, 10, 15 and 20.
    assert rows["fora-5"][1:3] == ["0.21", "0.210"]  # the fake rounds red to round(200 * 5 / 24) = 42
