"""shapes32 through the worker's own pipeline, on a small random model in the shapes32 folder format."""

import importlib
import json
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from diffusers import DPMSolverMultistepScheduler
from safetensors.torch import save_file

import ecad_diffusers
from ecad_diffusers import ModelMismatch, StepCountMismatch
from ecad_diffusers.schedule import Schedule
from ecad_worker_diffusers import configs
from ecad_worker_diffusers.errors import WorkerError
from ecad_worker_diffusers.protocol import Sampler
from ecad_worker_diffusers.shapes32 import Shapes32Backend, ShapesReward, Tokenizer, default_folder

REPO = Path(__file__).resolve().parents[3]
WORDS = ["<pad>", "<start>", "a", "small", "large", "red", "blue", "circle", "square", "at", "the", "top", "left"]
SAMPLER = Sampler(steps=6, guidance=4.5)


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shapes32")
    config = {**configs.TINY_PIXART, "in_channels": 3, "out_channels": 3, "sample_size": 32, "patch_size": 8,
              "caption_channels": 12, "num_layers": 2}
    configs.build_pixart(config, seed=5).save_pretrained(folder / "transformer")
    g = torch.Generator().manual_seed(6)
    (folder / "text_encoder").mkdir()
    save_file({"token_embedding.weight": torch.randn(len(WORDS), 12, generator=g) * 0.5,
               "position_embedding.weight": torch.randn(16, 12, generator=g) * 0.1},
              str(folder / "text_encoder" / "model.safetensors"))
    (folder / "text_encoder" / "config.json").write_text(json.dumps({"vocab_size": len(WORDS), "max_length": 16, "dim": 12}))
    (folder / "tokenizer").mkdir()
    (folder / "tokenizer" / "vocab.json").write_text(json.dumps(WORDS))
    DPMSolverMultistepScheduler(num_train_timesteps=1000, beta_start=1e-4, beta_end=0.02, beta_schedule="linear",
                                prediction_type="v_prediction", solver_order=2,
                                algorithm_type="dpmsolver++").save_config(str(folder / "scheduler"))
    (folder / "ecad.json").write_text(json.dumps({"name": "shapes32", "resolution": 32, "steps": 20}))
    return folder


def test_renders_deterministic_images_per_prompt_and_seed(model_dir):
    backend = Shapes32Backend(str(model_dir), torch.device("cpu"))
    images = backend.render(["a red circle", "a large blue square at the top left"], [7, 7], SAMPLER)
    assert images.shape == (2, 32, 32, 3) and images.dtype == np.uint8
    again = backend.render(["a large blue square at the top left"], [7], SAMPLER)
    assert np.abs(again[0].astype(int) - images[1].astype(int)).max() <= 1  # same image alone or in a batch
    assert not np.array_equal(images[0], backend.render(["a red circle"], [8], SAMPLER)[0])


def test_all_compute_schedule_equals_uncached_and_fora_differs(model_dir):
    backend = Shapes32Backend(str(model_dir), torch.device("cpu"))
    uncached = backend.render(["a red circle"], [1], SAMPLER)
    backend.set_schedule(Schedule.all_compute(SAMPLER.steps, backend.layout))
    assert np.array_equal(backend.render(["a red circle"], [1], SAMPLER), uncached)
    backend.set_schedule(Schedule.fora(SAMPLER.steps, backend.layout, 3))
    assert not np.array_equal(backend.render(["a red circle"], [1], SAMPLER), uncached)


def test_ecad_diffusers_enable_on_the_shapes32_sampler_gives_the_workers_images(model_dir):
    prompts, seeds = ["a red circle", "a blue square"], [3, 4]
    worker = Shapes32Backend(str(model_dir), torch.device("cpu"))
    schedule = Schedule.fora(SAMPLER.steps, worker.layout, 2)
    uncached = worker.render(prompts, seeds, SAMPLER)
    worker.set_schedule(schedule)
    expected = worker.render(prompts, seeds, SAMPLER)
    user = Shapes32Backend(str(model_dir), torch.device("cpu"))
    handle = ecad_diffusers.enable(user, schedule.to_document("shapes32"))
    assert np.array_equal(user.render(prompts, seeds, SAMPLER), expected)
    assert handle.reused_calls == worker.cache.reused_calls > 0
    with pytest.raises(StepCountMismatch, match="this run has 5 steps"):
        user.render(prompts, seeds, Sampler(steps=5))
    with pytest.raises(ModelMismatch, match="Shapes32Backend runs shapes32"):
        ecad_diffusers.enable(user, schedule.to_document("pixart-alpha-256"))
    ecad_diffusers.disable(user)
    assert np.array_equal(user.render(prompts, seeds, SAMPLER), uncached)


def test_sampler_matches_the_training_code(model_dir, monkeypatch):
    """The worker's pipeline is its own code; the training script's sampler must give the same image."""
    monkeypatch.syspath_prepend(str(REPO / "training"))
    try:
        shapes_model = importlib.import_module("shapes_model")
    except ImportError as error:
        pytest.skip(f"training/shapes_model.py not importable here: {error}")
    transformer, text_encoder, vocab = shapes_model.load(str(model_dir))
    expected = shapes_model.sample(transformer, text_encoder, vocab, ["a small red circle"], seed=3, steps=6)
    backend = Shapes32Backend(str(model_dir), torch.device("cpu"))
    assert np.array_equal(backend.render(["a small red circle"], [3], SAMPLER), expected.numpy())


def test_tokenizer_encodes_like_the_format_says():
    ids, mask = Tokenizer(WORDS).encode("A Red circle")
    assert ids[:4] == [1, 2, 5, 7] and ids[4:] == [0] * 12
    assert mask == [1.0] * 4 + [0.0] * 12
    with pytest.raises(WorkerError, match="'green' is not in the shapes32 vocabulary"):
        Tokenizer(WORDS).encode("a green circle")


def test_missing_model_names_the_variable(tmp_path):
    with pytest.raises(WorkerError, match="ECAD_SHAPES32") as error:
        Shapes32Backend(str(tmp_path / "nowhere"), torch.device("cpu"))
    assert error.value.code == "missing_weights"


def test_a_sampler_the_model_does_not_run_is_refused(model_dir):
    backend = Shapes32Backend(str(model_dir), torch.device("cpu"))
    backend.check_sampler(Sampler(name="dpmpp-2m"))
    with pytest.raises(WorkerError, match="sampler 'euler' is not what shapes32 runs"):
        backend.check_sampler(Sampler(name="euler"))


FAKE_ECAD = """#!{python}
# Stands in for `ecad shapes score DIR`: total = mean pixel value / 255 of DIR/images.u8.
import json, sys
if sys.argv[1:4] == ["shapes", "score", "--help"]:
    print("Score DIR/images.u8 ([N,32,32,3] uint8) against DIR/prompts.txt")
    sys.exit(0)
data = open(sys.argv[3] + "/images.u8", "rb").read()
assert open(sys.argv[3] + "/prompts.txt").read().strip()
print(json.dumps({{"count": 1, "total": sum(data) / len(data) / 255}}))
"""


def test_rewards_come_from_ecad_shapes_score_one_image_at_a_time(model_dir, tmp_path, monkeypatch):
    fake = tmp_path / "ecad"
    fake.write_text(FAKE_ECAD.format(python=sys.executable))
    fake.chmod(0o755)
    backend = Shapes32Backend(str(model_dir), torch.device("cpu"), ecad=str(fake))
    images = backend.render(["a red circle", "a blue square"], [0, 1], SAMPLER)
    rewards = backend.rewards(["a red circle", "a blue square"], [0, 1], images, SAMPLER)
    assert rewards == pytest.approx([float(i.mean()) / 255 for i in images])


def test_without_a_shapes_scorer_rewards_are_left_out(model_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("ECAD_BIN", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    placeholder = tmp_path / "ecad"  # an ecad without `shapes score` (prints something else, exits 0)
    placeholder.write_text("#!/bin/sh\necho not built yet\n")
    placeholder.chmod(0o755)
    assert ShapesReward.find(None) is None
    backend = Shapes32Backend(str(model_dir), torch.device("cpu"))
    assert backend.rewards(["a"], [0], np.zeros((1, 32, 32, 3), np.uint8), SAMPLER) is None


@pytest.mark.skipif(not (Path(default_folder()) / "transformer").is_dir(), reason="models/shapes32 is not there")
def test_shipped_model_samples_like_the_training_code(monkeypatch):
    monkeypatch.syspath_prepend(str(REPO / "training"))
    shapes_model = importlib.import_module("shapes_model")
    transformer, text_encoder, vocab = shapes_model.load(default_folder())
    prompt = "a small red circle at the top left"
    expected = shapes_model.sample(transformer, text_encoder, vocab, [prompt], seed=5)
    backend = Shapes32Backend(None, torch.device("cpu"))
    assert np.array_equal(backend.render([prompt], [5], Sampler()), expected.numpy())
