"""Shared fixtures: tiny seeded PixArt and FLUX transformers and their synthetic inputs (no downloads)."""

import sys
from pathlib import Path

import pytest
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from diffusers_testing import FLUX_SIDE, IMAGES, STEPS  # noqa: E402
from ecad_worker_diffusers import configs, synthetic  # noqa: E402

torch.set_num_threads(1)


@pytest.fixture
def pixart():
    model = configs.build_pixart(configs.TINY_PIXART, seed=1)
    inputs = synthetic.pixart_inputs(model.config, IMAGES, configs.TINY_PIXART_TEXT_TOKENS, seed=2)
    geometry = synthetic.pixart_geometry(model.config, IMAGES, configs.TINY_PIXART_TEXT_TOKENS)
    return model, (lambda: synthetic.run_pixart(model, inputs, STEPS)), geometry


@pytest.fixture
def flux():
    model = configs.build_flux(configs.TINY_FLUX, seed=3)
    inputs = synthetic.flux_inputs(model.config, IMAGES, FLUX_SIDE, configs.TINY_FLUX_TEXT_TOKENS, seed=4)
    geometry = synthetic.flux_geometry(IMAGES, FLUX_SIDE, configs.TINY_FLUX_TEXT_TOKENS)
    return model, (lambda: synthetic.run_flux(model, inputs, STEPS)), geometry
