"""The native engine's initial noise (Sources/ECADEngine/Generation/GaussianNoise.swift), reproduced bit for bit.

One stream per seed: SplitMix64 (state += 0x9E3779B97F4A7C15, then the two xor-shift multiplies), each 64-bit
draw turned into a uniform in (0, 1] as ((bits >> 11) + 1) / 2^53; pairs of uniforms (u1, u2) give
r = sqrt(-2 ln u1) and the two values r cos(2 pi u2), r sin(2 pi u2), computed in float64 and rounded to float32,
in row-major order of the requested shape (an odd count drops the last value).
"""

from __future__ import annotations

import numpy as np
import torch

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
MIX1 = np.uint64(0xBF58476D1CE4E5B9)
MIX2 = np.uint64(0x94D049BB133111EB)


def _splitmix64(seed: int, count: int) -> np.ndarray:
    """The first `count` outputs of SplitMix64 started at `seed` (uint64)."""
    with np.errstate(over="ignore"):
        state = np.uint64(seed) + GOLDEN * np.arange(1, count + 1, dtype=np.uint64)
        z = (state ^ (state >> np.uint64(30))) * MIX1
        z = (z ^ (z >> np.uint64(27))) * MIX2
        return z ^ (z >> np.uint64(31))


def native_noise(seed: int, shape: tuple[int, ...]) -> torch.Tensor:
    """Standard-normal float32 noise of `shape`, equal to the native engine's `GaussianNoise(seed:).tensor(shape)`."""
    count = int(np.prod(shape))
    pairs = (count + 1) // 2
    uniform = ((_splitmix64(seed, 2 * pairs) >> np.uint64(11)).astype(np.float64) + 1) / float(1 << 53)
    radius = np.sqrt(-2 * np.log(uniform[0::2]))
    angle = 2 * np.pi * uniform[1::2]
    values = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1).reshape(-1)[:count]
    return torch.from_numpy(values.astype(np.float32).reshape(shape))
