"""Transformer configs: the published full-size ones (for random-weight timing) and tiny ones (for CPU tests).

The full configs are the `transformer/config.json` values of PixArt-alpha/PixArt-XL-2-256x256 and
black-forest-labs/FLUX.1-dev; latency does not depend on weight values, so random weights time the same.
"""

from __future__ import annotations

import torch
from diffusers import FluxTransformer2DModel, PixArtTransformer2DModel

PIXART_ALPHA_256 = dict(
    num_attention_heads=16, attention_head_dim=72, in_channels=4, out_channels=8, num_layers=28,
    cross_attention_dim=1152, attention_bias=True, sample_size=32, patch_size=2, activation_fn="gelu-approximate",
    num_embeds_ada_norm=1000, norm_type="ada_norm_single", norm_elementwise_affine=False, norm_eps=1e-6,
    caption_channels=4096, use_additional_conditions=False,
)
#: Text tokens of a PixArt-alpha caption (T5, max_sequence_length 120).
PIXART_ALPHA_TEXT_TOKENS = 120

FLUX1_DEV = dict(
    patch_size=1, in_channels=64, num_layers=19, num_single_layers=38, attention_head_dim=128,
    num_attention_heads=24, joint_attention_dim=4096, pooled_projection_dim=768, guidance_embeds=True,
    axes_dims_rope=(16, 56, 56),
)
#: Text tokens of a FLUX.1-dev prompt (T5, max_sequence_length 512).
FLUX1_TEXT_TOKENS = 512

#: Widths that make the full-size configs tiny (block counts unchanged): gpu_check --tiny uses these.
TINY_PIXART_WIDTHS = dict(num_attention_heads=2, attention_head_dim=8, cross_attention_dim=16, caption_channels=24,
                          sample_size=8)
TINY_FLUX_WIDTHS = dict(num_attention_heads=2, attention_head_dim=8, joint_attention_dim=24, pooled_projection_dim=12,
                        in_channels=16, axes_dims_rope=(2, 2, 4))
#: Tiny models for the CPU tests: tiny widths and few blocks.
TINY_PIXART = {**PIXART_ALPHA_256, **TINY_PIXART_WIDTHS, "num_layers": 3}
TINY_PIXART_TEXT_TOKENS = 6
TINY_FLUX = {**FLUX1_DEV, **TINY_FLUX_WIDTHS, "num_layers": 2, "num_single_layers": 3}
TINY_FLUX_TEXT_TOKENS = 5


def build_pixart(config: dict, seed: int = 0, dtype=torch.float32, device="cpu", randomize: bool = True):
    """A PixArt transformer with seeded random weights (see `build`)."""
    return build(PixArtTransformer2DModel, config, seed, dtype, device, randomize)


def build_flux(config: dict, seed: int = 0, dtype=torch.float32, device="cpu", randomize: bool = True):
    """A FLUX transformer with seeded random weights (see `build`)."""
    return build(FluxTransformer2DModel, config, seed, dtype, device, randomize)


def build(cls, config: dict, seed: int, dtype, device, randomize: bool) -> torch.nn.Module:
    """Constructs `cls(**config)` directly in `dtype` on `device`.

    randomize=True also redraws every parameter (zero-initialized gates included) from a seeded CPU generator,
    which makes outputs depend on caching; for full-size timing use randomize=False (diffusers' own random
    init, drawn on the device, is fast and latency does not depend on the values).
    """
    torch.manual_seed(seed)
    previous = torch.get_default_dtype()
    torch.set_default_dtype(dtype)
    try:
        with torch.device(device):
            model = cls(**config)
    finally:
        torch.set_default_dtype(previous)
    if randomize:
        _randomize(model, seed)
    return model.eval()


@torch.no_grad()
def _randomize(model: torch.nn.Module, seed: int) -> torch.nn.Module:
    """Gives every parameter small random values, so zero-initialized gates and outputs do not hide caching."""
    generator = torch.Generator(device="cpu").manual_seed(seed)
    for parameter in model.parameters():
        noise = torch.randn(parameter.shape, generator=generator, dtype=torch.float32)
        scale = 1.0 / max(1.0, parameter.shape[-1] ** 0.5) if parameter.ndim > 1 else 0.1
        parameter.copy_((noise * scale).to(parameter.device, parameter.dtype))
    return model
