"""Tiny diffusers pipelines built in memory (random weights, no text encoders: prompt embeddings are given, as
the worker's backend precomputes them once per prompt), and the worker backends around them.

Building twice with the same arguments gives identical pipelines, so a test can run one under the worker and
the other under ecad_diffusers. Needs transformers (the [pipelines] extra): import it after importorskip.
"""

import torch
from diffusers import (AutoencoderKL, DPMSolverMultistepScheduler, FlowMatchEulerDiscreteScheduler, FluxPipeline,
                       PixArtAlphaPipeline)

from ecad_worker_diffusers import configs
from ecad_worker_diffusers.pipelines import ModelSpec, PipelineBackend

PROMPTS = ["a cat", "a dog"]
#: sample_size 32 is what PixArt's 256 px resolution binning expects; the VAE halves once, so 64 px images.
PIXART_CONFIG = {**configs.TINY_PIXART, "sample_size": 32}
PIXART_SIDE = 64
FLUX_CONFIG = {**configs.TINY_FLUX, "in_channels": 16}  # 4 latent channels packed 2x2
FLUX_SIDE = 16


def tiny_vae(latent_channels: int, **extra) -> AutoencoderKL:
    torch.manual_seed(0)
    return AutoencoderKL(in_channels=3, out_channels=3, block_out_channels=(8, 8), layers_per_block=1,
                         down_block_types=("DownEncoderBlock2D",) * 2, up_block_types=("UpDecoderBlock2D",) * 2,
                         latent_channels=latent_channels, norm_num_groups=4, **extra).eval()


def pixart_pipe(cls=PixArtAlphaPipeline):
    return cls(tokenizer=None, text_encoder=None, vae=tiny_vae(4), transformer=configs.build_pixart(PIXART_CONFIG, seed=1),
               scheduler=DPMSolverMultistepScheduler())


def flux_pipe():
    return FluxPipeline(scheduler=FlowMatchEulerDiscreteScheduler(), vae=tiny_vae(4, shift_factor=0.0),
                        text_encoder=None, tokenizer=None, text_encoder_2=None, tokenizer_2=None,
                        transformer=configs.build_flux(FLUX_CONFIG, seed=3))


def pixart_backend(pipe=None) -> PipelineBackend:
    """The worker's backend on a tiny PixArt-alpha pipeline, with seeded embeddings for PROMPTS and ""."""
    spec = ModelSpec("PixArtAlphaPipeline", "-", "-", "float32", PIXART_SIDE, configs.TINY_PIXART_TEXT_TOKENS, False)
    backend = PipelineBackend.from_pipeline("pixart-alpha-256", spec, pipe or pixart_pipe(), torch.device("cpu"))
    g = torch.Generator().manual_seed(2)
    for prompt in PROMPTS + [""]:
        text = torch.randn(1, spec.text_tokens, PIXART_CONFIG["caption_channels"], generator=g)
        backend._embeddings[prompt] = (text, torch.ones(1, spec.text_tokens), torch.zeros_like(text),
                                       torch.ones(1, spec.text_tokens))
    return backend


def flux_backend(pipe=None) -> PipelineBackend:
    """The worker's backend on a tiny FLUX pipeline, with seeded embeddings for PROMPTS."""
    spec = ModelSpec("FluxPipeline", "-", "-", "float32", FLUX_SIDE, configs.TINY_FLUX_TEXT_TOKENS, True)
    backend = PipelineBackend.from_pipeline("flux1-dev-256", spec, pipe or flux_pipe(), torch.device("cpu"))
    g = torch.Generator().manual_seed(4)
    for prompt in PROMPTS:
        backend._embeddings[prompt] = (torch.randn(1, spec.text_tokens, FLUX_CONFIG["joint_attention_dim"], generator=g),
                                       torch.randn(1, FLUX_CONFIG["pooled_projection_dim"], generator=g))
    return backend
