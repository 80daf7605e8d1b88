"""What ecad needs to know about each transformer family: its cacheable modules, their output sizes and MACs.

A family finds the modules to wrap in a loaded diffusers transformer (no block code is copied or subclassed) and
counts, from the config alone, the multiply-accumulates of each component and of the per-step work caching cannot
skip. MACs count linear layers only, per batch row, which is what the reference code's recorded totals match
(PixArt-alpha 256: 285.69 G per step at 2 rows); attention score and value products are left out as there.

Wrapped modules and what their raw output is (the value before the block's gate and residual add):
- PixArt `BasicTransformerBlock`: `attn1` (self_attn, later times gate_msa), `attn2` (cross_attn, no gate),
  `ff` (ff, later times gate_mlp).
- FLUX `FluxTransformerBlock`: `attn` (full_attn: the (image, context) output pair), `ff` (full_ff),
  `ff_context` (full_ff_context).
- FLUX `FluxSingleTransformerBlock`: `attn` (single_attn), `proj_mlp` (single_proj_mlp, the Linear before the GELU,
  which still runs every step), `proj_out` (single_proj_out, the fused Linear before the gate).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from torch import nn

from .errors import UnsupportedPipeline
from .schedule import SLOTS, Layout


@dataclass(frozen=True)
class Target:
    """One cacheable module: block index, component slot, the module, and a readable name."""

    block: int
    slot: int
    module: nn.Module
    name: str


@dataclass(frozen=True)
class Geometry:
    """Sequence sizes of one transformer call: batch rows (2 per image with CFG), image and text tokens."""

    rows: int
    image_tokens: int
    text_tokens: int


class PixArtFamily:
    """PixArtTransformer2DModel (PixArt-alpha, PixArt-Sigma, shapes32)."""

    name = "pixart"

    @staticmethod
    def matches(transformer: nn.Module) -> bool:
        return type(transformer).__name__ == "PixArtTransformer2DModel"

    @staticmethod
    def layout(transformer) -> Layout:
        return Layout.pixart(len(transformer.transformer_blocks))

    @staticmethod
    def targets(transformer) -> list[Target]:
        """Modules in the order a block calls them: attn1, attn2, ff."""
        out = []
        for b, block in enumerate(transformer.transformer_blocks):
            if block.attn2 is None:
                raise UnsupportedPipeline(f"PixArt block {b} has no cross-attention (attn2); not a PixArt model")
            for slot, attr in enumerate(("attn1", "attn2", "ff")):
                out.append(Target(b, slot, getattr(block, attr), f"transformer_blocks.{b}.{attr}"))
        return out

    @staticmethod
    def hidden(config) -> int:
        return config.num_attention_heads * config.attention_head_dim

    @classmethod
    def component_macs(cls, config, geometry: Geometry) -> np.ndarray:
        """MACs per batch row of each component: [B, 3]."""
        d, t, l = cls.hidden(config), geometry.image_tokens, geometry.text_tokens
        ff_inner = 4 * d
        self_attn = 4 * t * d * d
        cross_attn = 2 * t * d * d + 2 * l * config.cross_attention_dim * d
        ff = 2 * t * d * ff_inner
        return np.tile(np.array([self_attn, cross_attn, ff], dtype=np.float64), (config.num_layers, 1))

    @classmethod
    def overhead_macs(cls, config, geometry: Geometry) -> float:
        """MACs per batch row per step outside the cached components (embeddings, modulation, output)."""
        d, t, l, p = cls.hidden(config), geometry.image_tokens, geometry.text_tokens, config.patch_size
        out_channels = config.out_channels or config.in_channels
        patch = t * config.in_channels * p * p * d
        caption = l * (config.caption_channels * d + d * d)
        timestep = 256 * d + d * d + d * 6 * d
        final = t * d * p * p * out_channels
        return float(patch + caption + timestep + final)

    @classmethod
    def component_bytes(cls, config, geometry: Geometry, element_size: int) -> np.ndarray:
        """Bytes of each component's output for one call: [B, 3] (each is [rows, T, D])."""
        size = geometry.rows * geometry.image_tokens * cls.hidden(config) * element_size
        return np.full((config.num_layers, SLOTS), size, dtype=np.int64)


class FluxFamily:
    """FluxTransformer2DModel (FLUX.1-dev, FLUX.1-schnell)."""

    name = "flux"

    @staticmethod
    def matches(transformer: nn.Module) -> bool:
        return type(transformer).__name__ == "FluxTransformer2DModel"

    @staticmethod
    def layout(transformer) -> Layout:
        return Layout.flux(len(transformer.transformer_blocks), len(transformer.single_transformer_blocks))

    @staticmethod
    def targets(transformer) -> list[Target]:
        """Double blocks call attn, ff, ff_context; single blocks call proj_mlp, attn, proj_out."""
        out = []
        for b, block in enumerate(transformer.transformer_blocks):
            for slot, attr in enumerate(("attn", "ff", "ff_context")):
                out.append(Target(b, slot, getattr(block, attr), f"transformer_blocks.{b}.{attr}"))
        offset = len(transformer.transformer_blocks)
        for i, block in enumerate(transformer.single_transformer_blocks):
            for slot, attr in ((1, "proj_mlp"), (0, "attn"), (2, "proj_out")):
                out.append(Target(offset + i, slot, getattr(block, attr), f"single_transformer_blocks.{i}.{attr}"))
        return out

    @staticmethod
    def hidden(config) -> int:
        return config.num_attention_heads * config.attention_head_dim

    @classmethod
    def mlp_hidden(cls, config) -> int:
        return int(cls.hidden(config) * 4.0)

    @classmethod
    def component_macs(cls, config, geometry: Geometry) -> np.ndarray:
        d, t, l, m = cls.hidden(config), geometry.image_tokens, geometry.text_tokens, cls.mlp_hidden(config)
        double = [4 * (t + l) * d * d, 8 * t * d * d, 8 * l * d * d]
        single = [3 * (t + l) * d * d, (t + l) * d * m, (t + l) * (d + m) * d]
        rows = [double] * config.num_layers + [single] * config.num_single_layers
        return np.array(rows, dtype=np.float64)

    @classmethod
    def overhead_macs(cls, config, geometry: Geometry) -> float:
        d, t, l = cls.hidden(config), geometry.image_tokens, geometry.text_tokens
        out_channels = config.out_channels or config.in_channels
        embed = t * config.in_channels * d + l * config.joint_attention_dim * d
        conditioning = (256 * d + d * d) * (2 if config.guidance_embeds else 1) + config.pooled_projection_dim * d + d * d
        modulation = config.num_layers * 2 * d * 6 * d + config.num_single_layers * d * 3 * d + d * 2 * d
        final = t * d * config.patch_size**2 * out_channels
        return float(embed + conditioning + modulation + final)

    @classmethod
    def component_bytes(cls, config, geometry: Geometry, element_size: int) -> np.ndarray:
        d, t, l, m = cls.hidden(config), geometry.image_tokens, geometry.text_tokens, cls.mlp_hidden(config)
        unit = geometry.rows * element_size
        double = [unit * (t + l) * d, unit * t * d, unit * l * d]
        single = [unit * (t + l) * d, unit * (t + l) * m, unit * (t + l) * d]
        rows = [double] * config.num_layers + [single] * config.num_single_layers
        return np.array(rows, dtype=np.int64)


FAMILIES = (PixArtFamily, FluxFamily)


def family_of(transformer: nn.Module):
    """The family of a loaded transformer, or a clear error naming the supported classes."""
    for family in FAMILIES:
        if family.matches(transformer):
            return family
    raise UnsupportedPipeline(
        f"{type(transformer).__name__} is not supported; supported: PixArtTransformer2DModel, FluxTransformer2DModel",
    )


def schedule_macs(plan: np.ndarray, component_macs: np.ndarray, overhead_macs: float, rows_per_image: int) -> float:
    """MACs of one image's denoising under a run plan [S, B, 3] (step 0 already forced to compute)."""
    per_row = plan.shape[0] * overhead_macs + float((plan * component_macs[None]).sum())
    return per_row * rows_per_image
