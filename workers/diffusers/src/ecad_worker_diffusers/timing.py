"""Wall-clock latency: CUDA events on a GPU (after warm-up), perf_counter on a CPU."""

from __future__ import annotations

import statistics
import time
from typing import Callable, TypeVar

import torch

T = TypeVar("T")


def timed(run: Callable[[], T], device: torch.device) -> tuple[T, float]:
    """The result of `run()` and the seconds it took (CUDA events around it on a GPU)."""
    if device.type == "cuda":
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        torch.cuda.synchronize(device)
        start.record()
        result = run()
        end.record()
        torch.cuda.synchronize(device)
        return result, start.elapsed_time(end) / 1000.0
    begin = time.perf_counter()
    result = run()
    return result, time.perf_counter() - begin


def measure(run: Callable[[], object], device: torch.device, warmup: int = 1, repeats: int = 3) -> list[float]:
    """Seconds of each of `repeats` calls of `run`, after `warmup` untimed calls."""
    for _ in range(warmup):
        run()
    return [timed(run, device)[1] for _ in range(repeats)]


def median(values: list[float]) -> float:
    return statistics.median(values)
