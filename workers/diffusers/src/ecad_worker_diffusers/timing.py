"""Wall-clock latency: CUDA events on a GPU (after warm-up), perf_counter on a CPU."""

from __future__ import annotations

import statistics
import time
from typing import Callable

import torch


def measure(run: Callable[[], object], device: torch.device, warmup: int = 1, repeats: int = 3) -> list[float]:
    """Seconds of each of `repeats` calls of `run`, after `warmup` untimed calls."""
    for _ in range(warmup):
        run()
    seconds = []
    for _ in range(repeats):
        if device.type == "cuda":
            start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            torch.cuda.synchronize(device)
            start.record()
            run()
            end.record()
            torch.cuda.synchronize(device)
            seconds.append(start.elapsed_time(end) / 1000.0)
        else:
            begin = time.perf_counter()
            run()
            seconds.append(time.perf_counter() - begin)
    return seconds


def median(values: list[float]) -> float:
    return statistics.median(values)
