"""feature_drift.py on a tiny random exported model: drift and staleness figures per step, zero where nothing is stale."""

import os
import sys

import pytest
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import feature_drift  # noqa: E402
from shapes_data import Vocabulary  # noqa: E402
from shapes_model import TextEncoder, export, make_transformer  # noqa: E402

WORDS = ["<pad>", "<start>", "a", "small", "red", "circle", "at", "the", "top", "left"]


@pytest.fixture()
def model_dir(tmp_path):
    torch.manual_seed(0)
    transformer = make_transformer(patch=4, layers=2, heads=2, head_dim=8, caption_dim=16)
    with torch.no_grad():
        for parameter in transformer.parameters():
            parameter.add_(torch.randn_like(parameter) * 0.05)
    export(str(tmp_path / "m"), transformer, TextEncoder(len(WORDS), 16), Vocabulary(WORDS), {})
    return str(tmp_path / "m")


def test_drift_and_staleness_per_step(model_dir):
    r = feature_drift.measure(model_dir, ["a small red circle at the top left", "a red circle"], seed=1, steps=6,
                              guidance=4.5, lags=[1, 2])
    assert len(r["t"]) == 6 and r["t"][0] > r["t"][-1]
    assert r["sigma"] == sorted(r["sigma"], reverse=True)
    for series in [*r["drift"].values(), r["v"], r["x0"], r["eps"]]:
        assert series[0] is None and all(v > 0 for v in series[1:])
    assert r["stale"][1][0] is None and r["stale"][2][:2] == [None, None]
    assert all(v > 0 for v in r["stale"][1][1:] + r["stale"][2][2:])


def test_main_prints_a_row_per_step(model_dir, tmp_path, capsys):
    prompts = tmp_path / "p.txt"
    prompts.write_text("# c\na small red circle at the top left\n")
    assert feature_drift.main(["--model", model_dir, "--prompts", str(prompts), "--steps", "4", "--lags", "1"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2 + 4 and rows[1].split()[:3] == ["step", "t", "sigma"]


def test_replaying_a_steps_own_outputs_changes_nothing(model_dir):
    r = feature_drift.measure(model_dir, ["a red circle"], seed=2, steps=4, guidance=4.5, lags=[0])
    assert r["stale"][0] == pytest.approx([0.0] * 4, abs=1e-4)
