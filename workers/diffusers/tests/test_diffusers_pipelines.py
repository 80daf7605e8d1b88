"""The real-model backend's pipeline calls, on tiny diffusers pipelines built in memory (no text encoders:
the prompt embeddings are given, as the backend precomputes them once per prompt)."""

import numpy as np
import pytest
import torch

pytest.importorskip("transformers", reason="diffusers' PixArt and FLUX pipelines need transformers (the [pipelines] extra)")

from diffusers import (AutoencoderKL, DPMSolverMultistepScheduler, FlowMatchEulerDiscreteScheduler, FluxPipeline,
                       PixArtAlphaPipeline)

from ecad_worker_diffusers import configs  # noqa: E402
from ecad_worker_diffusers.pipelines import ModelSpec, PipelineBackend
from ecad_worker_diffusers.protocol import Sampler
from ecad_worker_diffusers.schedule import Schedule

PROMPTS = ["a cat", "a dog"]


def tiny_vae(latent_channels: int, **extra) -> AutoencoderKL:
    torch.manual_seed(0)
    return AutoencoderKL(in_channels=3, out_channels=3, block_out_channels=(8, 8), layers_per_block=1,
                         down_block_types=("DownEncoderBlock2D",) * 2, up_block_types=("UpDecoderBlock2D",) * 2,
                         latent_channels=latent_channels, norm_num_groups=4, **extra).eval()


@pytest.fixture
def pixart():
    # sample_size 32 is what PixArt's 256 px resolution binning expects; the VAE halves once, so 64 px images.
    config = {**configs.TINY_PIXART, "sample_size": 32}
    pipe = PixArtAlphaPipeline(tokenizer=None, text_encoder=None, vae=tiny_vae(4),
                               transformer=configs.build_pixart(config, seed=1),
                               scheduler=DPMSolverMultistepScheduler())
    spec = ModelSpec("PixArtAlphaPipeline", "-", "-", "float32", 64, configs.TINY_PIXART_TEXT_TOKENS, False)
    backend = PipelineBackend.from_pipeline("pixart-alpha-256", spec, pipe, torch.device("cpu"))
    g = torch.Generator().manual_seed(2)
    for prompt in PROMPTS + [""]:
        text = torch.randn(1, spec.text_tokens, config["caption_channels"], generator=g)
        backend._embeddings[prompt] = (text, torch.ones(1, spec.text_tokens), torch.zeros_like(text),
                                       torch.ones(1, spec.text_tokens))
    return backend


@pytest.fixture
def flux():
    config = {**configs.TINY_FLUX, "in_channels": 16}  # 4 latent channels packed 2x2
    pipe = FluxPipeline(scheduler=FlowMatchEulerDiscreteScheduler(), vae=tiny_vae(4, shift_factor=0.0),
                        text_encoder=None, tokenizer=None, text_encoder_2=None, tokenizer_2=None,
                        transformer=configs.build_flux(config, seed=3))
    spec = ModelSpec("FluxPipeline", "-", "-", "float32", 16, configs.TINY_FLUX_TEXT_TOKENS, True)
    backend = PipelineBackend.from_pipeline("flux1-dev-256", spec, pipe, torch.device("cpu"))
    g = torch.Generator().manual_seed(4)
    for prompt in PROMPTS:
        backend._embeddings[prompt] = (torch.randn(1, spec.text_tokens, config["joint_attention_dim"], generator=g),
                                       torch.randn(1, config["pooled_projection_dim"], generator=g))
    return backend


@pytest.mark.parametrize("name,sampler", [("pixart", Sampler(steps=4)), ("flux", Sampler("flow-euler", 4, 5.0))])
def test_pipeline_renders_per_seed_images_and_caching_is_exact_then_active(name, sampler, request):
    backend = request.getfixturevalue(name)
    backend.check_sampler(sampler)
    uncached = backend.render(PROMPTS, [0, 1], sampler)
    side = backend.spec.resolution
    assert uncached.shape == (2, side, side, 3) and uncached.dtype == np.uint8
    assert np.array_equal(backend.render(PROMPTS[1:], [1], sampler)[0], uncached[1])  # seed per image, not batch
    backend.set_schedule(Schedule.all_compute(sampler.steps, backend.layout))
    assert np.array_equal(backend.render(PROMPTS, [0, 1], sampler), uncached)
    assert backend.cache.computed_calls == sampler.steps * len(backend.cache.targets)
    backend.set_schedule(Schedule.fora(sampler.steps, backend.layout, 2))
    backend.render(PROMPTS, [0, 1], sampler)
    assert backend.cache.reused_calls == sampler.steps // 2 * len(backend.cache.targets)
    assert backend.macs(Schedule.fora(sampler.steps, backend.layout, 2)) < backend.macs(
        Schedule.all_compute(sampler.steps, backend.layout))
