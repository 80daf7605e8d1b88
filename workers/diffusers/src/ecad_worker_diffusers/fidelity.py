"""PSNR and SSIM of uint8 RGB images [H, W, 3] with numpy, defined exactly as ECADMetrics' `PSNR` and `SSIM`.

PSNR: `10 log10(255^2 / MSE)` over all pixels and channels (identical images: +inf). SSIM: Wang et al. (2004)
with an 11x11 Gaussian window (sigma 1.5, normalized), K1 = 0.01, K2 = 0.03, L = 255, population local variances,
the map over "valid" window positions only, computed per channel and averaged over R, G, B; images smaller than
the window use the largest odd window that fits (same sigma). docs/metrics.md has the details.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    """PSNR in dB of two same-size uint8 images; +inf when they are identical."""
    _same_size(a, b)
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return math.inf if mse == 0 else 10 * math.log10(255 * 255 / mse)


def ssim(a: np.ndarray, b: np.ndarray, window_size: int = 11, sigma: float = 1.5) -> float:
    """Mean SSIM of two same-size uint8 RGB images (mean over the three channels)."""
    _same_size(a, b)
    side = min(a.shape[0], a.shape[1])
    size = min(window_size, side if side % 2 == 1 else side - 1)
    line = np.exp(-((np.arange(size) - size // 2) ** 2) / (2 * sigma * sigma))
    line /= line.sum()
    window = np.outer(line, line)
    return float(np.mean([_channel_ssim(a[..., c].astype(np.float64), b[..., c].astype(np.float64), window)
                          for c in range(3)]))


def _channel_ssim(x: np.ndarray, y: np.ndarray, window: np.ndarray) -> float:
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    shape = window.shape

    def local(z: np.ndarray) -> np.ndarray:
        return np.einsum("ijkl,kl->ij", sliding_window_view(z, shape), window)

    mx, my = local(x), local(y)
    vx, vy, cov = local(x * x) - mx * mx, local(y * y) - my * my, local(x * y) - mx * my
    score = ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2))
    return float(score.mean())


def _same_size(a: np.ndarray, b: np.ndarray) -> None:
    if a.shape != b.shape:
        raise ValueError(f"image size mismatch: {a.shape} vs {b.shape}")


def compare(images: list[np.ndarray], baseline: list[np.ndarray]) -> tuple[float | None, float]:
    """Mean PSNR and mean SSIM over pairs; the PSNR is None when the mean is infinite (an identical pair)."""
    if len(images) != len(baseline) or not images:
        raise ValueError(f"fidelity needs as many images as the baseline: {len(images)} vs {len(baseline)}")
    mean_psnr = float(np.mean([psnr(a, b) for a, b in zip(images, baseline)]))
    mean_ssim = float(np.mean([ssim(a, b) for a, b in zip(images, baseline)]))
    return (mean_psnr if math.isfinite(mean_psnr) else None), mean_ssim
