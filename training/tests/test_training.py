"""The trainer runs, resumes exactly, exports the layout the native engine reads, and is reproducible from its seed."""

import json
import os
import sys

import numpy as np
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import train_shapes32  # noqa: E402
from shapes_data import Vocabulary  # noqa: E402

WORDS = ["<pad>", "<start>", "a", "small", "red", "blue", "circle", "square", "at", "the", "top", "left"]


@pytest.fixture()
def raw_dir(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    n = 32
    np.random.default_rng(0).integers(0, 255, (n, 32, 32, 3), dtype=np.uint8).tofile(d / "images.u8")
    prompts = ["a small red circle at the top left", "a small blue square at the top left"] * (n // 2)
    (d / "prompts.txt").write_text("\n".join(prompts) + "\n")
    (d / "manifest.json").write_text(json.dumps({"count": n, "width": 32, "height": 32, "format": "raw"}))
    (tmp_path / "vocab.json").write_text(json.dumps(WORDS))
    (tmp_path / "eval.txt").write_text("# comment\na small red circle at the top left\n")
    return tmp_path


def run(tmp, out, steps, extra=()):
    args = ["--out", str(out), "--data", str(tmp / "data"), "--vocab", str(tmp / "vocab.json"), "--steps", str(steps),
            "--batch", "4", "--layers", "1", "--heads", "2", "--head-dim", "8", "--caption-dim", "16",
            "--log-every", "2", "--checkpoint-every", "2", "--threads", "1", *extra]
    assert train_shapes32.main(args) == 0
    return [json.loads(l) for l in (out / "log.jsonl").read_text().splitlines()]


def test_export_layout_and_eval_samples(raw_dir):
    out = raw_dir / "run"
    run(raw_dir, out, 4, ["--eval-prompts", str(raw_dir / "eval.txt")])
    model = out / "model"
    for rel in ["transformer/config.json", "transformer/diffusion_pytorch_model.safetensors",
                "text_encoder/config.json", "text_encoder/model.safetensors", "tokenizer/vocab.json",
                "scheduler/scheduler_config.json", "ecad.json"]:
        assert (model / rel).exists(), rel
    assert json.loads((model / "scheduler/scheduler_config.json").read_text())["prediction_type"] == "v_prediction"
    assert os.path.getsize(out / "eval/images.u8") == 32 * 32 * 3


def test_same_seed_same_losses_and_resume_continues(raw_dir):
    a = run(raw_dir, raw_dir / "a", 6)
    b = run(raw_dir, raw_dir / "b", 6)
    assert [r["loss"] for r in a] == [r["loss"] for r in b]
    run(raw_dir, raw_dir / "c", 6, ["--stop-after", "3"])
    c = run(raw_dir, raw_dir / "c", 6)
    assert [r["loss"] for r in c][-1] == [r["loss"] for r in a][-1]


def test_unknown_word_names_vocabulary():
    vocab = Vocabulary(WORDS)
    with pytest.raises(ValueError, match="unknown word 'green'.*vocabulary: a small"):
        vocab.encode("a green circle")
