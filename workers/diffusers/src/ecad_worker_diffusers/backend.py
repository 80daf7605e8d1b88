"""What every loaded model offers the worker: images for prompts under a schedule, MACs, and rewards.

A backend owns one transformer with a ComponentCache installed. `render` makes one batch of images (prompts with
one seed each, as uint8 [N, H, W, 3]); `rewards` scores them (None when the backend has no scorer); `macs` counts
one image's multiply-accumulates under a schedule's run plan.
"""

from __future__ import annotations

import hashlib
import os
from abc import ABC, abstractmethod

import numpy as np
import torch

from ecad_diffusers.caching import ComponentCache
from .errors import WorkerError
from ecad_diffusers.families import Geometry, schedule_macs
from .protocol import Sampler
from ecad_diffusers.schedule import Schedule


class Backend(ABC):
    """A loaded model. Subclasses set `model_id`, `transformer`, `device`, `default_steps`, `geometry`."""

    model_id: str
    device: torch.device
    default_steps: int = 20
    #: Batch rows per image: 2 with classifier-free guidance in one batch, 1 for guidance-distilled models.
    rows_per_image: int = 2
    #: Largest number of images rendered in one batch.
    max_batch: int = 8
    #: Sampler names this model runs (requests naming another are refused); None accepts any name.
    samplers: tuple[str, ...] | None = ("dpm-solver++-2m", "dpmpp-2m", "dpmpp_2m", "dpm-solver++2m")

    def __init__(self, transformer: torch.nn.Module, geometry: Geometry):
        self.transformer = transformer
        self.cache = ComponentCache.install(transformer)
        self.layout = self.cache.layout
        self.schedule: Schedule | None = None
        self._component_macs = self.cache.family.component_macs(transformer.config, geometry)
        self._overhead_macs = self.cache.family.overhead_macs(transformer.config, geometry)

    def set_schedule(self, schedule: Schedule | None) -> None:
        """Runs from now on use `schedule` (None = compute everything)."""
        self.cache.set_schedule(schedule)
        self.schedule = schedule

    def macs(self, schedule: Schedule) -> float:
        """MACs of one image under `schedule` (linear layers, CFG rows included)."""
        return schedule_macs(schedule.plan(), self._component_macs, self._overhead_macs, self.rows_per_image)

    def check_sampler(self, sampler: Sampler) -> None:
        if self.samplers is not None and sampler.name not in self.samplers:
            raise WorkerError("bad_request", f"sampler {sampler.name!r} is not what {self.model_id} runs; "
                                             f"use one of: {', '.join(self.samplers)}")
        if sampler.steps < 1:
            raise WorkerError("bad_request", f"sampler steps must be >= 1, got {sampler.steps}")

    def render(self, prompts: list[str], seeds: list[int], sampler: Sampler) -> np.ndarray:
        """One batch: image i from prompts[i] and seeds[i]; the cache starts empty for every run."""
        self.cache.reset()
        return self._render(prompts, seeds, sampler)

    @abstractmethod
    def _render(self, prompts: list[str], seeds: list[int], sampler: Sampler) -> np.ndarray:
        """Uint8 images [N, H, W, 3]."""

    def rewards(self, prompts: list[str], seeds: list[int], images: np.ndarray, sampler: Sampler) -> list[float] | None:
        """One reward per image, or None when this model has no scorer in this worker."""
        return None

    def digest(self) -> str | None:
        return None


def files_digest(paths: list[str]) -> str:
    """`sha256:<hex>` over the contents of `paths` in sorted order (the weights digest of LoadResult)."""
    h = hashlib.sha256()
    for path in sorted(paths):
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 24), b""):
                h.update(chunk)
    return "sha256:" + h.hexdigest()


def weight_files(folder: str) -> list[str]:
    return [os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".safetensors")]


def to_uint8(images: torch.Tensor) -> np.ndarray:
    """[-1, 1] float images [N, 3, H, W] -> uint8 [N, H, W, 3], rounding like the training code."""
    return ((images.float().clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(0, 2, 3, 1).cpu().numpy()
