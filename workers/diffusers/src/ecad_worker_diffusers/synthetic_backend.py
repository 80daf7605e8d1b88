"""`tiny-pixart` and `tiny-flux`: seeded random tiny transformers for protocol tests and CPU smoke runs.

Prompts become seeded random caption embeddings (sha256 of the prompt), images are the final latents' first three
channels, and the reward is fidelity to the uncached run of the same prompt and seed: -mean squared error in
[-1, 1] pixel units (0 = identical), so a cached schedule scores below the all-compute one.
"""

from __future__ import annotations

import hashlib

import numpy as np
import torch

from . import configs, synthetic
from .backend import Backend, to_uint8
from .protocol import Sampler


def prompt_embedding(prompt: str, tokens: int, channels: int) -> torch.Tensor:
    seed = int.from_bytes(hashlib.sha256(prompt.encode("utf-8")).digest()[:8], "little")
    return torch.randn(tokens, channels, generator=torch.Generator().manual_seed(seed))


class SyntheticBackend(Backend):
    MODELS = ("tiny-pixart", "tiny-flux")
    samplers = None  # test models: a plain Euler loop whatever the name

    def __init__(self, model_id: str, device: torch.device):
        self.model_id, self.device = model_id, device
        self.is_flux = model_id == "tiny-flux"
        self.max_batch = 4
        if self.is_flux:
            self.rows_per_image, self.tokens, self.side = 1, configs.TINY_FLUX_TEXT_TOKENS, 4
            model = configs.build_flux(configs.TINY_FLUX, seed=0, device=device)
            geometry = synthetic.flux_geometry(1, self.side, self.tokens)
        else:
            self.tokens = configs.TINY_PIXART_TEXT_TOKENS
            model = configs.build_pixart(configs.TINY_PIXART, seed=0, device=device)
            geometry = synthetic.pixart_geometry(model.config, 1, self.tokens)
        super().__init__(model, geometry)
        self._reference: dict[tuple, np.ndarray] = {}

    def _latents(self, prompts: list[str], seeds: list[int], sampler: Sampler) -> torch.Tensor:
        config = self.transformer.config
        if self.is_flux:
            parts = [synthetic.flux_inputs(config, 1, self.side, self.tokens, seed=s, device=self.device)
                     for s in seeds]
            text = torch.stack([prompt_embedding(p, self.tokens, config.joint_attention_dim) for p in prompts])
            inputs = synthetic.FluxInputs(torch.cat([q.latents for q in parts]), text.to(self.device),
                                          torch.cat([q.pooled for q in parts]), parts[0].image_ids, parts[0].text_ids)
            return synthetic.run_flux(self.transformer, inputs, sampler.steps, sampler.guidance)
        parts = [synthetic.pixart_inputs(config, 1, self.tokens, seed=s, device=self.device) for s in seeds]
        cond = torch.stack([prompt_embedding(p, self.tokens, config.caption_channels) for p in prompts])
        uncond = torch.stack([prompt_embedding("", self.tokens, config.caption_channels)] * len(prompts))
        mask = torch.ones(2 * len(prompts), self.tokens)
        inputs = synthetic.PixArtInputs(torch.cat([q.latents for q in parts]),
                                        torch.cat([uncond, cond]).to(self.device), mask.to(self.device))
        return synthetic.run_pixart(self.transformer, inputs, sampler.steps, sampler.guidance)

    def _render(self, prompts, seeds, sampler):
        latents = self._latents(prompts, seeds, sampler)
        if self.is_flux:  # packed [N, T, C] -> [N, C, side, side]
            latents = latents.transpose(1, 2).reshape(len(prompts), -1, self.side, self.side)
        return to_uint8(torch.tanh(latents[:, :3]))

    def rewards(self, prompts, seeds, images, sampler):
        out = []
        for prompt, seed, image in zip(prompts, seeds, images):
            key = (prompt, seed, sampler.steps, sampler.guidance)
            if key not in self._reference:
                self._reference[key] = self._uncached(prompt, seed, sampler)
            diff = (image.astype(np.float64) - self._reference[key].astype(np.float64)) / 127.5
            out.append(-float((diff**2).mean()))
        return out

    def _uncached(self, prompt: str, seed: int, sampler: Sampler) -> np.ndarray:
        saved = self.schedule
        self.set_schedule(None)
        try:
            return self.render([prompt], [seed], sampler)[0]
        finally:
            self.set_schedule(saved)
