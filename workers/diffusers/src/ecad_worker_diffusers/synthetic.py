"""Synthetic conditioning and a fixed denoising loop, for CPU tests and GPU timing without text encoders or VAEs.

The loops call the transformer exactly as the diffusers pipelines do (PixArt: one call per step on the
[uncond, cond] batch; FLUX: one guidance-distilled call per step) and update the latents with a plain Euler step,
so they exercise caching and cost what the real sampling loop costs in the transformer.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from ecad_diffusers.families import Geometry


@dataclass
class PixArtInputs:
    latents: torch.Tensor  # [N, C, H, W]
    text: torch.Tensor  # [2N, L, caption_channels]: uncond rows then cond rows
    mask: torch.Tensor  # [2N, L]


@dataclass
class FluxInputs:
    latents: torch.Tensor  # [N, T, in_channels] (packed)
    text: torch.Tensor  # [N, L, joint_attention_dim]
    pooled: torch.Tensor  # [N, pooled_projection_dim]
    image_ids: torch.Tensor  # [T, 3]
    text_ids: torch.Tensor  # [L, 3]


def pixart_inputs(config, images: int, text_tokens: int, seed: int = 0, dtype=torch.float32, device="cpu") -> PixArtInputs:
    g = torch.Generator().manual_seed(seed)
    side = config.sample_size
    latents = torch.randn(images, config.in_channels, side, side, generator=g)
    text = torch.randn(2 * images, text_tokens, config.caption_channels, generator=g)
    mask = torch.ones(2 * images, text_tokens)
    mask[:images, text_tokens // 2:] = 0  # a shorter unconditional caption, as with a padded "" prompt
    return PixArtInputs(latents.to(device, dtype), text.to(device, dtype), mask.to(device, dtype))


def pixart_geometry(config, images: int, text_tokens: int) -> Geometry:
    return Geometry(rows=2 * images, image_tokens=(config.sample_size // config.patch_size) ** 2, text_tokens=text_tokens)


@torch.no_grad()
def run_pixart(transformer, inputs: PixArtInputs, steps: int, guidance: float = 4.5) -> torch.Tensor:
    """`steps` CFG transformer calls with Euler updates; returns the final latents."""
    x = inputs.latents
    channels = x.shape[1]
    times = torch.linspace(999, 0, steps + 1)
    for i in range(steps):
        t = torch.full((2 * x.shape[0],), int(times[i]), device=x.device, dtype=torch.long)
        out = transformer(
            torch.cat([x, x]), encoder_hidden_states=inputs.text, encoder_attention_mask=inputs.mask, timestep=t,
            added_cond_kwargs={"resolution": None, "aspect_ratio": None}, return_dict=False,
        )[0][:, :channels]
        uncond, cond = out.chunk(2)
        velocity = uncond + guidance * (cond - uncond)
        x = x + (times[i + 1] - times[i]).item() / 1000.0 * velocity
    return x


def flux_inputs(config, images: int, image_side: int, text_tokens: int, seed: int = 0, dtype=torch.float32,
                device="cpu") -> FluxInputs:
    """`image_side` is the packed latent side (256 px -> 16)."""
    g = torch.Generator().manual_seed(seed)
    tokens = image_side * image_side
    latents = torch.randn(images, tokens, config.in_channels, generator=g)
    text = torch.randn(images, text_tokens, config.joint_attention_dim, generator=g)
    pooled = torch.randn(images, config.pooled_projection_dim, generator=g)
    rows = torch.arange(image_side).repeat_interleave(image_side)
    cols = torch.arange(image_side).repeat(image_side)
    image_ids = torch.stack([torch.zeros(tokens), rows.float(), cols.float()], dim=1)
    text_ids = torch.zeros(text_tokens, 3)
    return FluxInputs(*(v.to(device, dtype) for v in (latents, text, pooled)), image_ids.to(device, dtype),
                      text_ids.to(device, dtype))


def flux_geometry(images: int, image_side: int, text_tokens: int) -> Geometry:
    return Geometry(rows=images, image_tokens=image_side * image_side, text_tokens=text_tokens)


@torch.no_grad()
def run_flux(transformer, inputs: FluxInputs, steps: int, guidance: float = 5.0) -> torch.Tensor:
    """`steps` guidance-distilled flow-matching Euler steps; returns the final packed latents."""
    x = inputs.latents
    n = x.shape[0]
    sigmas = torch.linspace(1.0, 0.0, steps + 1)
    g = torch.full((n,), guidance, device=x.device, dtype=x.dtype)
    for i in range(steps):
        t = torch.full((n,), sigmas[i].item(), device=x.device, dtype=x.dtype)
        velocity = transformer(
            hidden_states=x, encoder_hidden_states=inputs.text, pooled_projections=inputs.pooled, timestep=t,
            img_ids=inputs.image_ids, txt_ids=inputs.text_ids, guidance=g, return_dict=False,
        )[0]
        x = x + (sigmas[i + 1] - sigmas[i]).item() * velocity
    return x
